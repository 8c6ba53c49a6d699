package org.opencsc.deadlines;

import static org.opencsc.children.Sql.date;
import static org.opencsc.children.Sql.instant;
import static org.opencsc.children.Sql.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
public class DeadlineRepository {

  private final JdbcTemplate jdbc;

  public DeadlineRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(Deadline d, Instant createdAt) {
    jdbc.update("""
        INSERT INTO deadline (id, child_id, process_instance_id, timescale_id, policy, trigger_at,
          trigger_date, due_date, task_due_at, warning_at, breach_at, status, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        d.id(), d.childId(), d.processInstanceId(), d.timescaleId(), d.policy(),
        utc(d.triggerAt()), d.triggerDate(), d.dueDate(), utc(d.taskDueAt()), utc(d.warningAt()),
        utc(d.breachAt()), d.status().name(), utc(createdAt));
  }

  public Optional<Deadline> findById(String id) {
    return jdbc.query("SELECT * FROM deadline WHERE id = ?", DeadlineRepository::map, id)
        .stream().findFirst();
  }

  public List<Deadline> findByChild(String childId) {
    return jdbc.query(
        "SELECT * FROM deadline WHERE child_id = ? ORDER BY trigger_at, created_at, timescale_id",
        DeadlineRepository::map, childId);
  }

  public void markWarned(String id, Instant at) {
    jdbc.update("UPDATE deadline SET warned_at = ? WHERE id = ? AND warned_at IS NULL", utc(at), id);
  }

  /** Only an open deadline can be breached; a deadline met in time stays met. */
  public void markBreached(String id, Instant at) {
    jdbc.update("UPDATE deadline SET status = 'BREACHED', breached_at = ? WHERE id = ? AND status = 'OPEN'",
        utc(at), id);
  }

  public void markDone(String id, LocalDate doneOn, DeadlineStatus status, Instant at) {
    jdbc.update("""
        UPDATE deadline SET met_date = ?, status = ?,
          breached_at = CASE WHEN ? = 'BREACHED' AND breached_at IS NULL THEN ? ELSE breached_at END
        WHERE id = ? AND met_date IS NULL""",
        doneOn, status.name(), status.name(), utc(at), id);
  }

  public void recordBreachReason(String id, String reason, String plan, String by, Instant at) {
    jdbc.update("""
        UPDATE deadline SET breach_reason = ?, recovery_plan = ?, breach_recorded_by = ?,
          breach_recorded_at = ? WHERE id = ?""", reason, plan, by, utc(at), id);
  }

  /** Deadlines of one process instance whose work was never done. */
  public List<Deadline> notDoneInProcess(String processInstanceId) {
    return jdbc.query("SELECT * FROM deadline WHERE process_instance_id = ? AND met_date IS NULL AND withdrawn_at IS NULL",
        DeadlineRepository::map, processInstanceId);
  }

  /**
   * An open deadline not yet due becomes WITHDRAWN; one already past its breach time is a breach
   * (even if its timer has not run yet) and stays BREACHED, with the reason its wait ended.
   */
  public void withdraw(String id, String reason, Instant at) {
    jdbc.update("""
        UPDATE deadline SET withdrawn_at = ?, withdrawn_reason = ?,
          breached_at = CASE WHEN status = 'OPEN' AND breach_at <= ? THEN breach_at ELSE breached_at END,
          status = CASE WHEN status = 'OPEN' AND breach_at > ? THEN 'WITHDRAWN'
                        WHEN status = 'OPEN' THEN 'BREACHED' ELSE status END
        WHERE id = ? AND met_date IS NULL AND withdrawn_at IS NULL""",
        utc(at), reason, utc(at), utc(at), id);
  }

  public void recordServiceManagerReview(String id, String action, String by, Instant at) {
    jdbc.update("""
        UPDATE deadline SET service_manager_action = ?, service_manager_recorded_by = ?,
          service_manager_recorded_at = ? WHERE id = ?""", action, by, utc(at), id);
  }

  private static Deadline map(ResultSet rs, int row) throws SQLException {
    return new Deadline(
        rs.getString("id"),
        rs.getString("child_id"),
        rs.getString("process_instance_id"),
        rs.getString("timescale_id"),
        rs.getString("policy"),
        instant(rs, "trigger_at"),
        date(rs, "trigger_date"),
        date(rs, "due_date"),
        instant(rs, "task_due_at"),
        instant(rs, "warning_at"),
        instant(rs, "breach_at"),
        DeadlineStatus.valueOf(rs.getString("status")),
        date(rs, "met_date"),
        instant(rs, "warned_at"),
        instant(rs, "breached_at"),
        rs.getString("breach_reason"),
        rs.getString("recovery_plan"),
        rs.getString("breach_recorded_by"),
        instant(rs, "breach_recorded_at"),
        rs.getString("service_manager_action"),
        rs.getString("service_manager_recorded_by"),
        rs.getString("withdrawn_reason"));
  }
}
