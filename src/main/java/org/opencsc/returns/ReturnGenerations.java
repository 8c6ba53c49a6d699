package org.opencsc.returns;

import java.time.Instant;
import java.util.UUID;
import org.opencsc.children.Sql;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Table {@code return_generation}: who produced which return, and its serial number. */
@Repository
public class ReturnGenerations {

  private final JdbcTemplate jdbc;

  public ReturnGenerations(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Records a generation by {@code user} and returns its serial number (1 for the first of the period). */
  @Transactional
  public int record(String collection, String period, String user, Instant at) {
    Integer last = jdbc.queryForObject(
        "SELECT MAX(serial_no) FROM return_generation WHERE collection = ? AND period = ?",
        Integer.class, collection, period);
    int serial = last == null ? 1 : last + 1;
    jdbc.update("INSERT INTO return_generation (id, collection, period, serial_no, generated_by, generated_at) "
        + "VALUES (?, ?, ?, ?, ?, ?)", UUID.randomUUID().toString(), collection, period, serial, user, Sql.utc(at));
    return serial;
  }
}
