package org.opencsc.leavingcare;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.spin.Spin;
import org.camunda.spin.plugin.variable.SpinValues;
import org.opencsc.calendar.LondonTime;
import org.opencsc.children.ChildRepository;
import org.opencsc.engine.EngineServices;
import org.opencsc.engine.FormValues;
import org.opencsc.engine.InvalidFieldValue;
import org.opencsc.security.Roles;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Leaving care (bean {@code leavingCare}), called from {@code processes/leaving-care.bpmn}: works out
 * eligibility and the birthdays from the child record, offers personal advisers with their caseloads,
 * checks what the personal adviser records and writes it to {@code leaving_care} and {@code pathway_plan}.
 */
@Component("leavingCare")
public class LeavingCare {

  public static final String PHASE_TO_21 = "TO_21";
  public static final String PHASE_TO_25 = "TO_25";
  /** CIN census reason for closure: RC7 "services ceased for any other reason, including child no longer in need". */
  public static final String CLOSURE_REASON = "RC7";
  static final int ELIGIBLE_AT = 16;
  static final int SUPPORT_TO = 21;
  static final int SUPPORT_ON_REQUEST_TO = 25;

  private final ChildRepository children;
  private final LeavingCareRepository records;
  private final EngineServices engine;
  private final int adviserCaseloadLimit;

  public LeavingCare(ChildRepository children, LeavingCareRepository records, EngineServices engine,
      @Value("${csc.caseload.team-limits.leaving-care:25}") int adviserCaseloadLimit) {
    this.children = children;
    this.records = records;
    this.engine = engine;
    this.adviserCaseloadLimit = adviserCaseloadLimit;
  }

  /**
   * Eligibility: the 16th birthday, or the day an older child becomes eligible (the optional in-variable
   * {@code eligibilityDate}, else today), whichever is later. Sets {@code dateOfBirth}, {@code eligibilityDate}
   * (ISO dates), {@code supportPhase} = TO_21, {@code supportEndsAt} (00:00 London on the 21st birthday) and
   * {@code leavingCareId}.
   */
  public void recordEligibility(DelegateExecution execution) {
    String childId = (String) execution.getVariable("childId");
    LocalDate dateOfBirth = children.findById(childId)
        .orElseThrow(() -> new IllegalStateException("No child record " + childId))
        .dateOfBirth();
    if (dateOfBirth == null) {
      throw new IllegalStateException("Leaving care needs the young person's date of birth on the child record");
    }
    LocalDate becameEligible = FormValues.parseDate(execution.getVariable("eligibilityDate"), "eligibilityDate");
    LocalDate eligibility = latest(dateOfBirth.plusYears(ELIGIBLE_AT), becameEligible == null ? today() : becameEligible);
    execution.setVariable("dateOfBirth", dateOfBirth.toString());
    execution.setVariable("eligibilityDate", eligibility.toString());
    execution.setVariable("supportPhase", PHASE_TO_21);
    execution.setVariable("supportEndsAt", birthday(dateOfBirth, SUPPORT_TO));
    execution.setVariable("leavingCareId",
        records.open(childId, execution.getProcessInstanceId(), dateOfBirth, eligibility, now()));
  }

  /** Sets the Json variable {@code adviserOptions} for the allocation form: every personal adviser and their caseload. */
  public void offerPersonalAdvisers(DelegateExecution execution) {
    List<Option> options = advisers().stream()
        .map(user -> new Option(label(user), user.getId()))
        .toList();
    execution.setVariable("adviserOptions", SpinValues.jsonValue(Spin.JSON(options).toString()).create());
  }

  /** Complete listener on the allocation: a personal adviser of the leaving care team; above the limit only with a reason. */
  public void checkAdviser(DelegateTask task) {
    Object chosen = task.getVariable("personalAdviser");
    if (chosen == null || chosen.toString().isBlank()) {
      throw new InvalidFieldValue("personalAdviser", "choose the personal adviser");
    }
    User adviser = engine.identityService().createUserQuery().userId(chosen.toString())
        .memberOfGroup(Roles.LEAVING_CARE).singleResult();
    if (adviser == null) {
      throw new InvalidFieldValue("personalAdviser", chosen + " is not a personal adviser in the leaving care team");
    }
    Object reason = task.getVariable("overLimitReason");
    int cases = records.openCaseCount(adviser.getId());
    if (cases >= adviserCaseloadLimit && (reason == null || reason.toString().isBlank())) {
      throw new InvalidFieldValue("overLimitReason", name(adviser) + " already supports " + cases + " of "
          + adviserCaseloadLimit + " young people; record why you are allocating above the limit");
    }
  }

  public void recordPersonalAdviser(DelegateExecution execution) {
    Object reason = execution.getVariable("overLimitReason");
    records.allocateAdviser(leavingCareId(execution), (String) execution.getVariable("personalAdviser"), now(),
        (String) execution.getVariable("authorOf_Task_AllocatePersonalAdviser"),
        reason == null || reason.toString().isBlank() ? null : reason.toString());
  }

  /** Complete listener on the needs assessment. */
  public void checkNeedsAssessment(DelegateTask task) {
    needsAssessmentDate(task);
    Object needs = task.getVariable("needs");
    if (needs == null || needs.toString().isBlank()) {
      throw new InvalidFieldValue("needs", "record the young person's needs");
    }
  }

