package org.opencsc.oversight;

import static org.opencsc.children.Sql.instant;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.opencsc.allocation.CaseloadProperties;
import org.opencsc.allocation.Caseloads;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Caseloads against the limits of shared/spec/journey.md (team limits, the newly qualified worker's
 * protected caseload, a manager acts on any worker above 30) and the cases waiting for allocation,
 * with the alarm after 24 hours (the {@code ALLOCATION} clock still running).
 */
@Service
public class CaseloadOverview {

  static final long UNALLOCATED_ALARM_HOURS = 24;

  private final Caseloads caseloads;
  private final CaseloadProperties limits;
  private final JdbcTemplate jdbc;

  public CaseloadOverview(Caseloads caseloads, CaseloadProperties limits, JdbcTemplate jdbc) {
    this.caseloads = caseloads;
    this.limits = limits;
    this.jdbc = jdbc;
  }

  public record Worker(String userId, String name, String team, boolean newlyQualified, int cases, int limit,
      boolean overLimit, boolean managerMustAct) {}

  public record Team(String team, int workers, int cases, int workersOverLimit, int workersNeedingAction) {}

  public record Unallocated(String childId, String laChildId, Instant waitingSince, long hoursWaiting, boolean alarm) {}

  public record Overview(int managerActionAbove, int newlyQualifiedLimit, List<Team> teams, List<Worker> workers,
      List<Unallocated> unallocated, List<String> alarms) {}

  Overview overview(OversightScope scope) {
    List<Worker> workers = caseloads.socialWorkers().stream()
        .filter(w -> scope.sees(w.team(), w.userId()))
        .map(w -> new Worker(w.userId(), w.name(), w.team(), w.newlyQualified(), w.cases(), w.limit(),
            w.cases() > w.limit(), w.cases() > limits.managerActionAbove()))
        .toList();
    Map<String, Team> teams = new TreeMap<>();
    for (Worker w : workers) {
      Team t = teams.getOrDefault(w.team(), new Team(w.team(), 0, 0, 0, 0));
      teams.put(w.team(), new Team(w.team(), t.workers() + 1, t.cases() + w.cases(),
          t.workersOverLimit() + (w.overLimit() ? 1 : 0), t.workersNeedingAction() + (w.managerMustAct() ? 1 : 0)));
    }
    List<Unallocated> unallocated = scope.worker() == null ? unallocated() : List.of();
    return new Overview(limits.managerActionAbove(), limits.nqswLimit(), List.copyOf(teams.values()), workers,
        unallocated, alarms(workers, unallocated));
  }

  /** Cases whose allocation clock is still running: referred, and no worker allocated yet. */
  private List<Unallocated> unallocated() {
    Instant now = ClockUtil.getCurrentTime().toInstant();
    List<Unallocated> waiting = new ArrayList<>();
    jdbc.query("""
        SELECT d.child_id, c.la_child_id, d.trigger_at FROM deadline d JOIN child c ON c.id = d.child_id
        WHERE d.timescale_id = 'ALLOCATION' AND d.met_date IS NULL AND d.withdrawn_at IS NULL
          AND d.status IN ('OPEN', 'BREACHED') ORDER BY d.trigger_at""", rs -> {
      Instant since = instant(rs, "trigger_at");
      long hours = Duration.between(since, now).toHours();
      waiting.add(new Unallocated(rs.getString("child_id"), rs.getString("la_child_id"), since, hours,
          Duration.between(since, now).compareTo(Duration.ofHours(UNALLOCATED_ALARM_HOURS)) > 0));
    });
    return waiting;
  }

  private List<String> alarms(List<Worker> workers, List<Unallocated> unallocated) {
    List<String> alarms = new ArrayList<>();
    for (Worker w : workers) {
      if (w.managerMustAct()) {
        alarms.add(w.name() + " has " + w.cases() + " cases: above " + limits.managerActionAbove()
            + ", a manager must act");
      } else if (w.overLimit()) {
        alarms.add(w.name() + " has " + w.cases() + " cases, above " + (w.newlyQualified()
            ? "the protected caseload of a newly qualified worker (" + w.limit() + ")" : "the limit of " + w.limit()));
      }
    }
    long late = unallocated.stream().filter(Unallocated::alarm).count();
    if (late > 0) {
      alarms.add(late + (late == 1 ? " case has" : " cases have") + " been unallocated for more than "
          + UNALLOCATED_ALARM_HOURS + " hours");
    }
    return alarms;
  }
}
