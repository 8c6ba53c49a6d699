package org.opencsc.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencsc.support.Api;
import org.opencsc.support.JourneyDriver;
import org.opencsc.support.JourneyTest;
import org.opencsc.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/**
 * Every demo user (one per role) against every sensitive operation, through the engine REST API and
 * /api, as docs/security.md says. Each operation lists who is allowed; everyone else must be refused.
 */
@JourneyTest
class RoleMatrixTest {

  static final List<String> EVERYONE = List.of(
      "fiona", "sam", "lucy", "carl", "pat", "tina", "mark", "sue", "ian", "leo", "audrey", "admin");
  static final Set<String> SOCIAL_WORKERS = Set.of("fiona", "sam", "lucy", "carl");
  static final Set<String> MANAGERS = Set.of("tina", "mark");

  @Autowired TestRestTemplate rest;
  @Autowired JourneyDriver driver;

  String childId;
  String journeyId;
  final List<String> mismatches = new ArrayList<>();

  @BeforeEach
  void contactAwaitingTheFrontDoorDecision() {
    TestClock.setLondon("2026-11-27T10:30:00");
    Api.Reply reply = call("fiona", HttpMethod.POST, "/api/contacts", contact());
    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    JsonNode receipt = reply.json();
    childId = receipt.get("childId").asText();
    journeyId = receipt.get("journeyId").asText();
  }

  @Test
  void onlyTheFrontDoorSeesAndWorksAContactDecisionAndAuditorsOnlySeeIt() {
    String task = driver.task(childId, "Task_DecideOnContact").getId();
    expect("see the front door's task", Set.of("fiona", "audrey", "admin"),
        user -> call(user, HttpMethod.GET, "/engine-rest/task?processInstanceBusinessKey=" + childId
            + "&taskDefinitionKey=Task_DecideOnContact", null).json().size() == 1);
    expect("read the task by id", Set.of("fiona", "audrey", "admin"),
        user -> call(user, HttpMethod.GET, "/engine-rest/task/" + task, null).status() == 200);
    expect("complete another team's task", Set.of(),
        user -> !"fiona".equals(user) && !"admin".equals(user) && call(user, HttpMethod.POST,
            "/engine-rest/task/" + task + "/complete", decision()).status() != 403);
    expect("claim the front door's task", Set.of("fiona", "admin"), user -> {
      boolean claimed = call(user, HttpMethod.POST, "/engine-rest/task/" + task + "/claim",
          "{\"userId\": \"" + user + "\"}").status() == 204;
      if (claimed) {
        assertThat(call(user, HttpMethod.POST, "/engine-rest/task/" + task + "/unclaim", null).status()).isEqualTo(204);
      }
      return claimed;
    });
    assertThat(mismatches).isEmpty();
  }

  @Test
  void anAssessmentIsSeenAndWorkedByItsWorkerAndTeamOnly() {
    driver.referForAllocation(childId);
    driver.allocate(childId, "sam");
    String task = driver.task(childId, "Task_CarryOutAssessment").getId();
    expect("see the assessment team's task", Set.of("sam", "audrey", "admin"),
        user -> call(user, HttpMethod.GET, "/engine-rest/task/" + task, null).status() == 200);
    expect("claim a task of another team", Set.of("sam", "admin"), user -> !"sam".equals(user)
        && !"admin".equals(user) ? call(user, HttpMethod.POST, "/engine-rest/task/" + task + "/claim",
            "{\"userId\": \"" + user + "\"}").status() != 403 : true);
    assertThat(mismatches).isEmpty();
  }

  @Test
  void nobodySignsOffTheirOwnWorkAndOnlyManagersSignOff() {
    driver.complete("fiona", childId, "Task_DecideOnContact", java.util.Map.of(
        "contactOutcome", "NFA", "decisionReason", "Advice given by school", "primaryNeed", "N9"));
    String signOff = driver.task(childId, "Task_SignOffContactDecision").getId();
    expect("complete a sign-off (refused ones first)", Set.of(), user -> !MANAGERS.contains(user)
        && !"admin".equals(user) && call(user, HttpMethod.POST, "/engine-rest/task/" + signOff + "/complete",
            approve()).status() != 403);
    assertThat(call("fiona", HttpMethod.POST, "/engine-rest/task/" + signOff + "/complete", approve()).status())
        .as("the author signs off her own decision").isEqualTo(403);
    assertThat(call("tina", HttpMethod.POST, "/engine-rest/task/" + signOff + "/complete", approve()).status())
        .as("a team manager signs off").isEqualTo(204);
    assertThat(mismatches).isEmpty();
  }

