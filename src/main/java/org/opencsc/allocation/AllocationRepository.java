package org.opencsc.allocation;

import static org.opencsc.children.Sql.utc;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
public class AllocationRepository {

  private final JdbcTemplate jdbc;
  private final NamedParameterJdbcTemplate named;

  public AllocationRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    this.named = new NamedParameterJdbcTemplate(jdbc);
  }

  public void allocate(String id, String childId, String workerId, String team, Instant at,
      String allocatedBy, String overLimitReason) {
    allocate(id, childId, workerId, team, at, allocatedBy, overLimitReason, null);
  }

  /** {@code changeReason}: SSDA903 SW_REASON, why the child has this social worker now (null: not recorded). */
  public void allocate(String id, String childId, String workerId, String team, Instant at,
      String allocatedBy, String overLimitReason, String changeReason) {
    jdbc.update("UPDATE allocation SET ended_at = ? WHERE child_id = ? AND ended_at IS NULL",
        utc(at), childId);
    jdbc.update("""
        INSERT INTO allocation (id, child_id, worker_id, team, allocated_at, allocated_by, over_limit_reason,
          sw_change_reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
        id, childId, workerId, team, utc(at), allocatedBy, overLimitReason, changeReason);
  }

  /** One case = one child: the worker's open allocations. */
  public int openCaseCount(String workerId) {
    return openCaseCounts(List.of(workerId)).getOrDefault(workerId, 0);
  }

  /** {@link #openCaseCount} of each worker in one statement; a worker without open cases is absent. */
  public Map<String, Integer> openCaseCounts(Collection<String> workerIds) {
    Map<String, Integer> counts = new HashMap<>();
    if (workerIds.isEmpty()) {
      return counts;
    }
    named.query("""
        SELECT worker_id, COUNT(*) AS cases FROM allocation WHERE worker_id IN (:workers) AND ended_at IS NULL
        GROUP BY worker_id""", Map.of("workers", workerIds),
        rs -> {
          counts.put(rs.getString("worker_id"), rs.getInt("cases"));
        });
    return counts;
  }

  public Optional<String> currentWorker(String childId) {
    return jdbc.queryForList(
        "SELECT worker_id FROM allocation WHERE child_id = ? AND ended_at IS NULL", String.class, childId)
        .stream().findFirst();
  }
}
