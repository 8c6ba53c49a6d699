package org.opencsc.care;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.opencsc.calendar.LondonTime;
import org.opencsc.engine.InvalidFieldValue;
import org.opencsc.timescales.ComputedDeadline;
import org.opencsc.timescales.DueDateCalculator;
import org.opencsc.timescales.TimescaleParameters;
import org.springframework.stereotype.Component;

/**
 * Checks and records the legal gateway, pre-proceedings and care proceedings (bean {@code proceedings}),
 * called from {@code processes/care-proceedings.bpmn}. The check methods are complete listeners: a value
 * the case rules refuse is an {@link InvalidFieldValue} naming the field (REST 400, shown in Tasklist).
 * The court dates shown to workers (26 weeks, case management hearing window) come from the timescale
 * catalogue through the same calculator as the statutory clocks.
 */
@Component("proceedings")
public class ProceedingsRecorder {

  public static final Set<String> THRESHOLD_ADVICE = Set.of("MET", "NOT_MET", "FINELY_BALANCED");
  public static final Set<String> LEGAL_ROUTES = Set.of("PRE_PROCEEDINGS", "ISSUE", "NO_ACTION");
  public static final Set<String> SIGN_OFF_DECISIONS = Set.of("APPROVE", "RETURN");
  public static final Set<String> PRE_PROCEEDINGS_DECISIONS = Set.of("ISSUE", "END_PRE_PROCEEDINGS", "CONTINUE");
  public static final Set<String> APPLICATION_TYPES = Set.of("CARE_ORDER", "SUPERVISION_ORDER",
      "CARE_AND_PLACEMENT_ORDER");
  public static final Set<String> INTERIM_ORDERS = Set.of("NONE", "INTERIM_CARE_ORDER", "INTERIM_SUPERVISION_ORDER");
  public static final Set<String> FINAL_ORDERS = Set.of("CARE_ORDER", "PLACEMENT_ORDER", "SGO",
      "CHILD_ARRANGEMENTS_ORDER", "SUPERVISION_ORDER", "NO_ORDER", "WITHDRAWN");

