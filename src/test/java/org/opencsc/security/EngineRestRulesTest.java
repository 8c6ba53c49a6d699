package org.opencsc.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencsc.support.Api;
import org.opencsc.support.JourneyTest;
import org.opencsc.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/** The case rules hold for clients of the engine REST API too, with clear 403 and 400 answers. */
@JourneyTest
class EngineRestRulesTest {

  @Autowired TestRestTemplate rest;

  String childId;

  @BeforeEach
  void contactArrives() {
    TestClock.setLondon("2026-11-27T10:30:00");
    childId = new Api(rest, "fiona")
        .post("/api/contacts", Api.contact("R" + UUID.randomUUID().toString().substring(0, 8), "2026-11-27T10:15:00Z"))
        .json().get("childId").asText();
  }

  @Test
  void whoeverMadeTheDecisionIsRefusedWith403EvenAnAdministratorAndAManagerSignsOff() {
    // only the administrator may both work a front-door task and a manager's sign-off, so only the
    // four-eyes rule stands between them and approving their own decision
    Api admin = new Api(rest, "admin");
    String decision = taskId(admin, "Task_DecideOnContact");
    assertThat(admin.post("/engine-rest/task/" + decision + "/complete", variables(
        "\"contactOutcome\": {\"value\": \"NFA\"}, \"decisionReason\": {\"value\": \"No role for social care\"}"))
        .status()).isEqualTo(204);

    String signOff = taskId(admin, "Task_SignOffContactDecision");
    Api.Reply refused = admin.post("/engine-rest/task/" + signOff + "/complete",
        variables("\"signOffDecision\": {\"value\": \"APPROVE\"}"));
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.body()).contains("Four-eyes");

    Api mark = new Api(rest, "mark");
    assertThat(mark.post("/engine-rest/task/" + signOff + "/complete",
        variables("\"signOffDecision\": {\"value\": \"APPROVE\"}")).status()).isEqualTo(204);
  }

  @Test
  void aRefusedValueIsA400NamingTheFieldAndTheTaskStaysOpen() {
    Api fiona = new Api(rest, "fiona");
    String decision = taskId(fiona, "Task_DecideOnContact");
    Api.Reply refused = fiona.post("/engine-rest/task/" + decision + "/complete",
        variables("\"contactOutcome\": {\"value\": \"MAYBE\"}, \"decisionReason\": {\"value\": \"x\"}"));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body()).contains("contactOutcome");
    assertThat(taskId(fiona, "Task_DecideOnContact")).isEqualTo(decision);
  }

  @Test
  void workDoneThroughRestIsAttributedToTheSignedInUser() {
    Api fiona = new Api(rest, "fiona");
    String decision = taskId(fiona, "Task_DecideOnContact");
    fiona.post("/engine-rest/task/" + decision + "/complete", variables(
        "\"contactOutcome\": {\"value\": \"NFA\"}, \"decisionReason\": {\"value\": \"Advice given by school\"}"));
    Api audrey = new Api(rest, "audrey");
    Api.Reply history = audrey.get("/engine-rest/history/variable-instance?variableName=authorOf_Task_DecideOnContact"
        + "&processInstanceIdIn=" + processInstanceOf(audrey, "Task_SignOffContactDecision"));
    assertThat(history.json().get(0).get("value").asText()).isEqualTo("fiona");
    Api.Reply log = audrey.get("/engine-rest/history/user-operation?taskId=" + decision + "&operationType=Complete");
    assertThat(log.json().get(0).get("userId").asText()).isEqualTo("fiona");
  }

  private String taskId(Api api, String taskKey) {
    Api.Reply tasks = api.get("/engine-rest/task?processInstanceBusinessKey=" + childId + "&taskDefinitionKey=" + taskKey);
    assertThat(tasks.status()).isEqualTo(200);
    assertThat(tasks.json()).hasSize(1);
    return tasks.json().get(0).get("id").asText();
  }

  private String processInstanceOf(Api api, String taskKey) {
    return api.get("/engine-rest/task?processInstanceBusinessKey=" + childId + "&taskDefinitionKey=" + taskKey)
        .json().get(0).get("processInstanceId").asText();
  }

  private static String variables(String fields) {
    return "{\"variables\": {" + fields + "}}";
  }
}
