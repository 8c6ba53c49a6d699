package org.opencsc.leavingcare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opencsc.calendar.LondonTime;
import org.opencsc.deadlines.Deadline;
import org.opencsc.deadlines.DeadlineService;
import org.opencsc.deadlines.DeadlineStatus;
import org.opencsc.support.JourneyDriver;
import org.opencsc.support.JourneyTest;
import org.opencsc.support.TestChildren;
import org.opencsc.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Leaving care, started on its own for a young person born on Monday 30 November 2010.
 *
 * <p>Dates worked out by hand (calendar months: same day of the month, or the last day of a shorter month):
 * <ul>
 *   <li>16th birthday Monday 30 November 2026 → needs assessment due 3 months later: 30 February 2027 does not
 *       exist, so Sunday 28 February 2027; warning 7 days before, 00:00 Sunday 21 February; breach 00:00
 *       Monday 1 March 2027 (GMT, so London midnight is 00:00Z).</li>
 *   <li>Pathway plan on Tuesday 31 August 2027 → first review due 6 months later: 31 February 2028 does not exist
 *       and 2028 is a leap year, so Tuesday 29 February 2028; warning 00:00 Tuesday 22 February; breach 00:00
 *       Wednesday 1 March; second escalation 5 working days after the breach date (Thu 2, Fri 3, Mon 6, Tue 7,
 *       Wed 8 March; no bank holiday) = 00:00 Wednesday 8 March 2028.</li>
 *   <li>The review is actually held on Monday 28 February 2028 → the next review is due Monday 28 August 2028
 *       (6 months after the actual date, not after the 29 February due date; 28 August 2028 is the summer bank
 *       holiday, which does not matter for a calendar-month limit). London is on BST then: 23:59:59 BST = 22:59:59Z.</li>
 *   <li>21st birthday Sunday 30 November 2031, 00:00 London = 00:00Z; 25th birthday Friday 30 November 2035, 00:00Z.</li>
 * </ul>
 */
@JourneyTest
class LeavingCareProcessTest {

  static final String BORN = "2010-11-30";
  static final Instant NEEDS_WARNING = Instant.parse("2027-02-21T00:00:00Z");
  static final Instant NEEDS_BREACH = Instant.parse("2027-03-01T00:00:00Z");
  static final Instant REVIEW_WARNING = Instant.parse("2028-02-22T00:00:00Z");
  static final Instant REVIEW_BREACH = Instant.parse("2028-03-01T00:00:00Z");
  static final Instant REVIEW_SECOND_ESCALATION = Instant.parse("2028-03-08T00:00:00Z");
  static final Instant TWENTY_FIRST_BIRTHDAY = Instant.parse("2031-11-30T00:00:00Z");
  static final Instant TWENTY_FIFTH_BIRTHDAY = Instant.parse("2035-11-30T00:00:00Z");

  @Autowired ProcessEngine engine;
  @Autowired JourneyDriver driver;
  @Autowired DeadlineService deadlines;
  @Autowired TestChildren children;
  @Autowired JdbcTemplate jdbc;

  String childId;
  ProcessInstance leavingCare;

  // --- the needs assessment clock -------------------------------------------------------------------

