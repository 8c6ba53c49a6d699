package org.opencsc.childinneed;

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
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
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
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The child in need plan and its reviews, started on its own for a child held by Sam in the
 * assessment team. Dates worked out by hand (CIN_PLAN_REVIEW = 3 calendar months, local default;
 * calendar limits warn 7 days ahead at 00:00 London and breach at 00:00 London the day after):
 * <ul>
 *   <li>Plan starts Monday 30 November 2026 (first child in need meeting). 30 February does not
 *       exist, so 3 months later is the last day of February: first review due Sunday 28 February
 *       2027 (calendar months: a weekend or bank holiday does not move it). Task due 23:59:59 GMT
 *       28 February; warning 00:00 GMT Sunday 21 February; breach 00:00 GMT Monday 1 March.</li>
 *   <li>Second escalation of that breach: 5 working days after Monday 1 March = Tue 2, Wed 3, Thu 4,
 *       Fri 5, Mon 8 → 00:00 GMT Monday 8 March 2027.</li>
 *   <li>The late first review is held on Friday 5 March 2027: the next review counts from that
 *       actual date (not from 28 February): due Saturday 5 June 2027. British Summer Time then, so
 *       the task is due 23:59:59 BST = 22:59:59Z on 5 June, the warning is 00:00 BST Saturday 29 May
 *       = 23:00Z on 28 May (7 days before; the late May bank holiday, 31 May, is irrelevant to a
 *       calendar limit), and the breach 00:00 BST 6 June = 23:00Z on 5 June.</li>
 * </ul>
 */
@JourneyTest
class ChildInNeedProcessTest {

  static final String PLAN_START = "2026-11-30";
  static final Instant FIRST_REVIEW_TASK_DUE = Instant.parse("2027-02-28T23:59:59Z");
  static final Instant FIRST_REVIEW_WARNING = Instant.parse("2027-02-21T00:00:00Z");
  static final Instant FIRST_REVIEW_BREACH = Instant.parse("2027-03-01T00:00:00Z");
  static final Instant FIRST_REVIEW_SECOND_ESCALATION = Instant.parse("2027-03-08T00:00:00Z");
  static final String LATE_REVIEW = "2027-03-05";
  static final Instant SECOND_REVIEW_TASK_DUE = Instant.parse("2027-06-05T22:59:59Z");
  static final Instant SECOND_REVIEW_WARNING = Instant.parse("2027-05-28T23:00:00Z");

  @Autowired ProcessEngine engine;
  @Autowired JourneyDriver driver;
  @Autowired TestChildren children;
  @Autowired DeadlineService deadlines;
  @Autowired Transfers transfers;
  @Autowired JdbcTemplate jdbc;

  String childId;
  ProcessInstance cinProcess;

  @BeforeEach
  void childInNeedAfterTheAssessment() {
    TestClock.setLondon("2026-11-30T16:00:00");
    childId = children.create("2015-06-01");
    cinProcess = engine.getRuntimeService().startProcessInstanceByKey("child-in-need", childId,
        TestChildren.journeyVariables(childId, "sam", "assessment"));
  }

  @Test
  void theAgreedPlanIsRecordedTheCaseMovesToLocalitiesAndTheFirstReviewIsDueAtTheEndOfFebruary() {
    assertThat(driver.task(childId, "Task_AgreeChildInNeedPlan").getAssignee()).isEqualTo("sam");
    assertThat(groups("Task_AgreeChildInNeedPlan")).contains("assessment");

    agreeAndSignOffPlan("tina");

    Map<String, Object> row = jdbc.queryForMap("SELECT * FROM cin_plan WHERE child_id = ?", childId);
    assertThat(row.get("START_DATE").toString()).isEqualTo(PLAN_START);
    assertThat(row.get("END_DATE")).isNull();
    assertThat(row).containsEntry("GOALS", "Father engages with alcohol service; safe supervision at home")
        .containsEntry("AGREED_BY", "sam").containsEntry("AUTHORISED_BY", "tina");
    assertThat(row.get("AUTHORISATION_DATE").toString()).isEqualTo("2026-11-30");

    assertThat(transfers.forChild(childId)).singleElement().satisfies(transfer -> {
      assertThat(transfer.fromTeam()).isEqualTo("assessment");
      assertThat(transfer.toTeam()).isEqualTo("localities");
      assertThat(transfer.reason()).isEqualTo("First child-in-need meeting after the assessment");
      assertThat(transfer.transferredAt()).isEqualTo(Instant.parse("2026-11-30T16:00:00Z"));
    });
    assertThat(engine.getRuntimeService().getVariable(cinProcess.getId(), "caseTeam")).isEqualTo("localities");

    Deadline review = reviewDeadlines().get(0);
    assertThat(review.triggerDate()).isEqualTo(PLAN_START);
    assertThat(review.dueDate()).isEqualTo("2027-02-28");
    assertThat(review.status()).isEqualTo(DeadlineStatus.OPEN);
    assertThat(driver.task(childId, "Task_ReviewChildInNeedPlan").getDueDate())
        .isEqualTo(Date.from(FIRST_REVIEW_TASK_DUE));
    assertThat(driver.task(childId, "Task_ReviewChildInNeedPlan").getAssignee()).isEqualTo("sam");
    assertThat(groups("Task_ReviewChildInNeedPlan")).containsExactly("localities");
    assertThat(driver.timers(childId)).singleElement()
        .satisfies(job -> assertThat(job.getDuedate()).isEqualTo(Date.from(FIRST_REVIEW_WARNING)));
  }

