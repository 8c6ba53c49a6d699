package org.opencsc.support;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;

/**
 * The PostgreSQL database of the tests: {@code CSC_TEST_POSTGRES_URL}, {@code _USER} and
 * {@code _PASSWORD}, which {@code .ci/run} sets after starting PostgreSQL. Without them a test is
 * skipped on a developer's machine, but fails on CI ({@code CI=true}): CI must really test PostgreSQL.
 */
public record TestPostgres(String url, String user, String password) {

  public static final String URL = "CSC_TEST_POSTGRES_URL";
  public static final String USER = "CSC_TEST_POSTGRES_USER";
  public static final String PASSWORD = "CSC_TEST_POSTGRES_PASSWORD";

  /** The database, or the test skipped (failed on CI); {@code what} names the test in the message. */
  public static TestPostgres fromEnvironment(String what) {
    List<String> missing = Stream.of(URL, USER, PASSWORD).filter(name -> System.getenv(name) == null).toList();
    if (!missing.isEmpty()) {
      if (onCi()) {
        fail("CI=true but " + missing + " not set: CI must run " + what + " (start PostgreSQL with .ci/run)");
      }
      assumeTrue(false, "PostgreSQL not configured (" + missing + " not set); run .ci/run to test " + what);
    }
    return new TestPostgres(System.getenv(URL), System.getenv(USER), System.getenv(PASSWORD));
  }

  public static boolean onCi() {
    return "true".equalsIgnoreCase(System.getenv("CI"));
  }

  public Connection connect() throws SQLException {
    return DriverManager.getConnection(url, user, password);
  }

  /**
   * Drops and creates the {@code public} schema (the role cannot create databases), so a test starts
   * from an empty database: a schema left by an older checkout could carry migrations this one lacks.
   */
  public TestPostgres emptied() throws SQLException {
    try (Connection connection = connect(); Statement sql = connection.createStatement()) {
      sql.execute("DROP SCHEMA IF EXISTS public CASCADE");
      sql.execute("CREATE SCHEMA public");
    }
    return this;
  }
}
