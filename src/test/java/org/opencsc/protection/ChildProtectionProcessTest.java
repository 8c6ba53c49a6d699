package org.opencsc.protection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opencsc.support.StageForms.conference;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opencsc.allocation.Transfers;
import org.opencsc.deadlines.Deadline;
import org.opencsc.deadlines.DeadlineRepository;
import org.opencsc.deadlines.DeadlineService;
import org.opencsc.deadlines.DeadlineStatus;
import org.opencsc.support.JourneyDriver;
import org.opencsc.support.JourneyTest;
import org.opencsc.support.TestChildren;
import org.opencsc.support.TestClock;
import org.opencsc.timescales.ComputedDeadline;
import org.opencsc.timescales.DueDateCalculator;
import org.opencsc.timescales.TimescaleParameters;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The child protection model on its own (no child-journey, so journeyTracks sends nothing).
 *
 * <p>Worked dates, England and Wales working days (WD), Europe/London:
 * <ul>
 *   <li>ICPC, 15 WD from the strategy discussion on Mon 9 Nov 2026: 10,11,12,13,16,17,18,19,20,23,24,25,26,27,30
 *       November → due Mon 30 Nov 2026; warning 5 WD before = 00:00 Mon 23 Nov; breach 00:00 Tue 1 Dec.</li>
 *   <li>ICPC from a strategy discussion on Wed 23 Dec 2026: 24 Dec (1); 25 Dec, Boxing Day's substitute Mon 28 Dec
 *       and 1 Jan are bank holidays; 29, 30, 31 Dec (4); 4–8 Jan (9); 11–15 Jan (14); Mon 18 Jan 2027 (15).</li>
 *   <li>Plan made at the ICPC on Mon 30 Nov 2026: FIRST_CORE_GROUP 10 WD → 1–4 Dec (4), 7–11 Dec (9), Mon 14 Dec;
 *       first CP_VISIT 10 WD from the plan start → Mon 14 Dec; FIRST_RCPC 3 months → 30 Feb does not exist, so the
 *       last day of February: Sun 28 Feb 2027; NI 64 flag on the second anniversary, 00:00 Thu 30 Nov 2028.</li>
 *   <li>Core group held Fri 11 Dec 2026 → CORE_GROUP 6 weeks (42 days) → Fri 22 Jan 2027; held Wed 20 Jan 2027 →
 *       11 days to 31 Jan, 28 in February, 3 in March → Wed 3 Mar 2027.</li>
 *   <li>Visit on Fri 18 Dec 2026 → CP_VISIT 10 WD: 21, 22, 23, 24 Dec (4), [25, 28 Dec bank holidays], 29, 30, 31 Dec
 *       (7), [1 Jan], 4, 5, 6 Jan → Wed 6 Jan 2027, warning 5 WD before: 5, 4 Jan, 31, 30, 29 Dec → 00:00 Tue 29 Dec.
 *       Visit on Tue 5 Jan 2027 → 6, 7, 8, 11–15, 18, 19 Jan → Tue 19 Jan 2027.</li>
 *   <li>Review held Fri 26 Feb 2027 → RCPC 6 months → Thu 26 Aug 2027 (British Summer Time: due 22:59:59 UTC).</li>
 * </ul>
 */
@JourneyTest
class ChildProtectionProcessTest {

  static final Instant ICPC_WARNING = Instant.parse("2026-11-23T00:00:00Z");
  static final Instant ICPC_BREACH = Instant.parse("2026-12-01T00:00:00Z");
  static final Instant TWO_YEARS_ON_PLAN = Instant.parse("2028-11-30T00:00:00Z");

  @Autowired ProcessEngine engine;
  @Autowired JourneyDriver driver;
  @Autowired TestChildren children;
  @Autowired DeadlineService deadlines;
  @Autowired DeadlineRepository deadlineRecords;
  @Autowired DueDateCalculator calculator;
  @Autowired Transfers transfers;
  @Autowired JdbcTemplate jdbc;

  String childId;
  ProcessInstance protection;

  @BeforeEach
  void setUp() {
    childId = children.create("2018-03-01");
  }

  // --- the initial conference and its clock ------------------------------------------------------------

