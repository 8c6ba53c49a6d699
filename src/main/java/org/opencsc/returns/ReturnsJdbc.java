package org.opencsc.returns;

import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** The returns' own JdbcTemplate: rows are fetched from the database in pages, not all at once. */
final class ReturnsJdbc {

  static final int FETCH_SIZE = 500;

  private ReturnsJdbc() {}

  static NamedParameterJdbcTemplate streaming(DataSource dataSource) {
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    jdbc.setFetchSize(FETCH_SIZE);
    return new NamedParameterJdbcTemplate(jdbc);
  }
}