  @ParameterizedTest(name = "{0} ends the plan at {1}: nextStage {2}, closure reason {3}")
  @CsvSource({
      "STEP_DOWN, EndEvent_SteppedDownToEarlyHelp, EARLY_HELP, RC7,",
      "CLOSE, EndEvent_CaseClosed, CLOSE, RC5, RC5",
      "ESCALATE, EndEvent_ToStrategyDiscussion, STRATEGY, ,"})
  void aSignedOffReviewEndsThePlanAndTellsTheJourneyWhereTheCaseGoes(String outcome, String endEvent,
      String nextStage, String closureReason, String chosenReason) {
    agreeAndSignOffPlan("tina");
    TestClock.setLondon("2027-02-15T14:00:00");
    driver.complete("sam", childId, "Task_ReviewChildInNeedPlan", review("2027-02-15", outcome, chosenReason));
    driver.complete("mark", childId, "Task_SignOffChildInNeedReview", Map.of("signOffDecision", "APPROVE"));

    BpmnAwareTests.assertThat(cinProcess).isEnded().hasPassed("Task_EndChildInNeedPlan", endEvent);
    assertThat(output("nextStage")).isEqualTo(nextStage);
    assertThat(output("closureReason")).isEqualTo(closureReason);
    assertThat(output("cinPlanEndDate")).isEqualTo("2027-02-15");

    Map<String, Object> planRow = jdbc.queryForMap("SELECT * FROM cin_plan WHERE child_id = ?", childId);
    assertThat(planRow.get("END_DATE").toString()).isEqualTo("2027-02-15");
    assertThat(planRow.get("END_OUTCOME")).isEqualTo(outcome);
    assertThat(planRow.get("CLOSURE_REASON")).isEqualTo(closureReason);
    Map<String, Object> reviewRow = jdbc.queryForMap("SELECT * FROM cin_plan_review WHERE child_id = ?", childId);
    assertThat(reviewRow).containsEntry("REVIEW_NUMBER", 1).containsEntry("OUTCOME", outcome)
        .containsEntry("CLOSURE_REASON", chosenReason).containsEntry("REVIEWED_BY", "sam")
        .containsEntry("SIGNED_OFF_BY", "mark").containsEntry("CIN_PLAN_ID", planRow.get("ID"));
    assertThat(reviewRow.get("REVIEW_DATE").toString()).isEqualTo("2027-02-15");
    assertThat(reviewRow.get("DUE_DATE").toString()).isEqualTo("2027-02-28");
    assertThat(reviewRow.get("CHILD_SEEN_DATE").toString()).isEqualTo("2027-02-12");

    Deadline review = reviewDeadlines().get(0);
    assertThat(review.status()).isEqualTo(DeadlineStatus.MET);
    assertThat(review.metDate()).isEqualTo("2027-02-15");
    assertThat(driver.timers(childId)).isEmpty();
  }

