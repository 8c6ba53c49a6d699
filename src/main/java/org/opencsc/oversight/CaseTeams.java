package org.opencsc.oversight;

import static org.opencsc.children.Sql.instant;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.opencsc.calendar.LondonTime;
import org.opencsc.security.Roles;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Which team (and worker) held each child's case on a given day, from the allocation records. Before
 * the first allocation the case is held by the front door, where every journey starts.
 */
final class CaseTeams {

  record Holder(String team, String worker) {}

  private record Period(Instant from, Instant to, Holder holder) {}

  private static final Holder FRONT_DOOR = new Holder(Roles.FRONT_DOOR, null);

  private final Map<String, List<Period>> byChild = new HashMap<>();

  private CaseTeams() {}

  static CaseTeams load(JdbcTemplate jdbc) {
    CaseTeams teams = new CaseTeams();
    jdbc.query("SELECT child_id, worker_id, team, allocated_at, ended_at FROM allocation ORDER BY allocated_at", rs -> {
      teams.byChild.computeIfAbsent(rs.getString("child_id"), id -> new ArrayList<>()).add(new Period(
          instant(rs, "allocated_at"), rs.getObject("ended_at") == null ? null : instant(rs, "ended_at"),
          new Holder(rs.getString("team"), rs.getString("worker_id"))));
    });
    return teams;
  }

  /** Who held the case at the end of {@code date} (London): the latest allocation made by then. */
  Holder on(String childId, LocalDate date) {
    Instant endOfDay = LondonTime.startOfDay(date.plusDays(1));
    return byChild.getOrDefault(childId, List.of()).stream().filter(p -> p.from().isBefore(endOfDay))
        .map(Period::holder).reduce((first, second) -> second).orElse(FRONT_DOOR);
  }

  /** Who holds the case now: the open allocation, or nobody (null worker) at the front door. */
  Holder now(String childId) {
    return byChild.getOrDefault(childId, List.of()).stream().filter(p -> p.to() == null)
        .map(Period::holder).reduce((first, second) -> second).orElse(FRONT_DOOR);
  }
}
