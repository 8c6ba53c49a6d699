package org.opencsc.allocation;

import static org.opencsc.children.Sql.utc;

import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Each social worker's SSDA903 SW_ID (table {@code social_worker_registration}, keyed by the Camunda user
 * id): an identifier beginning "SW", normally their Social Work England registration number.
 */
@Repository
public class SocialWorkerRegistrations {

  private final JdbcTemplate jdbc;

  public SocialWorkerRegistrations(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public static boolean isValid(String swId) {
    return swId != null && swId.matches("SW[A-Z0-9]{1,18}");
  }

  public void register(String userId, String swId, Instant at) {
    if (!isValid(swId)) {
      throw new IllegalArgumentException("A social worker's SW_ID begins with SW, e.g. SW123456");
    }
    if (jdbc.update("UPDATE social_worker_registration SET sw_id = ?, recorded_at = ? WHERE user_id = ?",
        swId, utc(at), userId) == 0) {
      jdbc.update("INSERT INTO social_worker_registration (user_id, sw_id, recorded_at) VALUES (?, ?, ?)",
          userId, swId, utc(at));
    }
  }

  /** The worker an SW_ID is already recorded for (SW_IDs are unique). */
  public Optional<String> holderOf(String swId) {
    return jdbc.queryForList("SELECT user_id FROM social_worker_registration WHERE sw_id = ?", String.class, swId)
        .stream().findFirst();
  }

  public Optional<String> swIdOf(String userId) {
    return jdbc.queryForList("SELECT sw_id FROM social_worker_registration WHERE user_id = ?", String.class, userId)
        .stream().findFirst();
  }
}
