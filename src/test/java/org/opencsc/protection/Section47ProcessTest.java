package org.opencsc.protection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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
 * The strategy discussion and section 47 enquiry (model {@code section47}), started on its own for a
 * case held by Sam in the assessment team. Tina and Mark are team managers.
 *
 * <p>Dates worked out by hand (England and Wales bank holidays: Fri 25 Dec 2026 Christmas Day, Mon 28 Dec
 * 2026 Boxing Day substitute, Fri 1 Jan 2027 New Year's Day):
 * <ul>
 *   <li>STRATEGY_DISCUSSION is due the same working day as the decision; a decision on a non-working day is
 *       due on the next working day: Tue 1 Dec 2026 → Tue 1 Dec; Sat 28 Nov 2026 → Mon 30 Nov; Fri 25 Dec
 *       2026 (Christmas) → Tue 29 Dec (Sat 26, Sun 27 and the bank holiday Mon 28 Dec are skipped).</li>
 *   <li>ICPC is due 15 working days after the latest strategy discussion. From Mon 14 Dec 2026: 15, 16, 17,
 *       18, 21, 22, 23, 24, 29, 30, 31 Dec, 4, 5, 6, 7 Jan → Thu 7 Jan 2027. From Wed 23 Dec 2026: 24, 29, 30,
 *       31 Dec, 4, 5, 6, 7, 8, 11, 12, 13, 14, 15, 18 Jan → Mon 18 Jan 2027; its warning is 5 working days
 *       before, 00:00 Mon 11 Jan 2027.</li>
 *   <li>Escalation of a strategy discussion decided at 15:00 on Fri 18 Dec 2026: due that day, the warning
 *       at once (there is no earlier time after the decision), breach at 00:00 Sat 19 Dec, second
 *       escalation 5 working days after the breach date (21, 22, 23, 24, 29 Dec) at 00:00 Tue 29 Dec.</li>
 * </ul>
 * December and January are GMT, so London times equal UTC.
 */
@JourneyTest
class Section47ProcessTest {

  @Autowired ProcessEngine engine;
  @Autowired JourneyDriver driver;
  @Autowired TestChildren children;
  @Autowired DeadlineService deadlines;
  @Autowired JdbcTemplate jdbc;

  String childId;
  ProcessInstance section47;

  /** The decision that there is reasonable cause to suspect significant harm, at this London time. */
  private void harmSuspectedAt(String londonDateTime) {
    TestClock.setLondon(londonDateTime);
    childId = children.create("2015-06-01");
    section47 = engine.getRuntimeService().startProcessInstanceByKey("section47", childId,
        TestChildren.journeyVariables(childId, "sam", "assessment"));
  }

  // --- the strategy discussion clock -------------------------------------------------------------------

  @ParameterizedTest(name = "decision at {0} London → strategy discussion due {1}")
  @CsvSource({
      "2026-12-01T10:00:00, 2026-12-01",   // Tuesday: the same working day
      "2026-11-28T11:00:00, 2026-11-30",   // Saturday → Monday
      "2026-12-25T14:00:00, 2026-12-29"})  // Christmas Day → Tuesday, after the Boxing Day substitute holiday
  void theStrategyDiscussionIsDueTheSameWorkingDay(String decidedAt, String due) {
    harmSuspectedAt(decidedAt);

    Deadline strategy = single("STRATEGY_DISCUSSION");
    assertThat(strategy.dueDate()).isEqualTo(due);
    assertThat(strategy.triggerDate()).isEqualTo(decidedAt.substring(0, 10));
    assertThat(driver.task(childId, "Task_HoldStrategyDiscussion").getDueDate())
        .isEqualTo(Date.from(Instant.parse(due + "T23:59:59Z")));
    assertThat(driver.task(childId, "Task_HoldStrategyDiscussion").getAssignee()).isEqualTo("sam");
    assertThat(engine.getTaskService().getIdentityLinksForTask(driver.task(childId, "Task_HoldStrategyDiscussion").getId()))
        .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("assessment"));
  }

  @Test
  void aSaturdayDecisionIsWarnedAtTheStartOfMondayAndBreachedAtTheStartOfTuesday() {
    harmSuspectedAt("2026-11-28T11:00:00");
    Deadline strategy = single("STRATEGY_DISCUSSION");
    assertThat(strategy.warningAt()).isEqualTo("2026-11-30T00:00:00Z");
    assertThat(strategy.breachAt()).isEqualTo("2026-12-01T00:00:00Z");
    assertThat(driver.timers(childId)).singleElement()
        .satisfies(job -> assertThat(job.getDuedate()).isEqualTo(Date.from(Instant.parse("2026-11-30T00:00:00Z"))));
  }

  @Test
  void anOverdueStrategyDiscussionIsEscalatedToTheTeamManagerThenTheServiceManagerAndNeverCancelled() {
    harmSuspectedAt("2026-12-18T15:00:00");
    Instant breach = Instant.parse("2026-12-19T00:00:00Z");
    Instant secondEscalation = Instant.parse("2026-12-29T00:00:00Z");

    assertThat(driver.runDueJobs(childId)).isEqualTo(1);   // the warning, at once
    assertThat(driver.task(childId, "Task_HoldStrategyDiscussion").getPriority()).isEqualTo(80);
    assertThat(driver.timers(childId).get(0).getDuedate()).isEqualTo(Date.from(breach));

    TestClock.set(breach.minusSeconds(1));
    assertThat(driver.runDueJobs(childId)).isZero();
    TestClock.set(breach);
    assertThat(driver.runDueJobs(childId)).isEqualTo(1);
    assertThat(single("STRATEGY_DISCUSSION").status()).isEqualTo(DeadlineStatus.BREACHED);
    assertThat(driver.openTaskKeys(childId))
        .containsExactlyInAnyOrder("Task_HoldStrategyDiscussion", "Task_RecordBreachReasonAndPlan");
    assertThat(driver.timers(childId).get(0).getDuedate()).isEqualTo(Date.from(secondEscalation));

    TestClock.set(secondEscalation.minusSeconds(1));
    assertThat(driver.runDueJobs(childId)).isZero();
    TestClock.set(secondEscalation);
    assertThat(driver.runDueJobs(childId)).isEqualTo(1);
    assertThat(driver.openTaskKeys(childId)).containsExactlyInAnyOrder(
        "Task_HoldStrategyDiscussion", "Task_RecordBreachReasonAndPlan", "Task_ReviewOverdueWork");

    TestClock.setLondon("2026-12-29T10:00:00");
    driver.complete("sam", childId, "Task_HoldStrategyDiscussion", discussion("2026-12-29", "START_SECTION_47"));
    assertThat(single("STRATEGY_DISCUSSION").status()).isEqualTo(DeadlineStatus.BREACHED);
    assertThat(single("STRATEGY_DISCUSSION").metDate()).isEqualTo("2026-12-29");
    assertThat(driver.openTaskKeys(childId)).contains("Task_CarryOutSection47Enquiry",
        "Task_RecordBreachReasonAndPlan", "Task_ReviewOverdueWork");
  }

  // --- paths ---------------------------------------------------------------------------------------------

  @Test
  void anIcpcIsCountedFromTheLatestOfTwoStrategyDiscussionsAcrossChristmas() {
    harmSuspectedAt("2026-12-14T09:00:00");
    driver.complete("sam", childId, "Task_HoldStrategyDiscussion", discussion("2026-12-14", "START_SECTION_47"));
    assertThat(variable("initialCpcTarget")).isEqualTo("2027-01-07");
    assertThat(variable("s47StartDate")).isEqualTo("2026-12-14");

    TestClock.setLondon("2026-12-23T09:00:00");
    driver.complete("sam", childId, "Task_CarryOutSection47Enquiry",
        enquiry("ANOTHER_STRATEGY_DISCUSSION", "2026-12-15"));
    BpmnAwareTests.assertThat(section47).isWaitingAt("Task_HoldStrategyDiscussion")
        .hasNotPassed("Task_SignOffSection47Outcome");
    assertThat(strategyDeadlines()).hasSize(2);

    TestClock.setLondon("2026-12-23T14:00:00");
    driver.complete("sam", childId, "Task_HoldStrategyDiscussion", discussion("2026-12-23", "START_SECTION_47"));
    assertThat(variable("initialCpcTarget")).isEqualTo("2027-01-18");
    assertThat(variable("s47StartDate")).isEqualTo("2026-12-14");

    TestClock.setLondon("2027-01-05T11:00:00");
    driver.complete("sam", childId, "Task_CarryOutSection47Enquiry", enquiry("ICPC", "2026-12-15"));
    driver.complete("mark", childId, "Task_SignOffSection47Outcome", Map.of("signOffDecision", "APPROVE"));

    BpmnAwareTests.assertThat(section47).isEnded()
        .hasPassed("Task_StartIcpcClock", "EndEvent_ToInitialChildProtectionConference");
    Deadline icpc = single("ICPC");
    assertThat(icpc.triggerDate()).isEqualTo("2026-12-23");
    assertThat(icpc.dueDate()).isEqualTo("2027-01-18");
    assertThat(icpc.status()).isEqualTo(DeadlineStatus.OPEN);
    assertThat(history("ICPC_due")).isEqualTo(Date.from(Instant.parse("2027-01-18T23:59:59Z")));
    assertThat(history("ICPC_deadlineId")).isEqualTo(icpc.id());
    assertThat(history("strategyDiscussionDate")).isEqualTo("2026-12-23");
    assertThat(history("nextStage")).isEqualTo("ICPC");
    assertThat(history("s47Outcome")).isEqualTo("ICPC");
    assertThat(driver.timers(childId)).singleElement()   // the ICPC watch, 5 working days before 18 January
        .satisfies(job -> assertThat(job.getDuedate()).isEqualTo(Date.from(Instant.parse("2027-01-11T00:00:00Z"))));
    assertThat(strategyDeadlines()).extracting(Deadline::status).containsOnly(DeadlineStatus.MET);

    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM strategy_discussion WHERE child_id = ?", Integer.class,
        childId)).isEqualTo(2);
    Map<String, Object> s47 = jdbc.queryForMap("SELECT * FROM section47 WHERE child_id = ?", childId);
    assertThat(s47.get("S47_ACTUAL_START_DATE").toString()).isEqualTo("2026-12-14");
    assertThat(s47.get("INITIAL_CPC_TARGET").toString()).isEqualTo("2027-01-18");
    assertThat(s47.get("LATEST_STRATEGY_DISCUSSION_DATE").toString()).isEqualTo("2026-12-23");
    assertThat(s47.get("AUTHORISATION_DATE").toString()).isEqualTo("2027-01-05");
    assertThat(s47.get("CHILD_SEEN_DATE").toString()).isEqualTo("2026-12-15");
    assertThat(s47).containsEntry("OUTCOME", "ICPC").containsEntry("ICPC_NOT_REQUIRED", false)
        .containsEntry("STRATEGY_DISCUSSIONS", 2).containsEntry("CHILD_SEEN_ALONE", true)
        .containsEntry("COMPLETED_BY", "sam").containsEntry("AUTHORISED_BY", "mark")
        .containsEntry("CLOSURE_REASON", null).containsEntry("DATE_OF_INITIAL_CPC", null);
  }

  @ParameterizedTest(name = "enquiry outcome {0} → nextStage {1} at {3}")
  @CsvSource({
      "NFA, CLOSE, RC8, EndEvent_EnquiryNoFurtherAction",
      "CIN_PLAN, CIN_PLAN, , EndEvent_EnquiryToChildInNeedPlan"})
  void anEnquiryWithoutAConferenceIsRecordedAsIcpcNotRequired(String outcome, String nextStage,
      String closureReason, String endEvent) {
    harmSuspectedAt("2026-12-01T10:00:00");
    driver.complete("sam", childId, "Task_HoldStrategyDiscussion", discussion("2026-12-01", "START_SECTION_47"));
    TestClock.setLondon("2026-12-08T16:00:00");
    Map<String, Object> values = enquiry(outcome, "2026-12-02");
    values.put("closureReason", closureReason);
    driver.complete("sam", childId, "Task_CarryOutSection47Enquiry", values);
    driver.complete("tina", childId, "Task_SignOffSection47Outcome", Map.of("signOffDecision", "APPROVE"));

    BpmnAwareTests.assertThat(section47).isEnded().hasPassed(endEvent).hasNotPassed("Task_StartIcpcClock");
    assertThat(history("nextStage")).isEqualTo(nextStage);
    assertThat(history("closureReason")).isEqualTo(closureReason);
    assertThat(deadlines.forChild(childId)).extracting(Deadline::timescaleId).containsExactly("STRATEGY_DISCUSSION");
    assertThat(single("STRATEGY_DISCUSSION").status()).isEqualTo(DeadlineStatus.MET);
    assertThat(single("STRATEGY_DISCUSSION").metDate()).isEqualTo("2026-12-01");
    Map<String, Object> s47 = jdbc.queryForMap("SELECT * FROM section47 WHERE child_id = ?", childId);
    assertThat(s47).containsEntry("OUTCOME", outcome).containsEntry("ICPC_NOT_REQUIRED", true)
        .containsEntry("CLOSURE_REASON", closureReason).containsEntry("AUTHORISED_BY", "tina")
        .containsEntry("STRATEGY_DISCUSSIONS", 1);
    assertThat(s47.get("S47_ACTUAL_START_DATE").toString()).isEqualTo("2026-12-01");
    // 15 working days after Tue 1 Dec 2026: 2–4, 7–11, 14–18, 21, 22 Dec → Tue 22 Dec
    assertThat(s47.get("INITIAL_CPC_TARGET").toString()).isEqualTo("2026-12-22");
  }

  @ParameterizedTest(name = "no enquiry, worker proposes {0} → end at {2}")
  @CsvSource({
      "CIN_PLAN, , EndEvent_NoEnquiryToChildInNeedPlan",
      "CLOSE, RC8, EndEvent_NoEnquiryCaseClosed"})
  void aDecisionNotToStartAnEnquiryIsSignedOffAndTheJourneyFollowsTheProposal(String next, String closureReason,
      String endEvent) {
    harmSuspectedAt("2026-12-01T10:00:00");
    Map<String, Object> values = discussion("2026-12-01", "NO_SECTION_47");
    values.put("noEnquiryNextStage", next);
    values.put("closureReason", closureReason);
    driver.complete("sam", childId, "Task_HoldStrategyDiscussion", values);
    TestClock.setLondon("2026-12-02T09:00:00");
    driver.complete("tina", childId, "Task_SignOffNoSection47Decision", Map.of("signOffDecision", "APPROVE"));

    BpmnAwareTests.assertThat(section47).isEnded().hasPassed(endEvent)
        .hasNotPassed("Task_CarryOutSection47Enquiry");
    assertThat(history("nextStage")).isEqualTo(next);
    assertThat(history("closureReason")).isEqualTo(closureReason);
    assertThat(history("strategyDiscussionDate")).isEqualTo("2026-12-01");
    Map<String, Object> row = jdbc.queryForMap("SELECT * FROM strategy_discussion WHERE child_id = ?", childId);
    assertThat(row).containsEntry("DECISION", "NO_SECTION_47").containsEntry("NEXT_STAGE", next)
        .containsEntry("CLOSURE_REASON", closureReason).containsEntry("POLICE_ATTENDED", true)
        .containsEntry("HEALTH_ATTENDED", false).containsEntry("SOCIAL_CARE_ATTENDED", true)
        .containsEntry("OTHER_AGENCIES", "Nursery").containsEntry("RECORDED_BY", "sam")
        .containsEntry("DECISION_SIGNED_OFF_BY", "tina");
    assertThat(row.get("DISCUSSION_DATE").toString()).isEqualTo("2026-12-01");
    assertThat(row.get("DECISION_SIGNED_OFF_ON").toString()).isEqualTo("2026-12-02");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM section47 WHERE child_id = ?", Integer.class, childId))
        .isZero();
  }

  // --- return loops and four eyes ----------------------------------------------------------------------

  @Test
  void aReturnedDecisionNotToEnquireGoesBackToTheWorkerAndCorrectsTheSameDiscussion() {
    harmSuspectedAt("2026-12-01T10:00:00");
    Map<String, Object> values = discussion("2026-12-01", "NO_SECTION_47");
    values.put("noEnquiryNextStage", "CLOSE");
    values.put("closureReason", "RC8");
    driver.complete("sam", childId, "Task_HoldStrategyDiscussion", values);
    TestClock.setLondon("2026-12-02T09:00:00");
    driver.complete("tina", childId, "Task_SignOffNoSection47Decision",
        Map.of("signOffDecision", "RETURN", "signOffComments", "The bruising is unexplained: enquire"));

    assertThat(driver.task(childId, "Task_HoldStrategyDiscussion").getAssignee()).isEqualTo("sam");
    driver.complete("sam", childId, "Task_HoldStrategyDiscussion", discussion("2026-12-01", "START_SECTION_47"));

    BpmnAwareTests.assertThat(section47).isWaitingAt("Task_CarryOutSection47Enquiry");
    Map<String, Object> row = jdbc.queryForMap("SELECT * FROM strategy_discussion WHERE child_id = ?", childId);
    assertThat(row).containsEntry("DECISION", "START_SECTION_47").containsEntry("DECISION_SIGNED_OFF_BY", null);
    assertThat(single("STRATEGY_DISCUSSION").metDate()).isEqualTo("2026-12-01");
    assertThat(single("STRATEGY_DISCUSSION").status()).isEqualTo(DeadlineStatus.MET);
  }

  @Test
  void aManagerCanReturnTheEnquiryForMoreWork() {
    harmSuspectedAt("2026-12-01T10:00:00");
    driver.complete("sam", childId, "Task_HoldStrategyDiscussion", discussion("2026-12-01", "START_SECTION_47"));
    driver.complete("sam", childId, "Task_CarryOutSection47Enquiry", enquiry("ICPC", "2026-12-01"));
    driver.complete("mark", childId, "Task_SignOffSection47Outcome",
        Map.of("signOffDecision", "RETURN", "signOffComments", "Speak to the school before deciding"));

    assertThat(driver.task(childId, "Task_CarryOutSection47Enquiry").getAssignee()).isEqualTo("sam");
    driver.complete("sam", childId, "Task_CarryOutSection47Enquiry", enquiry("CIN_PLAN", "2026-12-01"));
    driver.complete("tina", childId, "Task_SignOffSection47Outcome", Map.of("signOffDecision", "APPROVE"));
    BpmnAwareTests.assertThat(section47).isEnded().hasPassed("EndEvent_EnquiryToChildInNeedPlan");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM section47 WHERE child_id = ?", Integer.class, childId))
        .isEqualTo(1);
  }

  @Test
  void theWorkerWhoCarriedOutTheEnquiryCannotSignOffItsOutcome() {
    harmSuspectedAt("2026-12-01T10:00:00");
    driver.complete("sam", childId, "Task_HoldStrategyDiscussion", discussion("2026-12-01", "START_SECTION_47"));
    driver.complete("sam", childId, "Task_CarryOutSection47Enquiry", enquiry("ICPC", "2026-12-01"));
    String signOff = driver.task(childId, "Task_SignOffSection47Outcome").getId();

    assertThatThrownBy(() -> driver.asUser("sam", () -> engine.getTaskService().claim(signOff, "sam")))
        .isInstanceOf(AuthorizationException.class); // refused: not their role to sign off, and four-eyes besides
    assertThatThrownBy(() -> driver.asUser("sam", () ->
        engine.getTaskService().complete(signOff, Map.of("signOffDecision", "APPROVE"))))
        .isInstanceOf(AuthorizationException.class); // refused: not their role to sign off, and four-eyes besides
    assertThat(driver.openTaskKeys(childId)).containsExactly("Task_SignOffSection47Outcome");
    assertThat(deadlines.forChild(childId)).extracting(Deadline::timescaleId).doesNotContain("ICPC");
  }

  @Test
  void theWorkerWhoRecordedTheDecisionNotToEnquireCannotSignItOff() {
    harmSuspectedAt("2026-12-01T10:00:00");
    Map<String, Object> values = discussion("2026-12-01", "NO_SECTION_47");
    values.put("noEnquiryNextStage", "CIN_PLAN");
    driver.complete("sam", childId, "Task_HoldStrategyDiscussion", values);
    String signOff = driver.task(childId, "Task_SignOffNoSection47Decision").getId();

    assertThatThrownBy(() -> driver.asUser("sam", () ->
        engine.getTaskService().complete(signOff, Map.of("signOffDecision", "APPROVE"))))
        .isInstanceOf(AuthorizationException.class); // refused: not their role to sign off, and four-eyes besides
    assertThat(driver.openTaskKeys(childId)).containsExactly("Task_SignOffNoSection47Decision");
  }

  // --- values checked by the engine ------------------------------------------------------------------

  @Test
  void impossibleStrategyDiscussionsAreRefusedNamingTheField() {
    harmSuspectedAt("2026-12-01T10:00:00");
    Map<String, Object> noSocialCare = discussion("2026-12-01", "START_SECTION_47");
    noSocialCare.put("socialCareAttended", false);
    refused("Task_HoldStrategyDiscussion", noSocialCare, "socialCareAttended");
    refused("Task_HoldStrategyDiscussion", discussion("2026-12-02", "START_SECTION_47"), "discussionDate");
    refused("Task_HoldStrategyDiscussion", discussion("2026-12-01", "MAYBE"), "strategyDecision");
    Map<String, Object> noReasons = discussion("2026-12-01", "START_SECTION_47");
    noReasons.put("strategyReasons", " ");
    refused("Task_HoldStrategyDiscussion", noReasons, "strategyReasons");
    refused("Task_HoldStrategyDiscussion", discussion("2026-12-01", "NO_SECTION_47"), "noEnquiryNextStage");
    Map<String, Object> closeWithoutReason = discussion("2026-12-01", "NO_SECTION_47");
    closeWithoutReason.put("noEnquiryNextStage", "CLOSE");
    refused("Task_HoldStrategyDiscussion", closeWithoutReason, "closureReason");
    assertThat(driver.openTaskKeys(childId)).containsExactly("Task_HoldStrategyDiscussion");
    assertThat(single("STRATEGY_DISCUSSION").status()).isEqualTo(DeadlineStatus.OPEN);
  }

  @Test
  void impossibleEnquiryOutcomesAreRefusedNamingTheField() {
    harmSuspectedAt("2026-12-01T10:00:00");
    driver.complete("sam", childId, "Task_HoldStrategyDiscussion", discussion("2026-12-01", "START_SECTION_47"));
    Map<String, Object> nfaWithoutReason = enquiry("NFA", "2026-12-01");
    refused("Task_CarryOutSection47Enquiry", nfaWithoutReason, "closureReason");
    Map<String, Object> notSeen = enquiry("ICPC", null);
    refused("Task_CarryOutSection47Enquiry", notSeen, "s47ChildSeenDate");
    refused("Task_CarryOutSection47Enquiry", enquiry("ICPC", "2026-11-30"), "s47ChildSeenDate");
    refused("Task_CarryOutSection47Enquiry", enquiry("ICPC", "2026-12-02"), "s47ChildSeenDate");
    refused("Task_CarryOutSection47Enquiry", enquiry("CP_PLAN", "2026-12-01"), "s47Outcome");
    assertThat(driver.openTaskKeys(childId)).containsExactly("Task_CarryOutSection47Enquiry");
  }

  @Test
  void aFurtherStrategyDiscussionCannotEndAnEnquiryThatIsUnderWayOrPredateTheFirst() {
    harmSuspectedAt("2026-12-01T10:00:00");
    driver.complete("sam", childId, "Task_HoldStrategyDiscussion", discussion("2026-12-01", "START_SECTION_47"));
    TestClock.setLondon("2026-12-03T10:00:00");
    driver.complete("sam", childId, "Task_CarryOutSection47Enquiry",
        enquiry("ANOTHER_STRATEGY_DISCUSSION", null));   // the child need not have been seen yet
    Map<String, Object> stop = discussion("2026-12-03", "NO_SECTION_47");
    stop.put("noEnquiryNextStage", "CIN_PLAN");
    refused("Task_HoldStrategyDiscussion", stop, "strategyDecision");
    refused("Task_HoldStrategyDiscussion", discussion("2026-11-30", "START_SECTION_47"), "discussionDate");
    driver.complete("sam", childId, "Task_HoldStrategyDiscussion", discussion("2026-12-03", "START_SECTION_47"));
    BpmnAwareTests.assertThat(section47).isWaitingAt("Task_CarryOutSection47Enquiry");
    assertThat(variable("initialCpcTarget")).isEqualTo("2026-12-24");   // 15 WD after Thu 3 Dec 2026
  }

  // --- helpers ---------------------------------------------------------------------------------------

  private static Map<String, Object> discussion(String date, String decision) {
    Map<String, Object> values = new HashMap<>();
    values.put("discussionDate", date);
    values.put("socialCareAttended", true);
    values.put("policeAttended", true);
    values.put("healthAttended", false);
    values.put("otherAgencies", "Nursery");
    values.put("strategyDecision", decision);
    values.put("strategyReasons", "Unexplained bruising to a three-year-old; police to interview mother");
    return values;
  }

  private static Map<String, Object> enquiry(String outcome, String childSeen) {
    Map<String, Object> values = new HashMap<>();
    values.put("s47Outcome", outcome);
    values.put("s47ChildSeenDate", childSeen);
    values.put("s47ChildSeenAlone", true);
    values.put("s47Findings", "Bruising consistent with a grip; father's account does not explain it");
    return values;
  }

  private void refused(String taskKey, Map<String, Object> values, String field) {
    assertThatThrownBy(() -> driver.complete("sam", childId, taskKey, values)).hasMessageContaining(field);
  }

  private Deadline single(String timescaleId) {
    List<Deadline> found = deadlines.forChild(childId).stream()
        .filter(d -> d.timescaleId().equals(timescaleId)).toList();
    assertThat(found).as("%s deadlines", timescaleId).hasSize(1);
    return found.get(0);
  }

  private List<Deadline> strategyDeadlines() {
    return deadlines.forChild(childId).stream().filter(d -> d.timescaleId().equals("STRATEGY_DISCUSSION")).toList();
  }

  private Object variable(String name) {
    return engine.getRuntimeService().getVariable(section47.getId(), name);
  }

  private Object history(String name) {
    HistoricVariableInstance variable = engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(section47.getId()).variableName(name).singleResult();
    assertThat(variable).as("variable %s", name).isNotNull();
    return variable.getValue();
  }
}
