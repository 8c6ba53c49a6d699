package org.opencsc.reliability;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Rows in every table of the case record (the Flyway tables) and in the engine's tables of running
 * work and history: a refused request must leave every count as it was, and no count may ever fall.
 */
final class RowCounts {

  private static final List<String> ENGINE_TABLES = List.of("ACT_RU_EXECUTION", "ACT_RU_TASK",
      "ACT_RU_VARIABLE", "ACT_RU_JOB", "ACT_HI_PROCINST", "ACT_HI_TASKINST", "ACT_HI_VARINST", "ACT_HI_DETAIL");

  private final JdbcTemplate jdbc;
  private final String countAll;

  RowCounts(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    List<String> tables = new java.util.ArrayList<>(jdbc.queryForList(
        "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_TYPE = 'BASE TABLE' "
            + "AND TABLE_NAME NOT LIKE 'ACT\\_%' AND LOWER(TABLE_NAME) <> 'csc_schema_history'", String.class));
    tables.addAll(ENGINE_TABLES);
    countAll = tables.stream()
        .map(t -> "SELECT '" + t + "' AS T, COUNT(*) AS N FROM \"" + t + "\"")
        .collect(Collectors.joining(" UNION ALL "));
  }

  Map<String, Long> now() {
    Map<String, Long> counts = new TreeMap<>();
    jdbc.query(countAll, row -> {
      counts.put(row.getString("T"), row.getLong("N"));
    });
    return counts;
  }

  /** Rows that were there before and are gone now, summed over all tables. */
  static long lost(Map<String, Long> before, Map<String, Long> after) {
    return before.entrySet().stream()
        .mapToLong(e -> Math.max(0, e.getValue() - after.getOrDefault(e.getKey(), 0L))).sum();
  }
}
