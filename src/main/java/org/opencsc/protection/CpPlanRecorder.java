package org.opencsc.protection;

import static org.opencsc.children.DfeCodes.REASON_FOR_CLOSURE;
import static org.opencsc.protection.ChildProtectionValues.CATEGORIES;
import static org.opencsc.protection.ChildProtectionValues.ICPC_OUTCOMES;
import static org.opencsc.protection.ChildProtectionValues.RCPC_OUTCOMES;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.opencsc.calendar.LondonTime;
import org.opencsc.engine.InvalidFieldValue;
import org.springframework.stereotype.Component;

/**
 * Checks and records the child protection stage (bean {@code cpPlans}): the initial conference, the
 * plan, its core groups, visits and review conferences, and the NI 64 two-year flag. Complete
 * listeners refuse impossible values with {@link InvalidFieldValue}; service tasks write the records
 * the CIN census (ChildProtectionPlans) and Ofsted Annex A lists 5 and 7 are produced from.
 */
@Component("cpPlans")
public class CpPlanRecorder {

  static final String FIRST_RCPC = "FIRST_RCPC";
  static final String RCPC = "RCPC";
  /** NI 64 counts plans that have lasted two years or more; the flag is raised on the second anniversary. */
  static final int NI64_YEARS = 2;
  static final Set<String> NEXT_STAGES = Set.of("CIN_PLAN", "CLOSE");

  private final CpPlanRepository records;

  public CpPlanRecorder(CpPlanRepository records) {
    this.records = records;
  }

  // --- initial conference ---------------------------------------------------------------------------

  /** Complete listener on Task_HoldInitialConference: the chair's record is the decision. */
  public void checkInitialConference(DelegateTask task) {
    ChildProtectionValues values = values(task);
    LocalDate conference = values.pastDate("conferenceDate", "the date the conference was held");
    LocalDate strategy = ChildProtectionValues.date(task.getVariable("strategyDiscussionDate"), "strategyDiscussionDate");
    if (strategy != null && conference.isBefore(strategy)) {
      throw new InvalidFieldValue("conferenceDate",
          "must not be before the strategy discussion on " + strategy);
    }
    String outcome = values.code("icpcOutcome", ICPC_OUTCOMES);
    if ("CP_PLAN".equals(outcome) && values.optionalCode("cpCategory", CATEGORIES) == null) {
      throw new InvalidFieldValue("cpCategory",
          "a child protection plan needs a category of abuse: one of " + sorted(CATEGORIES));
    }
    if ("NFA".equals(outcome)) {
      closureReason(values);
    }
  }

  public void recordInitialConference(DelegateExecution execution) {
    ChildProtectionValues values = values(execution);
    String outcome = values.code("icpcOutcome", ICPC_OUTCOMES);
    String id = UUID.randomUUID().toString();
    records.insertConference(id, childId(execution), execution.getProcessInstanceId(),
        values.optionalDate("strategyDiscussionDate"), values.optionalDate("conferenceDate"),
        values.optionalDate("ICPC_due"), outcome,
        "CP_PLAN".equals(outcome) ? values.code("cpCategory", CATEGORIES) : null,
        values.list("conferenceAttendance"), values.text("conferenceDecisionReasons"),
        (String) execution.getVariable("authorOf_Task_HoldInitialConference"), now());
    execution.setVariable("icpcConferenceId", id);
  }

  // --- the plan -------------------------------------------------------------------------------------

  /** The plan starts on the date of the conference that made it; earlier plans are counted (NI 65). */
  public void startPlan(DelegateExecution execution) {
    ChildProtectionValues values = values(execution);
    String childId = childId(execution);
    LocalDate start = values.optionalDate("conferenceDate");
    String category = values.code("cpCategory", CATEGORIES);
    int previous = records.countPlans(childId);
    String planId = UUID.randomUUID().toString();
    records.insertPlan(planId, childId, execution.getProcessInstanceId(),
        (String) execution.getVariable("icpcConferenceId"), start, category, previous, now());
    execution.setVariable("cpPlanId", planId);
    execution.setVariable("cpPlanStartDate", start.toString());
    execution.setVariable("cpPreviousPlans", previous);
    execution.setVariable("cpSecondOrSubsequentPlan", previous > 0);
    execution.setVariable("cpReviewCount", 0);
  }