  @Test
  void onlyContactRecordersStartWorkAndOnlyAdminsStartOrCancelAJourneyDirectly() {
    expect("record a contact in Tasklist (start record-contact)",
        Set.of("fiona", "sam", "lucy", "carl", "tina", "mark", "admin"),
        user -> call(user, HttpMethod.POST, "/engine-rest/process-definition/key/record-contact/start",
            recordContactForm()).status() == 200);
    expect("start a child-journey directly", Set.of("admin"), user -> !"admin".equals(user)
        ? call(user, HttpMethod.POST, "/engine-rest/process-definition/key/child-journey/start", "{}").status() != 403
        : true);
    expect("change a journey variable", Set.of("admin"), user -> call(user, HttpMethod.POST,
        "/engine-rest/process-instance/" + journeyId + "/variables",
        "{\"modifications\": {\"caseTeam\": {\"value\": \"front-door\"}}}").status() == 204);
    expect("cancel a journey", Set.of("admin"), user -> call(user, HttpMethod.DELETE,
        "/engine-rest/process-instance/" + journeyId, null).status() == 204);
    assertThat(mismatches).isEmpty();
  }

  @Test
  void historyIsReadByManagersAndAuditorsAndOnlyAdminsAdminister() {
    expect("read the journey's history", Set.of("tina", "mark", "sue", "audrey", "admin"),
        user -> call(user, HttpMethod.GET, "/engine-rest/history/process-instance?processInstanceBusinessKey="
            + childId, null).json().size() > 0);
    expect("read who did what (user operation log)", Set.of("tina", "mark", "sue", "audrey", "admin"),
        user -> call(user, HttpMethod.GET, "/engine-rest/history/user-operation?processInstanceId=" + journeyId
            + "&operationType=Create", null).json().size() > 0);
    expect("create a user", Set.of("admin"), user -> {
      String id = "tmp" + UUID.randomUUID().toString().substring(0, 8);
      boolean created = call(user, HttpMethod.POST, "/engine-rest/user/create",
          "{\"profile\": {\"id\": \"" + id + "\", \"firstName\": \"T\", \"lastName\": \"T\"},"
              + " \"credentials\": {\"password\": \"Long-enough-1\"}}").status() == 204;
      if (created) {
        assertThat(call(user, HttpMethod.DELETE, "/engine-rest/user/" + id, null).status()).isEqualTo(204);
      }
      return created;
    });
    assertThat(mismatches).isEmpty();
  }

  @Test
  void everyApiEndpointAnswersByRole() {
    Set<String> everyone = Set.copyOf(EVERYONE);
    expect("POST /api/contacts", Set.of("fiona", "sam", "lucy", "carl", "tina", "mark", "admin"),
        user -> call(user, HttpMethod.POST, "/api/contacts", contact()).status() == 201);
    expect("GET /api/children/{id}", everyone, user -> ok(user, "/api/children/" + childId));
    expect("GET /api/children?laChildId", everyone, user -> ok(user, "/api/children?laChildId=X1"));
    expect("GET /api/children/{id}/deadlines", everyone, user -> ok(user, "/api/children/" + childId + "/deadlines"));
    expect("GET /api/timescales", everyone, user -> ok(user, "/api/timescales"));
    expect("GET /api/timescales/{id}/due", everyone, user -> ok(user, "/api/timescales/ICPC/due?trigger=2026-12-23"));
    expect("GET /api/children/{id}/audit", Set.of("audrey", "tina", "mark", "sue", "admin"),
        user -> ok(user, "/api/children/" + childId + "/audit"));
    // a bad body shows the role check was passed without changing the case (400, not 403)
    Set<String> caseWorkers = new java.util.HashSet<>(SOCIAL_WORKERS);
    caseWorkers.addAll(Set.of("tina", "mark", "sue"));
    expect("POST immediate-protection", caseWorkers, user -> allowed(call(user, HttpMethod.POST,
        "/api/children/" + childId + "/immediate-protection", "{}")));
    expect("POST looked-after/changes", caseWorkers, user -> allowed(call(user, HttpMethod.POST,
        "/api/children/" + childId + "/looked-after/changes", "{\"change\": \"NOT_A_CHANGE\"}")));
    expect("GET /api/returns/**", Set.of("audrey", "sue", "admin"),
        user -> allowed(call(user, HttpMethod.GET, "/api/returns/cin-census?year=2026", null)));
    Set<String> oversight = new java.util.HashSet<>(caseWorkers);
    oversight.addAll(Set.of("audrey", "admin"));
    expect("GET /api/oversight/**", oversight,
        user -> allowed(call(user, HttpMethod.GET, "/api/oversight/caseloads", null)));
    expect("an /api path without a rule", Set.of("admin"),
        user -> allowed(call(user, HttpMethod.GET, "/api/no-such-thing", null)));
    assertThat(mismatches).isEmpty();
  }