  @ParameterizedTest(name = "born {0}, started {1} → eligible {3}, needs assessment due {4}")
  @CsvSource({
      // 16th birthday: 30 Feb 2027 does not exist → 28 Feb
      "2010-11-30, 2026-11-30T09:00:00, , 2026-11-30, 2027-02-28",
      // started three days before the 16th birthday: the clock still runs from the birthday
      "2010-11-30, 2026-11-27T09:00:00, , 2026-11-30, 2027-02-28",
      // an older child eligible today (Sunday 31 January 2027): 31 April does not exist → 30 April
      "2009-05-10, 2027-01-31T10:00:00, , 2027-01-31, 2027-04-30",
      // an older child, eligibility date given by the looked-after model: 29 January → 29 April
      "2009-05-10, 2027-02-02T09:00:00, 2027-01-29, 2027-01-29, 2027-04-29"})
  void theNeedsAssessmentIsDueThreeMonthsAfterEligibility(String born, String startedAt, String eligibilityDate,
      String eligible, String due) {
    TestClock.setLondon(startedAt);
    start(born, eligibilityDate);

    Deadline needs = deadline("PATHWAY_NEEDS_ASSESSMENT");
    assertThat(needs.triggerDate()).isEqualTo(eligible);
    assertThat(needs.dueDate()).isEqualTo(due);
    assertThat(needs.policy()).isEqualTo("WT2023");
    assertThat(driver.task(childId, "Task_AllocatePersonalAdviser").getDueDate())
        .isEqualTo(Date.from(LondonTime.endOfDay(LocalDate.parse(due))));
    assertThat(record().get("ELIGIBILITY_DATE").toString()).isEqualTo(eligible);
    assertThat(record().get("DATE_OF_BIRTH").toString()).isEqualTo(born);
  }

  @Test
  void theNeedsAssessmentClockWarnsAWeekAheadAndBreachesTheDayAfterTheDueDate() {
    TestClock.setLondon("2026-11-30T09:00:00");
    start(BORN, null);
    allocatePat();

    Task assess = driver.task(childId, "Task_AssessNeeds");
    assertThat(assess.getAssignee()).isEqualTo("pat");
    assertThat(assess.getDueDate()).isEqualTo(Date.from(Instant.parse("2027-02-28T23:59:59Z")));
    assertThat(driver.timers(childId)).singleElement()
        .satisfies(job -> assertThat(job.getDuedate()).isEqualTo(Date.from(NEEDS_WARNING)));

    TestClock.set(NEEDS_WARNING);
    assertThat(driver.runDueJobs(childId)).isEqualTo(1);
    assertThat(driver.task(childId, "Task_AssessNeeds").getPriority()).isEqualTo(80);
    TestClock.set(NEEDS_BREACH.minusSeconds(1));
    assertThat(driver.runDueJobs(childId)).isZero();
    TestClock.set(NEEDS_BREACH);
    assertThat(driver.runDueJobs(childId)).isEqualTo(1);
    assertThat(deadline("PATHWAY_NEEDS_ASSESSMENT").status()).isEqualTo(DeadlineStatus.BREACHED);
    assertThat(driver.openTaskKeys(childId)).containsExactly("Task_AssessNeeds", "Task_RecordBreachReasonAndPlan");
  }

  // --- the whole journey to the first review --------------------------------------------------------

