package org.opencsc.care;

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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opencsc.allocation.Transfers;
import org.opencsc.deadlines.Deadline;
import org.opencsc.deadlines.DeadlineService;
import org.opencsc.deadlines.DeadlineStatus;
import org.opencsc.support.JourneyDriver;
import org.opencsc.support.JourneyTest;
import org.opencsc.support.TestChildren;
import org.opencsc.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The legal track on its own (care-proceedings.bpmn): legal gateway, pre-proceedings, proceedings.
 *
 * <p>Court dates worked out by hand. Proceedings issued on Monday 2 November 2026 = day 1.
 * <ul>
 *   <li>PROCEEDINGS, 26 weeks beginning with day 1 = D + 181 days: the rest of November is 28 days
 *       (to 30 Nov), December 31 → 59, January 31 → 90, February 28 → 118, March 31 → 149, April 30 → 179,
 *       so day 182 is Monday 3 May 2027 and the last day is <b>Sunday 2 May 2027</b> (calendar days: the
 *       early May bank holiday, 3 May 2027, does not move it). Task due 23:59:59 BST = 22:59:59Z.
 *       Warning 7 days before the due date: 00:00 BST Sunday 25 April = 2027-04-24T23:00Z. Breach 00:00 BST
 *       Monday 3 May = 2027-05-02T23:00Z. Second escalation 5 working days after the breach date, skipping the
 *       bank holiday itself: Tue 4, Wed 5, Thu 6, Fri 7, Mon 10 May → 00:00 BST 10 May = 2027-05-09T23:00Z.</li>
 *   <li>CASE_MANAGEMENT_HEARING by day 18 = D + 17 = <b>Thursday 19 November 2026</b>, not before day 12 =
 *       D + 11 = <b>Friday 13 November 2026</b> (GMT, so London midnight = Z). Warning 7 days before:
 *       00:00 12 November; breach 00:00 Friday 20 November.</li>
 * </ul>
 */
@JourneyTest
class CareProceedingsProcessTest {

  static final Instant PROCEEDINGS_TASK_DUE = Instant.parse("2027-05-02T22:59:59Z");
  static final Instant PROCEEDINGS_WARNING = Instant.parse("2027-04-24T23:00:00Z");
  static final Instant PROCEEDINGS_BREACH = Instant.parse("2027-05-02T23:00:00Z");
  static final Instant PROCEEDINGS_SECOND_ESCALATION = Instant.parse("2027-05-09T23:00:00Z");
  static final Instant CMH_TASK_DUE = Instant.parse("2026-11-19T23:59:59Z");
  static final Instant CMH_WARNING = Instant.parse("2026-11-12T00:00:00Z");
  static final Instant CMH_BREACH = Instant.parse("2026-11-20T00:00:00Z");

  @Autowired ProcessEngine engine;
  @Autowired JourneyDriver driver;
  @Autowired TestChildren children;
  @Autowired DeadlineService deadlines;
  @Autowired ProceedingsRepository records;
  @Autowired Transfers transfers;

  String childId;
  ProcessInstance track;

  @BeforeEach
  void legalGatewayRequested() {
    TestClock.setLondon("2026-10-26T09:00:00");
    childId = children.create("2019-03-04");
  }

  // --- legal gateway ------------------------------------------------------------------------------

  @Test
  void noLegalActionEndsTheTrackAndRecordsTheGateway() {
    start("sam");
    referAndAdvise("sam");
    decide("sue", "NO_ACTION");

    BpmnAwareTests.assertThat(track).isEnded()
        .hasPassed("Task_RecordLegalGateway", "EndEvent_NoLegalAction")
        .hasNotPassed("Task_SendLetterBeforeProceedings", "Task_IssueProceedings");
    assertThat(ended("nextStage")).isEqualTo("NONE");
    Map<String, Object> gateway = records.legalGateways(childId).get(0);
    assertThat(gateway).containsEntry("DECISION", "NO_ACTION").containsEntry("PREPARED_BY", "sam")
        .containsEntry("ADVISED_BY", "leo").containsEntry("DECIDED_BY", "sue")
        .containsEntry("THRESHOLD_MET", "FINELY_BALANCED").containsEntry("RECOMMENDED_ROUTE", "PRE_PROCEEDINGS");
    assertThat(gateway.get("DECISION_DATE").toString()).isEqualTo("2026-10-26");
    assertThat(records.proceedings(childId)).isEmpty();
  }

