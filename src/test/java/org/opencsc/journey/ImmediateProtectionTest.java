package org.opencsc.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencsc.support.Api;
import org.opencsc.support.JourneyDriver;
import org.opencsc.support.JourneyTest;
import org.opencsc.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/** Police protection or an emergency protection order at any point of the journey. */
@JourneyTest
class ImmediateProtectionTest {

  @Autowired TestRestTemplate rest;
  @Autowired JourneyDriver driver;
  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;

  String childId;
  String journeyId;

  @BeforeEach
  void childBeingAssessed() {
    TestClock.setLondon("2026-11-27T10:30:00");
    var receipt = driver.contact("I" + UUID.randomUUID().toString().substring(0, 8), "2026-11-27T10:15:00Z");
    childId = receipt.childId();
    journeyId = receipt.journeyId();
    driver.referForAllocation(childId);
    driver.allocate(childId, "sam");
  }

  @Test
  void policeProtectionOnAnOpenCaseStartsAStrategyDiscussionAndLookedAfterUnderL1() {
    TestClock.setLondon("2026-12-02T22:00:00");
    Api.Reply reply = new Api(rest, "sam").post("/api/children/" + childId + "/immediate-protection",
        "{\"type\": \"POLICE_PROTECTION\", \"startedAt\": \"2026-12-02T21:30:00Z\", \"childRemoved\": true}");

    assertThat(reply.status()).isEqualTo(201);
    assertThat(reply.json().get("joinedExistingJourney").asBoolean()).isTrue();
    assertThat(reply.json().get("journeyId").asText()).isEqualTo(journeyId);
    assertThat(reply.json().get("legalStatus").asText()).isEqualTo("L1");
    // the assessment goes on beside the strategy discussion and the placement
    assertThat(driver.openTaskKeys(childId)).contains("Task_CarryOutAssessment", "Task_HoldStrategyDiscussion",
        "Task_RecordPlacement");
    assertThat(engine.getRuntimeService().getVariable(
        driver.task(childId, "Task_RecordPlacement").getProcessInstanceId(), "legalStatus")).isEqualTo("L1");
    assertThat(jdbc.queryForObject("SELECT protection_type FROM immediate_protection WHERE child_id = ?",
        String.class, childId)).isEqualTo("POLICE_PROTECTION");
  }

  @Test
  void theEnquiryAfterImmediateProtectionLeadsToAConferenceOnItsOwnTrack() {
    TestClock.setLondon("2026-12-02T22:00:00");
    new Api(rest, "sam").post("/api/children/" + childId + "/immediate-protection",
        "{\"type\": \"EMERGENCY_PROTECTION_ORDER\", \"startedAt\": \"2026-12-02T18:00:00Z\", \"childRemoved\": false}");
    driver.complete("sam", childId, "Task_HoldStrategyDiscussion", Map.of("discussionDate", "2026-12-02",
        "socialCareAttended", true, "policeAttended", true, "healthAttended", false, "otherAgencies", "",
        "strategyDecision", "START_SECTION_47", "strategyReasons", "Emergency protection order granted"));
    driver.complete("sam", childId, "Task_CarryOutSection47Enquiry", Map.of("s47Outcome", "ICPC",
        "s47ChildSeenDate", "2026-12-02", "s47ChildSeenAlone", false, "s47Findings", "Serious injury"));
    driver.complete("tina", childId, "Task_SignOffSection47Outcome", Map.of("signOffDecision", "APPROVE"));

    assertThat(driver.openTaskKeys(childId)).contains("Task_CarryOutAssessment", "Task_HoldInitialConference");
    BpmnAwareTests.assertThat(driver.journey(childId)).hasPassed("CallActivity_ImmediateStrategy")
        .isWaitingAt("CallActivity_ImmediateChildProtection", "CallActivity_Assessment");
  }

  @Test
  void protectionOfAChildWithNoOpenCaseStartsANewJourneyStraightToAllocationAndStrategy() {
    TestClock.setLondon("2026-12-02T10:00:00");
    driver.complete("sam", childId, "Task_CarryOutAssessment", JourneyDriver.assessment("NFA"));
    driver.complete("tina", childId, "Task_SignOffAssessment", Map.of("signOffDecision", "APPROVE"));
    assertThat(driver.journey(childId)).isNull();

    TestClock.setLondon("2026-12-09T03:00:00");
    Api.Reply reply = new Api(rest, "tina").post("/api/children/" + childId + "/immediate-protection",
        "{\"type\": \"POLICE_PROTECTION\", \"startedAt\": \"2026-12-09T02:00:00Z\", \"childRemoved\": false}");
    assertThat(reply.status()).isEqualTo(201);
    assertThat(reply.json().get("joinedExistingJourney").asBoolean()).isFalse();
    BpmnAwareTests.assertThat(driver.journey(childId)).hasPassed("StartEvent_ImmediateProtectionNewCase")
        .isWaitingAt("CallActivity_Allocation");
    driver.allocate(childId, "sam");
    assertThat(driver.openTaskKeys(childId)).containsExactly("Task_HoldStrategyDiscussion");
  }

  @Test
  void badRequestsNameTheFieldAndUnknownChildrenAreNotFound() {
    Api sam = new Api(rest, "sam");
    Api.Reply bad = sam.post("/api/children/" + childId + "/immediate-protection",
        "{\"type\": \"ARREST\", \"startedAt\": \"2030-01-01T00:00:00Z\"}");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().get("fieldErrors").findValuesAsText("field")).contains("type", "startedAt", "childRemoved");
    assertThat(sam.post("/api/children/nobody/immediate-protection",
        "{\"type\": \"POLICE_PROTECTION\", \"startedAt\": \"2026-11-27T10:00:00Z\", \"childRemoved\": false}").status())
        .isEqualTo(404);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM immediate_protection WHERE child_id = ?", Long.class, childId))
        .isZero();
  }

  @Test
  void changesForALookedAfterChildReachTheLookedAfterModel() {
    Api sam = new Api(rest, "sam");
    assertThat(sam.post("/api/children/" + childId + "/looked-after/changes", "{\"change\": \"MISSING_FROM_CARE\"}")
        .status()).isEqualTo(409);
    TestClock.setLondon("2026-12-02T22:00:00");
    sam.post("/api/children/" + childId + "/immediate-protection",
        "{\"type\": \"POLICE_PROTECTION\", \"startedAt\": \"2026-12-02T21:30:00Z\", \"childRemoved\": true}");
    Map<String, Object> placement = new java.util.HashMap<>(Map.of("placementStart", "2026-12-02",
        "placementType", "U1", "placementProvider", "PR1", "placementPostcode", "CH41 1AA",
        "placementUrn", "SC123456", "longTermPlacement", false, "homePostcode", "CH41 2BB"));
    driver.complete("sam", childId, "Task_RecordPlacement", placement);

    Api.Reply missing = sam.post("/api/children/" + childId + "/looked-after/changes", "{\"change\": \"MISSING_FROM_CARE\"}");
    assertThat(missing.status()).isEqualTo(201);
    assertThat(sam.post("/api/children/" + childId + "/looked-after/changes", "{\"change\": \"MOVED\"}").status())
        .isEqualTo(400);
    assertThat(driver.openTaskKeys(childId)).anyMatch(key -> key.toLowerCase().contains("missing"));
  }
}