  /**
   * NI 64 flag date, not a statutory deadline (the catalogue has no two-year row): 00:00 London on the
   * second anniversary of the plan's start (a plan that started on 29 February is flagged on 28 February).
   */
  public Date ni64TwoYearsOnPlan(Object planStartDate) {
    LocalDate start = ChildProtectionValues.date(planStartDate, "cpPlanStartDate");
    return Date.from(LondonTime.startOfDay(start.plusYears(NI64_YEARS)));
  }

  public void flagTwoYears(DelegateExecution execution) {
    records.flagTwoYears(planId(execution), now());
    execution.setVariable("cpPlanLastedTwoYears", true);
  }

  public void recordTwoYearReview(DelegateExecution execution) {
    records.recordTwoYearReview(planId(execution),
        (String) execution.getVariable("authorOf_Task_ReviewTwoYearPlan"),
        (String) execution.getVariable("twoYearReviewNotes"));
  }


  /** The review conference that ended the plan gives its end date and reason (CIN_PLAN or END). */
  public void endPlan(DelegateExecution execution) {
    ChildProtectionValues values = values(execution);
    LocalDate end = values.optionalDate("reviewConferenceDate");
    String reason = values.code("rcpcOutcome", Set.of("CIN_PLAN", "END"));
    records.endPlan(planId(execution), end, reason);
    execution.setVariable("cpPlanEndDate", end.toString());
    execution.setVariable("cpPlanEndReason", reason);
  }

  /** Sets the journey's routing variable; a closure needs its CIN census reason. */
  public void routeTo(DelegateExecution execution, String nextStage) {
    if (!NEXT_STAGES.contains(nextStage)) {
      throw new IllegalArgumentException("child-protection hands over to " + NEXT_STAGES + ", not " + nextStage);
    }
    if ("CLOSE".equals(nextStage)) {
      closureReason(values(execution));
    }
    execution.setVariable("nextStage", nextStage);
  }

  /** Each meeting or visit of a plan comes after the one recorded before it. */
  private void afterThePrevious(DelegateTask task, String table, String column, String field, LocalDate date,
      String what) {
    records.latest(table, column, planId(task)).ifPresent(previous -> {
      if (!date.isAfter(previous)) {
        throw new InvalidFieldValue(field, "must be after the previous " + what + " on " + previous);
      }
    });
  }

  // --- core groups ----------------------------------------------------------------------------------

  public void checkCoreGroup(DelegateTask task) {
    ChildProtectionValues values = values(task);
    LocalDate date = values.pastDate("coreGroupDate", "the date the core group met");
    notBeforePlanStart(task, "coreGroupDate", date);
    afterThePrevious(task, "core_group", "meeting_date", "coreGroupDate", date, "core group");
  }

  /** {@code timescaleId} is the clock the meeting answered: FIRST_CORE_GROUP or CORE_GROUP. */
  public void recordCoreGroup(DelegateExecution execution, String timescaleId) {
    ChildProtectionValues values = values(execution);
    records.insertCoreGroup(UUID.randomUUID().toString(), planId(execution), childId(execution),
        values.optionalDate("coreGroupDate"), "FIRST_CORE_GROUP".equals(timescaleId), timescaleId,
        values.optionalDate(timescaleId + "_due"), values.text("coreGroupProgress"),
        (String) execution.getVariable("authorOf_" + ("FIRST_CORE_GROUP".equals(timescaleId)
            ? "Task_HoldFirstCoreGroup" : "Task_HoldCoreGroup")), now());
  }

  // --- visits ---------------------------------------------------------------------------------------

  public void checkVisit(DelegateTask task) {
    ChildProtectionValues values = values(task);
    LocalDate date = values.pastDate("visitDate", "the date of the visit");
    notBeforePlanStart(task, "visitDate", date);
    afterThePrevious(task, "cp_visit", "visit_date", "visitDate", date, "visit");
    if (values.flag("visitChildSeenAlone") && !values.flag("visitChildSeen")) {
      throw new InvalidFieldValue("visitChildSeenAlone", "a child seen alone must also be recorded as seen");
    }
  }