  @Test
  void startedOnItsOwnTheModelStartsTheIcpcClockAcrossChristmasAndNoFurtherActionClosesTheCase() {
    TestClock.setLondon("2026-12-23T15:00:00");
    start("2026-12-23", null);

    BpmnAwareTests.assertThat(protection).hasPassed("Task_StartIcpcClock");
    assertThat(deadline("ICPC").dueDate()).isEqualTo("2027-01-18");
    assertThat(driver.task(childId, "Task_HoldInitialConference").getDueDate())
        .isEqualTo(Date.from(Instant.parse("2027-01-18T23:59:59Z")));
    assertThat(groups("Task_HoldInitialConference")).containsExactly("iro");

    TestClock.setLondon("2027-01-15T11:00:00");
    Map<String, Object> nfa = conference("NFA", "2027-01-15", null);
    nfa.put("closureReason", "RC7");
    driver.complete("ian", childId, "Task_HoldInitialConference", nfa);

    BpmnAwareTests.assertThat(protection).isEnded().hasPassed("Task_StopIcpcClock", "Task_CloseCase", "EndEvent_CaseClosed");
    assertThat(variable("nextStage")).isEqualTo("CLOSE");
    assertThat(variable("closureReason")).isEqualTo("RC7");
    assertThat(deadline("ICPC").status()).isEqualTo(DeadlineStatus.MET);
    assertThat(deadline("ICPC").metDate()).isEqualTo("2027-01-15");
    Map<String, Object> row = jdbc.queryForMap("SELECT * FROM initial_cp_conference WHERE child_id = ?", childId);
    assertThat(row).containsEntry("OUTCOME", "NFA").containsEntry("CHAIRED_BY", "ian")
        .containsEntry("ATTENDANCE", "PARENTS,POLICE").containsEntry("CATEGORY", null);
    assertThat(row.get("CONFERENCE_DATE").toString()).isEqualTo("2027-01-15");
    assertThat(row.get("ICPC_DUE_DATE").toString()).isEqualTo("2027-01-18");
    assertThat(row.get("STRATEGY_DISCUSSION_DATE").toString()).isEqualTo("2026-12-23");
    assertThat(count("cp_plan")).isZero();
  }

  @Test
  void theIcpcClockOpenedBySection47IsUsedNotOpenedAgainAndAChildInNeedPlanFollows() {
    TestClock.setLondon("2026-11-10T09:00:00");
    ComputedDeadline icpc = calculator.compute("ICPC", LocalDate.parse("2026-11-09"), TimescaleParameters.none());
    String icpcId = java.util.UUID.randomUUID().toString();
    deadlineRecords.insert(new Deadline(icpcId, childId, "section47-instance", "ICPC", icpc.policy(), icpc.triggerAt(),
        icpc.triggerDate(), icpc.dueDate(), icpc.taskDueAt(), icpc.warningAt(), icpc.breachAt(), DeadlineStatus.OPEN,
        null, null, null, null, null, null, null, null, null, null), Instant.now());
    start("2026-11-09", Map.of("ICPC_deadlineId", icpcId, "ICPC_due", Date.from(icpc.taskDueAt())));

    BpmnAwareTests.assertThat(protection).hasNotPassed("Task_StartIcpcClock");
    assertThat(driver.task(childId, "Task_HoldInitialConference").getDueDate())
        .isEqualTo(Date.from(Instant.parse("2026-11-30T23:59:59Z")));

    TestClock.setLondon("2026-11-27T16:00:00");
    driver.complete("ian", childId, "Task_HoldInitialConference", conference("CIN_PLAN", "2026-11-27", null));

    BpmnAwareTests.assertThat(protection).isEnded().hasPassed("Task_HandOverToChildInNeedPlan", "EndEvent_ToChildInNeedPlan");
    assertThat(variable("nextStage")).isEqualTo("CIN_PLAN");
    assertThat(deadlines.forChild(childId)).singleElement().satisfies(d -> {
      assertThat(d.id()).isEqualTo(icpcId);
      assertThat(d.status()).isEqualTo(DeadlineStatus.MET);
      assertThat(d.metDate()).isEqualTo("2026-11-27");
    });
  }