  @Test
  void everythingIsRecordedAndEachReviewCountsFromTheActualDateOfThePreviousOne() {
    TestClock.setLondon("2026-11-30T09:00:00");
    start(BORN, null);
    allocatePat();
    TestClock.setLondon("2027-01-15T10:00:00");
    assessNeeds("2027-01-14");
    assertThat(deadline("PATHWAY_NEEDS_ASSESSMENT").status()).isEqualTo(DeadlineStatus.MET);
    assertThat(deadline("PATHWAY_NEEDS_ASSESSMENT").metDate()).isEqualTo("2027-01-15");

    TestClock.setLondon("2027-08-31T11:00:00");
    writePlan();
    driver.complete("tina", childId, "Task_SignOffPathwayPlan", Map.of("signOffDecision", "APPROVE"));

    Deadline firstReview = deadline("PATHWAY_PLAN_REVIEW");
    assertThat(firstReview.triggerDate()).isEqualTo("2027-08-31");
    assertThat(firstReview.dueDate()).isEqualTo("2028-02-29");
    assertThat(driver.task(childId, "Task_ReviewPathwayPlan").getDueDate())
        .isEqualTo(Date.from(Instant.parse("2028-02-29T23:59:59Z")));
    assertThat(supportTimer().getDuedate()).isEqualTo(Date.from(TWENTY_FIRST_BIRTHDAY));

    TestClock.setLondon("2028-02-28T10:00:00");
    driver.complete("pat", childId, "Task_ReviewPathwayPlan", review("2028-02-28"));
    driver.complete("mark", childId, "Task_SignOffPathwayPlanReview", Map.of("signOffDecision", "APPROVE"));

    List<Deadline> reviews = deadlines("PATHWAY_PLAN_REVIEW");
    assertThat(reviews).hasSize(2);
    assertThat(reviews.get(0).status()).isEqualTo(DeadlineStatus.MET);
    assertThat(reviews.get(0).metDate()).isEqualTo("2028-02-28");
    assertThat(reviews.get(1).status()).isEqualTo(DeadlineStatus.OPEN);
    assertThat(reviews.get(1).triggerDate()).isEqualTo("2028-02-28");
    assertThat(reviews.get(1).dueDate()).isEqualTo("2028-08-28");
    Task next = driver.task(childId, "Task_ReviewPathwayPlan");
    assertThat(next.getDueDate()).isEqualTo(Date.from(Instant.parse("2028-08-28T22:59:59Z")));
    assertThat(next.getAssignee()).isEqualTo("pat");
    assertThat(supportTimer().getDuedate()).isEqualTo(Date.from(TWENTY_FIRST_BIRTHDAY));

    Map<String, Object> record = record();
    assertThat(record).containsEntry("PERSONAL_ADVISER", "pat").containsEntry("ADVISER_ALLOCATED_BY", "tina")
        .containsEntry("NEEDS_ASSESSED_BY", "pat").containsEntry("NEEDS", "Needs help finding work and a flat")
        .containsEntry("STAYING_PUT", false);
    assertThat(record.get("NEEDS_ASSESSMENT_DATE").toString()).isEqualTo("2027-01-14");
    assertThat(record.get("SUPPORT_ENDED_ON")).isNull();

    List<Map<String, Object>> plans = plans();
    assertThat(plans).hasSize(2);
    assertThat(plans.get(0)).containsEntry("KIND", "PLAN").containsEntry("PATHWAY_STATUS", "IN_EDUCATION")
        .containsEntry("ACTIVITY", "F2").containsEntry("ACCOM_CODE", "D1").containsEntry("IN_TOUCH", "YES")
        .containsEntry("WRITTEN_BY", "pat").containsEntry("SIGNED_OFF_BY", "tina");
    assertThat(plans.get(0).get("PLAN_DATE").toString()).isEqualTo("2027-08-31");
    assertThat(plans.get(1)).containsEntry("KIND", "REVIEW").containsEntry("PATHWAY_STATUS", "IN_TRAINING_OR_EMPLOYMENT")
        .containsEntry("ACTIVITY", "F4").containsEntry("ACCOM_CODE", "U2").containsEntry("IN_TOUCH", "YES")
        .containsEntry("WRITTEN_BY", "pat").containsEntry("SIGNED_OFF_BY", "mark");
    assertThat(plans.get(1).get("PLAN_DATE").toString()).isEqualTo("2028-02-28");
    assertThat(plans.get(1).get("SIGNED_OFF_DATE").toString()).isEqualTo("2028-02-28");
  }

  // --- sign-off ---------------------------------------------------------------------------------------

  @Test
  void aManagerCanReturnThePlanAndTheReviewForChanges() {
    toFirstReview();
    // (the plan was already returned once and approved by mark in toFirstReview)
    assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceId(leavingCare.getId())
        .taskDefinitionKey("Task_WritePathwayPlan").finished().count()).isEqualTo(2);

    TestClock.setLondon("2028-02-10T10:00:00");
    driver.complete("pat", childId, "Task_ReviewPathwayPlan", review("2028-02-10"));
    driver.complete("tina", childId, "Task_SignOffPathwayPlanReview",
        Map.of("signOffDecision", "RETURN", "signOffComments", "Say what the apprenticeship is"));
    assertThat(driver.task(childId, "Task_ReviewPathwayPlan").getAssignee()).isEqualTo("pat");
    assertThat(deadlines("PATHWAY_PLAN_REVIEW")).singleElement()
        .satisfies(d -> assertThat(d.status()).isEqualTo(DeadlineStatus.OPEN));
    assertThat(plans()).hasSize(1);

