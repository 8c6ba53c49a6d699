package org.opencsc.childinneed;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.opencsc.calendar.LondonTime;
import org.opencsc.children.DeathDate;
import org.opencsc.engine.InvalidFieldValue;
import org.springframework.stereotype.Component;

/**
 * Checks and records the child in need plan and its reviews (bean {@code cinPlans}, called from
 * {@code processes/child-in-need.bpmn}). The records feed the CIN census ({@code CINPlanDates}:
 * CINPlanStartDate, CINPlanEndDate) and Ofsted Annex A list 6 (last seen, closure date and reason).
 *
 * <p>Closure reasons: a child who had a child in need plan is closed with RC1–RC7. RC8 and RC9 are
 * "case closed after assessment" codes (no further action / referred to early help) and describe a
 * case that never had a plan, so they are refused here. Stepping a plan down to early help is
 * recorded as RC7 ("services ceased for any other reason, including child no longer in need").
 */
@Component("cinPlans")
public class ChildInNeedRecorder {

  public static final Set<String> OUTCOMES = Set.of("CONTINUE", "STEP_DOWN", "CLOSE", "ESCALATE");
  /** CIN census ReasonForClosure codes that fit the end of a child in need plan. */
  public static final Map<String, String> CLOSURE_REASONS;
  /** ReasonForClosure recorded when a plan steps down to early help. */
  public static final String STEP_DOWN_CLOSURE_REASON = "RC7";
  /** Where the journey goes next for each outcome that ends the plan (contract: {@code nextStage}). */
  public static final Map<String, String> NEXT_STAGE = Map.of(
      "STEP_DOWN", "EARLY_HELP", "CLOSE", "CLOSE", "ESCALATE", "STRATEGY");

  static {
    Map<String, String> reasons = new LinkedHashMap<>();
    reasons.put("RC1", "Adopted");
    reasons.put("RC2", "Died");
    reasons.put("RC3", "Child arrangements order");
    reasons.put("RC4", "Special guardianship order");
    reasons.put("RC5", "Transferred to services of another local authority");
    reasons.put("RC6", "Transferred to adult social care services");
    reasons.put("RC7", "Services ceased for any other reason, including child no longer in need");
    CLOSURE_REASONS = java.util.Collections.unmodifiableMap(reasons);
  }

  static final String PLAN_ID = "cinPlanId";
  static final String LAST_REVIEW_DATE = "lastCinReviewDate";
  static final String REVIEW_NUMBER = "cinReviewNumber";

  private final ChildInNeedRepository repository;

  public ChildInNeedRecorder(ChildInNeedRepository repository) {
    this.repository = repository;
  }

  /** Complete listener on Task_AgreeChildInNeedPlan. */
  public void checkPlan(DelegateTask task) {
    CinFormValues values = new CinFormValues(task::getVariable, today());
    values.pastDate("cinPlanStartDate", "the date of the first child in need meeting (the plan's start)");
    values.requiredText("planGoals", "what must change for the child (the plan's goals)");
    values.requiredText("planActions", "who does what, and by when");
    clearPreviousSignOff(task);
  }

  /** Complete listener on Task_ReviewChildInNeedPlan. */
  public void checkReview(DelegateTask task) {
    CinFormValues values = new CinFormValues(task::getVariable, today());
    LocalDate reviewDate = values.pastDate("cinReviewDate", "the date the review meeting was held");
    LocalDate planStart = values.optionalDate("cinPlanStartDate");
    if (planStart != null && reviewDate.isBefore(planStart)) {
      throw new InvalidFieldValue("cinReviewDate", "must not be before the plan started on " + planStart);
    }
    LocalDate previous = values.optionalDate(LAST_REVIEW_DATE);
    if (previous != null && reviewDate.isBefore(previous)) {
      throw new InvalidFieldValue("cinReviewDate", "must not be before the previous review on " + previous);
    }
    values.pastDate("childLastSeenDate", "the date the child was last seen");
    values.requiredText("reviewProgress", "the progress made against the plan");
    String outcome = values.text("cinOutcome");
    if (outcome == null || !OUTCOMES.contains(outcome)) {
      throw new InvalidFieldValue("cinOutcome", "must be one of CONTINUE, STEP_DOWN, CLOSE, ESCALATE");
    }
    if ("CLOSE".equals(outcome)) {
      String reason = values.text("closureReason");
      if ("RC8".equals(reason) || "RC9".equals(reason)) {
        throw new InvalidFieldValue("closureReason", reason + " is for a case closed straight after an assessment;"
            + " this child had a child in need plan: use RC7, or step down to early help");
      }
      if (reason == null || !CLOSURE_REASONS.containsKey(reason)) {
        throw new InvalidFieldValue("closureReason", "give the reason for closure, one of " + CLOSURE_REASONS.keySet());
      }
      checkDeathDate(task, values, reason, reviewDate);
    } else {
      // a reason chosen before the outcome was changed must not travel with the case
      task.getExecution().removeVariable("closureReason");
      task.getExecution().removeVariable(DeathDate.FIELD);
    }
    clearPreviousSignOff(task);
  }

