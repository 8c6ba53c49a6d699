package org.opencsc.allocation;

import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/** Open cases given to a worker directly in the case tables, and closed again after the test. */
final class SeededCases {

  static final String MARK = "seeded by test";

  private SeededCases() {}

  static void give(JdbcTemplate jdbc, String worker, int count) {
    for (int i = 0; i < count; i++) {
      String child = UUID.randomUUID().toString();
      jdbc.update("INSERT INTO child (id, la_child_id, sex, created_at) VALUES (?, ?, 'U', CURRENT_TIMESTAMP)",
          child, "S" + child.substring(0, 12));
      jdbc.update("INSERT INTO allocation (id, child_id, worker_id, team, allocated_at, over_limit_reason) "
          + "VALUES (?, ?, ?, 'localities', CURRENT_TIMESTAMP, ?)", UUID.randomUUID().toString(), child, worker, MARK);
    }
  }

  static void closeAll(JdbcTemplate jdbc) {
    jdbc.update("UPDATE allocation SET ended_at = CURRENT_TIMESTAMP WHERE over_limit_reason = ? AND ended_at IS NULL",
        MARK);
  }
}
