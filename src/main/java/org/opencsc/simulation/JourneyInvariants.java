package org.opencsc.simulation;

import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.opencsc.calendar.LondonTime;
import org.opencsc.children.Sql;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What must hold for the children of a run at the engine's clock time (used by the simulator's report and
 * by its CI test): every journey in a valid state, every due timer fired exactly once, no orphan tasks,
 * deadlines consistent with the clock. Returns the violations, each naming what is wrong; empty = all hold.
 */
@Component
public class JourneyInvariants {

  /** Activities of deadline-watch that must happen at most once per watch. */
  static final List<String> ONCE_PER_WATCH = List.of("TimerEvent_WarningDue", "TimerEvent_DeadlineBreached",
      "TimerEvent_StillOverdue", "Task_RecordBreachReasonAndPlan", "Task_ReviewOverdueWork");

  private final ProcessEngine engine;
  private final JdbcTemplate jdbc;

  public JourneyInvariants(ProcessEngine engine, JdbcTemplate jdbc) {
    this.engine = engine;
    this.jdbc = jdbc;
  }

  public List<String> check(String laChildIdPrefix) {
    SimulationScope scope = new SimulationScope(jdbc, laChildIdPrefix);
    Instant now = ClockUtil.getCurrentTime().toInstant();
    List<String> violations = new ArrayList<>();
    Set<String> instances = scope.processInstanceIds();
    processInstancesValid(scope, instances, violations);
    dueTimersFired(instances, now, violations);
    firedAtMostOnce(scope, violations);
    noOrphanTasks(scope, violations);
    deadlinesConsistentWithClock(scope, now, violations);
    return violations;
  }

  /** Active at a wait state (something to wait for), not suspended, no incident, no failed job. */
  private void processInstancesValid(SimulationScope scope, Set<String> instances, List<String> violations) {
    for (List<String> chunk : SimulationScope.chunks(instances)) {
      Set<String> ids = new HashSet<>(chunk);
      engine.getRuntimeService().createProcessInstanceQuery().processInstanceIds(ids).withIncident().list()
          .forEach(p -> violations.add("process instance " + p.getId() + " (child " + p.getBusinessKey()
              + ") has an incident"));
      engine.getRuntimeService().createProcessInstanceQuery().processInstanceIds(ids).suspended().list()
          .forEach(p -> violations.add("process instance " + p.getId() + " is suspended"));
      engine.getManagementService().createJobQuery().processInstanceIds(ids).withException().list()
          .forEach(j -> violations.add("job " + j.getId() + " of process instance " + j.getProcessInstanceId()
              + " failed: " + j.getExceptionMessage()));
    }
    jdbc.query("""
        SELECT p.ID_, d.KEY_ FROM ACT_RU_EXECUTION p
        JOIN child c ON c.id = p.BUSINESS_KEY_
        JOIN ACT_RE_PROCDEF d ON d.ID_ = p.PROC_DEF_ID_
        WHERE p.ID_ = p.PROC_INST_ID_ AND c.la_child_id LIKE ?
        AND NOT EXISTS (SELECT 1 FROM ACT_RU_TASK t WHERE t.PROC_INST_ID_ = p.ID_)
        AND NOT EXISTS (SELECT 1 FROM ACT_RU_JOB j WHERE j.PROCESS_INSTANCE_ID_ = p.ID_)
        AND NOT EXISTS (SELECT 1 FROM ACT_RU_EVENT_SUBSCR s WHERE s.PROC_INST_ID_ = p.ID_)
        AND NOT EXISTS (SELECT 1 FROM ACT_RU_EXECUTION sub JOIN ACT_RU_EXECUTION sup ON sub.SUPER_EXEC_ = sup.ID_
                        WHERE sup.PROC_INST_ID_ = p.ID_)""",
        (ResultSet rs) -> {
          violations.add(rs.getString(2) + " instance " + rs.getString(1)
              + " is running but waits for nothing (no task, job, event or called process)");
        }, scope.like());
  }

  /** No timer (or other job) due at or before the clock is left unexecuted. */
  private void dueTimersFired(Set<String> instances, Instant now, List<String> violations) {
    for (List<String> chunk : SimulationScope.chunks(instances)) {
      for (Job job : engine.getManagementService().createJobQuery().processInstanceIds(new HashSet<>(chunk))
          .executable().list()) {
        violations.add("job " + job.getId() + " of process instance " + job.getProcessInstanceId() + " was due "
            + (job.getDuedate() == null ? "at once" : job.getDuedate().toInstant().toString())
            + " but has not run (clock " + now + ")");
      }
    }
  }

