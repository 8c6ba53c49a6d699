package org.opencsc.journey;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The same journey and restart on PostgreSQL (profile {@code postgres}). The database comes from
 * {@code CSC_TEST_POSTGRES_URL}, {@code _USER} and {@code _PASSWORD}, which {@code .ci/run} sets after
 * starting PostgreSQL. Without them the test is skipped on a developer's machine, but fails on CI
 * ({@code CI=true}): CI must really test PostgreSQL. The {@code public} schema is dropped and created
 * again first, so every run starts from an empty database.
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
  void theJourneyWorksOnPostgresAndTheCaseAndItsTimersSurviveARestart() {
    new RestartScenario("postgres", List.of("postgres", "demo"), Map.of(
        "spring.datasource.url", url,
        "spring.datasource.username", user,
        "spring.datasource.password", password))
        .run();
  }
}
