package org.opencsc.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opencsc.deadlines.Deadline;
import org.opencsc.deadlines.DeadlineService;
import org.opencsc.deadlines.DeadlineStatus;
import org.opencsc.support.JourneyDriver;
import org.opencsc.support.JourneyTest;
import org.opencsc.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The child and family assessment: 45 working days from the referral date. Referral on Friday
 * 27 November 2026 → due Wednesday 3 February 2027 (working days skip 25 and 28 December and
 * 1 January); warning 5 working days before, 00:00 Wednesday 27 January; breach 00:00 4 February.
 */
@JourneyTest
class AssessmentProcessTest {

  static final Instant WARNING = Instant.parse("2027-01-27T00:00:00Z");
  static final Instant BREACH = Instant.parse("2027-02-04T00:00:00Z");

  @Autowired ProcessEngine engine;
  @Autowired JourneyDriver driver;
  @Autowired DeadlineService deadlines;
  @Autowired JdbcTemplate jdbc;

  String childId;
  ProcessInstance journey;

  @BeforeEach
  void allocatedToSam() {
    TestClock.setLondon("2026-11-27T10:30:00");
    childId = driver.contact("S" + UUID.randomUUID().toString().substring(0, 8), "2026-11-27T10:15:00Z").childId();
    journey = driver.journey(childId);
    driver.referForAllocation(childId);
    driver.allocate(childId, "sam");
    TestClock.setLondon("2026-12-02T09:00:00");
  }

  @Test
  void theAssessmentIsDueFortyFiveWorkingDaysAfterTheReferralAcrossChristmas() {
    Deadline assessment = deadline();
    assertThat(assessment.triggerDate()).isEqualTo("2026-11-27");
    assertThat(assessment.dueDate()).isEqualTo("2027-02-03");
    assertThat(driver.task(childId, "Task_CarryOutAssessment").getDueDate())
        .isEqualTo(Date.from(Instant.parse("2027-02-03T23:59:59Z")));
    assertThat(driver.timers(childId)).singleElement()
        .satisfies(job -> assertThat(job.getDuedate()).isEqualTo(Date.from(WARNING)));
  }

  @ParameterizedTest(name = "{0} closes the case at {1} with reason {2}")
  @CsvSource({
      "NFA, EndEvent_CaseClosed, RC8",
      "EARLY_HELP, EndEvent_SteppedDownAfterSocialCare, RC9"})
  void anAssessmentThatEndsTheCaseClosesTheCinEpisodeWithItsReason(String outcome, String endEvent, String reason) {
    driver.complete("sam", childId, "Task_CarryOutAssessment", JourneyDriver.assessment(outcome));
    driver.complete("tina", childId, "Task_SignOffAssessment", Map.of("signOffDecision", "APPROVE"));

    BpmnAwareTests.assertThat(journey).isEnded().hasPassed("CallActivity_Assessment", endEvent);
    Map<String, Object> referral = jdbc.queryForMap("SELECT * FROM referral WHERE child_id = ?", childId);
    assertThat(referral).containsEntry("CLOSURE_REASON", reason);
    assertThat(referral.get("CLOSURE_DATE").toString()).isEqualTo("2026-12-02");
  }

