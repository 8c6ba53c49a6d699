package org.opencsc.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencsc.support.Api;

/**
 * A crash in the middle of the working day: the application (its own JVM, the default H2 file
 * database) is killed with SIGKILL while contacts are still arriving, then started again. Every case
 * whose contact was confirmed (201) is there with its journey, its deadlines and its timers due at the
 * same moments, and the work goes on.
 */
class KillDuringJourneyTest {

  @TempDir Path dataDir;

  @Test
  void everyConfirmedContactTheCaseInProgressAndItsTimersSurviveKillMinus9() throws Exception {
    String childId;
    Map<String, String> timersBefore;
    JsonNode childBefore;
    JsonNode deadlinesBefore;
    List<String> confirmed = new java.util.concurrent.CopyOnWriteArrayList<>();
    int inFlight;

    AppProcess first = AppProcess.start(dataDir, "first");
    try {
      childId = created(first.post("fiona", "/api/contacts", contact()));
      complete(first, "fiona", childId, "Task_DecideOnContact", """
          {"contactOutcome": {"value": "REFERRAL"}, "decisionReason": {"value": "Bruising needs assessment"},
           "primaryNeed": {"value": "N1"}}""");
      complete(first, "tina", childId, "Task_SignOffContactDecision", """
          {"signOffDecision": {"value": "APPROVE"}}""");
      childBefore = json(first.get("fiona", "/api/children/" + childId));
      deadlinesBefore = json(first.get("fiona", "/api/children/" + childId + "/deadlines"));
      timersBefore = timers(first, childId);
      assertThat(timersBefore).as("the allocation deadline is being watched").isNotEmpty();

      // Contacts keep arriving from another system while the process is killed.
      AtomicBoolean stop = new AtomicBoolean();
      ExecutorService sender = Executors.newSingleThreadExecutor();
      Future<Integer> sending = sender.submit(() -> {
        int attempts = 0;
        while (!stop.get()) {
          attempts++;
          try {
            HttpResponse<String> reply = first.post("fiona", "/api/contacts", contact());
            if (reply.statusCode() == 201) {
              confirmed.add(json(reply).get("childId").asText());
            }
          } catch (java.io.IOException connectionCutByTheKill) {
            return attempts;
          }
        }
        return attempts;
      });
      long giveUp = System.nanoTime() + 60_000_000_000L;
      while (confirmed.size() < 5 && !sending.isDone() && System.nanoTime() < giveUp) {
        Thread.sleep(50);
      }
      assertThat(confirmed).as("contacts confirmed before the kill").hasSizeGreaterThanOrEqualTo(5);
      first.killHard();
      stop.set(true);
      inFlight = sending.get();
      sender.shutdownNow();
    } finally {
      first.close();
    }

    try (AppProcess second = AppProcess.start(dataDir, "second")) {
      assertThat(json(second.get("fiona", "/api/children/" + childId))).as("the case after the crash")
          .isEqualTo(childBefore);
      assertThat(json(second.get("fiona", "/api/children/" + childId + "/deadlines")))
          .as("its deadlines after the crash").isEqualTo(deadlinesBefore);
      assertThat(timers(second, childId)).as("its timers, due at the same moments").isEqualTo(timersBefore);

      int lost = 0;
      for (String confirmedChild : confirmed) {
        HttpResponse<String> reply = second.get("fiona", "/api/children/" + confirmedChild);
        if (reply.statusCode() != 200 || !json(reply).get("journeyOpen").asBoolean()) {
          lost++;
        }
      }
      System.out.printf("[kill -9] contacts sent while killing: %d, confirmed before the kill: %d, records lost: %d%n",
          inFlight, confirmed.size(), lost);
      assertThat(lost).as("confirmed contacts lost by the crash").isZero();

      complete(second, "tina", childId, "Task_AllocateSocialWorker", """
          {"allocatedWorker": {"value": "sam"}}""");
      assertThat(json(second.get("fiona", "/api/children/" + childId)).get("allocatedWorker").asText())
          .isEqualTo("sam");
    }
  }

  private static String contact() {
    String laChildId = "K" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    return Api.contact(laChildId, Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString());
  }

  private static String created(HttpResponse<String> reply) throws Exception {
    assertThat(reply.statusCode()).as(reply.body()).isEqualTo(201);
    return json(reply).get("childId").asText();
  }

  private static void complete(AppProcess app, String user, String childId, String taskKey, String variables)
      throws Exception {
    JsonNode tasks = json(app.get(user, "/engine-rest/task?processInstanceBusinessKey=" + childId
        + "&taskDefinitionKey=" + taskKey));
    assertThat(tasks).as("open %s", taskKey).hasSize(1);
    String taskId = tasks.get(0).get("id").asText();
    HttpResponse<String> claim = app.post(user, "/engine-rest/task/" + taskId + "/claim", "{\"userId\": \"" + user + "\"}");
    assertThat(claim.statusCode()).as(claim.body()).isEqualTo(204);
    HttpResponse<String> done = app.post(user, "/engine-rest/task/" + taskId + "/complete",
        "{\"variables\": " + variables + "}");
    assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
  }

  /** Timer jobs of every process of the child, read by the engine administrator: id → due date. */
  private static Map<String, String> timers(AppProcess app, String childId) throws Exception {
    Map<String, String> timers = new TreeMap<>();
    for (JsonNode instance : json(app.get("admin", "/engine-rest/process-instance?businessKey=" + childId))) {
      for (JsonNode job : json(app.get("admin", "/engine-rest/job?timers=true&processInstanceId="
          + instance.get("id").asText()))) {
        timers.put(job.get("id").asText(), job.get("dueDate").asText());
      }
    }
    return timers;
  }

  private static JsonNode json(HttpResponse<String> reply) throws Exception {
    assertThat(reply.statusCode()).as(reply.body()).isBetween(200, 299);
    return HostileInput.JSON.readTree(reply.body());
  }
}