  @Test
  void anIcpcNotHeldInFifteenWorkingDaysIsWarnedBreachedAndEscalatedButTheConferenceStaysOpen() {
    TestClock.setLondon("2026-11-10T09:00:00");
    start("2026-11-09", null);
    assertThat(driver.timers(childId)).singleElement()
        .satisfies(job -> assertThat(job.getDuedate()).isEqualTo(Date.from(ICPC_WARNING)));

    TestClock.set(ICPC_WARNING.minusSeconds(1));
    assertThat(driver.runDueJobs(childId)).isZero();
    TestClock.set(ICPC_WARNING);
    assertThat(driver.runDueJobs(childId)).isEqualTo(1);
    assertThat(driver.task(childId, "Task_HoldInitialConference").getPriority()).isEqualTo(80);
    TestClock.set(ICPC_BREACH.minusSeconds(1));
    assertThat(driver.runDueJobs(childId)).isZero();
    TestClock.set(ICPC_BREACH);
    assertThat(driver.runDueJobs(childId)).isEqualTo(1);
    assertThat(deadline("ICPC").status()).isEqualTo(DeadlineStatus.BREACHED);
    assertThat(driver.openTaskKeys(childId))
        .containsExactlyInAnyOrder("Task_HoldInitialConference", "Task_RecordBreachReasonAndPlan");

    driver.complete("tina", childId, "Task_RecordBreachReasonAndPlan",
        Map.of("breachReason", "Chair unavailable", "recoveryPlan", "Conference booked for 2 December"));
    TestClock.setLondon("2026-12-02T15:00:00");
    driver.complete("ian", childId, "Task_HoldInitialConference", conference("CIN_PLAN", "2026-12-02", null));

    assertThat(deadline("ICPC").status()).isEqualTo(DeadlineStatus.BREACHED);
    assertThat(deadline("ICPC").metDate()).isEqualTo("2026-12-02");
    assertThat(deadline("ICPC").breachRecordedBy()).isEqualTo("tina");
    BpmnAwareTests.assertThat(protection).isEnded();
  }

  @Test
  void theEngineRefusesAFutureConferenceAPlanWithoutACategoryAndAClosureWithoutAReason() {
    TestClock.setLondon("2026-11-10T09:00:00");
    start("2026-11-09", null);
    TestClock.setLondon("2026-11-27T10:00:00");

    refused(conference("CP_PLAN", "2026-11-28", "NEG"), "conferenceDate");
    refused(conference("CP_PLAN", "2026-11-06", "NEG"), "conferenceDate");
    refused(conference("CP_PLAN", "2026-11-27", null), "cpCategory");
    refused(conference("CP_PLAN", "2026-11-27", "ABUSE"), "cpCategory");
    refused(conference("MAYBE", "2026-11-27", null), "icpcOutcome");
    refused(conference("NFA", "2026-11-27", null), "closureReason");
    assertThat(driver.openTaskKeys(childId)).containsExactly("Task_HoldInitialConference");
    assertThat(deadline("ICPC").status()).isEqualTo(DeadlineStatus.OPEN);
  }

  // --- the plan -------------------------------------------------------------------------------------

  @Test
  void aPlanIsRecordedAndItsThreeClocksAndTheTwoYearCheckStartOnTheirExactDates() {
    startPlan();

    BpmnAwareTests.assertThat(protection).isActive().hasPassed("Task_StopIcpcClock", "Task_RecordPlanStart");
    assertThat(deadline("ICPC").status()).isEqualTo(DeadlineStatus.MET);
    Map<String, Object> plan = plan();
    assertThat(plan.get("START_DATE").toString()).isEqualTo("2026-11-30");
    assertThat(plan).containsEntry("INITIAL_CATEGORY", "NEG").containsEntry("LATEST_CATEGORY", "NEG")
        .containsEntry("PREVIOUS_PLANS", 0).containsEntry("SECOND_OR_SUBSEQUENT", false).containsEntry("END_DATE", null);

    assertThat(driver.openTaskKeys(childId))
        .containsExactlyInAnyOrder("Task_HoldFirstCoreGroup", "Task_VisitChild", "Task_HoldReviewConference");
    assertThat(driver.task(childId, "Task_HoldFirstCoreGroup").getDueDate()).isEqualTo(endOfDayGmt("2026-12-14"));
    assertThat(driver.task(childId, "Task_HoldFirstCoreGroup").getAssignee()).isEqualTo("sam");
    assertThat(driver.task(childId, "Task_VisitChild").getDueDate()).isEqualTo(endOfDayGmt("2026-12-14"));
    assertThat(driver.task(childId, "Task_HoldReviewConference").getDueDate()).isEqualTo(endOfDayGmt("2027-02-28"));
    assertThat(groups("Task_HoldReviewConference")).containsExactly("iro");
    assertThat(deadline("FIRST_CORE_GROUP").dueDate()).isEqualTo("2026-12-14");
    assertThat(deadline("CP_VISIT").dueDate()).isEqualTo("2026-12-14");
    assertThat(deadline("FIRST_RCPC").dueDate()).isEqualTo("2027-02-28");
    assertThat(deadline("FIRST_RCPC").triggerDate()).isEqualTo("2026-11-30");
    assertThat(planTimer().getDuedate()).isEqualTo(Date.from(TWO_YEARS_ON_PLAN));
  }

