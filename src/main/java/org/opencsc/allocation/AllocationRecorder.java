package org.opencsc.allocation;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.opencsc.calendar.LondonTime;
import org.opencsc.engine.FormValues;
import org.springframework.stereotype.Component;

/** Records who holds the case; later tasks go to that worker and team (bean {@code allocations}). */
@Component("allocations")
public class AllocationRecorder {

  static final String CHANGE_REASON = "swChangeReason";
  /** Passed to the allocation model by the journey's re-allocation after a transfer. */
  static final String TRANSFERRED_TO_TEAM = "transferredToTeam";
  /** SSDA903 SW_REASON TSPROC: a transfer between teams as part of the council's process. */
  private static final String TRANSFER_BETWEEN_TEAMS = "TSPROC";

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
    Optional<String> current = allocations.currentWorker(childId);
    if (current.filter(worker::equals).isPresent()) {
      // the manager kept the worker (e.g. after a transfer): the same SSDA903 SWEpisode goes on
      execution.setVariable("caseTeam", team);
      return;
    }
    if (current.isEmpty() && execution.getVariable(TRANSFERRED_TO_TEAM) != null) {
      // the case closed (its allocation ended) before the receiving team decided: nobody to allocate
      return;
    }
    String reason = (String) execution.getVariable("overLimitReason");
    allocations.allocate(UUID.randomUUID().toString(), childId, worker, team,
        ClockUtil.getCurrentTime().toInstant(),
        (String) execution.getVariable("authorOf_Task_AllocateSocialWorker"),
        reason == null || reason.isBlank() ? null : reason, changeReason(execution, childId));
    execution.setVariable("caseTeam", team);
    execution.setVariable("allocatedWorker", worker);
  }

  /**
   * The reason the manager gave; for a child who has no social worker, a first contact or re-referral;
   * for a new worker chosen by the receiving team after a transfer, the council's transfer process.
   */
  private String changeReason(DelegateExecution execution, String childId) {
    String given = values(execution::getVariable).optionalCode(CHANGE_REASON, SocialWorkerChange.REASONS);
    if (given != null) {
      return given;
    }
    Optional<String> current = allocations.currentWorker(childId);
    if (current.isEmpty()) {
      return SocialWorkerChange.FIRST_CONTACT_OR_REREFERRAL;
    }
    return execution.getVariable(TRANSFERRED_TO_TEAM) != null ? TRANSFER_BETWEEN_TEAMS : null;
  }

  /**
   * After the receiving team's re-allocation (journey event sub-process): when the manager chose a new
   * worker, every running process of the child gets the new {@code allocatedWorker} and the open tasks
   * the previous worker holds for this child move to the new one. Keeping the worker changes nothing.
   */
  public void handOverAfterTransfer(DelegateExecution execution) {
    String previous = (String) execution.getVariable("workerAtTransfer");
    String chosen = (String) execution.getVariable("reallocatedWorker");
    if (chosen == null || chosen.equals(previous)) {
      return;
    }
    String childId = (String) execution.getVariable("childId");
    if (allocations.currentWorker(childId).filter(chosen::equals).isEmpty()) {
      return; // not recorded: the case closed before the receiving team decided
    }
    RuntimeService runtime = execution.getProcessEngineServices().getRuntimeService();
    for (ProcessInstance instance : runtime.createProcessInstanceQuery().processInstanceBusinessKey(childId).list()) {
      if (runtime.getVariables(instance.getId(), List.of("allocatedWorker")).containsKey("allocatedWorker")) {
        runtime.setVariable(instance.getId(), "allocatedWorker", chosen);
      }
    }
    if (previous != null) {
      TaskService tasks = execution.getProcessEngineServices().getTaskService();
      for (Task task : tasks.createTaskQuery().processInstanceBusinessKey(childId).taskAssignee(previous).list()) {
        tasks.setAssignee(task.getId(), chosen);
      }
    }
  }

  private static FormValues values(java.util.function.Function<String, Object> variables) {
    return new FormValues(variables, LondonTime.dateOf(ClockUtil.getCurrentTime().toInstant()));
  }
}
