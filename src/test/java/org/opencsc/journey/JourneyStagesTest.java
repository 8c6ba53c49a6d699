package org.opencsc.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencsc.support.JourneyDriver;
import org.opencsc.support.JourneyTest;
import org.opencsc.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The hub of the child's journey: each stage hands back to "What happens next for the child?" and
 * the journey goes on, closes with the CIN census reason, or ends a parallel track.
 */
@JourneyTest
class JourneyStagesTest {

  @Autowired ProcessEngine engine;
  @Autowired JourneyDriver driver;
  @Autowired JdbcTemplate jdbc;

  String childId;
  ProcessInstance journey;

  @BeforeEach
  void allocated() {
    TestClock.setLondon("2026-11-27T10:30:00");
    childId = driver.contact("H" + UUID.randomUUID().toString().substring(0, 8), "2026-11-27T10:15:00Z").childId();
    journey = driver.journey(childId);
    driver.referForAllocation(childId);
    driver.allocate(childId, "sam");
    TestClock.setLondon("2026-12-02T10:00:00");
  }

  @Test
  void aChildInNeedPlanThatClosesHandsBackToTheHubWhichClosesTheCase() {
    assess("CIN_PLAN");
    driver.complete("sam", childId, "Task_AgreeChildInNeedPlan", Map.of("cinPlanStartDate", "2026-12-02",
        "planGoals", "Safe supervision", "planActions", "Nursery daily; weekly visits"));
    driver.complete("tina", childId, "Task_SignOffChildInNeedPlan", Map.of("signOffDecision", "APPROVE"));
    driver.allocate(childId, "sam");  // after the transfer to localities, its manager keeps Sam
    TestClock.setLondon("2027-02-25T10:00:00");
    driver.complete("sam", childId, "Task_ReviewChildInNeedPlan", Map.of("cinReviewDate", "2027-02-25",
        "childLastSeenDate", "2027-02-22", "reviewProgress", "Needs met", "cinOutcome", "CLOSE", "closureReason", "RC7"));
    driver.complete("tina", childId, "Task_SignOffChildInNeedReview", Map.of("signOffDecision", "APPROVE"));

    BpmnAwareTests.assertThat(journey).isEnded()
        .hasPassed("CallActivity_ChildInNeed", "Task_RecordClosure", "EndEvent_CaseClosed");
    assertThat(jdbc.queryForObject("SELECT closure_reason FROM referral WHERE child_id = ?", String.class, childId))
        .isEqualTo("RC7");
  }

  @Test
  void aConferenceThatDecidesNoFurtherActionHandsBackAndTheCaseCloses() {
    toConference();
    driver.complete("ian", childId, "Task_HoldInitialConference", Map.of("conferenceDate", "2026-12-02",
        "conferenceAttendance", SpinValues.jsonValue("[\"PARENTS\"]").create(), "icpcOutcome", "NFA",
        "conferenceDecisionReasons", "Risk reduced", "closureReason", "RC7"));

    BpmnAwareTests.assertThat(journey).isEnded()
        .hasPassed("CallActivity_ChildProtection", "EndEvent_CaseClosed");
  }