  /**
   * The date of death goes with a closure because the child died (RC2) and nothing else; the journey
   * records it on the child when the case closes (CIN census PersonDeathDate).
   */
  private static void checkDeathDate(DelegateTask task, CinFormValues values, String reason, LocalDate reviewDate) {
    if (!DeathDate.DIED.equals(reason)) {
      task.getExecution().removeVariable(DeathDate.FIELD);
      return;
    }
    LocalDate death = values.optionalDate(DeathDate.FIELD);
    if (death == null) {
      throw new InvalidFieldValue(DeathDate.FIELD, DeathDate.NEEDED);
    }
    String problem = DeathDate.problem(death, null, today());
    if (problem == null && death.isAfter(reviewDate)) {
      problem = "must not be after the review that closes the case on " + reviewDate;
    }
    if (problem != null) {
      throw new InvalidFieldValue(DeathDate.FIELD, problem);
    }
  }

  /** After the team manager's approval: the plan (CINPlanStartDate) is on the child's record. */
  public void recordPlan(DelegateExecution execution) {
    CinFormValues values = new CinFormValues(execution::getVariable, today());
    String planId = repository.insertPlan(childId(execution), execution.getProcessInstanceId(),
        values.optionalDate("cinPlanStartDate"), values.text("planGoals"), values.text("planActions"),
        values.text("authorOf_Task_AgreeChildInNeedPlan"), values.text("signedOffBy_Task_SignOffChildInNeedPlan"),
        today());
    execution.setVariable(PLAN_ID, planId);
    execution.setVariable(REVIEW_NUMBER, 0);
  }

  /** After the team manager's approval of a review. The next review counts from this review's date. */
  public void recordReview(DelegateExecution execution) {
    CinFormValues values = new CinFormValues(execution::getVariable, today());
    String outcome = values.text("cinOutcome");
    int number = ((Number) execution.getVariable(REVIEW_NUMBER)).intValue() + 1;
    LocalDate reviewDate = values.optionalDate("cinReviewDate");
    repository.insertReview(planId(execution), childId(execution), number, reviewDate,
        values.optionalDate("CIN_PLAN_REVIEW_due"), values.optionalDate("childLastSeenDate"),
        values.text("reviewProgress"), outcome, "CLOSE".equals(outcome) ? values.text("closureReason") : null,
        values.text("authorOf_Task_ReviewChildInNeedPlan"),
        values.text("signedOffBy_Task_SignOffChildInNeedReview"), today());
    execution.setVariable(REVIEW_NUMBER, number);
    execution.setVariable(LAST_REVIEW_DATE, reviewDate.toString());
  }

  /**
   * The review ended the plan: CINPlanEndDate = the review's date, or the date of death when the child
   * died. Sets the journey's {@code nextStage} (EARLY_HELP, CLOSE, STRATEGY), {@code closureReason} (RC7
   * on a step down, the chosen code on a closure, none on an escalation) and {@code cinPlanEndDate}.
   */
  public void endPlan(DelegateExecution execution) {
    String outcome = (String) execution.getVariable("cinOutcome");
    String nextStage = NEXT_STAGE.get(outcome);
    if (nextStage == null) {
      throw new IllegalStateException("Review outcome " + outcome + " does not end the child in need plan");
    }
    String closureReason = switch (outcome) {
      case "CLOSE" -> (String) execution.getVariable("closureReason");
      case "STEP_DOWN" -> STEP_DOWN_CLOSURE_REASON;
      default -> null;
    };
    CinFormValues values = new CinFormValues(execution::getVariable, today());
    LocalDate endDate = values.optionalDate("cinReviewDate");
    LocalDate death = DeathDate.DIED.equals(closureReason) ? values.optionalDate(DeathDate.FIELD) : null;
    if (death != null && death.isBefore(endDate)) {
      // the plan ended when the child died, not at the review that recorded it (CIN census rule 4009)
      endDate = death;
    }
    repository.endPlan(planId(execution), endDate, outcome, closureReason);
    execution.setVariable("nextStage", nextStage);
    execution.setVariable("cinPlanEndDate", endDate.toString());
    if (closureReason == null) {
      execution.removeVariable("closureReason");
    } else {
      execution.setVariable("closureReason", closureReason);
    }
  }

  /** The manager decides afresh each time: last round's decision and comments must not pre-fill the form. */
  private static void clearPreviousSignOff(DelegateTask task) {
    VariableScope execution = task.getExecution();
    execution.removeVariable("signOffDecision");
    execution.removeVariable("signOffComments");
  }

  private static String planId(DelegateExecution execution) {
    Object id = execution.getVariable(PLAN_ID);
    if (id == null) {
      throw new IllegalStateException("No child in need plan recorded in this process");
    }
    return id.toString();
  }

  private static String childId(DelegateExecution execution) {
    Object childId = execution.getVariable("childId");
    return childId != null ? childId.toString() : execution.getProcessBusinessKey();
  }

  private static LocalDate today() {
    return LondonTime.dateOf(ClockUtil.getCurrentTime().toInstant());
  }
}