  @ParameterizedTest(name = "{0} goes on to {1}")
  @CsvSource({
      "NFA, Task_RecordClosure",
      "EARLY_HELP, Task_RecordStepDown",
      "CIN_PLAN, CallActivity_ChildInNeed",
      "STRATEGY, CallActivity_Section47",
      "LAC, CallActivity_LookedAfter"})
  void aSignedOffAssessmentIsRecordedAndTheJourneyFollowsItsOutcome(String outcome, String nextStep) {
    driver.complete("sam", childId, "Task_CarryOutAssessment", JourneyDriver.assessment(outcome));
    driver.complete("tina", childId, "Task_SignOffAssessment", Map.of("signOffDecision", "APPROVE"));

    BpmnAwareTests.assertThat(journey).hasPassed("CallActivity_Assessment");
    assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery()
        .processInstanceId(journey.getId()).activityId(nextStep).count()).isEqualTo(1);
    Map<String, Object> row = jdbc.queryForMap("SELECT * FROM assessment WHERE child_id = ?", childId);
    assertThat(row).containsEntry("OUTCOME", outcome).containsEntry("FACTORS", "1B,3A")
        .containsEntry("CHILD_SEEN_ALONE", true).containsEntry("SAFETY_SCALE", 6)
        .containsEntry("COMPLETED_BY", "sam").containsEntry("AUTHORISED_BY", "tina");
    assertThat(row.get("AUTHORISATION_DATE").toString()).isEqualTo("2026-12-02");
    assertThat(deadline().status()).isEqualTo(DeadlineStatus.MET);
    assertThat(deadline().metDate()).isEqualTo("2026-12-02");
  }

  @Test
  void aManagerCanReturnTheAssessmentForMoreWork() {
    driver.complete("sam", childId, "Task_CarryOutAssessment", JourneyDriver.assessment("NFA"));
    driver.complete("tina", childId, "Task_SignOffAssessment",
        Map.of("signOffDecision", "RETURN", "signOffComments", "See the child alone first"));

    assertThat(driver.task(childId, "Task_CarryOutAssessment").getAssignee()).isEqualTo("sam");
    driver.complete("sam", childId, "Task_CarryOutAssessment", JourneyDriver.assessment("CIN_PLAN"));
    driver.complete("mark", childId, "Task_SignOffAssessment", Map.of("signOffDecision", "APPROVE"));
    BpmnAwareTests.assertThat(journey).hasPassed("CallActivity_Assessment").isWaitingAt("CallActivity_ChildInNeed");
  }

  @Test
  void theWorkerWhoDidTheAssessmentCannotSignItOff() {
    driver.complete("sam", childId, "Task_CarryOutAssessment", JourneyDriver.assessment("NFA"));
    String signOff = driver.task(childId, "Task_SignOffAssessment").getId();

    assertThatThrownBy(() -> driver.asUser("sam", () ->
        engine.getTaskService().complete(signOff, Map.of("signOffDecision", "APPROVE"))))
        .isInstanceOf(AuthorizationException.class);   // not a manager: refused by authorization before four eyes
    assertThat(driver.openTaskKeys(childId)).contains("Task_SignOffAssessment");
  }

  @Test
  void impossibleValuesAreRefusedWhicheverClientSendsThem() {
    Map<String, Object> scaleTooHigh = JourneyDriver.assessment("NFA");
    scaleTooHigh.put("safetyScale", 11L);
    assertThatThrownBy(() -> driver.complete("sam", childId, "Task_CarryOutAssessment", scaleTooHigh))
        .hasMessageContaining("safetyScale");
    Map<String, Object> seenTomorrow = JourneyDriver.assessment("NFA");
    seenTomorrow.put("childSeenDate", "2026-12-03");
    assertThatThrownBy(() -> driver.complete("sam", childId, "Task_CarryOutAssessment", seenTomorrow))
        .hasMessageContaining("childSeenDate");
    Map<String, Object> unknownOutcome = JourneyDriver.assessment("ADOPTION");
    assertThatThrownBy(() -> driver.complete("sam", childId, "Task_CarryOutAssessment", unknownOutcome))
        .hasMessageContaining("assessmentOutcome");
    assertThat(driver.openTaskKeys(childId)).containsExactly("Task_CarryOutAssessment");
  }

  @Test
  void afterTheBreachTheAssessmentStaysOpenBesideTheManagersOverdueTask() {
    TestClock.set(WARNING);
    assertThat(driver.runDueJobs(childId)).isEqualTo(1);
    TestClock.set(BREACH.minusSeconds(1));
    assertThat(driver.runDueJobs(childId)).isZero();
    TestClock.set(BREACH);
    assertThat(driver.runDueJobs(childId)).isEqualTo(1);

    assertThat(deadline().status()).isEqualTo(DeadlineStatus.BREACHED);
    assertThat(driver.openTaskKeys(childId))
        .containsExactlyInAnyOrder("Task_CarryOutAssessment", "Task_RecordBreachReasonAndPlan");
    assertThat(driver.task(childId, "Task_CarryOutAssessment").getPriority()).isEqualTo(80);
  }

  private Deadline deadline() {
    return deadlines.forChild(childId).stream().filter(d -> d.timescaleId().equals("ASSESSMENT"))
        .findFirst().orElseThrow();
  }
}