  @Test
  void unauthenticatedCallsGet401AndAWrongRoleGets403() {
    for (String path : List.of("/engine-rest/task", "/engine-rest/history/process-instance",
        "/api/children/" + childId, "/api/timescales", "/api/returns/cin-census", "/api/oversight/caseloads")) {
      Api.Reply anonymous = call(null, HttpMethod.GET, path, null);
      assertThat(anonymous.status()).as(path).isEqualTo(401);
      assertThat(anonymous.json().get("status").asInt()).isEqualTo(401);
    }
    assertThat(callWithPassword("nobody", "guess", "/api/timescales").status()).isEqualTo(401);
    Api.Reply wrongRole = call("pat", HttpMethod.GET, "/api/children/" + childId + "/audit", null);
    assertThat(wrongRole.status()).isEqualTo(403);
    assertThat(wrongRole.json().get("message").asText()).contains("role");
  }

  private void expect(String operation, Set<String> allowed, Predicate<String> succeeds) {
    for (String user : EVERYONE) {
      boolean did = succeeds.test(user);
      if (did != allowed.contains(user)) {
        mismatches.add(operation + ": " + user + (did ? " was allowed" : " was refused"));
      }
    }
  }

  private boolean ok(String user, String path) {
    return call(user, HttpMethod.GET, path, null).status() == 200;
  }

  private static boolean allowed(Api.Reply reply) {
    return reply.status() != 401 && reply.status() != 403;
  }

  private Api.Reply call(String user, HttpMethod method, String path, String body) {
    return user == null ? exchange(null, null, method, path, body) : exchange(user, user, method, path, body);
  }

  private Api.Reply callWithPassword(String user, String password, String path) {
    return exchange(user, password, HttpMethod.GET, path, null);
  }

  private Api.Reply exchange(String user, String password, HttpMethod method, String path, String body) {
    HttpHeaders headers = new HttpHeaders();
    if (user != null) {
      headers.setBasicAuth(user, password);
    }
    if (body != null) {
      headers.setContentType(MediaType.APPLICATION_JSON);
    }
    var response = rest.exchange(path, method, new HttpEntity<>(body, headers), String.class);
    return new Api.Reply(response.getStatusCode().value(), response.getBody());
  }

  private static String contact() {
    return Api.contact("M" + UUID.randomUUID().toString().substring(0, 8), "2026-11-27T10:15:00Z");
  }

  private static String decision() {
    return "{\"variables\": {\"contactOutcome\": {\"value\": \"NFA\"}, \"decisionReason\": {\"value\": \"x\"},"
        + " \"primaryNeed\": {\"value\": \"N9\"}}}";
  }

  private static String approve() {
    return "{\"variables\": {\"signOffDecision\": {\"value\": \"APPROVE\"}}}";
  }

  private static String recordContactForm() {
    String laChildId = "S" + UUID.randomUUID().toString().substring(0, 8);
    return """
        {"variables": {"laChildId": {"value": "%s"}, "firstName": {"value": "Ann"}, "lastName": {"value": "Example"},
          "dateOfBirth": {"value": "2015-06-01"}, "sex": {"value": "F"}, "ethnicity": {"value": "WBRI"},
          "receivedDate": {"value": "2026-11-27"}, "receivedTime": {"value": "10:15"}, "source": {"value": "5A"},
          "summary": {"value": "Nursery reports bruising"}}}
        """.formatted(laChildId);
  }
}