  @Test
  void theServiceManagerCanReturnTheReferralForMoreInformation() {
    start("sam");
    referAndAdvise("sam");
    driver.complete("sue", childId, "Task_DecideLegalRoute",
        Map.of("signOffDecision", "RETURN", "signOffComments", "Add the chronology of the last CP plan"));

    assertThat(driver.openTaskKeys(childId)).containsExactly("Task_PrepareLegalGatewayReferral");
    assertThat(driver.task(childId, "Task_PrepareLegalGatewayReferral").getAssignee()).isEqualTo("sam");
    assertThat(records.legalGateways(childId)).isEmpty();

    referAndAdvise("sam");
    decide("sue", "NO_ACTION");
    BpmnAwareTests.assertThat(track).isEnded().hasPassed("EndEvent_NoLegalAction");
    assertThat(passedCount("Task_PrepareLegalGatewayReferral")).isEqualTo(2);
    assertThat(passedCount("Task_DecideLegalRoute")).isEqualTo(2);
    assertThat(records.legalGateways(childId)).hasSize(1);
  }

  @Test
  void theServiceManagerWhoPreparedTheReferralCannotDecideTheRoute() {
    start("sue"); // a service manager holding the case prepares the referral herself
    referAndAdvise("sue");
    String decision = driver.task(childId, "Task_DecideLegalRoute").getId();

    assertThatThrownBy(() -> driver.asUser("sue", () -> engine.getTaskService().claim(decision, "sue")))
        .isInstanceOf(AuthorizationException.class).hasMessageContaining("Four-eyes");
    assertThatThrownBy(() -> driver.asUser("sue", () ->
        engine.getTaskService().complete(decision, decision("ISSUE"))))
        .isInstanceOf(AuthorizationException.class).hasMessageContaining("Four-eyes");
    assertThat(driver.openTaskKeys(childId)).containsExactly("Task_DecideLegalRoute");
    assertThat(records.legalGateways(childId)).isEmpty();
  }

  @Test
  void impossibleValuesAreRefusedNamingTheField() {
    start("sam");
    assertThatThrownBy(() -> driver.complete("sam", childId, "Task_PrepareLegalGatewayReferral",
        Map.of("legalConcerns", "Neglect", "supportAlreadyTried", " ")))
        .hasMessageContaining("supportAlreadyTried");
    referAndAdvise("sam");
    Map<String, Object> noRoute = new HashMap<>(Map.of("signOffDecision", "APPROVE", "legalDecisionReason", "x"));
    assertThatThrownBy(() -> driver.complete("sue", childId, "Task_DecideLegalRoute", noRoute))
        .hasMessageContaining("legalDecision");
    assertThatThrownBy(() -> driver.complete("sue", childId, "Task_DecideLegalRoute",
        Map.of("signOffDecision", "RETURN"))).hasMessageContaining("signOffComments");
    decide("sue", "ISSUE");

    assertThat(engine.getTaskService().getIdentityLinksForTask(driver.task(childId, "Task_IssueProceedings").getId()))
        .extracting(link -> link.getGroupId()).contains("legal", "assessment");
    TestClock.setLondon("2026-11-02T10:00:00");
    Map<String, Object> tomorrow = issue("2026-11-03");
    assertThatThrownBy(() -> driver.complete("leo", childId, "Task_IssueProceedings", tomorrow))
        .hasMessageContaining("issueDate").hasMessageContaining("future");
    Map<String, Object> badApplication = issue("2026-11-02");
    badApplication.put("applicationType", "EPO");
    assertThatThrownBy(() -> driver.complete("leo", childId, "Task_IssueProceedings", badApplication))
        .hasMessageContaining("applicationType");
    assertThat(driver.openTaskKeys(childId)).containsExactly("Task_IssueProceedings");
  }

  // --- pre-proceedings ----------------------------------------------------------------------------

