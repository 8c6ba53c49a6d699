package org.opencsc.allocation;

import static org.opencsc.children.Sql.instant;
import static org.opencsc.children.Sql.utc;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.opencsc.security.Roles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Transfer points (bean {@code transfers}): the case moves to another team. The transfer is
 * recorded with date, from and to; the child's processes get the new {@code caseTeam}; open tasks
 * offered to the old team are offered to the new one. The allocated worker stays until the
 * receiving team's manager has decided, in the journey's re-allocation (message {@code CaseTransferred}),
 * whether to keep them or allocate a worker of their own.
 */
@Component("transfers")
public class Transfers {

  /** Starts the journey's event sub-process in which the receiving team's manager re-allocates. */
  public static final String CASE_TRANSFERRED = "CaseTransferred";

  private static final Logger log = LoggerFactory.getLogger(Transfers.class);

  public record Transfer(String id, String childId, Instant transferredAt, String fromTeam, String toTeam,
      String reason) {}

  private final JdbcTemplate jdbc;

  public Transfers(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Moves the case to {@code toTeam}; does nothing if it is already there. */
  public void toTeam(DelegateExecution execution, String toTeam, String reason) {
    if (!Roles.TEAMS.contains(toTeam)) {
      throw new IllegalArgumentException("Unknown team " + toTeam);
    }
    String fromTeam = (String) execution.getVariable("caseTeam");
    if (Objects.equals(fromTeam, toTeam)) {
      return;
    }
    String childId = (String) execution.getVariable("childId");
    jdbc.update("""
        INSERT INTO transfer (id, child_id, transferred_at, from_team, to_team, reason, process_instance_id)
        VALUES (?, ?, ?, ?, ?, ?, ?)""", UUID.randomUUID().toString(), childId,
        utc(ClockUtil.getCurrentTime().toInstant()), fromTeam, toTeam, reason, execution.getProcessInstanceId());

    RuntimeService runtime = execution.getProcessEngineServices().getRuntimeService();
    execution.setVariable("caseTeam", toTeam);
    for (ProcessInstance instance : runtime.createProcessInstanceQuery().processInstanceBusinessKey(childId).list()) {
      if (runtime.getVariable(instance.getId(), "caseTeam") != null) {
        runtime.setVariable(instance.getId(), "caseTeam", toTeam);
      }
    }
    if (fromTeam != null) {
      TaskService tasks = execution.getProcessEngineServices().getTaskService();
      for (Task task : tasks.createTaskQuery().processInstanceBusinessKey(childId).taskCandidateGroup(fromTeam)
          .includeAssignedTasks().list()) {
        if (execution.getId().equals(task.getExecutionId())) {
          continue; // the task just completed on the way here; it is being deleted in this transaction
        }
        tasks.deleteCandidateGroup(task.getId(), fromTeam);
        tasks.addCandidateGroup(task.getId(), toTeam);
      }
    }
    askReceivingTeamToReallocate(execution, runtime, childId, fromTeam, toTeam, reason);
  }

  /**
   * The child's journey may be the process that runs this transfer (same instance) or the caller of
   * the stage that runs it; correlating by the journey's id works for both in this transaction. A stage
   * run without a journey (its own tests, or a case migrated in without one) has nobody to ask.
   */
  private static void askReceivingTeamToReallocate(DelegateExecution execution, RuntimeService runtime,
      String childId, String fromTeam, String toTeam, String reason) {
    List<ProcessInstance> journeys = runtime.createProcessInstanceQuery()
        .processDefinitionKey(JourneyTracks.JOURNEY_PROCESS).processInstanceBusinessKey(childId).list();
    if (journeys.isEmpty()) {
      return;
    }
    Map<String, Object> variables = new HashMap<>();
    variables.put("workerAtTransfer", execution.getVariable("allocatedWorker"));
    variables.put("transferredFromTeam", fromTeam);
    variables.put("transferredToTeam", toTeam);
    variables.put("transferReason", reason);
    if (runtime.createMessageCorrelation(CASE_TRANSFERRED).processInstanceId(journeys.get(0).getId())
        .setVariablesLocal(variables).correlateAllWithResult().isEmpty()) {
      // a journey started before re-allocation was modelled keeps running on its own model version
      log.warn("Journey {} has no re-allocation after a transfer; the receiving team is not asked to re-allocate",
          journeys.get(0).getId());
    }
  }

  public List<Transfer> forChild(String childId) {
    return jdbc.query("SELECT * FROM transfer WHERE child_id = ? ORDER BY transferred_at",
        (rs, row) -> new Transfer(rs.getString("id"), rs.getString("child_id"), instant(rs, "transferred_at"),
            rs.getString("from_team"), rs.getString("to_team"), rs.getString("reason")), childId);
  }

}
