package org.opencsc.simulation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The children of one run (their laChildId starts with the run's prefix) and their process instances.
 * The tables are read directly because the engine's queries cannot select process instances by a set of
 * business keys; the database may hold other children (the test suite shares one).
 */
public class SimulationScope {

  /** Chunk size for IN lists handed to engine queries. */
  static final int CHUNK = 500;

  private final JdbcTemplate jdbc;
  private final String laChildIdPrefix;

  public SimulationScope(JdbcTemplate jdbc, String laChildIdPrefix) {
    this.jdbc = jdbc;
    this.laChildIdPrefix = laChildIdPrefix;
  }

  public String like() {
    return laChildIdPrefix + "%";
  }

  public String prefix() {
    return laChildIdPrefix;
  }

  public List<String> childIds() {
    return jdbc.queryForList("SELECT id FROM child WHERE la_child_id LIKE ? ORDER BY la_child_id", String.class,
        like());
  }

  /** Running process instances (journeys, stages, deadline watches) of the run's children. */
  public Set<String> processInstanceIds() {
    return new LinkedHashSet<>(jdbc.queryForList("""
        SELECT p.ID_ FROM ACT_RU_EXECUTION p JOIN child c ON c.id = p.BUSINESS_KEY_
        WHERE p.ID_ = p.PROC_INST_ID_ AND c.la_child_id LIKE ? ORDER BY p.ID_""", String.class, like()));
  }

  /** An open task of one of the run's children, as the simulator plans its work. */
  public record OpenTask(String id, String childId, String taskKey, java.util.Date dueAt) {}

  /** Open tasks of the run's children, oldest first. */
  public List<OpenTask> openTasks() {
    return jdbc.query("""
        SELECT t.ID_, c.id, t.TASK_DEF_KEY_, t.DUE_DATE_ FROM ACT_RU_TASK t
        JOIN ACT_RU_EXECUTION p ON p.ID_ = t.PROC_INST_ID_
        JOIN child c ON c.id = p.BUSINESS_KEY_
        WHERE c.la_child_id LIKE ? ORDER BY t.CREATE_TIME_, c.la_child_id, t.TASK_DEF_KEY_, t.ID_""",
        (rs, i) -> new OpenTask(rs.getString(1), rs.getString(2), rs.getString(3),
            rs.getTimestamp(4) == null ? null : new java.util.Date(rs.getTimestamp(4).getTime())), like());
  }

  /** Running process instances of one child. */
  public List<String> processInstanceIdsOf(String childId) {
    return jdbc.queryForList("SELECT ID_ FROM ACT_RU_EXECUTION WHERE BUSINESS_KEY_ = ? AND ID_ = PROC_INST_ID_",
        String.class, childId);
  }

  static <T> List<List<T>> chunks(java.util.Collection<T> all) {
    List<List<T>> chunks = new ArrayList<>();
    List<T> current = new ArrayList<>();
    for (T item : all) {
      current.add(item);
      if (current.size() == CHUNK) {
        chunks.add(current);
        current = new ArrayList<>();
      }
    }
    if (!current.isEmpty()) {
      chunks.add(current);
    }
    return chunks;
  }
}
