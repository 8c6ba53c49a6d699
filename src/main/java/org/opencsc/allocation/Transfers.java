package org.opencsc.allocation;

import static org.opencsc.children.Sql.instant;
import static org.opencsc.children.Sql.utc;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.opencsc.security.Roles;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Transfer points (bean {@code transfers}): the case moves to another team. The transfer is
 * recorded with date, from and to; the child's processes get the new {@code caseTeam}; open tasks
 * offered to the old team are offered to the new one. The allocated worker stays until the
 * receiving team re-allocates.
 */
@Component("transfers")
public class Transfers {

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
  }

  public List<Transfer> forChild(String childId) {
    return jdbc.query("SELECT * FROM transfer WHERE child_id = ? ORDER BY transferred_at",
        (rs, row) -> new Transfer(rs.getString("id"), rs.getString("child_id"), instant(rs, "transferred_at"),
            rs.getString("from_team"), rs.getString("to_team"), rs.getString("reason")), childId);
  }

}