  @Test
  void theFirstCoreGroupMovesTheCaseToLocalitiesAndEachCoreGroupCountsFromTheLastOneHeld() {
    startPlan();

    TestClock.setLondon("2026-12-11T16:00:00");
    driver.complete("sam", childId, "Task_HoldFirstCoreGroup", coreGroup("2026-12-11"));
    assertThat(transfers.forChild(childId)).isEmpty();
    assertThat(runPlanJobs()).isEqualTo(1);

    assertThat(transfers.forChild(childId)).singleElement().satisfies(t -> {
      assertThat(t.fromTeam()).isEqualTo("assessment");
      assertThat(t.toTeam()).isEqualTo("localities");
      assertThat(t.reason()).isEqualTo("First core group after the ICPC");
    });
    assertThat(engine.getRuntimeService().getVariable(protection.getId(), "caseTeam")).isEqualTo("localities");
    assertThat(groups("Task_VisitChild")).containsExactly("localities");
    assertThat(deadline("FIRST_CORE_GROUP").status()).isEqualTo(DeadlineStatus.MET);
    assertThat(deadline("FIRST_CORE_GROUP").metDate()).isEqualTo("2026-12-11");
    assertThat(driver.task(childId, "Task_HoldCoreGroup").getDueDate()).isEqualTo(endOfDayGmt("2027-01-22"));
    assertThat(groups("Task_HoldCoreGroup")).containsExactly("localities");

    TestClock.setLondon("2027-01-20T11:00:00");
    driver.complete("sam", childId, "Task_HoldCoreGroup", coreGroup("2027-01-20"));
    assertThat(driver.task(childId, "Task_HoldCoreGroup").getDueDate()).isEqualTo(endOfDayGmt("2027-03-03"));
    assertThat(deadlines("CORE_GROUP")).extracting(Deadline::triggerDate, Deadline::dueDate, Deadline::status)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(LocalDate.parse("2026-12-11"), LocalDate.parse("2027-01-22"), DeadlineStatus.MET),
            org.assertj.core.groups.Tuple.tuple(LocalDate.parse("2027-01-20"), LocalDate.parse("2027-03-03"), DeadlineStatus.OPEN));

    // a date left over from the last meeting is refused
    TestClock.setLondon("2027-02-25T11:00:00");
    assertThatThrownBy(() -> driver.complete("sam", childId, "Task_HoldCoreGroup", coreGroup("2027-01-20")))
        .hasMessageContaining("coreGroupDate").hasMessageContaining("previous core group");