  @Test
  void preProceedingsCanHoldAnotherMeetingAndThenEndWithoutProceedings() {
    start("sam");
    referAndAdvise("sam");
    decide("sue", "PRE_PROCEEDINGS");

    TestClock.setLondon("2026-10-28T09:00:00");
    assertThatThrownBy(() -> driver.complete("sam", childId, "Task_SendLetterBeforeProceedings",
        Map.of("letterSentDate", "2026-10-29"))).hasMessageContaining("letterSentDate");
    driver.complete("sam", childId, "Task_SendLetterBeforeProceedings", Map.of("letterSentDate", "2026-10-27"));
    TestClock.setLondon("2026-11-10T16:00:00");
    assertThatThrownBy(() -> driver.complete("sam", childId, "Task_HoldPreProceedingsMeeting",
        meeting("2026-10-26"))).hasMessageContaining("preProceedingsMeetingDate");
    driver.complete("sam", childId, "Task_HoldPreProceedingsMeeting", meeting("2026-11-10"));
    driver.complete("sue", childId, "Task_ReviewPreProceedings", review("CONTINUE"));

    assertThat(driver.openTaskKeys(childId)).containsExactly("Task_HoldPreProceedingsMeeting");
    TestClock.setLondon("2027-02-01T16:00:00");
    driver.complete("sam", childId, "Task_HoldPreProceedingsMeeting", meeting("2027-02-01"));
    driver.complete("sue", childId, "Task_ReviewPreProceedings", review("END_PRE_PROCEEDINGS"));

    BpmnAwareTests.assertThat(track).isEnded()
        .hasPassed("EndEvent_PreProceedingsEnded")
        .hasNotPassed("Task_IssueProceedings");
    assertThat(passedCount("Task_HoldPreProceedingsMeeting")).isEqualTo(2);
    assertThat(ended("nextStage")).isEqualTo("NONE");
    Map<String, Object> gateway = records.legalGateways(childId).get(0);
    assertThat(gateway).containsEntry("DECISION", "PRE_PROCEEDINGS").containsEntry("PRE_PROCEEDINGS_MEETINGS", 2)
        .containsEntry("PARENTS_ATTENDED", true).containsEntry("REPRESENTATIVES_ATTENDED", false)
        .containsEntry("PRE_PROCEEDINGS_OUTCOME", "END_PRE_PROCEEDINGS")
        .containsEntry("PRE_PROCEEDINGS_REVIEWED_BY", "sue");
    assertThat(gateway.get("LETTER_SENT_DATE").toString()).isEqualTo("2026-10-27");
    assertThat(gateway.get("FIRST_MEETING_DATE").toString()).isEqualTo("2026-11-10");
    assertThat(gateway.get("LATEST_MEETING_DATE").toString()).isEqualTo("2027-02-01");
  }

  @Test
  void theServiceManagerCanIssueAfterPreProceedings() {
    start("sam");
    referAndAdvise("sam");
    decide("sue", "PRE_PROCEEDINGS");
    TestClock.setLondon("2026-11-10T16:00:00");
    driver.complete("sam", childId, "Task_SendLetterBeforeProceedings", Map.of("letterSentDate", "2026-10-27"));
    driver.complete("sam", childId, "Task_HoldPreProceedingsMeeting", meeting("2026-11-10"));
    driver.complete("sue", childId, "Task_ReviewPreProceedings", review("ISSUE"));

    assertThat(driver.openTaskKeys(childId)).containsExactly("Task_IssueProceedings");
    assertThat(records.legalGateways(childId).get(0)).containsEntry("PRE_PROCEEDINGS_OUTCOME", "ISSUE");
    BpmnAwareTests.assertThat(track).hasPassed("Task_RecordPreProceedingsReview", "Gateway_PreProceedingsOutcome");
  }

  // --- proceedings --------------------------------------------------------------------------------

  @Test
  void theCourtDatesCountFromTheIssueDate() {
    issueOnSecondNovember();

    assertThat(deadline("PROCEEDINGS").triggerDate()).isEqualTo("2026-11-02");
    assertThat(deadline("PROCEEDINGS").dueDate()).isEqualTo("2027-05-02");
    assertThat(deadline("CASE_MANAGEMENT_HEARING").dueDate()).isEqualTo("2026-11-19");
    assertThat(driver.task(childId, "Task_AttendCaseManagementHearing").getDueDate())
        .isEqualTo(Date.from(CMH_TASK_DUE));
    // the form shows the window: earliest day 12, due by day 18
    assertThat(variable("cmhEarliestDate")).isEqualTo("2026-11-13");
    assertThat(variable("cmhEarliestDateText")).isEqualTo("Friday 13 November 2026");
    assertThat(variable("cmhDueDateText")).isEqualTo("Thursday 19 November 2026");
    assertThat(variable("proceedingsDueDateText")).isEqualTo("Sunday 2 May 2027");
    assertThat(driver.timers(childId)).extracting(job -> job.getDuedate().toInstant())
        .containsExactly(CMH_WARNING, PROCEEDINGS_WARNING);

    Map<String, Object> row = records.proceedings(childId).get(0);
    assertThat(row).containsEntry("COURT", "Family Court at Liverpool")
        .containsEntry("APPLICATION_TYPE", "CARE_ORDER").containsEntry("ISSUED_BY", "leo");
    assertThat(row.get("TWENTY_SIX_WEEK_DATE").toString()).isEqualTo("2027-05-02");
    assertThat(row.get("CMH_EARLIEST_DATE").toString()).isEqualTo("2026-11-13");
    assertThat(row.get("CMH_DUE_DATE").toString()).isEqualTo("2026-11-19");
  }

