package org.opencsc.allocation;

import java.util.HashMap;
import java.util.Map;
import org.opencsc.security.WorkerProfile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Every worker's {@link WorkerProfile#QUALIFIED_ON} in one statement. The IdentityService reads user
 * info one user at a time, which made the list of a council's 200 social workers 200 statements
 * (docs/performance.md, tuning 17); this reads the same rows of the engine's user info table.
 */
@Repository
class QualificationDates {

  private final JdbcTemplate jdbc;

  QualificationDates(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** User id to qualification date (ISO), for the users who have one. */
  Map<String, String> ofEveryWorker() {
    Map<String, String> dates = new HashMap<>();
    jdbc.query("SELECT USER_ID_, VALUE_ FROM ACT_ID_INFO WHERE TYPE_ = 'userinfo' AND KEY_ = ?",
        rs -> {
          dates.put(rs.getString(1), rs.getString(2));
        }, WorkerProfile.QUALIFIED_ON);
    return dates;
  }
}