  public void recordVisit(DelegateExecution execution) {
    ChildProtectionValues values = values(execution);
    records.insertVisit(UUID.randomUUID().toString(), planId(execution), childId(execution),
        values.optionalDate("visitDate"), values.flag("visitChildSeen"), values.flag("visitChildSeenAlone"),
        values.optionalDate("CP_VISIT_due"), values.text("visitNotes"),
        (String) execution.getVariable("authorOf_Task_VisitChild"), now());
  }

  // --- review conferences ---------------------------------------------------------------------------

  public void checkReview(DelegateTask task) {
    ChildProtectionValues values = values(task);
    LocalDate date = values.pastDate("reviewConferenceDate", "the date the review conference was held");
    LocalDate start = planStart(task);
    if (start != null && !date.isAfter(start)) {
      throw new InvalidFieldValue("reviewConferenceDate", "must be after the plan started on " + start);
    }
    afterThePrevious(task, "cp_review", "review_date", "reviewConferenceDate", date, "review");
    String outcome = values.code("rcpcOutcome", RCPC_OUTCOMES);
    values.code("latestCategory", CATEGORIES);
    // an unticked checkbox may arrive as nothing: the model's gateways read a plain true/false
    task.setVariable("legalGateway", values.flag("legalGateway"));
    if (values.flag("legalGateway")) {
      values.requiredText("legalGatewayReason", "the reasons for asking for the legal gateway");
    }
    if ("END".equals(outcome)) {
      closureReason(values);
    }
  }

  public void recordReview(DelegateExecution execution) {
    ChildProtectionValues values = values(execution);
    int reviewsSoFar = ((Number) execution.getVariable("cpReviewCount")).intValue();
    String timescaleId = reviewsSoFar == 0 ? FIRST_RCPC : RCPC;
    boolean legalGateway = values.flag("legalGateway");
    String category = values.code("latestCategory", CATEGORIES);
    records.insertReview(UUID.randomUUID().toString(), planId(execution), childId(execution),
        values.optionalDate("reviewConferenceDate"), timescaleId, values.optionalDate(timescaleId + "_due"),
        values.code("rcpcOutcome", RCPC_OUTCOMES), category, legalGateway,
        legalGateway ? values.text("legalGatewayReason") : null,
        legalGateway ? (String) execution.getVariable("signedOffBy_Task_SignOffLegalGateway") : null,
        values.text("reviewSummary"), (String) execution.getVariable("authorOf_Task_HoldReviewConference"), now());
    records.updateLatestCategory(planId(execution), category);
    execution.setVariable("cpReviewCount", reviewsSoFar + 1);
  }

  // --- helpers --------------------------------------------------------------------------------------

  private void notBeforePlanStart(DelegateTask task, String field, LocalDate date) {
    LocalDate start = planStart(task);
    if (start != null && date.isBefore(start)) {
      throw new InvalidFieldValue(field, "must not be before the plan started on " + start);
    }
  }

  private static LocalDate planStart(DelegateTask task) {
    return ChildProtectionValues.date(task.getVariable("cpPlanStartDate"), "cpPlanStartDate");
  }

  private static String closureReason(ChildProtectionValues values) {
    if (values.optionalCode("closureReason", REASON_FOR_CLOSURE) == null) {
      throw new InvalidFieldValue("closureReason",
          "closing the case needs the child in need census reason for closure: one of " + sorted(REASON_FOR_CLOSURE));
    }
    return values.code("closureReason", REASON_FOR_CLOSURE);
  }

  private static String planId(DelegateExecution execution) {
    return (String) execution.getVariable("cpPlanId");
  }

  private static String planId(DelegateTask task) {
    return (String) task.getVariable("cpPlanId");
  }

  private static String childId(DelegateExecution execution) {
    Object childId = execution.getVariable("childId");
    return childId != null ? childId.toString() : execution.getProcessBusinessKey();
  }

  private static ChildProtectionValues values(DelegateTask task) {
    return new ChildProtectionValues(task::getVariable, today());
  }

  private static ChildProtectionValues values(DelegateExecution execution) {
    return new ChildProtectionValues(execution::getVariable, today());
  }

  private static java.util.TreeSet<String> sorted(Set<String> codes) {
    return new java.util.TreeSet<>(codes);
  }

  private static LocalDate today() {
    return LondonTime.dateOf(now());
  }

  private static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
