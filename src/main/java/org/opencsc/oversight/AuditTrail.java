package org.opencsc.oversight;

import static org.opencsc.children.Sql.instant;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.opencsc.calendar.LondonTime;
import org.opencsc.deadlines.Deadline;
import org.opencsc.deadlines.DeadlineService;
import org.opencsc.engine.EngineServices;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * A child's audit trail for auditors and inspectors: every step, decision, sign-off,
 * reassignment, transfer and deadline, with who and when, for open and closed cases. Built from
 * Camunda history (tasks, the user operation log, variable updates) and the case records.
 */
@Service
public class AuditTrail {

  /** Variables that record a decision; their values are shown in the trail. */
  static final Set<String> DECISIONS = Set.of("contactOutcome", "assessmentOutcome", "s47Outcome",
      "icpcOutcome", "rcpcOutcome", "cinOutcome", "legalDecision", "proceedingsOutcome", "lacReviewOutcome",
      "pathwayStatus", "allocatedWorker", "overLimitReason", "legalGateway", "nextStep", "closureReason",
      "breachReason", "recoveryPlan", "serviceManagerAction");

  private final EngineServices engine;
  private final DeadlineService deadlines;
  private final JdbcTemplate jdbc;

  public AuditTrail(EngineServices engine, DeadlineService deadlines, JdbcTemplate jdbc) {
    this.engine = engine;
    this.deadlines = deadlines;
    this.jdbc = jdbc;
  }

  public List<AuditEntry> forChild(String childId, LocalDate from, LocalDate to, String user) {
    List<AuditEntry> entries = new ArrayList<>();
    HistoryService history = engine.engine().getHistoryService();
    for (HistoricProcessInstance process : history.createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(childId).list()) {
      addProcess(entries, history, process);
    }
    addCaseRecords(entries, childId);
    return entries.stream()
        .filter(e -> from == null || !LondonTime.dateOf(e.at()).isBefore(from))
        .filter(e -> to == null || !LondonTime.dateOf(e.at()).isAfter(to))
        .filter(e -> user == null || user.equals(e.user()))
        .sorted(Comparator.comparing(AuditEntry::at).thenComparing(AuditEntry::kind))
        .toList();
  }

  private void addProcess(List<AuditEntry> entries, HistoryService history, HistoricProcessInstance process) {
    String stage = process.getProcessDefinitionName();
    if (!"deadline-watch".equals(process.getProcessDefinitionKey())) {
      entries.add(new AuditEntry(process.getStartTime().toInstant(), "STAGE_STARTED", process.getStartUserId(),
          "Started: " + stage, stage, Map.of("processInstanceId", process.getId())));
      if (process.getEndTime() != null) {
        entries.add(new AuditEntry(process.getEndTime().toInstant(), "STAGE_ENDED", null,
            "Ended: " + stage, stage, Map.of("processInstanceId", process.getId())));
      }
    }
    Map<String, HistoricTaskInstance> tasks = history.createHistoricTaskInstanceQuery()
        .processInstanceId(process.getId()).list().stream()
        .collect(Collectors.toMap(HistoricTaskInstance::getId, t -> t));
    for (HistoricTaskInstance task : tasks.values()) {
      entries.add(new AuditEntry(task.getStartTime().toInstant(), "TASK_CREATED", null,
          "Task created: " + task.getName(), stage, due(task)));
    }
    Map<String, String> taskByActivityInstance = new HashMap<>();
    tasks.values().forEach(t -> taskByActivityInstance.put(t.getActivityInstanceId(), t.getId()));
    Map<String, Map<String, Object>> decisionsByTask = decisionsByTask(history, process.getId(), taskByActivityInstance);
    for (UserOperationLogEntry op : history.createUserOperationLogQuery().processInstanceId(process.getId()).list()) {
      HistoricTaskInstance task = op.getTaskId() == null ? null : tasks.get(op.getTaskId());
      String taskName = task == null ? "" : task.getName();
      switch (op.getOperationType()) {
        case UserOperationLogEntry.OPERATION_TYPE_COMPLETE -> {
          Map<String, Object> details = new LinkedHashMap<>(decisionsByTask.getOrDefault(op.getTaskId(), Map.of()));
          boolean signOff = task != null && task.getTaskDefinitionKey() != null
              && task.getTaskDefinitionKey().startsWith("Task_SignOff");
          entries.add(new AuditEntry(op.getTimestamp().toInstant(), signOff ? "SIGN_OFF" : "TASK_COMPLETED",
              op.getUserId(), (signOff ? "Signed off: " : "Completed: ") + taskName, stage, details));
        }
        case UserOperationLogEntry.OPERATION_TYPE_CLAIM -> entries.add(new AuditEntry(op.getTimestamp().toInstant(),
            "TASK_CLAIMED", op.getUserId(), "Claimed: " + taskName, stage, Map.of()));
        case UserOperationLogEntry.OPERATION_TYPE_ASSIGN, UserOperationLogEntry.OPERATION_TYPE_DELEGATE,
            UserOperationLogEntry.OPERATION_TYPE_SET_OWNER -> entries.add(new AuditEntry(
            op.getTimestamp().toInstant(), "REASSIGNED", op.getUserId(),
            "Reassigned: " + taskName + " to " + op.getNewValue(), stage, Map.of()));
        default -> { }
      }
    }
  }