  static final String PROCEEDINGS = "PROCEEDINGS";
  static final String CASE_MANAGEMENT_HEARING = "CASE_MANAGEMENT_HEARING";
  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);

  private final ProceedingsRepository records;
  private final DueDateCalculator calculator;

  public ProceedingsRecorder(ProceedingsRepository records, DueDateCalculator calculator) {
    this.records = records;
    this.calculator = calculator;
  }

  // --- legal gateway -------------------------------------------------------------------------------

  public void checkReferral(DelegateTask task) {
    ProceedingsFormValues form = values(task);
    form.text("legalConcerns", "say what the concerns are and why the legal gateway is needed");
    form.text("supportAlreadyTried", "say what has already been tried to keep the child safe at home");
  }

  public void checkAdvice(DelegateTask task) {
    ProceedingsFormValues form = values(task);
    form.code("thresholdMet", THRESHOLD_ADVICE);
    form.text("legalAdvice", "write the legal advice");
    form.code("recommendedRoute", LEGAL_ROUTES);
  }

  /** The service manager's decision: a route (approve) or back to the social worker (return). */
  public void checkDecision(DelegateTask task) {
    ProceedingsFormValues form = values(task);
    String decision = form.code("signOffDecision", SIGN_OFF_DECISIONS);
    if ("APPROVE".equals(decision)) {
      form.code("legalDecision", LEGAL_ROUTES);
      form.text("legalDecisionReason", "give the reason for the decision");
    } else {
      form.text("signOffComments", "say what the social worker needs to add to the referral");
    }
  }

  /** Writes the legal gateway decision. The legal track never routes the journey: nextStage is NONE. */
  public void recordGateway(DelegateExecution execution) {
    String id = UUID.randomUUID().toString();
    records.insertLegalGateway(id, childId(execution), execution.getProcessInstanceId(),
        text(execution, "legalConcerns"), text(execution, "supportAlreadyTried"),
        text(execution, "authorOf_Task_PrepareLegalGatewayReferral"), text(execution, "thresholdMet"),
        text(execution, "legalAdvice"), text(execution, "recommendedRoute"),
        text(execution, "authorOf_Task_GiveLegalAdvice"), text(execution, "legalDecision"),
        text(execution, "legalDecisionReason"), text(execution, "signedOffBy_Task_DecideLegalRoute"), today(), now());
    execution.setVariable("legalGatewayId", id);
    execution.setVariable("nextStage", "NONE");
  }

  // --- pre-proceedings (Public Law Outline) ---------------------------------------------------------

  public void checkLetter(DelegateTask task) {
    values(task).pastDate("letterSentDate", "record the date the letter before proceedings was sent");
  }

  public void checkPreProceedingsMeeting(DelegateTask task) {
    ProceedingsFormValues form = values(task);
    LocalDate meeting = form.pastDate("preProceedingsMeetingDate", "record the date of the meeting");
    LocalDate letter = form.dateOrNull("letterSentDate");
    if (letter != null && meeting.isBefore(letter)) {
      throw new InvalidFieldValue("preProceedingsMeetingDate",
          "the meeting cannot be before the letter before proceedings was sent (" + letter + ")");
    }
    form.text("preProceedingsPlan", "record what was agreed with the parents");
  }

  public void checkPreProceedingsReview(DelegateTask task) {
    ProceedingsFormValues form = values(task);
    form.code("preProceedingsDecision", PRE_PROCEEDINGS_DECISIONS);
    form.text("preProceedingsReason", "give the reason for the decision");
  }

  public void recordPreProceedingsReview(DelegateExecution execution) {
    ProceedingsFormValues form = values(execution);
    records.recordPreProceedingsReview(text(execution, "legalGatewayId"), form.dateOrNull("letterSentDate"),
        form.dateOrNull("preProceedingsMeetingDate"), form.flag("parentsAttended"),
        form.flag("representativesAttended"), text(execution, "preProceedingsDecision"),
        text(execution, "signedOffBy_Task_ReviewPreProceedings"), today());
  }

  // --- care proceedings -----------------------------------------------------------------------------

  public void checkIssue(DelegateTask task) {
    ProceedingsFormValues form = values(task);
    form.pastDate("issueDate", "record the date the application was issued by the court");
    form.text("court", "name the court");
    form.code("applicationType", APPLICATION_TYPES);
  }

  /**
   * Writes the proceedings with the dates the court works to, and shows them on the next forms:
   * 26 weeks (day 182 is the first day outside), case management hearing by day 18, not before day 12.
   */
  public void recordIssued(DelegateExecution execution) {
    LocalDate issueDate = values(execution).dateOrNull("issueDate");
    ComputedDeadline weeks26 = calculator.compute(PROCEEDINGS, issueDate, TimescaleParameters.none());
    ComputedDeadline cmh = calculator.compute(CASE_MANAGEMENT_HEARING, issueDate, TimescaleParameters.none());
    String id = UUID.randomUUID().toString();
    records.insertProceedings(id, childId(execution), execution.getProcessInstanceId(),
        text(execution, "legalGatewayId"), issueDate, text(execution, "court"), text(execution, "applicationType"),
        weeks26.dueDate(), cmh.earliestDate(), cmh.dueDate(), text(execution, "authorOf_Task_IssueProceedings"),
        now());
    execution.setVariable("proceedingsId", id);
    execution.setVariable("proceedingsDueDateText", SHOWN.format(weeks26.dueDate()));
    execution.setVariable("cmhEarliestDate", cmh.earliestDate().toString());
    execution.setVariable("cmhEarliestDateText", SHOWN.format(cmh.earliestDate()));
    execution.setVariable("cmhDueDateText", SHOWN.format(cmh.dueDate()));
    execution.setVariable("lookedAfterTrackStarted", false);
  }

  /** The case management hearing cannot be before day 12 (Practice Direction 12A). */
  public void checkCaseManagementHearing(DelegateTask task) {
    ProceedingsFormValues form = values(task);
    LocalDate hearing = form.pastDate("cmhDate", "record the date of the case management hearing");
    LocalDate earliest = earliestCaseManagementHearing(form.dateOrNull("issueDate"));
    if (hearing.isBefore(earliest)) {
      throw new InvalidFieldValue("cmhDate", "the case management hearing cannot be before day 12 of the proceedings ("
          + SHOWN.format(earliest) + ")");
    }
  }

  public void recordCaseManagementHearing(DelegateExecution execution) {
    ProceedingsFormValues form = values(execution);
    LocalDate issueDate = form.dateOrNull("issueDate");
    LocalDate hearing = form.dateOrNull("cmhDate");
    LocalDate due = calculator.compute(CASE_MANAGEMENT_HEARING, issueDate, TimescaleParameters.none()).dueDate();
    String proceedingsId = text(execution, "proceedingsId");
    records.recordCaseManagementHearing(proceedingsId, hearing, !hearing.isAfter(due));
    records.insertHearing(UUID.randomUUID().toString(), proceedingsId, childId(execution), hearing,
        "CASE_MANAGEMENT", "NONE", false, null, form.optionalText("cmhDirections"),
        text(execution, "authorOf_Task_AttendCaseManagementHearing"), now());
  }

  /**
   * A hearing after the case management hearing. Normalises the answers so the model's gateways can read
   * them: an unticked box is false, and a final hearing makes no interim order.
   */
  public void checkHearing(DelegateTask task) {
    ProceedingsFormValues form = values(task);
    LocalDate hearing = form.pastDate("hearingDate", "record the date of the hearing");
    LocalDate issueDate = form.dateOrNull("issueDate");
    if (issueDate != null && hearing.isBefore(issueDate)) {
      throw new InvalidFieldValue("hearingDate", "the hearing cannot be before the proceedings were issued ("
          + issueDate + ")");
    }
    boolean finalHearing = form.flag("finalHearing");
    task.setVariable("finalHearing", finalHearing);
    if (finalHearing) {
      form.code("proceedingsOutcome", FINAL_ORDERS);
      task.setVariable("interimOrder", "NONE");
      task.setVariable("childRemovedFromHome", false);
      return;
    }
    String interim = form.code("interimOrder", INTERIM_ORDERS);
    boolean removed = form.flag("childRemovedFromHome");
    if (removed && !"INTERIM_CARE_ORDER".equals(interim)) {
      throw new InvalidFieldValue("childRemovedFromHome",
          "only an interim care order can remove the child from home; choose the order or untick the box");
    }
    task.setVariable("childRemovedFromHome", removed);
  }

  public void recordHearing(DelegateExecution execution) {
    ProceedingsFormValues form = values(execution);
    boolean finalHearing = form.flag("finalHearing");
    records.insertHearing(UUID.randomUUID().toString(), text(execution, "proceedingsId"), childId(execution),
        form.dateOrNull("hearingDate"), finalHearing ? "FINAL" : "FURTHER", text(execution, "interimOrder"),
        form.flag("childRemovedFromHome"), finalHearing ? text(execution, "proceedingsOutcome") : null,
        form.optionalText("hearingNotes"), text(execution, "authorOf_Task_RecordHearingOutcome"), now());
  }

  /** The final order, the length of the proceedings and whether they ended within 26 weeks. */
  public void recordFinalOrder(DelegateExecution execution) {
    ProceedingsFormValues form = values(execution);
    LocalDate issueDate = form.dateOrNull("issueDate");
    LocalDate finalHearing = form.dateOrNull("hearingDate");
    LocalDate weeks26 = calculator.compute(PROCEEDINGS, issueDate, TimescaleParameters.none()).dueDate();
    records.recordFinalOrder(text(execution, "proceedingsId"), finalHearing, text(execution, "proceedingsOutcome"),
        ChronoUnit.DAYS.between(issueDate, finalHearing), !finalHearing.isAfter(weeks26), today());
  }

  LocalDate earliestCaseManagementHearing(LocalDate issueDate) {
    return calculator.compute(CASE_MANAGEMENT_HEARING, issueDate, TimescaleParameters.none()).earliestDate();
  }

  private static ProceedingsFormValues values(VariableScope scope) {
    return new ProceedingsFormValues(scope::getVariable, today());
  }

  private static String text(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    return value == null ? null : value.toString();
  }

  private static String childId(DelegateExecution execution) {
    Object childId = execution.getVariable("childId");
    return childId != null ? childId.toString() : execution.getProcessBusinessKey();
  }

  private static LocalDate today() {
    return LondonTime.dateOf(now());
  }

  private static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