  @Test
  void accommodationAfterAssessmentThenCareEndsAndTheCaseCloses() {
    assess("LAC");
    driver.complete("sam", childId, "Task_ProposeAccommodation", Map.of("accommodationReasons", "Mother in hospital",
        "alternativesConsidered", "No family available", "proposedStart", "2026-12-02", "noObjectionFromParents", true));
    driver.complete("sue", childId, "Task_SignOffAccommodation", Map.of("signOffDecision", "APPROVE"));
    driver.complete("sam", childId, "Task_RecordPlacement", placement("2026-12-02"));
    TestClock.setLondon("2026-12-30T10:00:00");
    driver.complete("ian", childId, "Task_ChairLookedAfterReview", Map.of("reviewDate", "2026-12-30",
        "reviewCode", "PN1", "lacReviewOutcome", "CEASE", "reviewRecommendations", "Home to mother"));
    driver.allocate(childId, "sam");  // section 20: the first review transferred the case to localities
    driver.complete("sam", childId, "Task_CeaseCare", Map.of("ceaseDate", "2026-12-30",
        "reasonEpisodeCeased", "E4A", "ceaseCareReasons", "Mother home from hospital"));
    driver.complete("tina", childId, "Task_SignOffCeasingCare", Map.of("signOffDecision", "APPROVE"));

    BpmnAwareTests.assertThat(journey).isEnded()
        .hasPassed("CallActivity_LookedAfter", "EndEvent_CaseClosed");
    assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery()
        .activityId("Task_WithdrawClocksAsCareEnds").processInstanceId(lookedAfterInstance()).count()).isEqualTo(1);
  }

  @Test
  void aLookedAfterTrackEndsWhenCareEndsWhileTheMainStageGoesOn() {
    TestClock.setLondon("2026-12-02T22:00:00");
    engine.getRuntimeService().createMessageCorrelation("BecameLookedAfter").processInstanceId(journey.getId())
        .setVariablesLocal(Map.of("legalStatus", "L1", "placementStart", "2026-12-02")).correlate();
    driver.complete("sam", childId, "Task_RecordPlacement", placement("2026-12-02"));
    TestClock.setLondon("2026-12-30T10:00:00");
    driver.complete("ian", childId, "Task_ChairLookedAfterReview", Map.of("reviewDate", "2026-12-30",
        "reviewCode", "PN1", "lacReviewOutcome", "CEASE", "reviewRecommendations", "Home"));
    driver.complete("sam", childId, "Task_CeaseCare", Map.of("ceaseDate", "2026-12-30",
        "reasonEpisodeCeased", "E4A", "ceaseCareReasons", "Police protection ended"));
    driver.complete("tina", childId, "Task_SignOffCeasingCare", Map.of("signOffDecision", "APPROVE"));

    BpmnAwareTests.assertThat(journey).isActive().hasPassed("EndEvent_LookedAfterTrackEnded")
        .isWaitingAt("CallActivity_Assessment");
  }

  @Test
  void anEnquiryAfterImmediateProtectionThatNeedsNoConferenceEndsItsTrack() {
    immediateProtection();
    driver.complete("sam", childId, "Task_CarryOutSection47Enquiry", Map.of("s47Outcome", "NFA",
        "s47ChildSeenDate", "2026-12-02", "s47ChildSeenAlone", true, "s47Findings", "Accidental injury",
        "closureReason", "RC8"));
    driver.complete("tina", childId, "Task_SignOffSection47Outcome", Map.of("signOffDecision", "APPROVE"));
    BpmnAwareTests.assertThat(journey).isActive()
        .hasPassed("EndEvent_ImmediateProtectionEnquiryDone")
        .isWaitingAt("CallActivity_Assessment");
  }

  @Test
  void aConferenceAfterImmediateProtectionEndsItsTrackWhenThePlanIsNotNeeded() {
    immediateProtection();
    driver.complete("sam", childId, "Task_CarryOutSection47Enquiry", Map.of("s47Outcome", "ICPC",
        "s47ChildSeenDate", "2026-12-02", "s47ChildSeenAlone", true, "s47Findings", "Serious concerns"));
    driver.complete("tina", childId, "Task_SignOffSection47Outcome", Map.of("signOffDecision", "APPROVE"));
    driver.complete("ian", childId, "Task_HoldInitialConference", Map.of("conferenceDate", "2026-12-02",
        "conferenceAttendance", SpinValues.jsonValue("[\"PARENTS\"]").create(), "icpcOutcome", "CIN_PLAN",
        "conferenceDecisionReasons", "Support without a plan"));
    BpmnAwareTests.assertThat(journey).isActive()
        .hasPassed("EndEvent_ImmediateProtectionConferenceHeld")
        .isWaitingAt("CallActivity_Assessment");
  }

  private void immediateProtection() {
    engine.getRuntimeService().createMessageCorrelation("ImmediateProtection").processInstanceId(journey.getId())
        .correlate();
    driver.complete("sam", childId, "Task_HoldStrategyDiscussion", Map.of("discussionDate", "2026-12-02",
        "socialCareAttended", true, "policeAttended", true, "healthAttended", false, "otherAgencies", "",
        "strategyDecision", "START_SECTION_47", "strategyReasons", "Police protection"));
  }

  private void toConference() {
    assess("STRATEGY");
    driver.complete("sam", childId, "Task_HoldStrategyDiscussion", Map.of("discussionDate", "2026-12-02",
        "socialCareAttended", true, "policeAttended", true, "healthAttended", true, "otherAgencies", "",
        "strategyDecision", "START_SECTION_47", "strategyReasons", "Injury"));
    driver.complete("sam", childId, "Task_CarryOutSection47Enquiry", Map.of("s47Outcome", "ICPC",
        "s47ChildSeenDate", "2026-12-02", "s47ChildSeenAlone", true, "s47Findings", "Injury"));
    driver.complete("mark", childId, "Task_SignOffSection47Outcome", Map.of("signOffDecision", "APPROVE"));
  }

  private void assess(String outcome) {
    Map<String, Object> values = JourneyDriver.assessment(outcome);
    values.put("childSeenDate", "2026-12-01");
    driver.complete("sam", childId, "Task_CarryOutAssessment", values);
    driver.complete("tina", childId, "Task_SignOffAssessment", Map.of("signOffDecision", "APPROVE"));
  }

  private String lookedAfterInstance() {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("looked-after")
        .processInstanceBusinessKey(childId).singleResult().getId();
  }

  private static Map<String, Object> placement(String start) {
    Map<String, Object> values = new HashMap<>();
    values.put("placementStart", start);
    values.put("placementType", "U1");
    values.put("placementProvider", "PR1");
    values.put("placementPostcode", "CH41 1AA");
    values.put("placementUrn", "SC123456");
    values.put("longTermPlacement", false);
    values.put("homePostcode", "CH41 2BB");
    return values;
  }
}