    TestClock.setLondon("2028-02-11T10:00:00");
    driver.complete("pat", childId, "Task_ReviewPathwayPlan", review("2028-02-11"));
    driver.complete("tina", childId, "Task_SignOffPathwayPlanReview", Map.of("signOffDecision", "APPROVE"));
    assertThat(plans()).hasSize(2);
    assertThat(plans().get(1).get("PLAN_DATE").toString()).isEqualTo("2028-02-11");
    assertThat(deadlines("PATHWAY_PLAN_REVIEW").get(1).dueDate()).isEqualTo("2028-08-11");
  }

  @Test
  void thePersonalAdviserCannotSignOffTheirOwnPlanOrReview() {
    TestClock.setLondon("2026-11-30T09:00:00");
    start(BORN, null);
    allocatePat();
    assessNeeds("2026-11-30");
    writePlan("2026-11-30");
    String signOff = driver.task(childId, "Task_SignOffPathwayPlan").getId();
    assertThatThrownBy(() -> driver.asUser("pat", () ->
        engine.getTaskService().complete(signOff, Map.of("signOffDecision", "APPROVE"))))
        .isInstanceOf(AuthorizationException.class);   // not a manager: refused by authorization before four eyes
    assertThatThrownBy(() -> engine.getTaskService().setAssignee(signOff, "pat"))
        .isInstanceOf(AuthorizationException.class);
    assertThat(driver.openTaskKeys(childId)).containsExactly("Task_SignOffPathwayPlan");

    driver.complete("tina", childId, "Task_SignOffPathwayPlan", Map.of("signOffDecision", "APPROVE"));
    TestClock.setLondon("2026-12-01T09:00:00");
    driver.complete("pat", childId, "Task_ReviewPathwayPlan", review("2026-12-01"));
    String reviewSignOff = driver.task(childId, "Task_SignOffPathwayPlanReview").getId();
    assertThatThrownBy(() -> driver.asUser("pat", () ->
        engine.getTaskService().complete(reviewSignOff, Map.of("signOffDecision", "APPROVE"))))
        .isInstanceOf(AuthorizationException.class);   // not a manager: refused by authorization before four eyes
    assertThat(driver.openTaskKeys(childId)).containsExactly("Task_SignOffPathwayPlanReview");
  }

  // --- the end of support -----------------------------------------------------------------------------

  @Test
  void theReviewsStopOnTheTwentyFirstBirthdayAndThePersonalAdviserOffersSupportTo25() {
    toFirstReview();
    assertThat(supportTimer().getDuedate()).isEqualTo(Date.from(TWENTY_FIRST_BIRTHDAY));

    TestClock.set(TWENTY_FIRST_BIRTHDAY.minusSeconds(1));
    assertThat(supportTimerIsDue()).isFalse();
    TestClock.set(TWENTY_FIRST_BIRTHDAY);
    assertThat(supportTimerIsDue()).isTrue();
    fireSupportTimer();

    assertThat(driver.openTaskKeys(childId)).contains("Task_OfferSupportTo25").doesNotContain("Task_ReviewPathwayPlan");
    assertThat(driver.task(childId, "Task_OfferSupportTo25").getAssignee()).isEqualTo("pat");
  }

  @Test
  void supportTo25OnRequestKeepsTheReviewsGoingUntilTheTwentyFifthBirthday() {
    toTwentyFirstBirthday();
    Deadline running = deadline("PATHWAY_PLAN_REVIEW");
    driver.complete("pat", childId, "Task_OfferSupportTo25",
        Map.of("supportTo25Requested", "YES", "supportTo25Notes", "Wants help while at college"));

    // the same review clock goes on: no second deadline, the review keeps its due date
    assertThat(deadlines("PATHWAY_PLAN_REVIEW")).singleElement()
        .satisfies(d -> assertThat(d.id()).isEqualTo(running.id()));
    assertThat(driver.task(childId, "Task_ReviewPathwayPlan").getDueDate())
        .isEqualTo(Date.from(LondonTime.endOfDay(running.dueDate())));
    assertThat(supportTimer().getDuedate()).isEqualTo(Date.from(TWENTY_FIFTH_BIRTHDAY));
    assertThat(record()).containsEntry("SUPPORT_TO_25", true);

    // reviews still work after 21: review on Monday 12 January 2032 → next due 12 July 2032
    TestClock.setLondon("2032-01-12T10:00:00");
    driver.complete("pat", childId, "Task_ReviewPathwayPlan", review("2032-01-12"));
    driver.complete("tina", childId, "Task_SignOffPathwayPlanReview", Map.of("signOffDecision", "APPROVE"));
    assertThat(deadlines("PATHWAY_PLAN_REVIEW")).hasSize(2);
    assertThat(deadlines("PATHWAY_PLAN_REVIEW").get(1).dueDate()).isEqualTo("2032-07-12");

    TestClock.set(TWENTY_FIFTH_BIRTHDAY.minusSeconds(1));
    assertThat(supportTimerIsDue()).isFalse();
    TestClock.set(TWENTY_FIFTH_BIRTHDAY);
    fireSupportTimer();

    BpmnAwareTests.assertThat(leavingCare).isEnded()
        .hasPassed("Task_ExtendSupportTo25", "Task_CloseReviewClock", "EndEvent_SupportEnded");
    assertThat(historicActivities("Gateway_WhichBirthday")).isEqualTo(2);
    assertThat(historicActivities("Task_OfferSupportTo25")).isEqualTo(1);
    assertThat(variable("nextStage")).isEqualTo("CLOSE");
    assertThat(variable("closureReason")).isEqualTo("RC7");
    Map<String, Object> record = record();
    assertThat(record).containsEntry("SUPPORT_TO_25", true).containsEntry("SUPPORT_END_REASON", "REACHED_25");
    assertThat(record.get("SUPPORT_ENDED_ON").toString()).isEqualTo("2035-11-30");
    // every review clock was met, or its wait ended when support ended (withdrawn, or breached if overdue)
    assertThat(deadlines("PATHWAY_PLAN_REVIEW")).allSatisfy(d -> assertThat(d.metDate() != null
        || "Leaving care support ended".equals(d.withdrawnReason())).isTrue());
    assertThat(driver.timers(childId)).isEmpty();
  }

  @Test
  void withoutARequestForSupportTo25SupportEndsAtTwentyOne() {
    toTwentyFirstBirthday();
    driver.complete("pat", childId, "Task_OfferSupportTo25", Map.of("supportTo25Requested", "NO"));

    BpmnAwareTests.assertThat(leavingCare).isEnded()
        .hasPassed("Task_OfferSupportTo25", "Task_CloseReviewClock", "Task_RecordEndOfSupport", "EndEvent_SupportEnded")
        .hasNotPassed("Task_ExtendSupportTo25");
    assertThat(variable("nextStage")).isEqualTo("CLOSE");
    assertThat(variable("closureReason")).isEqualTo("RC7");
    Map<String, Object> record = record();
    assertThat(record).containsEntry("SUPPORT_TO_25", false)
        .containsEntry("SUPPORT_END_REASON", "REACHED_21_NO_SUPPORT_TO_25");
    assertThat(record.get("SUPPORT_ENDED_ON").toString()).isEqualTo("2031-11-30");
    // support ended with a review never held: this review clock (due 29 February 2028) stays breached,
    // never met, and its wait ends with the reason
    assertThat(deadline("PATHWAY_PLAN_REVIEW").metDate()).isNull();
    assertThat(deadline("PATHWAY_PLAN_REVIEW").status()).isEqualTo(DeadlineStatus.BREACHED);
    assertThat(deadline("PATHWAY_PLAN_REVIEW").withdrawnReason()).isEqualTo("Leaving care support ended");
    assertThat(driver.timers(childId)).isEmpty();
    assertThat(driver.openTaskKeys(childId)).containsExactly("Task_RecordBreachReasonAndPlan");
  }

  // --- escalation -------------------------------------------------------------------------------------

  @Test
  void anOverdueReviewIsEscalatedWhileTheReviewStaysOpen() {
    toFirstReview();
    assertThat(driver.timers(childId)).extracting(Job::getDuedate)
        .containsExactly(Date.from(REVIEW_WARNING), Date.from(TWENTY_FIRST_BIRTHDAY));

    TestClock.set(REVIEW_WARNING.minusSeconds(1));
    assertThat(driver.runDueJobs(childId)).isZero();
    TestClock.set(REVIEW_WARNING);
    assertThat(driver.runDueJobs(childId)).isEqualTo(1);
    assertThat(driver.task(childId, "Task_ReviewPathwayPlan").getPriority()).isEqualTo(80);

    TestClock.set(REVIEW_BREACH.minusSeconds(1));
    assertThat(driver.runDueJobs(childId)).isZero();
    TestClock.set(REVIEW_BREACH);
    assertThat(driver.runDueJobs(childId)).isEqualTo(1);
    assertThat(deadline("PATHWAY_PLAN_REVIEW").status()).isEqualTo(DeadlineStatus.BREACHED);
    assertThat(driver.openTaskKeys(childId))
        .containsExactly("Task_RecordBreachReasonAndPlan", "Task_ReviewPathwayPlan");
    Task breach = driver.task(childId, "Task_RecordBreachReasonAndPlan");
    assertThat(engine.getTaskService().getIdentityLinksForTask(breach.getId()))
        .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("team-managers"));
    driver.complete("tina", childId, "Task_RecordBreachReasonAndPlan", Map.of(
        "breachReason", "Young person in hospital; review postponed", "recoveryPlan", "Review on the ward next week"));
    assertThat(deadline("PATHWAY_PLAN_REVIEW").breachRecordedBy()).isEqualTo("tina");

    TestClock.set(REVIEW_SECOND_ESCALATION.minusSeconds(1));
    assertThat(driver.runDueJobs(childId)).isZero();
    TestClock.set(REVIEW_SECOND_ESCALATION);
    assertThat(driver.runDueJobs(childId)).isEqualTo(1);
    assertThat(driver.openTaskKeys(childId)).containsExactly("Task_ReviewOverdueWork", "Task_ReviewPathwayPlan");

    // the late review is still done, recorded as breached, and the next one counts from its actual date
    TestClock.setLondon("2028-03-08T15:00:00");
    driver.complete("pat", childId, "Task_ReviewPathwayPlan", review("2028-03-08"));
    driver.complete("mark", childId, "Task_SignOffPathwayPlanReview", Map.of("signOffDecision", "APPROVE"));
    List<Deadline> reviews = deadlines("PATHWAY_PLAN_REVIEW");
    assertThat(reviews.get(0).status()).isEqualTo(DeadlineStatus.BREACHED);
    assertThat(reviews.get(0).metDate()).isEqualTo("2028-03-08");
    assertThat(reviews.get(1).dueDate()).isEqualTo("2028-09-08");
  }

  // --- values the engine refuses ---------------------------------------------------------------------

  @Test
  void impossibleValuesAreRefusedNamingTheField() {
    TestClock.setLondon("2026-11-30T09:00:00");
    start(BORN, null);
    assertThatThrownBy(() -> driver.complete("tina", childId, "Task_AllocatePersonalAdviser",
        Map.of("personalAdviser", "sam"))).hasMessageContaining("personalAdviser");
    allocatePat();
    assertThatThrownBy(() -> driver.complete("pat", childId, "Task_AssessNeeds",
        Map.of("needsAssessmentDate", "2026-12-01", "needs", "x"))).hasMessageContaining("needsAssessmentDate");
    assertThatThrownBy(() -> driver.complete("pat", childId, "Task_AssessNeeds",
        Map.of("needsAssessmentDate", "2026-11-30", "needs", " "))).hasMessageContaining("needs");
    assertThat(driver.openTaskKeys(childId)).containsExactly("Task_AssessNeeds");
    assessNeeds("2026-11-30");

    TestClock.setLondon("2027-01-05T09:00:00");
    assertRefused(plan("2027-01-06"), "pathwayPlanDate");          // in the future
    assertRefused(plan("2026-11-29"), "pathwayPlanDate");          // before the needs assessment
    assertRefused(with(plan("2027-01-05"), "activity", "G5"), "activity");        // NEET activity while IN_EDUCATION
    assertRefused(with(plan("2027-01-05"), "pathwayStatus", "WORKING"), "pathwayStatus");
    assertRefused(with(plan("2027-01-05"), "accommodation", "Q"), "accommodation");
    assertRefused(with(plan("2027-01-05"), "inTouch", "MAYBE"), "inTouch");
    assertThat(driver.openTaskKeys(childId)).containsExactly("Task_WritePathwayPlan");

    driver.complete("pat", childId, "Task_WritePathwayPlan", plan("2027-01-05"));
    driver.complete("tina", childId, "Task_SignOffPathwayPlan", Map.of("signOffDecision", "APPROVE"));
    TestClock.setLondon("2027-03-01T09:00:00");
    assertThatThrownBy(() -> driver.complete("pat", childId, "Task_ReviewPathwayPlan", review("2027-01-05")))
        .hasMessageContaining("reviewDate");                      // not after the previous plan
  }

  @Test
  void aYoungPersonStayingPutAfterEighteenLivesWithTheirFormerFosterCarers() {
    // born 1 June 2008: 18 on 1 June 2026, eligible today (30 November 2026) as an older child
    TestClock.setLondon("2026-11-30T09:00:00");
    start("2008-06-01", null);
    allocatePat();
    assessNeeds("2026-11-30");
    Map<String, Object> stayingPutInAFlat = with(plan("2026-11-30"), "stayingPut", true);
    assertRefused(stayingPutInAFlat, "accommodation");
    driver.complete("pat", childId, "Task_WritePathwayPlan", with(stayingPutInAFlat, "accommodation", "Z"));
    driver.complete("tina", childId, "Task_SignOffPathwayPlan", Map.of("signOffDecision", "APPROVE"));
    assertThat(record()).containsEntry("STAYING_PUT", true);
    assertThat(plans().get(0)).containsEntry("ACCOM_CODE", "Z1").containsEntry("STAYING_PUT", true);
  }

  // --- helpers ----------------------------------------------------------------------------------------

  private void start(String dateOfBirth, String eligibilityDate) {
    childId = children.create(dateOfBirth);
    Map<String, Object> variables = TestChildren.journeyVariables(childId, "carl", "children-in-care");
    if (eligibilityDate != null && !eligibilityDate.isBlank()) {
      variables.put("eligibilityDate", eligibilityDate);
    }
    leavingCare = engine.getRuntimeService().startProcessInstanceByKey("leaving-care", childId, variables);
  }

  private void allocatePat() {
    driver.complete("tina", childId, "Task_AllocatePersonalAdviser", Map.of("personalAdviser", "pat"));
  }

  private void assessNeeds(String date) {
    driver.complete("pat", childId, "Task_AssessNeeds",
        Map.of("needsAssessmentDate", date, "needs", "Needs help finding work and a flat"));
  }

  private void writePlan() {
    writePlan("2027-08-31");
  }

  private void writePlan(String date) {
    driver.complete("pat", childId, "Task_WritePathwayPlan", plan(date));
  }

  /** Born 30 November 2010, plan on 31 August 2027 (returned once, then approved by mark): review due 29 February 2028. */
  private void toFirstReview() {
    TestClock.setLondon("2026-11-30T09:00:00");
    start(BORN, null);
    allocatePat();
    TestClock.setLondon("2027-01-15T10:00:00");
    assessNeeds("2027-01-14");
    TestClock.setLondon("2027-08-31T11:00:00");
    writePlan();
    driver.complete("tina", childId, "Task_SignOffPathwayPlan",
        Map.of("signOffDecision", "RETURN", "signOffComments", "Add the contingency plan"));
    assertThat(driver.task(childId, "Task_WritePathwayPlan").getAssignee()).isEqualTo("pat");
    writePlan();
    driver.complete("mark", childId, "Task_SignOffPathwayPlan", Map.of("signOffDecision", "APPROVE"));
    assertThat(deadline("PATHWAY_PLAN_REVIEW").dueDate()).isEqualTo("2028-02-29");
    assertThat(plans()).singleElement().satisfies(p -> assertThat(p).containsEntry("SIGNED_OFF_BY", "mark"));
  }

  private void toTwentyFirstBirthday() {
    toFirstReview();
    TestClock.set(TWENTY_FIRST_BIRTHDAY);
    fireSupportTimer();
    assertThat(driver.openTaskKeys(childId)).contains("Task_OfferSupportTo25");
  }

  private static Map<String, Object> plan(String date) {
    Map<String, Object> values = new HashMap<>();
    values.put("pathwayPlanDate", date);
    values.put("pathwayStatus", "IN_EDUCATION");
    values.put("activity", "F2");
    values.put("accommodation", "D");
    values.put("accommodationSuitable", true);
    values.put("stayingPut", false);
    values.put("inTouch", "YES");
    values.put("planSummary", "College course in September; semi-independent flat; weekly visits");
    return values;
  }

  private static Map<String, Object> review(String date) {
    Map<String, Object> values = plan(date);
    values.remove("pathwayPlanDate");
    values.put("reviewDate", date);
    values.put("pathwayStatus", "IN_TRAINING_OR_EMPLOYMENT");
    values.put("activity", "F4");
    values.put("accommodation", "U");
    values.put("accommodationSuitable", false);
    return values;
  }

  private static Map<String, Object> with(Map<String, Object> values, String key, Object value) {
    Map<String, Object> copy = new HashMap<>(values);
    copy.put(key, value);
    return copy;
  }

  private void assertRefused(Map<String, Object> plan, String field) {
    assertThatThrownBy(() -> driver.complete("pat", childId, "Task_WritePathwayPlan", plan))
        .hasMessageContaining(field + ":");
  }

  private Job supportTimer() {
    return engine.getManagementService().createJobQuery().processInstanceId(leavingCare.getId())
        .activityId("BoundaryEvent_SupportPeriodEnds").timers().singleResult();
  }

  private boolean supportTimerIsDue() {
    return engine.getManagementService().createJobQuery().processInstanceId(leavingCare.getId())
        .activityId("BoundaryEvent_SupportPeriodEnds").executable().count() == 1;
  }

  private void fireSupportTimer() {
    assertThat(supportTimerIsDue()).as("the support timer is due").isTrue();
    engine.getManagementService().executeJob(supportTimer().getId());
  }

  private long historicActivities(String activityId) {
    return engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(leavingCare.getId())
        .activityId(activityId).count();
  }

  private Object variable(String name) {
    return engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(leavingCare.getId())
        .variableName(name).singleResult().getValue();
  }

  private Deadline deadline(String timescaleId) {
    List<Deadline> found = deadlines(timescaleId);
    assertThat(found).as("%s deadlines", timescaleId).hasSize(1);
    return found.get(0);
  }

  private List<Deadline> deadlines(String timescaleId) {
    return deadlines.forChild(childId).stream().filter(d -> d.timescaleId().equals(timescaleId))
        .sorted(Comparator.comparing(Deadline::triggerDate)).toList();
  }

  private Map<String, Object> record() {
    return jdbc.queryForMap("SELECT * FROM leaving_care WHERE child_id = ?", childId);
  }

  private List<Map<String, Object>> plans() {
    return jdbc.queryForList("SELECT * FROM pathway_plan WHERE child_id = ? ORDER BY plan_date", childId);
  }
}