  @Test
  void anOverdueReviewIsEscalatedAndTheNextReviewCountsFromTheActualLateReviewDate() {
    agreeAndSignOffPlan("tina");

    TestClock.set(FIRST_REVIEW_WARNING.minusSeconds(1));
    assertThat(driver.runDueJobs(childId)).isZero();
    TestClock.set(FIRST_REVIEW_WARNING);
    assertThat(driver.runDueJobs(childId)).isEqualTo(1);
    assertThat(driver.task(childId, "Task_ReviewChildInNeedPlan").getPriority()).isEqualTo(80);

    TestClock.set(FIRST_REVIEW_BREACH.minusSeconds(1));
    assertThat(driver.runDueJobs(childId)).isZero();
    TestClock.set(FIRST_REVIEW_BREACH);
    assertThat(driver.runDueJobs(childId)).isEqualTo(1);
    assertThat(reviewDeadlines().get(0).status()).isEqualTo(DeadlineStatus.BREACHED);
    assertThat(driver.openTaskKeys(childId))
        .containsExactlyInAnyOrder("Task_ReviewChildInNeedPlan", "Task_RecordBreachReasonAndPlan");
    assertThat(driver.timers(childId)).singleElement()
        .satisfies(job -> assertThat(job.getDuedate()).isEqualTo(Date.from(FIRST_REVIEW_SECOND_ESCALATION)));
    driver.complete("tina", childId, "Task_RecordBreachReasonAndPlan", Map.of(
        "breachReason", "Review meeting cancelled: school closed for snow",
        "recoveryPlan", "Review rearranged for Friday 5 March"));
    assertThat(reviewDeadlines().get(0).breachReason()).isEqualTo("Review meeting cancelled: school closed for snow");

    // the review is held late, on Friday 5 March, and the plan continues
    TestClock.setLondon(LATE_REVIEW + "T15:00:00");
    driver.complete("sam", childId, "Task_ReviewChildInNeedPlan", review(LATE_REVIEW, "CONTINUE", null));
    driver.complete("tina", childId, "Task_SignOffChildInNeedReview", Map.of("signOffDecision", "APPROVE"));

    List<Deadline> reviews = reviewDeadlines();
    assertThat(reviews).hasSize(2);
    assertThat(reviews.get(0).status()).isEqualTo(DeadlineStatus.BREACHED);
    assertThat(reviews.get(0).metDate()).isEqualTo(LATE_REVIEW);
    assertThat(reviews.get(1).triggerDate()).isEqualTo(LATE_REVIEW);
    assertThat(reviews.get(1).dueDate()).isEqualTo("2027-06-05");
    assertThat(reviews.get(1).status()).isEqualTo(DeadlineStatus.OPEN);
    assertThat(driver.task(childId, "Task_ReviewChildInNeedPlan").getDueDate())
        .isEqualTo(Date.from(SECOND_REVIEW_TASK_DUE));
    // the first watch ended when the late review was done; only the next review's warning waits
    assertThat(driver.timers(childId)).singleElement()
        .satisfies(job -> assertThat(job.getDuedate()).isEqualTo(Date.from(SECOND_REVIEW_WARNING)));
    assertThat(driver.openTaskKeys(childId)).containsExactly("Task_ReviewChildInNeedPlan");

    // the second review is on time and closes the case
    TestClock.setLondon("2027-05-20T10:00:00");
    driver.complete("sam", childId, "Task_ReviewChildInNeedPlan", review("2027-05-20", "CLOSE", "RC7"));
    driver.complete("mark", childId, "Task_SignOffChildInNeedReview", Map.of("signOffDecision", "APPROVE"));

    BpmnAwareTests.assertThat(cinProcess).isEnded().hasPassed("EndEvent_CaseClosed");
    assertThat(reviewDeadlines().get(1).status()).isEqualTo(DeadlineStatus.MET);
    List<Map<String, Object>> rows = jdbc.queryForList(
        "SELECT * FROM cin_plan_review WHERE child_id = ? ORDER BY review_number", childId);
    assertThat(rows).extracting(r -> r.get("REVIEW_DATE").toString()).containsExactly(LATE_REVIEW, "2027-05-20");
    assertThat(rows).extracting(r -> r.get("DUE_DATE").toString()).containsExactly("2027-02-28", "2027-06-05");
    assertThat(rows).extracting(r -> r.get("OUTCOME")).containsExactly("CONTINUE", "CLOSE");
    Map<String, Object> planRow = jdbc.queryForMap("SELECT * FROM cin_plan WHERE child_id = ?", childId);
    assertThat(planRow.get("START_DATE").toString()).isEqualTo(PLAN_START);
    assertThat(planRow.get("END_DATE").toString()).isEqualTo("2027-05-20");
    assertThat(planRow.get("CLOSURE_REASON")).isEqualTo("RC7");
  }