  /** The decision values each completed task submitted. */
  /** The decision values each completed task submitted (matched by task or by its activity instance). */
  private static Map<String, Map<String, Object>> decisionsByTask(HistoryService history, String processInstanceId,
      Map<String, String> taskByActivityInstance) {
    Map<String, Map<String, Object>> byTask = new HashMap<>();
    for (HistoricDetail detail : history.createHistoricDetailQuery().processInstanceId(processInstanceId)
        .variableUpdates().orderByTime().asc().list()) {
      HistoricVariableUpdate update = (HistoricVariableUpdate) detail;
      String taskId = update.getTaskId() != null ? update.getTaskId()
          : taskByActivityInstance.get(update.getActivityInstanceId());
      boolean shown = DECISIONS.contains(update.getVariableName()) || "signOffDecision".equals(update.getVariableName())
          || "signOffComments".equals(update.getVariableName());
      if (taskId != null && shown && update.getValue() != null) {
        byTask.computeIfAbsent(taskId, id -> new LinkedHashMap<>()).put(update.getVariableName(), update.getValue());
      }
    }
    return byTask;
  }

  private static Map<String, Object> due(HistoricTaskInstance task) {
    return task.getDueDate() == null ? Map.of() : Map.of("due", task.getDueDate().toInstant().toString());
  }

  private void addCaseRecords(List<AuditEntry> entries, String childId) {
    jdbc.query("SELECT received_at, source FROM contact WHERE child_id = ?", rs -> {
      entries.add(new AuditEntry(instant(rs, "received_at"), "CONTACT_RECEIVED", null, "Contact received",
          "Front door", Map.of("source", String.valueOf(rs.getString("source")))));
    }, childId);
    jdbc.query("SELECT worker_id, team, allocated_at, allocated_by, over_limit_reason FROM allocation WHERE child_id = ?",
        rs -> {
          Map<String, Object> details = new LinkedHashMap<>();
          details.put("worker", rs.getString("worker_id"));
          details.put("team", rs.getString("team"));
          if (rs.getString("over_limit_reason") != null) {
            details.put("overLimitReason", rs.getString("over_limit_reason"));
          }
          entries.add(new AuditEntry(instant(rs, "allocated_at"), "ALLOCATION", rs.getString("allocated_by"),
              "Allocated to " + rs.getString("worker_id"), "Allocation", details));
        }, childId);
    jdbc.query("SELECT transferred_at, from_team, to_team, reason FROM transfer WHERE child_id = ?", rs -> {
      entries.add(new AuditEntry(instant(rs, "transferred_at"), "TRANSFER", null,
          "Transferred from " + rs.getString("from_team") + " to " + rs.getString("to_team") + ": " + rs.getString("reason"),
          "Transfer", Map.of("from", String.valueOf(rs.getString("from_team")), "to", rs.getString("to_team"))));
    }, childId);
    for (Deadline d : deadlines.forChild(childId)) {
      addDeadline(entries, d);
    }
  }

  private static void addDeadline(List<AuditEntry> entries, Deadline d) {
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("timescaleId", d.timescaleId());
    facts.put("policy", d.policy());
    facts.put("triggerDate", d.triggerDate().toString());
    facts.put("dueDate", d.dueDate().toString());
    String name = d.timescaleId() + " due " + d.dueDate();
    entries.add(new AuditEntry(d.triggerAt(), "DEADLINE_SET", null, "Deadline set: " + name, "Deadlines", facts));
    if (d.warnedAt() != null) {
      entries.add(new AuditEntry(d.warnedAt(), "DEADLINE_WARNED", null, "Warning: " + name, "Deadlines", facts));
    }
    if (d.breachedAt() != null) {
      entries.add(new AuditEntry(d.breachedAt(), "DEADLINE_BREACHED", null, "Breached: " + name, "Deadlines", facts));
    }
    if (d.metDate() != null) {
      entries.add(new AuditEntry(LondonTime.startOfDay(d.metDate()), "DEADLINE_" + (d.status().name().equals("MET") ? "MET" : "DONE_LATE"),
          null, (d.status().name().equals("MET") ? "Met: " : "Done late: ") + name + " on " + d.metDate(), "Deadlines", facts));
    }
    if (d.breachReason() != null) {
      Map<String, Object> reason = new LinkedHashMap<>(facts);
      reason.put("breachReason", d.breachReason());
      reason.put("recoveryPlan", d.recoveryPlan());
      entries.add(new AuditEntry(d.breachRecordedBy() == null ? d.breachedAt() : recordedAt(d), "BREACH_REASON",
          d.breachRecordedBy(), "Reason for missing " + d.timescaleId() + ": " + d.breachReason(), "Deadlines", reason));
    }
    if (d.serviceManagerAction() != null) {
      Map<String, Object> action = new LinkedHashMap<>(facts);
      action.put("serviceManagerAction", d.serviceManagerAction());
      entries.add(new AuditEntry(recordedAt(d), "SERVICE_MANAGER_REVIEW", d.serviceManagerRecordedBy(),
          "Service manager's action on " + d.timescaleId() + ": " + d.serviceManagerAction(), "Deadlines", action));
    }
  }

  private static Instant recordedAt(Deadline d) {
    return d.breachRecordedAt() != null ? d.breachRecordedAt() : d.breachedAt();
  }
}
