package org.opencsc.protection;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.opencsc.calendar.LondonTime;
import org.opencsc.engine.FormValues;
import org.opencsc.timescales.DueDateCalculator;
import org.opencsc.timescales.TimescaleParameters;
import org.springframework.stereotype.Component;

/**
 * Checks and records the strategy discussion and the section 47 enquiry (bean {@code section47s}),
 * and sets the variables the child's journey reads: {@code strategyDiscussionDate}, {@code nextStage},
 * {@code closureReason}.
 */
@Component("section47s")
public class Section47Recorder {

  static final String STRATEGY_DEADLINE_ID = "STRATEGY_DISCUSSION_deadlineId";
  /** The catalogue entry the CIN census InitialCPCtarget follows (15 WD after the latest strategy discussion). */
  static final String ICPC_TIMESCALE = "ICPC";

  private final Section47Repository repository;
  private final DueDateCalculator calculator;

  public Section47Recorder(Section47Repository repository, DueDateCalculator calculator) {
    this.repository = repository;
    this.calculator = calculator;
  }

  /** Complete listener on Task_HoldStrategyDiscussion. */
  public void checkStrategyDiscussion(DelegateTask task) {
    strategyDiscussion(task::getVariable, task.getProcessInstanceId());
  }

  /**
   * Writes (or, after a returned decision, corrects) the strategy discussion. Sets
   * {@code strategyDiscussionDate} (ISO date of the latest discussion), and when the discussion starts
   * the enquiry, {@code s47StartDate} (first time only) and {@code initialCpcTarget}.
   */
  public void recordStrategyDiscussion(DelegateExecution execution) {
    StrategyDiscussionRecord discussion =
        strategyDiscussion(execution::getVariable, execution.getProcessInstanceId());
    repository.saveStrategyDiscussion((String) execution.getVariable("childId"), execution.getProcessInstanceId(),
        (String) execution.getVariable(STRATEGY_DEADLINE_ID), discussion,
        (String) execution.getVariable("authorOf_Task_HoldStrategyDiscussion"),
        ClockUtil.getCurrentTime().toInstant());
    execution.setVariable("strategyDiscussionDate", discussion.discussionDate().toString());
    if (StrategyDiscussionRecord.START_SECTION_47.equals(discussion.decision())) {
      if (execution.getVariable("s47StartDate") == null) {
        execution.setVariable("s47StartDate", discussion.discussionDate().toString());
      }
      execution.setVariable("initialCpcTarget", initialCpcTarget(discussion.discussionDate()).toString());
    }
  }

  /** The team manager approved the decision not to start an enquiry: the journey goes on to the worker's proposal. */
  public void recordNoEnquiryDecision(DelegateExecution execution) {
    StrategyDiscussionRecord discussion =
        strategyDiscussion(execution::getVariable, execution.getProcessInstanceId());
    repository.recordDecisionSignedOff((String) execution.getVariable(STRATEGY_DEADLINE_ID),
        (String) execution.getVariable("signedOffBy_Task_SignOffNoSection47Decision"), today());
    execution.setVariable("nextStage", discussion.noEnquiryNextStage());
    execution.setVariable("closureReason", discussion.closureReason());
  }

  /** Complete listener on Task_CarryOutSection47Enquiry. */
  public void checkEnquiry(DelegateTask task) {
    Section47EnquiryRecord.from(task::getVariable, today(), startDate(task.getVariable("s47StartDate")));
  }

  /**
   * Writes the signed-off enquiry with what the CIN census Section47 block needs (S47ActualStartDate,
   * InitialCPCtarget, ICPCnotRequired; DateOfInitialCPC is left for child-protection), and sets
   * {@code nextStage} (ICPC, CIN_PLAN or CLOSE) and {@code closureReason} (NFA only).
   */
  public void recordSection47(DelegateExecution execution) {
    LocalDate started = startDate(execution.getVariable("s47StartDate"));
    Section47EnquiryRecord enquiry = Section47EnquiryRecord.from(execution::getVariable, today(), started);
    LocalDate latest = FormValues.parseDate(execution.getVariable("strategyDiscussionDate"),
        "strategyDiscussionDate");
    repository.insertSection47((String) execution.getVariable("childId"), execution.getProcessInstanceId(),
        started, initialCpcTarget(latest), latest, repository.countDiscussions(execution.getProcessInstanceId()),
        enquiry, (String) execution.getVariable("authorOf_Task_CarryOutSection47Enquiry"),
        (String) execution.getVariable("signedOffBy_Task_SignOffSection47Outcome"), today());
    execution.setVariable("nextStage", enquiry.nextStage());
    execution.setVariable("closureReason", enquiry.closureReason());
  }

  /** 15 working days after the latest strategy discussion: the same calculator as the ICPC deadline. */
  LocalDate initialCpcTarget(LocalDate latestDiscussion) {
    return calculator.compute(ICPC_TIMESCALE, latestDiscussion, TimescaleParameters.none()).dueDate();
  }

  private StrategyDiscussionRecord strategyDiscussion(java.util.function.Function<String, Object> variables,
      String processInstanceId) {
    Object deadlineId = variables.apply(STRATEGY_DEADLINE_ID);
    LocalDate previous = repository.previousDiscussionDate(processInstanceId,
        deadlineId == null ? null : deadlineId.toString());
    return StrategyDiscussionRecord.from(variables, today(), previous, variables.apply("s47StartDate") != null);
  }

  private static LocalDate startDate(Object value) {
    return FormValues.parseDate(value, "s47StartDate");
  }

  private static LocalDate today() {
    return LondonTime.dateOf(ClockUtil.getCurrentTime().toInstant());
  }
}
