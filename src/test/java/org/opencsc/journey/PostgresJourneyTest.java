package org.opencsc.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencsc.engine.PostgresEngineTuning;
import org.opencsc.support.TestPostgres;

/**
 * The same journey and restart on PostgreSQL (profile {@code postgres}), on {@link TestPostgres}'s
 * database, emptied first. Afterwards the indexes and statistics of
 * {@link PostgresEngineTuning} must exist.
 */
class PostgresJourneyTest {

  TestPostgres postgres;

  @BeforeEach
  void emptyPostgresFromTheEnvironment() throws SQLException {
    postgres = TestPostgres.fromEnvironment("the PostgreSQL journey test").emptied();
  }

  @Test
  void theJourneyWorksOnPostgresAndTheCaseAndItsTimersSurviveARestart() throws SQLException {
    new RestartScenario("postgres", List.of("postgres", "demo"), Map.of(
        "spring.datasource.url", postgres.url(),
        "spring.datasource.username", postgres.user(),
        "spring.datasource.password", postgres.password()))
        .run();
    assertThat(names("SELECT indexname FROM pg_indexes WHERE indexname LIKE 'csc_idx_%'"))
        .as("PostgresEngineTuning's indexes").containsExactlyInAnyOrderElementsOf(PostgresEngineTuning.INDEXES.keySet());
    assertThat(names("SELECT stxname FROM pg_statistic_ext WHERE stxname LIKE 'csc_stat_%'"))
        .as("PostgresEngineTuning's statistics")
        .containsExactlyInAnyOrderElementsOf(PostgresEngineTuning.PERMISSION_STATISTICS.keySet());
  }

  private List<String> names(String query) throws SQLException {
    List<String> names = new ArrayList<>();
    try (Connection connection = postgres.connect();
        Statement sql = connection.createStatement();
        ResultSet rows = sql.executeQuery(query)) {
      while (rows.next()) {
        names.add(rows.getString(1));
      }
    }
    return names;
  }
}