  /** A deadline is warned, breached and escalated at most once: each watch passes those steps once. */
  private void firedAtMostOnce(SimulationScope scope, List<String> violations) {
    String steps = String.join("','", ONCE_PER_WATCH);
    jdbc.query("""
        SELECT a.PROC_INST_ID_, a.ACT_ID_, COUNT(*) FROM ACT_HI_ACTINST a
        JOIN ACT_HI_PROCINST p ON p.ID_ = a.PROC_INST_ID_
        JOIN child c ON c.id = p.BUSINESS_KEY_
        WHERE c.la_child_id LIKE ? AND a.ACT_ID_ IN ('%s')
        GROUP BY a.PROC_INST_ID_, a.ACT_ID_ HAVING COUNT(*) > 1""".formatted(steps),
        (ResultSet rs) -> {
          violations.add("deadline watch " + rs.getString(1) + " passed " + rs.getString(2) + " " + rs.getLong(3)
              + " times");
        }, scope.like());
    jdbc.query("""
        SELECT d.id, d.timescale_id, d.warned_at, d.breached_at FROM deadline d JOIN child c ON c.id = d.child_id
        WHERE c.la_child_id LIKE ? AND d.warned_at IS NOT NULL AND d.breached_at IS NOT NULL
        AND d.breached_at < d.warned_at""",
        (ResultSet rs) -> {
          violations.add("deadline " + rs.getString(1) + " (" + rs.getString(2) + ") was breached before it was warned");
        }, scope.like());
  }

  /** Every open task belongs to a running process instance and has someone to do it. */
  private void noOrphanTasks(SimulationScope scope, List<String> violations) {
    jdbc.query("""
        SELECT t.ID_, t.TASK_DEF_KEY_ FROM ACT_RU_TASK t
        WHERE t.PROC_INST_ID_ IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM ACT_RU_EXECUTION p WHERE p.ID_ = t.PROC_INST_ID_)""",
        (ResultSet rs) -> {
          violations.add("task " + rs.getString(1) + " (" + rs.getString(2) + ") belongs to no running process");
        });
    jdbc.query("""
        SELECT t.ID_, t.TASK_DEF_KEY_, c.la_child_id FROM ACT_RU_TASK t
        JOIN ACT_RU_EXECUTION p ON p.ID_ = t.PROC_INST_ID_
        JOIN child c ON c.id = p.BUSINESS_KEY_
        WHERE c.la_child_id LIKE ? AND t.ASSIGNEE_ IS NULL
        AND NOT EXISTS (SELECT 1 FROM ACT_RU_IDENTITYLINK l WHERE l.TASK_ID_ = t.ID_ AND l.TYPE_ = 'candidate')""",
        (ResultSet rs) -> {
          violations.add("task " + rs.getString(1) + " (" + rs.getString(2) + ", child " + rs.getString(3)
              + ") has no assignee and no candidate group: nobody can see it");
        }, scope.like());
  }

  /**
   * OPEN: the breach time has not come (the breach timer would have run); MET: done on or before the due
   * date; BREACHED: the breach time has passed; WITHDRAWN: recorded when.
   */
  private void deadlinesConsistentWithClock(SimulationScope scope, Instant now, List<String> violations) {
    LocalDate today = LondonTime.dateOf(now);
    jdbc.query("""
        SELECT d.id, d.timescale_id, d.status, d.due_date, d.met_date, d.breach_at, d.breached_at, d.withdrawn_at
        FROM deadline d JOIN child c ON c.id = d.child_id WHERE c.la_child_id LIKE ?""",
        (ResultSet rs) -> {
          String what = "deadline " + rs.getString("id") + " (" + rs.getString("timescale_id") + ") ";
          String status = rs.getString("status");
          LocalDate due = rs.getObject("due_date", LocalDate.class);
          LocalDate met = rs.getObject("met_date", LocalDate.class);
          Instant breachAt = Sql.instant(rs, "breach_at");
          Instant breachedAt = Sql.instant(rs, "breached_at");
          if (met != null && met.isAfter(today)) {
            violations.add(what + "was met on " + met + ", after today " + today);
          }
          switch (status) {
            case "OPEN" -> {
              if (!breachAt.isAfter(now)) {
                violations.add(what + "is OPEN but its breach time " + breachAt + " has passed (clock " + now + ")");
              }
            }
            case "MET" -> {
              if (met == null || met.isAfter(due)) {
                violations.add(what + "is MET on " + met + " but was due " + due);
              }
            }
            case "BREACHED" -> {
              if (breachAt.isAfter(now) || breachedAt == null || breachedAt.isBefore(breachAt)) {
                violations.add(what + "is BREACHED at " + breachedAt + " but its breach time is " + breachAt
                    + " (clock " + now + ")");
              }
            }
            case "WITHDRAWN" -> {
              if (rs.getObject("withdrawn_at") == null) {
                violations.add(what + "is WITHDRAWN without a time");
              }
            }
            default -> violations.add(what + "has an unknown status " + status);
          }
        }, scope.like());
  }
}