  @Test
  void theCaseManagementHearingCannotBeBeforeDayTwelveAndItsClockWarnsAndBreachesOnItsDates() {
    issueOnSecondNovember();
    TestClock.set(CMH_WARNING.minusSeconds(1));
    assertThat(driver.runDueJobs(childId)).isZero();
    TestClock.set(CMH_WARNING);
    assertThat(driver.runDueJobs(childId)).isEqualTo(1);
    assertThat(driver.task(childId, "Task_AttendCaseManagementHearing").getPriority()).isEqualTo(80);

    // on day 12 itself the worker records a hearing held on day 11: refused
    TestClock.setLondon("2026-11-13T17:00:00");
    assertThatThrownBy(() -> driver.complete("sam", childId, "Task_AttendCaseManagementHearing",
        caseManagementHearing("2026-11-12")))
        .hasMessageContaining("cmhDate").hasMessageContaining("day 12");
    assertThatThrownBy(() -> driver.complete("sam", childId, "Task_AttendCaseManagementHearing",
        caseManagementHearing("2026-11-14"))).hasMessageContaining("future");
    assertThat(driver.openTaskKeys(childId)).containsExactly("Task_AttendCaseManagementHearing");

    TestClock.set(CMH_BREACH.minusSeconds(1));
    assertThat(driver.runDueJobs(childId)).isZero();
    TestClock.set(CMH_BREACH);
    assertThat(driver.runDueJobs(childId)).isEqualTo(1);
    assertThat(deadline("CASE_MANAGEMENT_HEARING").status()).isEqualTo(DeadlineStatus.BREACHED);
    assertThat(driver.openTaskKeys(childId))
        .containsExactly("Task_AttendCaseManagementHearing", "Task_RecordBreachReasonAndPlan");
  }

  @Test
  void anInterimCareOrderThatRemovesTheChildStartsTheLookedAfterWorkOnceThenACareOrderMovesTheCase() {
    issueOnSecondNovember();
    holdCaseManagementHearingOnDayTwelve();

    // first hearing after issue: the case moved to localities, and the hearing task is offered there
    assertThat(transfers.forChild(childId)).singleElement().satisfies(transfer -> {
      assertThat(transfer.fromTeam()).isEqualTo("assessment");
      assertThat(transfer.toTeam()).isEqualTo("localities");
      assertThat(transfer.reason()).isEqualTo("First hearing after proceedings were issued");
    });
    assertThat(engine.getTaskService().getIdentityLinksForTask(driver.task(childId, "Task_RecordHearingOutcome").getId()))
        .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("localities"));
    assertThat(driver.task(childId, "Task_RecordHearingOutcome").getDueDate()).isEqualTo(Date.from(PROCEEDINGS_TASK_DUE));

    TestClock.setLondon("2026-12-01T15:00:00");
    assertThatThrownBy(() -> driver.complete("sam", childId, "Task_RecordHearingOutcome",
        hearing("2026-12-01", "INTERIM_SUPERVISION_ORDER", true)))
        .hasMessageContaining("childRemovedFromHome");
    driver.complete("sam", childId, "Task_RecordHearingOutcome", hearing("2026-12-01", "INTERIM_CARE_ORDER", true));
    // standalone (no child-journey) the message is a no-op; legal status C1 was set on the sending task only
    assertThat(driver.journey(childId)).isNull();
    assertThat(passedCount("Task_StartLookedAfterUnderInterimCareOrder")).isEqualTo(1);
    assertThat(variable("lookedAfterTrackStarted")).isEqualTo(true);
    assertThat(engine.getRuntimeService().getVariable(track.getId(), "legalStatus")).isNull();
    HistoricVariableInstance legalStatus = engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(track.getId()).variableName("legalStatus").singleResult();
    assertThat(legalStatus.getValue()).isEqualTo("C1");
    assertThat(legalStatus.getExecutionId()).isNotEqualTo(track.getId()).isEqualTo(engine.getHistoryService()
        .createHistoricActivityInstanceQuery().processInstanceId(track.getId())
        .activityId("Task_StartLookedAfterUnderInterimCareOrder").singleResult().getExecutionId());

