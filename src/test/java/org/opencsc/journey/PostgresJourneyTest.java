package org.opencsc.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencsc.engine.PostgresEngineTuning;

/**
 * The same journey and restart on PostgreSQL (profile {@code postgres}). The database comes from
 * {@code CSC_TEST_POSTGRES_URL}, {@code _USER} and {@code _PASSWORD}, which {@code .ci/run} sets after
 * starting PostgreSQL. Without them the test is skipped on a developer's machine, but fails on CI
 * ({@code CI=true}): CI must really test PostgreSQL. The {@code public} schema is dropped and created
 * again first, so every run starts from an empty database. Afterwards the indexes and statistics of
 * {@link PostgresEngineTuning} must exist.
 */
class PostgresJourneyTest {

  static final String URL = "CSC_TEST_POSTGRES_URL";
  static final String USER = "CSC_TEST_POSTGRES_USER";
  static final String PASSWORD = "CSC_TEST_POSTGRES_PASSWORD";

  String url;
  String user;
  String password;

  @BeforeEach
  void postgresFromTheEnvironment() throws SQLException {
    url = System.getenv(URL);
    user = System.getenv(USER);
    password = System.getenv(PASSWORD);
    List<String> missing = Stream.of(URL, USER, PASSWORD).filter(name -> System.getenv(name) == null).toList();
    if (!missing.isEmpty()) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail("CI=true but " + missing + " not set: CI must run the PostgreSQL test (start it with .ci/run)");
      }
      assumeTrue(false, "PostgreSQL not configured (" + missing + " not set); run .ci/run to test it");
    }
    try (Connection connection = DriverManager.getConnection(url, user, password);
        Statement sql = connection.createStatement()) {
      sql.execute("DROP SCHEMA IF EXISTS public CASCADE");
      sql.execute("CREATE SCHEMA public");
    }
  }

  @Test
  void theJourneyWorksOnPostgresAndTheCaseAndItsTimersSurviveARestart() throws SQLException {
    new RestartScenario("postgres", List.of("postgres", "demo"), Map.of(
        "spring.datasource.url", url,
        "spring.datasource.username", user,
        "spring.datasource.password", password))
        .run();
    assertThat(names("SELECT indexname FROM pg_indexes WHERE indexname LIKE 'csc_idx_%'"))
        .as("PostgresEngineTuning's indexes").containsExactlyInAnyOrderElementsOf(PostgresEngineTuning.INDEXES.keySet());
    assertThat(names("SELECT stxname FROM pg_statistic_ext WHERE stxname LIKE 'csc_stat_%'"))
        .as("PostgresEngineTuning's statistics")
        .containsExactlyInAnyOrderElementsOf(PostgresEngineTuning.PERMISSION_STATISTICS.keySet());
  }

  private List<String> names(String query) throws SQLException {
    List<String> names = new ArrayList<>();
    try (Connection connection = DriverManager.getConnection(url, user, password);
        Statement sql = connection.createStatement();
        ResultSet rows = sql.executeQuery(query)) {
      while (rows.next()) {
        names.add(rows.getString(1));
      }
    }
    return names;
  }
}
