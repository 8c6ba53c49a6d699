package org.opencsc.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencsc.support.Api;
import org.opencsc.support.JourneyTest;
import org.opencsc.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two people (or one person's two browser tabs) doing the same thing at the same moment: the same
 * contact sent twice at once makes one case and one journey; two completions of one task leave exactly
 * one completion, and the other is told 409 (changed meanwhile), 404 (already gone) or, when its check
 * ran after the task's authorizations were gone, 403 — never 500.
 */
@JourneyTest
class ConcurrentRequestsTest {

  static final int ROUNDS = 8;

  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired org.camunda.bpm.engine.TaskService tasks;

  final ExecutorService threads = Executors.newFixedThreadPool(2);

  @BeforeEach
  void clock() {
    TestClock.setLondon("2026-11-27T10:30:00");
  }

  @AfterEach
  void stop() {
    TestClock.reset();
    threads.shutdownNow();
  }

  @Test
  void theSameContactSentTwiceAtOnceMakesOneCaseAndOneJourney() throws Exception {
    Api fiona = new Api(rest, "fiona");
    for (int round = 0; round < ROUNDS; round++) {
      String laChildId = "D" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
      String contact = Api.contact(laChildId, "2026-11-27T10:15:00Z");

      List<Api.Reply> replies = atOnce(() -> fiona.post("/api/contacts", contact),
          () -> fiona.post("/api/contacts", contact));

      assertThat(replies).extracting(Api.Reply::status).as("%s", replies).containsExactly(201, 201);
      assertThat(replies.stream().map(r -> r.json().get("childId").asText()).distinct()).as("one child").hasSize(1);
      assertThat(replies).extracting(r -> r.json().get("joinedExistingJourney").asBoolean())
          .containsExactlyInAnyOrder(false, true);
      String childId = replies.get(0).json().get("childId").asText();
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM child WHERE la_child_id = ?", Integer.class, laChildId))
          .as("children recorded").isEqualTo(1);
      assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("child-journey")
          .processInstanceBusinessKey(childId).count()).as("journeys").isEqualTo(1);
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM contact WHERE child_id = ?", Integer.class, childId))
          .as("both contacts are kept").isEqualTo(2);
    }
  }

  @Test
  void twoCompletionsOfOneTaskAtOnceLeaveOneCompletionAndTellTheOtherPersonClearly() throws Exception {
    Api fiona = new Api(rest, "fiona");
    Map<Integer, Integer> losers = new TreeMap<>();
    for (int round = 0; round < ROUNDS; round++) {
      String laChildId = "O" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
      String childId = fiona.post("/api/contacts", Api.contact(laChildId, "2026-11-27T10:15:00Z"))
          .json().get("childId").asText();
      String taskId = fiona.get("/engine-rest/task?processInstanceBusinessKey=" + childId
          + "&taskDefinitionKey=Task_DecideOnContact").json().get(0).get("id").asText();

      List<Api.Reply> replies = atOnce(
          () -> fiona.post("/engine-rest/task/" + taskId + "/complete", decision("NFA", "Advice given by school")),
          () -> fiona.post("/engine-rest/task/" + taskId + "/complete", decision("EARLY_HELP", "Family agree to early help")));

      List<Integer> statuses = replies.stream().map(Api.Reply::status).toList();
      assertThat(statuses).as("%s", replies).containsOnlyOnce(204);
      int winner = statuses.indexOf(204);
      Api.Reply loser = replies.get(1 - winner);
      // 409/404 normally; 403 when the loser's command ran after the winner had already removed the
      // task's authorizations (Camunda checks those first). Never a 500, never both.
      assertThat(loser.status()).as(loser.body()).isIn(409, 404, 403);
      assertThat(loser.body()).containsAnyOf("reload", "try again", "permission");
      losers.merge(loser.status(), 1, Integer::sum);

      String expectedOutcome = winner == 0 ? "NFA" : "EARLY_HELP";
      String processInstance = history.createHistoricTaskInstanceQuery().taskId(taskId).singleResult()
          .getProcessInstanceId();
      assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(processInstance)
          .variableName("contactOutcome").singleResult().getValue())
          .as("the winner's decision is recorded, not lost or mixed").isEqualTo(expectedOutcome);
      assertThat(history.createHistoricTaskInstanceQuery().taskId(taskId).finished().count()).isEqualTo(1);
      assertThat(tasks.createTaskQuery().processInstanceBusinessKey(childId)
          .taskDefinitionKey("Task_SignOffContactDecision").count()).as("one sign-off task").isEqualTo(1);
    }
    System.out.printf("[concurrency] losing completions by status: %s%n", losers);
  }

  private List<Api.Reply> atOnce(Callable<Api.Reply> first, Callable<Api.Reply> second) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Api.Reply>> futures = new ArrayList<>();
    for (Callable<Api.Reply> call : List.of(first, second)) {
      futures.add(threads.submit(() -> {
        start.await();
        return call.call();
      }));
    }
    start.countDown();
    List<Api.Reply> replies = new ArrayList<>();
    for (Future<Api.Reply> future : futures) {
      replies.add(future.get());
    }
    return replies;
  }

  private static String decision(String outcome, String reason) {
    return "{\"variables\": {\"contactOutcome\": {\"value\": \"" + outcome + "\"}, \"decisionReason\": {\"value\": \""
        + reason + "\"}}}";
  }
}