    TestClock.setLondon("2027-01-12T15:00:00");
    driver.complete("sam", childId, "Task_RecordHearingOutcome", hearing("2027-01-12", "INTERIM_CARE_ORDER", true));
    assertThat(passedCount("Task_StartLookedAfterUnderInterimCareOrder")).isEqualTo(1);
    assertThat(driver.openTaskKeys(childId)).containsExactly("Task_RecordHearingOutcome");

    TestClock.setLondon("2027-04-20T16:00:00");
    driver.complete("sam", childId, "Task_RecordHearingOutcome", finalHearing("2027-04-20", "CARE_ORDER"));
    assertThat(driver.runDueJobs(childId)).isEqualTo(1);

    BpmnAwareTests.assertThat(track).isEnded()
        .hasPassed("Task_StopProceedingsClock", "Task_RecordFinalOrder", "Gateway_AlreadyLookedAfter",
            "Task_TransferToChildrenInCare", "EndEvent_ChildInCareUnderFinalOrder")
        .hasNotPassed("Task_StartLookedAfterUnderFinalOrder");
    assertThat(ended("nextStage")).isEqualTo("NONE");
    assertThat(ended("caseTeam")).isEqualTo("children-in-care");
    assertThat(deadline("PROCEEDINGS").status()).isEqualTo(DeadlineStatus.MET);
    assertThat(deadline("PROCEEDINGS").metDate()).isEqualTo("2027-04-20");
    assertThat(deadline("CASE_MANAGEMENT_HEARING").status()).isEqualTo(DeadlineStatus.MET);
    assertThat(deadline("CASE_MANAGEMENT_HEARING").metDate()).isEqualTo("2026-11-13");
    assertThat(driver.timers(childId)).isEmpty();

    assertThat(transfers.forChild(childId)).extracting(Transfers.Transfer::toTeam)
        .containsExactly("localities", "children-in-care");
    assertThat(transfers.forChild(childId).get(1).reason()).isEqualTo("After the final hearing");

