package org.opencsc.allocation;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/** Records who holds the case; later tasks go to that worker and team (bean {@code allocations}). */
@Component("allocations")
public class AllocationRecorder {

  private final AllocationRepository allocations;
  private final Caseloads caseloads;

  public AllocationRecorder(AllocationRepository allocations, Caseloads caseloads) {
    this.allocations = allocations;
    this.caseloads = caseloads;
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
        reason == null || reason.isBlank() ? null : reason);
    execution.setVariable("caseTeam", team);
    execution.setVariable("allocatedWorker", worker);
  }
}