    List<Map<String, Object>> rows = jdbc.queryForList(
        "SELECT * FROM core_group WHERE child_id = ? ORDER BY meeting_date", childId);
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0)).containsEntry("FIRST_AFTER_CONFERENCE", true).containsEntry("TIMESCALE_ID", "FIRST_CORE_GROUP")
        .containsEntry("RECORDED_BY", "sam");
    assertThat(rows.get(0).get("DUE_DATE").toString()).isEqualTo("2026-12-14");
    assertThat(rows.get(1)).containsEntry("FIRST_AFTER_CONFERENCE", false).containsEntry("TIMESCALE_ID", "CORE_GROUP");
    assertThat(rows.get(1).get("MEETING_DATE").toString()).isEqualTo("2027-01-20");
    assertThat(rows.get(1).get("DUE_DATE").toString()).isEqualTo("2027-01-22");
  }

  @Test
  void eachVisitIsDueTenWorkingDaysAfterTheLastVisitAcrossChristmas() {
    startPlan();

    TestClock.setLondon("2026-12-18T15:00:00");
    driver.complete("sam", childId, "Task_VisitChild", visit("2026-12-18", true, true));
    assertThat(driver.task(childId, "Task_VisitChild").getDueDate()).isEqualTo(endOfDayGmt("2027-01-06"));
    Deadline second = deadlines("CP_VISIT").get(1);
    assertThat(second.triggerDate()).isEqualTo("2026-12-18");
    assertThat(second.dueDate()).isEqualTo("2027-01-06");
    assertThat(second.warningAt()).isEqualTo(Instant.parse("2026-12-29T00:00:00Z"));
    // the first visit was due on Mon 14 Dec: done on the 18th it stays a breach, with the date it was done
    assertThat(deadlines("CP_VISIT").get(0).status()).isEqualTo(DeadlineStatus.BREACHED);
    assertThat(deadlines("CP_VISIT").get(0).metDate()).isEqualTo("2026-12-18");

    TestClock.setLondon("2027-01-05T12:00:00");
    assertThatThrownBy(() -> driver.complete("sam", childId, "Task_VisitChild", visit("2027-01-05", false, true)))
        .hasMessageContaining("visitChildSeenAlone");
    assertThatThrownBy(() -> driver.complete("sam", childId, "Task_VisitChild", visit("2026-12-18", true, false)))
        .hasMessageContaining("visitDate").hasMessageContaining("previous visit");
    driver.complete("sam", childId, "Task_VisitChild", visit("2027-01-05", true, false));
    assertThat(driver.task(childId, "Task_VisitChild").getDueDate()).isEqualTo(endOfDayGmt("2027-01-19"));

    List<Map<String, Object>> rows = jdbc.queryForList(
        "SELECT * FROM cp_visit WHERE child_id = ? ORDER BY visit_date", childId);
    assertThat(rows).extracting(r -> r.get("VISIT_DATE").toString(), r -> r.get("DUE_DATE").toString(),
            r -> r.get("CHILD_SEEN"), r -> r.get("SEEN_ALONE"))
        .containsExactly(org.assertj.core.groups.Tuple.tuple("2026-12-18", "2026-12-14", true, true),
            org.assertj.core.groups.Tuple.tuple("2027-01-05", "2027-01-06", true, false));
  }

  @Test
  void aLegalGatewayIsSignedOffByAnotherManagerCanBeReturnedAndIsAskedForWhileThePlanContinues() {
    startPlan();
    TestClock.setLondon("2027-02-26T15:00:00");
    driver.complete("ian", childId, "Task_HoldReviewConference", review("2027-02-26", "CONTINUE", "EMO", true));

    // the chair cannot sign off the legal gateway his own review asked for
    String signOff = driver.task(childId, "Task_SignOffLegalGateway").getId();
    assertThatThrownBy(() -> driver.asUser("ian", () -> engine.getTaskService().claim(signOff, "ian")))
        .isInstanceOf(AuthorizationException.class); // refused: not their role to sign off, and four-eyes besides
    assertThat(groups("Task_SignOffLegalGateway")).containsExactly("team-managers");

    driver.complete("tina", childId, "Task_SignOffLegalGateway",
        Map.of("signOffDecision", "RETURN", "signOffComments", "Say what the parents have been told"));
    assertThat(driver.task(childId, "Task_HoldReviewConference").getDueDate()).isEqualTo(endOfDayGmt("2027-02-28"));
    assertThat(deadline("FIRST_RCPC").status()).isEqualTo(DeadlineStatus.OPEN);

    driver.complete("ian", childId, "Task_HoldReviewConference", review("2027-02-26", "CONTINUE", "EMO", true));
    driver.complete("mark", childId, "Task_SignOffLegalGateway", Map.of("signOffDecision", "APPROVE"));

    // no child-journey runs in this test: journeyTracks.start sends nothing and the plan goes on
    assertThat(driver.journey(childId)).isNull();
    BpmnAwareTests.assertThat(protection).isActive().hasPassed("Task_AskForLegalGateway", "Task_StartReviewClock");
    assertThat(driver.openTaskKeys(childId))
        .containsExactlyInAnyOrder("Task_HoldFirstCoreGroup", "Task_VisitChild", "Task_HoldReviewConference");
    assertThat(driver.task(childId, "Task_HoldReviewConference").getDueDate())
        .isEqualTo(Date.from(Instant.parse("2027-08-26T22:59:59Z")));
    assertThat(deadline("FIRST_RCPC").status()).isEqualTo(DeadlineStatus.MET);
    assertThat(deadline("RCPC").dueDate()).isEqualTo("2027-08-26");

    Map<String, Object> row = jdbc.queryForMap("SELECT * FROM cp_review WHERE child_id = ?", childId);
    assertThat(row).containsEntry("OUTCOME", "CONTINUE").containsEntry("LATEST_CATEGORY", "EMO")
        .containsEntry("LEGAL_GATEWAY", true).containsEntry("LEGAL_GATEWAY_SIGNED_OFF_BY", "mark")
        .containsEntry("CHAIRED_BY", "ian").containsEntry("TIMESCALE_ID", "FIRST_RCPC");
    assertThat(row.get("REVIEW_DATE").toString()).isEqualTo("2027-02-26");
    assertThat(row.get("DUE_DATE").toString()).isEqualTo("2027-02-28");
    assertThat(plan()).containsEntry("INITIAL_CATEGORY", "NEG").containsEntry("LATEST_CATEGORY", "EMO");
  }

  @ParameterizedTest(name = "a review deciding {0} ends the plan at {1}")
  @CsvSource({
      "CIN_PLAN, EndEvent_ToChildInNeedPlan, CIN_PLAN",
      "END, EndEvent_CaseClosed, CLOSE"})
  void aReviewThatEndsThePlanStopsEveryLoopAndClock(String outcome, String endEvent, String nextStage) {
    startPlan();
    TestClock.setLondon("2026-12-11T16:00:00");
    driver.complete("sam", childId, "Task_HoldFirstCoreGroup", coreGroup("2026-12-11"));
    runPlanJobs();
    TestClock.setLondon("2026-12-14T15:00:00");
    driver.complete("sam", childId, "Task_VisitChild", visit("2026-12-14", true, true));
    assertThat(driver.openTaskKeys(childId))
        .containsExactlyInAnyOrder("Task_HoldCoreGroup", "Task_VisitChild", "Task_HoldReviewConference");

    TestClock.setLondon("2026-12-22T15:00:00");
    driver.complete("ian", childId, "Task_HoldReviewConference", review("2026-12-22", outcome, "NEG", false));

    BpmnAwareTests.assertThat(protection).isEnded()
        .hasPassed("EndEvent_PlanEnded", "Task_RecordPlanEnd", endEvent)
        .hasNotPassed("Task_StopCoreGroupClock", "Task_FlagTwoYearPlan");
    // the waiting core group, visit and two-year timer were cancelled by the plan's end, not completed
    assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(protection.getId())
        .canceled().list()).extracting(a -> a.getActivityId())
        .containsExactlyInAnyOrder("Task_HoldCoreGroup", "Task_VisitChild", "TimerEvent_PlanLastedTwoYears");
    assertThat(driver.openTaskKeys(childId)).isEmpty();
    assertThat(driver.timers(childId)).isEmpty();
    assertThat(variable("nextStage")).isEqualTo(nextStage);
    // clocks of the work done are met; core group and visit clocks not yet due are withdrawn with the reason
    assertThat(deadlines.forChild(childId)).allSatisfy(d -> assertThat(d.metDate() != null
        || ("The child protection plan ended".equals(d.withdrawnReason()) && d.status() == DeadlineStatus.WITHDRAWN)).isTrue());
    assertThat(deadlines("CORE_GROUP")).singleElement().satisfies(d -> {
      assertThat(d.status()).isEqualTo(DeadlineStatus.WITHDRAWN);
      assertThat(d.metDate()).isNull();
    });
    assertThat(deadlines("CP_VISIT").get(1).status()).isEqualTo(DeadlineStatus.WITHDRAWN);
    Map<String, Object> plan = plan();
    assertThat(plan.get("END_DATE").toString()).isEqualTo("2026-12-22");
    assertThat(plan).containsEntry("END_REASON", outcome);
    assertThat(jdbc.queryForList("SELECT outcome FROM cp_review WHERE child_id = ?", String.class, childId))
        .containsExactly(outcome);
  }

  @Test
  void thePlanIsFlaggedForAManagersReviewOnItsSecondAnniversaryAndCarriesOn() {
    startPlan();
    Job timer = planTimer();

    TestClock.set(TWO_YEARS_ON_PLAN.minusSeconds(1));
    assertThat(dueJobsOfThisPlan()).isEmpty();
    TestClock.set(TWO_YEARS_ON_PLAN);
    assertThat(dueJobsOfThisPlan()).singleElement().extracting(Job::getId).isEqualTo(timer.getId());
    engine.getManagementService().executeJob(timer.getId());

    assertThat(groups("Task_ReviewTwoYearPlan")).containsExactly("team-managers");
    assertThat(engine.getRuntimeService().getVariable(protection.getId(), "cpPlanLastedTwoYears")).isEqualTo(true);
    assertThat(jdbc.queryForObject("SELECT lasted_two_years_flagged_at FROM cp_plan WHERE child_id = ?",
        java.time.OffsetDateTime.class, childId).toInstant()).isEqualTo(TWO_YEARS_ON_PLAN);

    driver.complete("tina", childId, "Task_ReviewTwoYearPlan",
        Map.of("twoYearReviewNotes", "Legal planning meeting booked; new worker allocated"));
    assertThat(plan()).containsEntry("TWO_YEAR_REVIEW_BY", "tina")
        .containsEntry("TWO_YEAR_REVIEW_NOTES", "Legal planning meeting booked; new worker allocated");
    BpmnAwareTests.assertThat(protection).isActive().hasPassed("EndEvent_TwoYearReviewDone");
    assertThat(driver.openTaskKeys(childId)).contains("Task_HoldFirstCoreGroup", "Task_VisitChild", "Task_HoldReviewConference");
  }

  @Test
  void aSecondPlanForTheSameChildCountsTheEarlierOne() {
    startPlan();
    TestClock.setLondon("2026-12-22T15:00:00");
    driver.complete("ian", childId, "Task_HoldReviewConference", review("2026-12-22", "END", "NEG", false));
    BpmnAwareTests.assertThat(protection).isEnded();

    TestClock.setLondon("2027-03-02T09:00:00");
    start("2027-03-01", null);
    TestClock.setLondon("2027-03-10T15:00:00");
    driver.complete("ian", childId, "Task_HoldInitialConference", conference("CP_PLAN", "2027-03-10", "PHY"));

    Map<String, Object> second = jdbc.queryForMap(
        "SELECT * FROM cp_plan WHERE child_id = ? AND end_date IS NULL", childId);
    assertThat(second).containsEntry("PREVIOUS_PLANS", 1).containsEntry("SECOND_OR_SUBSEQUENT", true)
        .containsEntry("INITIAL_CATEGORY", "PHY");
    assertThat(engine.getRuntimeService().getVariable(protection.getId(), "cpSecondOrSubsequentPlan")).isEqualTo(true);
  }

  @Test
  void theEngineRefusesImpossibleReviewRecords() {
    startPlan();
    TestClock.setLondon("2026-12-22T15:00:00");
    refusedReview(review("2026-12-23", "CONTINUE", "NEG", false), "reviewConferenceDate");
    refusedReview(review("2026-11-30", "CONTINUE", "NEG", false), "reviewConferenceDate");
    refusedReview(review("2026-12-22", "CONTINUE", "BAD", false), "latestCategory");
    refusedReview(review("2026-12-22", "MAYBE", "NEG", false), "rcpcOutcome");
    Map<String, Object> noReason = review("2026-12-22", "CONTINUE", "NEG", true);
    noReason.remove("legalGatewayReason");
    refusedReview(noReason, "legalGatewayReason");
    Map<String, Object> noClosure = review("2026-12-22", "END", "NEG", false);
    noClosure.remove("closureReason");
    refusedReview(noClosure, "closureReason");
    assertThat(driver.openTaskKeys(childId))
        .containsExactlyInAnyOrder("Task_HoldFirstCoreGroup", "Task_VisitChild", "Task_HoldReviewConference");
  }

  // --- helpers --------------------------------------------------------------------------------------

  private void start(String strategyDiscussionDate, Map<String, Object> extra) {
    Map<String, Object> variables = TestChildren.journeyVariables(childId, "sam", "assessment");
    variables.put("strategyDiscussionDate", strategyDiscussionDate);
    if (extra != null) {
      variables.putAll(extra);
    }
    protection = engine.getRuntimeService().startProcessInstanceByKey("child-protection", childId, variables);
  }

  /** Strategy discussion Mon 9 Nov 2026; the ICPC on Mon 30 Nov 2026 makes a plan under neglect. */
  private void startPlan() {
    TestClock.setLondon("2026-11-10T09:00:00");
    start("2026-11-09", null);
    TestClock.setLondon("2026-11-30T14:00:00");
    driver.complete("ian", childId, "Task_HoldInitialConference", conference("CP_PLAN", "2026-11-30", "NEG"));
  }


  private static Map<String, Object> coreGroup(String date) {
    return new HashMap<>(Map.of("coreGroupDate", date, "coreGroupProgress", "Nursery attendance improved"));
  }

  private static Map<String, Object> visit(String date, boolean seen, boolean alone) {
    return new HashMap<>(Map.of("visitDate", date, "visitChildSeen", seen, "visitChildSeenAlone", alone,
        "visitNotes", "Home warm and tidy"));
  }

  private static Map<String, Object> review(String date, String outcome, String category, boolean legalGateway) {
    Map<String, Object> values = new HashMap<>();
    values.put("reviewConferenceDate", date);
    values.put("rcpcOutcome", outcome);
    values.put("latestCategory", category);
    values.put("legalGateway", legalGateway);
    if (legalGateway) {
      values.put("legalGatewayReason", "No change despite the plan; threshold for proceedings may be met");
    }
    if ("END".equals(outcome)) {
      values.put("closureReason", "RC7");
    }
    values.put("reviewSummary", "Review of progress");
    return values;
  }

  private void refused(Map<String, Object> values, String field) {
    assertThatThrownBy(() -> driver.complete("ian", childId, "Task_HoldInitialConference", values))
        .as("refuses %s", field).hasMessageContaining(field);
  }

  private void refusedReview(Map<String, Object> values, String field) {
    assertThatThrownBy(() -> driver.complete("ian", childId, "Task_HoldReviewConference", values))
        .as("refuses %s", field).hasMessageContaining(field);
  }

  private Deadline deadline(String timescaleId) {
    List<Deadline> found = deadlines(timescaleId);
    assertThat(found).as("%s deadlines", timescaleId).hasSize(1);
    return found.get(0);
  }

  private List<Deadline> deadlines(String timescaleId) {
    return deadlines.forChild(childId).stream().filter(d -> d.timescaleId().equals(timescaleId)).toList();
  }

  private Map<String, Object> plan() {
    return jdbc.queryForMap("SELECT * FROM cp_plan WHERE child_id = ?", childId);
  }

  private int count(String table) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE child_id = ?", Integer.class, childId);
  }

  private Object variable(String name) {
    return engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(protection.getId()).variableName(name).singleResult().getValue();
  }

  private List<String> groups(String taskKey) {
    return engine.getTaskService().getIdentityLinksForTask(driver.task(childId, taskKey).getId()).stream()
        .map(IdentityLink::getGroupId).filter(java.util.Objects::nonNull).toList();
  }

  /** The plan's own timer (the deadline watches are separate process instances). */
  private Job planTimer() {
    return engine.getManagementService().createJobQuery().processInstanceId(protection.getId()).timers().singleResult();
  }

  /** Runs the plan's own due jobs (the asynchronous transfer), not the deadline watches. */
  private int runPlanJobs() {
    List<Job> due = dueJobsOfThisPlan();
    due.forEach(job -> engine.getManagementService().executeJob(job.getId()));
    return due.size();
  }

  private List<Job> dueJobsOfThisPlan() {
    return engine.getManagementService().createJobQuery().processInstanceId(protection.getId()).executable().list();
  }

  private static Date endOfDayGmt(String date) {
    return Date.from(Instant.parse(date + "T23:59:59Z"));
  }
}