    Map<String, Object> row = records.proceedings(childId).get(0);
    assertThat(row).containsEntry("FINAL_ORDER", "CARE_ORDER").containsEntry("WITHIN_26_WEEKS", true)
        .containsEntry("DURATION_DAYS", 169).containsEntry("CMH_BY_DAY_18", true);
    assertThat(row.get("CMH_DATE").toString()).isEqualTo("2026-11-13");
    assertThat(row.get("FINAL_HEARING_DATE").toString()).isEqualTo("2027-04-20");
    List<Map<String, Object>> hearings = records.hearings(childId);
    assertThat(hearings).extracting(h -> h.get("HEARING_TYPE"))
        .containsExactly("CASE_MANAGEMENT", "FURTHER", "FURTHER", "FINAL");
    assertThat(hearings).extracting(h -> h.get("INTERIM_ORDER"))
        .containsExactly("NONE", "INTERIM_CARE_ORDER", "INTERIM_CARE_ORDER", "NONE");
    assertThat(hearings.get(1)).containsEntry("CHILD_REMOVED_FROM_HOME", true).containsEntry("RECORDED_BY", "sam");
    assertThat(hearings.get(3)).containsEntry("FINAL_ORDER", "CARE_ORDER");
  }

  @ParameterizedTest(name = "final order {0}: looked-after work started {1}, case moves {2}")
  @CsvSource({
      "PLACEMENT_ORDER, E1, true",
      "CARE_ORDER, C2, true",
      "SGO, , false",
      "CHILD_ARRANGEMENTS_ORDER, , false",
      "SUPERVISION_ORDER, , false",
      "NO_ORDER, , false",
      "WITHDRAWN, , false"})
  void theFinalOrderDecidesWhetherTheChildIsLookedAfterAndWhereTheCaseGoes(String order, String legalStatus,
      boolean toChildrenInCare) {
    issueOnSecondNovember();
    holdCaseManagementHearingOnDayTwelve();
    TestClock.setLondon("2026-12-01T15:00:00");
    driver.complete("sam", childId, "Task_RecordHearingOutcome", hearing("2026-12-01", "NONE", false));
    TestClock.setLondon("2027-03-01T15:00:00");
    driver.complete("sam", childId, "Task_RecordHearingOutcome", finalHearing("2027-03-01", order));
    assertThat(driver.runDueJobs(childId)).isEqualTo(toChildrenInCare ? 1 : 0);

    BpmnAwareTests.assertThat(track).isEnded().hasNotPassed("Task_StartLookedAfterUnderInterimCareOrder");
    if (toChildrenInCare) {
      BpmnAwareTests.assertThat(track).hasPassed("Task_StartLookedAfterUnderFinalOrder",
          "Task_TransferToChildrenInCare", "EndEvent_ChildInCareUnderFinalOrder");
      assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(track.getId())
          .variableName("legalStatus").singleResult().getValue()).isEqualTo(legalStatus);
      assertThat(ended("caseTeam")).isEqualTo("children-in-care");
    } else {
      BpmnAwareTests.assertThat(track).hasPassed("EndEvent_ProceedingsConcluded")
          .hasNotPassed("Task_TransferToChildrenInCare", "Task_StartLookedAfterUnderFinalOrder");
      assertThat(ended("caseTeam")).isEqualTo("localities");
    }
    assertThat(ended("nextStage")).isEqualTo("NONE");
    assertThat(ended("proceedingsOutcome")).isEqualTo(order);
    assertThat(records.proceedings(childId).get(0)).containsEntry("FINAL_ORDER", order)
        .containsEntry("WITHIN_26_WEEKS", true);
    assertThat(deadline("PROCEEDINGS").status()).isEqualTo(DeadlineStatus.MET);
  }

  @Test
  void proceedingsRunningPastTwentySixWeeksAreWarnedBreachedAndEscalatedButNeverCancelled() {
    issueOnSecondNovember();
    holdCaseManagementHearingOnDayTwelve();

    TestClock.set(PROCEEDINGS_WARNING.minusSeconds(1));
    assertThat(driver.runDueJobs(childId)).isZero();
    TestClock.set(PROCEEDINGS_WARNING);
    assertThat(driver.runDueJobs(childId)).isEqualTo(1);
    assertThat(driver.task(childId, "Task_RecordHearingOutcome").getPriority()).isEqualTo(80);

    TestClock.set(PROCEEDINGS_BREACH.minusSeconds(1));
    assertThat(driver.runDueJobs(childId)).isZero();
    TestClock.set(PROCEEDINGS_BREACH);
    assertThat(driver.runDueJobs(childId)).isEqualTo(1);
    assertThat(deadline("PROCEEDINGS").status()).isEqualTo(DeadlineStatus.BREACHED);
    assertThat(driver.openTaskKeys(childId))
        .containsExactly("Task_RecordBreachReasonAndPlan", "Task_RecordHearingOutcome");
    driver.complete("tina", childId, "Task_RecordBreachReasonAndPlan", Map.of(
        "breachReason", "Final hearing adjourned: expert report late",
        "recoveryPlan", "Final hearing listed for 12 May"));
    assertThat(deadline("PROCEEDINGS").breachRecordedBy()).isEqualTo("tina");

    TestClock.set(PROCEEDINGS_SECOND_ESCALATION.minusSeconds(1));
    assertThat(driver.runDueJobs(childId)).isZero();
    TestClock.set(PROCEEDINGS_SECOND_ESCALATION);
    assertThat(driver.runDueJobs(childId)).isEqualTo(1);
    assertThat(driver.openTaskKeys(childId)).containsExactly("Task_RecordHearingOutcome", "Task_ReviewOverdueWork");

    TestClock.setLondon("2027-05-12T15:00:00");
    driver.complete("sam", childId, "Task_RecordHearingOutcome", finalHearing("2027-05-12", "SGO"));
    BpmnAwareTests.assertThat(track).isEnded().hasPassed("EndEvent_ProceedingsConcluded");
    assertThat(deadline("PROCEEDINGS").status()).isEqualTo(DeadlineStatus.BREACHED);
    assertThat(deadline("PROCEEDINGS").metDate()).isEqualTo("2027-05-12");
    // 2 November 2026 to 12 May 2027 = 181 + 10 days
    assertThat(records.proceedings(childId).get(0)).containsEntry("WITHIN_26_WEEKS", false)
        .containsEntry("DURATION_DAYS", 191);
    assertThat(driver.openTaskKeys(childId)).containsExactly("Task_ReviewOverdueWork");
  }

  // --- helpers ------------------------------------------------------------------------------------

  private void start(String worker) {
    track = engine.getRuntimeService().startProcessInstanceByKey("care-proceedings", childId,
        TestChildren.journeyVariables(childId, worker, "assessment"));
  }

  private void referAndAdvise(String worker) {
    driver.complete(worker, childId, "Task_PrepareLegalGatewayReferral", Map.of(
        "legalConcerns", "Chronic neglect; no change after 18 months on a child protection plan",
        "supportAlreadyTried", "CP plan, parenting programme, family group conference"));
    driver.complete("leo", childId, "Task_GiveLegalAdvice", Map.of("thresholdMet", "FINELY_BALANCED",
        "legalAdvice", "Threshold arguable on neglect; PLO first", "recommendedRoute", "PRE_PROCEEDINGS"));
  }

  private void decide(String manager, String route) {
    driver.complete(manager, childId, "Task_DecideLegalRoute", decision(route));
  }

  private static Map<String, Object> decision(String route) {
    return Map.of("signOffDecision", "APPROVE", "legalDecision", route,
        "legalDecisionReason", "Agreed at the legal planning meeting");
  }

  private static Map<String, Object> meeting(String date) {
    return Map.of("preProceedingsMeetingDate", date, "parentsAttended", true, "representativesAttended", false,
        "preProceedingsPlan", "Parents to attend every nursery session; hair strand testing");
  }

  private static Map<String, Object> review(String decision) {
    return Map.of("preProceedingsDecision", decision, "preProceedingsReason", "Reviewed against the plan");
  }

  private static Map<String, Object> issue(String issueDate) {
    return new HashMap<>(Map.of("issueDate", issueDate, "court", "Family Court at Liverpool",
        "applicationType", "CARE_ORDER"));
  }

  private void issueOnSecondNovember() {
    start("sam");
    referAndAdvise("sam");
    decide("sue", "ISSUE");
    TestClock.setLondon("2026-11-02T14:00:00");
    driver.complete("leo", childId, "Task_IssueProceedings", issue("2026-11-02"));
  }

  private void holdCaseManagementHearingOnDayTwelve() {
    TestClock.setLondon("2026-11-13T17:00:00");
    driver.complete("sam", childId, "Task_AttendCaseManagementHearing", caseManagementHearing("2026-11-13"));
    // the transfer runs in its own transaction, after the hearing is saved
    assertThat(driver.runDueJobs(childId)).isEqualTo(1);
  }

  private static Map<String, Object> caseManagementHearing(String date) {
    return Map.of("cmhDate", date, "cmhDirections", "Parenting assessment by week 12");
  }

  private static Map<String, Object> hearing(String date, String interimOrder, boolean removed) {
    return Map.of("hearingDate", date, "finalHearing", false, "interimOrder", interimOrder,
        "childRemovedFromHome", removed, "hearingNotes", "Interim hearing");
  }

  private static Map<String, Object> finalHearing(String date, String order) {
    return Map.of("hearingDate", date, "finalHearing", true, "proceedingsOutcome", order);
  }

  private Object variable(String name) {
    return engine.getRuntimeService().getVariable(track.getId(), name);
  }

  /** A process variable's last value once the track has ended. */
  private Object ended(String name) {
    return engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(track.getId())
        .variableName(name).list().stream().filter(v -> v.getActivityInstanceId().equals(track.getId()))
        .findFirst().map(HistoricVariableInstance::getValue).orElse(null);
  }

  private long passedCount(String activityId) {
    return engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(track.getId())
        .activityId(activityId).count();
  }

  private Deadline deadline(String timescaleId) {
    return deadlines.forChild(childId).stream().filter(d -> d.timescaleId().equals(timescaleId))
        .reduce((first, second) -> second).orElseThrow();
  }
}
