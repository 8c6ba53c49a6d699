package org.opencsc.oversight;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencsc.support.Api;
import org.opencsc.support.JourneyDriver;
import org.opencsc.support.JourneyTest;
import org.opencsc.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * The auditor's view of a child driven through contact, a breached decision deadline with the
 * manager's reason, allocation, assessment and sign-off: each action with the right user and time.
 */
@JourneyTest
class AuditTrailTest {

  @Autowired TestRestTemplate rest;
  @Autowired JourneyDriver driver;

  String childId;

  @BeforeEach
  void driveTheChild() {
    TestClock.setLondon("2026-11-27T10:30:00");
    childId = new Api(rest, "fiona").post("/api/contacts",
        Api.contact("U" + UUID.randomUUID().toString().substring(0, 8), "2026-11-27T10:15:00Z")).json().get("childId").asText();
    TestClock.setLondon("2026-12-01T00:00:00");           // the decision was due on Monday 30 November
    driver.runDueJobs(childId);                            // warning and breach fire
    TestClock.setLondon("2026-12-01T09:15:00");
    driver.complete("tina", childId, "Task_RecordBreachReasonAndPlan",
        Map.of("breachReason", "Duty worker off sick", "recoveryPlan", "Decision this morning"));
    TestClock.setLondon("2026-12-01T10:00:00");
    driver.complete("fiona", childId, "Task_DecideOnContact",
        Map.of("contactOutcome", "REFERRAL", "decisionReason", "Bruising", "primaryNeed", "N1"));
    TestClock.setLondon("2026-12-01T11:00:00");
    driver.complete("mark", childId, "Task_SignOffContactDecision", Map.of("signOffDecision", "APPROVE"));
    TestClock.setLondon("2026-12-01T12:00:00");
    driver.allocate(childId, "sam");
    TestClock.setLondon("2026-12-10T15:00:00");
    driver.complete("sam", childId, "Task_CarryOutAssessment", JourneyDriver.assessment("NFA"));
    TestClock.setLondon("2026-12-11T09:00:00");
    driver.complete("tina", childId, "Task_SignOffAssessment", Map.of("signOffDecision", "APPROVE"));
  }

  @Test
  void theTrailShowsEachActionWithTheRightUserAndTimeAndTheBreachReason() {
    Api.Reply reply = new Api(rest, "audrey").get("/api/children/" + childId + "/audit");
    assertThat(reply.status()).isEqualTo(200);
    List<JsonNode> entries = new ArrayList<>();
    reply.json().forEach(entries::add);

    assertThat(entries).extracting(e -> e.get("at").asText()).isSorted();
    assertThat(entry(entries, "CONTACT_RECEIVED", "Contact received").get("at").asText()).isEqualTo("2026-11-27T10:15:00Z");
    assertThat(entry(entries, "DEADLINE_BREACHED", "CONTACT_DECISION").get("at").asText()).isEqualTo("2026-12-01T00:00:00Z");
    JsonNode reason = entry(entries, "BREACH_REASON", "CONTACT_DECISION");
    assertThat(reason.get("user").asText()).isEqualTo("tina");
    assertThat(reason.get("at").asText()).isEqualTo("2026-12-01T09:15:00Z");
    assertThat(reason.get("details").get("breachReason").asText()).isEqualTo("Duty worker off sick");

    JsonNode decision = entry(entries, "TASK_COMPLETED", "Decide what happens next");
    assertThat(decision.get("user").asText()).isEqualTo("fiona");
    assertThat(decision.get("at").asText()).isEqualTo("2026-12-01T10:00:00Z");
    assertThat(decision.get("details").get("contactOutcome").asText()).isEqualTo("REFERRAL");
    JsonNode signOff = entry(entries, "SIGN_OFF", "Sign off the contact decision");
    assertThat(signOff.get("user").asText()).isEqualTo("mark");
    assertThat(signOff.get("details").get("signOffDecision").asText()).isEqualTo("APPROVE");

    JsonNode allocation = entry(entries, "ALLOCATION", "sam");
    assertThat(allocation.get("user").asText()).isEqualTo("tina");
    assertThat(allocation.get("at").asText()).isEqualTo("2026-12-01T12:00:00Z");
    assertThat(entry(entries, "TASK_COMPLETED", "child and family assessment").get("user").asText()).isEqualTo("sam");
    JsonNode assessmentSignOff = entry(entries, "SIGN_OFF", "Sign off the assessment");
    assertThat(assessmentSignOff.get("user").asText()).isEqualTo("tina");
    assertThat(assessmentSignOff.get("at").asText()).isEqualTo("2026-12-11T09:00:00Z");
    assertThat(entry(entries, "DEADLINE_DONE_LATE", "CONTACT_DECISION").get("what").asText()).contains("2026-12-01");
    assertThat(entry(entries, "DEADLINE_MET", "ASSESSMENT").get("what").asText()).contains("2026-12-11");
    assertThat(entry(entries, "STAGE_ENDED", "A child's journey")).isNotNull();
  }

  @Test
  void theTrailCanBeFilteredByUserAndDates() {
    Api audrey = new Api(rest, "audrey");
    JsonNode byTina = audrey.get("/api/children/" + childId + "/audit?user=tina").json();
    assertThat(byTina).isNotEmpty().allSatisfy(e -> assertThat(e.get("user").asText()).isEqualTo("tina"));
    JsonNode december10 = audrey.get("/api/children/" + childId + "/audit?from=2026-12-10&to=2026-12-10").json();
    assertThat(december10).isNotEmpty()
        .allSatisfy(e -> assertThat(e.get("at").asText()).startsWith("2026-12-10"));
    assertThat(audrey.get("/api/children/no-such-child/audit").status()).isEqualTo(404);
  }

  private static JsonNode entry(List<JsonNode> entries, String kind, String whatContains) {
    return entries.stream()
        .filter(e -> e.get("kind").asText().equals(kind) && e.get("what").asText().contains(whatContains))
        .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " entry about " + whatContains + " in " + entries));
  }
}
