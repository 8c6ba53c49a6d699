package org.opencsc.assessment;

import java.time.LocalDate;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.opencsc.calendar.LondonTime;
import org.opencsc.children.ChildRepository;
import org.springframework.stereotype.Component;

/** Checks and records the child and family assessment (bean {@code assessments}). */
@Component("assessments")
public class AssessmentRecorder {

  private final AssessmentRepository assessments;
  private final ChildRepository children;

  public AssessmentRecorder(AssessmentRepository assessments, ChildRepository children) {
    this.assessments = assessments;
    this.children = children;
  }

  /** Complete listener on the assessment task: bad values are refused whichever client sends them. */
  public void check(DelegateTask task) {
    AssessmentRecord.from(task::getVariable, today());
  }

  public void recordAuthorised(DelegateExecution execution) {
    AssessmentRecord assessment = AssessmentRecord.from(execution::getVariable, today());
    String childId = (String) execution.getVariable("childId");
    assessments.insert(UUID.randomUUID().toString(), childId,
        execution.getProcessInstanceId(), assessment,
        (String) execution.getVariable("authorOf_Task_CarryOutAssessment"),
        (String) execution.getVariable("signedOffBy_Task_SignOffAssessment"), today());
    if (assessment.disabilities() != null) {
      // the authorised assessment is the latest statement of the child's disabilities
      children.replaceDisabilities(childId, assessment.disabilities());
    }
  }

  private static LocalDate today() {
    return LondonTime.dateOf(ClockUtil.getCurrentTime().toInstant());
  }
}