  @Test
  void aManagerCanReturnThePlanAndAReviewForMoreWork() {
    driver.complete("sam", childId, "Task_AgreeChildInNeedPlan", plan(PLAN_START));
    driver.complete("tina", childId, "Task_SignOffChildInNeedPlan",
        Map.of("signOffDecision", "RETURN", "signOffComments", "Say who takes the child to nursery"));
    assertThat(driver.task(childId, "Task_AgreeChildInNeedPlan").getAssignee()).isEqualTo("sam");
    assertThat(engine.getRuntimeService().getVariable(cinProcess.getId(), "signOffComments"))
        .isEqualTo("Say who takes the child to nursery");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cin_plan WHERE child_id = ?", Integer.class, childId))
        .isZero();

    driver.complete("sam", childId, "Task_AgreeChildInNeedPlan", plan(PLAN_START));
    // last round's decision and comments do not pre-fill the manager's form
    assertThat(engine.getRuntimeService().getVariable(cinProcess.getId(), "signOffDecision")).isNull();
    assertThat(engine.getRuntimeService().getVariable(cinProcess.getId(), "signOffComments")).isNull();
    driver.complete("mark", childId, "Task_SignOffChildInNeedPlan", Map.of("signOffDecision", "APPROVE"));
    assertThat(driver.openTaskKeys(childId)).containsExactly("Task_ReviewChildInNeedPlan");

    TestClock.setLondon("2027-02-15T14:00:00");
    driver.complete("sam", childId, "Task_ReviewChildInNeedPlan", review("2027-02-15", "CLOSE", "RC7"));
    driver.complete("tina", childId, "Task_SignOffChildInNeedReview",
        Map.of("signOffDecision", "RETURN", "signOffComments", "Too soon to close: keep the plan going"));
    assertThat(driver.openTaskKeys(childId)).containsExactly("Task_ReviewChildInNeedPlan");
    assertThat(reviewDeadlines()).singleElement()
        .satisfies(deadline -> assertThat(deadline.status()).isEqualTo(DeadlineStatus.OPEN));

    driver.complete("sam", childId, "Task_ReviewChildInNeedPlan", review("2027-02-15", "CONTINUE", null));
    assertThat(engine.getRuntimeService().getVariable(cinProcess.getId(), "closureReason")).isNull();
    driver.complete("tina", childId, "Task_SignOffChildInNeedReview", Map.of("signOffDecision", "APPROVE"));

    BpmnAwareTests.assertThat(cinProcess).isActive().hasPassed("Task_StartNextReviewClock");
    assertThat(reviewDeadlines()).hasSize(2);
    assertThat(reviewDeadlines().get(1).dueDate()).isEqualTo("2027-05-15");
    assertThat(jdbc.queryForList("SELECT outcome FROM cin_plan_review WHERE child_id = ?", String.class, childId))
        .containsExactly("CONTINUE");
  }

  @Test
  void whoeverWroteThePlanOrTheReviewCannotSignItOff() {
    driver.complete("sam", childId, "Task_AgreeChildInNeedPlan", plan(PLAN_START));
    String planSignOff = driver.task(childId, "Task_SignOffChildInNeedPlan").getId();
    assertThatThrownBy(() -> driver.asUser("sam", () ->
        engine.getTaskService().complete(planSignOff, Map.of("signOffDecision", "APPROVE"))))
        .isInstanceOf(AuthorizationException.class);   // not a manager: refused by authorization before four eyes
    assertThat(driver.openTaskKeys(childId)).containsExactly("Task_SignOffChildInNeedPlan");
    driver.complete("tina", childId, "Task_SignOffChildInNeedPlan", Map.of("signOffDecision", "APPROVE"));

    // a team manager covering the case writes the review herself: she cannot sign it off either
    TestClock.setLondon("2027-02-15T14:00:00");
    engine.getTaskService().setAssignee(driver.task(childId, "Task_ReviewChildInNeedPlan").getId(), "tina");
    driver.asUser("tina", () -> engine.getTaskService().complete(
        driver.task(childId, "Task_ReviewChildInNeedPlan").getId(), review("2027-02-15", "STEP_DOWN", null)));
    assertThatThrownBy(() -> driver.complete("tina", childId, "Task_SignOffChildInNeedReview",
        Map.of("signOffDecision", "APPROVE")))
        .isInstanceOf(AuthorizationException.class);   // not a manager: refused by authorization before four eyes
    assertThat(driver.task(childId, "Task_SignOffChildInNeedReview").getAssignee()).isNull();

    driver.complete("mark", childId, "Task_SignOffChildInNeedReview", Map.of("signOffDecision", "APPROVE"));
    BpmnAwareTests.assertThat(cinProcess).isEnded().hasPassed("EndEvent_SteppedDownToEarlyHelp");
    assertThat(jdbc.queryForMap("SELECT * FROM cin_plan_review WHERE child_id = ?", childId))
        .containsEntry("REVIEWED_BY", "tina").containsEntry("SIGNED_OFF_BY", "mark");
  }