  public void recordNeedsAssessment(DelegateExecution execution) {
    LocalDate date = needsAssessmentDate(execution);
    records.recordNeedsAssessment(leavingCareId(execution), date, (String) execution.getVariable("needs"),
        (String) execution.getVariable("authorOf_Task_AssessNeeds"));
  }

  /** Complete listener on the pathway plan: not before the needs assessment. */
  public void checkPathwayPlan(DelegateTask task) {
    plan(task::getVariable, "pathwayPlanDate", dateOf(task.getVariable("needsAssessmentDate")), false,
        dateOf(task.getVariable("dateOfBirth")));
  }

  /** Complete listener on a review: after the previous plan or review. */
  public void checkPathwayPlanReview(DelegateTask task) {
    plan(task::getVariable, "reviewDate", dateOf(task.getVariable("latestPlanDate")), true,
        dateOf(task.getVariable("dateOfBirth")));
  }

  /** The signed-off plan; sets {@code latestPlanDate}, from which the first review is due. */
  public void recordPathwayPlan(DelegateExecution execution) {
    PathwayPlanRecord plan = plan(execution::getVariable, "pathwayPlanDate",
        dateOf(execution.getVariable("needsAssessmentDate")), false, dateOf(execution.getVariable("dateOfBirth")));
    record(execution, "PLAN", plan, "Task_WritePathwayPlan", "Task_SignOffPathwayPlan");
  }

  /** The signed-off review; sets {@code latestPlanDate}, from which the next review is due. */
  public void recordPathwayPlanReview(DelegateExecution execution) {
    PathwayPlanRecord review = plan(execution::getVariable, "reviewDate",
        dateOf(execution.getVariable("latestPlanDate")), true, dateOf(execution.getVariable("dateOfBirth")));
    record(execution, "REVIEW", review, "Task_ReviewPathwayPlan", "Task_SignOffPathwayPlanReview");
  }

  /** Complete listener on the offer of support to 25. */
  public void checkSupportTo25(DelegateTask task) {
    Object answer = task.getVariable("supportTo25Requested");
    if (answer == null || !List.of("YES", "NO").contains(answer.toString())) {
      throw new InvalidFieldValue("supportTo25Requested", "must be YES or NO");
    }
  }

  /** The young person asked for support to 25: reviews go on until the 25th birthday. */
  public void extendSupportTo25(DelegateExecution execution) {
    LocalDate dateOfBirth = dateOf(execution.getVariable("dateOfBirth"));
    records.recordSupportTo25(leavingCareId(execution), true);
    execution.setVariable("supportPhase", PHASE_TO_25);
    execution.setVariable("supportEndsAt", birthday(dateOfBirth, SUPPORT_ON_REQUEST_TO));
  }

  /** Support ends: records why, and tells the journey to close the case ({@code nextStage}, {@code closureReason}). */
  public void recordEndOfSupport(DelegateExecution execution) {
    String reason;
    if (PHASE_TO_25.equals(execution.getVariable("supportPhase"))) {
      reason = "REACHED_25";
    } else {
      records.recordSupportTo25(leavingCareId(execution), false);
      reason = "REACHED_21_NO_SUPPORT_TO_25";
    }
    records.endSupport(leavingCareId(execution), today(), reason);
    execution.setVariable("supportEndReason", reason);
    execution.setVariable("nextStage", "CLOSE");
    execution.setVariable("closureReason", CLOSURE_REASON);
  }

  private void record(DelegateExecution execution, String kind, PathwayPlanRecord plan, String workTask,
      String signOffTask) {
    records.recordPlan(leavingCareId(execution), (String) execution.getVariable("childId"), kind, plan,
        (String) execution.getVariable("authorOf_" + workTask),
        (String) execution.getVariable("signedOffBy_" + signOffTask), today());
    execution.setVariable("latestPlanDate", plan.date().toString());
  }

  private static PathwayPlanRecord plan(java.util.function.Function<String, Object> variables, String dateField,
      LocalDate notBefore, boolean strictlyAfter, LocalDate dateOfBirth) {
    return PathwayPlanRecord.from(variables, dateField, today(), notBefore, strictlyAfter, dateOfBirth);
  }

  private List<User> advisers() {
    return engine.identityService().createUserQuery().memberOfGroup(Roles.LEAVING_CARE).orderByUserId().asc().list();
  }

  private String label(User user) {
    int cases = records.openCaseCount(user.getId());
    return name(user) + " — " + cases + " of " + adviserCaseloadLimit + " young people"
        + (cases >= adviserCaseloadLimit ? " — AT OR OVER LIMIT" : "");
  }

  private static String name(User user) {
    return ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
        + (user.getLastName() == null ? "" : user.getLastName())).trim();
  }

  private static String leavingCareId(DelegateExecution execution) {
    return (String) execution.getVariable("leavingCareId");
  }

  /** 00:00 Europe/London on the birthday: the day the young person turns {@code age}. */
  static Date birthday(LocalDate dateOfBirth, int age) {
    return Date.from(LondonTime.startOfDay(dateOfBirth.plusYears(age)));
  }

  private static LocalDate needsAssessmentDate(VariableScope scope) {
    return new FormValues(scope::getVariable, today()).pastDate("needsAssessmentDate", "is required");
  }

  private static LocalDate dateOf(Object value) {
    return FormValues.parseDate(value, "date");
  }

  private static LocalDate latest(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }

  private static LocalDate today() {
    return LondonTime.dateOf(now());
  }

  private static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  record Option(String label, String value) {}
}
