package org.opencsc.allocation;

import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.opencsc.calendar.LondonTime;
import org.opencsc.engine.FormValues;
import org.springframework.stereotype.Component;

/** Records who holds the case; later tasks go to that worker and team (bean {@code allocations}). */
@Component("allocations")
public class AllocationRecorder {

  static final String CHANGE_REASON = "swChangeReason";

  private final AllocationRepository allocations;
  private final Caseloads caseloads;

  public AllocationRecorder(AllocationRepository allocations, Caseloads caseloads) {
    this.allocations = allocations;
    this.caseloads = caseloads;
  }

  /** Complete listener: the reason for a change of social worker, when given, is an SSDA903 SW_REASON. */
  public void checkChangeReason(DelegateTask task) {
    values(task::getVariable).optionalCode(CHANGE_REASON, SocialWorkerChange.REASONS);
  }

  public void record(DelegateExecution execution) {
    String childId = (String) execution.getVariable("childId");
    String worker = (String) execution.getVariable("allocatedWorker");
    String team = caseloads.teamOf(worker)
        .orElseThrow(() -> new IllegalStateException("Allocated worker has no team"));
    String reason = (String) execution.getVariable("overLimitReason");
    allocations.allocate(UUID.randomUUID().toString(), childId, worker, team,
        ClockUtil.getCurrentTime().toInstant(),
        (String) execution.getVariable("authorOf_Task_AllocateSocialWorker"),
        reason == null || reason.isBlank() ? null : reason, changeReason(execution, childId));
    execution.setVariable("caseTeam", team);
    execution.setVariable("allocatedWorker", worker);
  }

  /** The reason the manager gave; for a child who has no social worker, a first contact or re-referral. */
  private String changeReason(DelegateExecution execution, String childId) {
    String given = values(execution::getVariable).optionalCode(CHANGE_REASON, SocialWorkerChange.REASONS);
    Optional<String> current = allocations.currentWorker(childId);
    return given == null && current.isEmpty() ? SocialWorkerChange.FIRST_CONTACT_OR_REREFERRAL : given;
  }

  private static FormValues values(java.util.function.Function<String, Object> variables) {
    return new FormValues(variables, LondonTime.dateOf(ClockUtil.getCurrentTime().toInstant()));
  }
}