  @Test
  void impossibleValuesAreRefusedNamingTheField() {
    Map<String, Object> meetingTomorrow = plan("2026-12-01");
    assertThatThrownBy(() -> driver.complete("sam", childId, "Task_AgreeChildInNeedPlan", meetingTomorrow))
        .hasMessageContaining("cinPlanStartDate").hasMessageContaining("future");
    Map<String, Object> noGoals = plan(PLAN_START);
    noGoals.put("planGoals", " ");
    assertThatThrownBy(() -> driver.complete("sam", childId, "Task_AgreeChildInNeedPlan", noGoals))
        .hasMessageContaining("planGoals");
    assertThat(driver.openTaskKeys(childId)).containsExactly("Task_AgreeChildInNeedPlan");
    agreeAndSignOffPlan("tina");

    TestClock.setLondon("2027-02-15T14:00:00");
    assertRefused(review("2026-11-27", "CONTINUE", null), "cinReviewDate", "before the plan started");
    assertRefused(review("2027-02-16", "CONTINUE", null), "cinReviewDate", "future");
    Map<String, Object> seenTomorrow = review("2027-02-15", "CONTINUE", null);
    seenTomorrow.put("childLastSeenDate", "2027-02-16");
    assertRefused(seenTomorrow, "childLastSeenDate", "future");
    assertRefused(review("2027-02-15", "ADOPTION", null), "cinOutcome", "CONTINUE");
    assertRefused(review("2027-02-15", "CLOSE", null), "closureReason", "RC7");
    assertRefused(review("2027-02-15", "CLOSE", "RC8"), "closureReason", "straight after an assessment");
    assertRefused(review("2027-02-15", "CLOSE", "RC10"), "closureReason", "RC1");
    assertThat(driver.openTaskKeys(childId)).containsExactly("Task_ReviewChildInNeedPlan");

    // a continued plan's next review cannot be dated before the previous one
    driver.complete("sam", childId, "Task_ReviewChildInNeedPlan", review("2027-02-15", "CONTINUE", null));
    driver.complete("tina", childId, "Task_SignOffChildInNeedReview", Map.of("signOffDecision", "APPROVE"));
    assertRefused(review("2027-02-14", "CLOSE", "RC7"), "cinReviewDate", "previous review on 2027-02-15");
  }

  private void assertRefused(Map<String, Object> values, String field, String message) {
    assertThatThrownBy(() -> driver.complete("sam", childId, "Task_ReviewChildInNeedPlan", values))
        .hasMessageContaining(field).hasMessageContaining(message);
  }

  private void agreeAndSignOffPlan(String manager) {
    driver.complete("sam", childId, "Task_AgreeChildInNeedPlan", plan(PLAN_START));
    driver.complete(manager, childId, "Task_SignOffChildInNeedPlan", Map.of("signOffDecision", "APPROVE"));
  }

  /** The plan as the worker records it through the Camunda Form (dates as ISO strings). */
  static Map<String, Object> plan(String startDate) {
    Map<String, Object> values = new HashMap<>();
    values.put("cinPlanStartDate", startDate);
    values.put("planGoals", "Father engages with alcohol service; safe supervision at home");
    values.put("planActions", "Father: alcohol service weekly (from 7 Dec). Nursery: daily attendance. Sam: visits fortnightly");
    return values;
  }

  static Map<String, Object> review(String reviewDate, String outcome, String closureReason) {
    Map<String, Object> values = new HashMap<>();
    values.put("cinReviewDate", reviewDate);
    values.put("childLastSeenDate", LocalDate.parse(reviewDate).minusDays(3).toString());
    values.put("reviewProgress", "Father attends the alcohol service; nursery attendance 95%");
    values.put("cinOutcome", outcome);
    if (closureReason != null) {
      values.put("closureReason", closureReason);
    }
    return values;
  }

  private List<Deadline> reviewDeadlines() {
    return deadlines.forChild(childId).stream().filter(d -> d.timescaleId().equals("CIN_PLAN_REVIEW"))
        .sorted(Comparator.comparing(Deadline::triggerDate)).toList();
  }

  private List<String> groups(String taskKey) {
    return engine.getTaskService().getIdentityLinksForTask(driver.task(childId, taskKey).getId()).stream()
        .map(IdentityLink::getGroupId).filter(g -> g != null).toList();
  }

  /** A variable of the ended plan, as the journey's out-mapping would read it (null if removed). */
  private Object output(String name) {
    HistoricVariableInstance variable = engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(cinProcess.getId()).variableName(name).singleResult();
    return variable == null ? null : variable.getValue();
  }
}
