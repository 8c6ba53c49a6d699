package org.opencsc.oversight;

import static org.opencsc.children.Sql.date;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.opencsc.calendar.LondonTime;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Overdue deadlines and those due in the next seven days, per team and worker, from the deadline
 * store. A deadline belongs to the team and worker the child is allocated to now (unallocated cases
 * are held by the front door, with no worker).
 */
@Service
public class DeadlinesBoard {

  static final int DUE_SOON_DAYS = 7;

  private final JdbcTemplate jdbc;

  public DeadlinesBoard(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public record Item(String deadlineId, String childId, String laChildId, String timescaleId, LocalDate dueDate,
      boolean overdue, String team, String worker) {}

  public record Count(int overdue, int dueSoon) {
    Count plus(Item item) {
      return item.overdue() ? new Count(overdue + 1, dueSoon) : new Count(overdue, dueSoon + 1);
    }
  }

  public record Board(LocalDate today, LocalDate dueSoonUntil, Map<String, Count> byTeam, Map<String, Count> byWorker,
      List<Item> items) {}

  Board board(OversightScope scope) {
    LocalDate today = LondonTime.dateOf(ClockUtil.getCurrentTime().toInstant());
    LocalDate until = today.plusDays(DUE_SOON_DAYS);
    CaseTeams teams = CaseTeams.load(jdbc);
    List<Item> items = new ArrayList<>();
    jdbc.query("""
        SELECT d.id, d.child_id, c.la_child_id, d.timescale_id, d.due_date FROM deadline d JOIN child c ON c.id = d.child_id
        WHERE d.status IN ('OPEN', 'BREACHED') AND d.met_date IS NULL AND d.withdrawn_at IS NULL AND d.due_date <= ?
        ORDER BY d.due_date, d.timescale_id""", rs -> {
      String childId = rs.getString("child_id");
      CaseTeams.Holder holder = teams.now(childId);
      LocalDate due = date(rs, "due_date");
      if (scope.sees(holder.team(), holder.worker())) {
        items.add(new Item(rs.getString("id"), childId, rs.getString("la_child_id"), rs.getString("timescale_id"),
            due, due.isBefore(today), holder.team(), holder.worker()));
      }
    }, until);
    Map<String, Count> byTeam = new TreeMap<>();
    Map<String, Count> byWorker = new TreeMap<>();
    for (Item item : items) {
      byTeam.merge(item.team(), new Count(0, 0).plus(item), (a, b) -> a.plus(item));
      byWorker.merge(item.worker() == null ? "unallocated" : item.worker(), new Count(0, 0).plus(item),
          (a, b) -> a.plus(item));
    }
    return new Board(today, until, byTeam, byWorker, items);
  }
}
