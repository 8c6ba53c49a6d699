package org.opencsc.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencsc.support.TestPostgres;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * On PostgreSQL: a statement with the engine's authorization join is never kept as a prepared
 * statement (so PostgreSQL plans every run with its values); any other statement is, after pgJDBC's
 * five runs, and PostgreSQL may then reuse its plan. The join looks up each listed task's grants by
 * index, and the planner is back to its defaults for the next statement.
 */
class CustomPlansForAuthorizedListsTest {

  // the shape of the engine's task list with its authorization join, on a table of this test
  static final String AUTHORIZED_LIST = "SELECT RES.ID_ FROM csc_plan_task RES LEFT JOIN ("
      + " SELECT A.* FROM csc_plan_grant A WHERE A.USER_ID_ IN (?, '*')) AUTH ON (AUTH.RESOURCE_ID_ IN (RES.ID_, '*'))"
      + " WHERE RES.ASSIGNEE_ = ?";
  static final String BY_ID = "SELECT ID_ FROM csc_plan_task WHERE ID_ = ?";

  TestPostgres postgres;
  CustomPlansForAuthorizedLists.PlanningDataSource dataSource;

  @BeforeEach
  void tables() throws SQLException {
    postgres = TestPostgres.fromEnvironment("the custom plans of authorized lists").emptied();
    dataSource = new CustomPlansForAuthorizedLists.PlanningDataSource(
        new DriverManagerDataSource(postgres.url(), postgres.user(), postgres.password()));
    try (Connection connection = postgres.connect(); Statement sql = connection.createStatement()) {
      sql.execute("CREATE TABLE csc_plan_task (id_ varchar(64), assignee_ varchar(255))");
      sql.execute("CREATE TABLE csc_plan_grant (resource_id_ varchar(64), user_id_ varchar(255))");
      sql.execute("INSERT INTO csc_plan_task VALUES ('t1', 'sam')");
      sql.execute("INSERT INTO csc_plan_grant VALUES ('t1', 'sam')");
      sql.execute("CREATE INDEX csc_plan_grant_resource ON csc_plan_grant (resource_id_)");
      sql.execute("ANALYZE csc_plan_task, csc_plan_grant");
    }
  }

  @Test
  void theAuthorizedListIsPlannedWithItsValuesEveryTimeAndOtherStatementsArePrepared() throws SQLException {
    assertThat(AUTHORIZED_LIST).contains(CustomPlansForAuthorizedLists.AUTHORIZATION_JOIN);
    try (Connection connection = dataSource.getConnection()) {
      for (int run = 0; run < 10; run++) {
        assertThat(rows(connection, AUTHORIZED_LIST, "sam", "sam")).containsExactly("t1");
        assertThat(rows(connection, BY_ID, "t1")).containsExactly("t1");
      }
      List<String> prepared = rows(connection, "SELECT statement FROM pg_prepared_statements");
      assertThat(prepared).anyMatch(statement -> statement.contains("FROM csc_plan_task WHERE ID_ ="));
      assertThat(prepared).noneMatch(statement -> statement.contains("csc_plan_grant"));
    }
  }

  @Test
  void theAuthorizedListLooksUpEachTasksGrantsByIndexWhereLeftToItselfPostgresReadsThemAll()
      throws SQLException {
    String plan = "EXPLAIN " + AUTHORIZED_LIST;
    try (Connection plain = postgres.connect()) {
      assertThat(rows(plain, plan, "sam", "sam")).anyMatch(step -> step.contains("Seq Scan on csc_plan_grant"));
    }
    for (boolean inTransaction : new boolean[] {true, false}) {
      try (Connection connection = dataSource.getConnection()) {
        connection.setAutoCommit(!inTransaction);
        List<String> steps = rows(connection, plan, "sam", "sam");
        assertThat(steps).noneMatch(step -> step.contains("Seq Scan on csc_plan_grant"))
            .anyMatch(step -> step.contains("Index") && step.contains("csc_plan_grant_resource"));
        assertThat(rows(connection, "SHOW enable_seqscan")).containsExactly("on");
        assertThat(rows(connection, "SHOW enable_material")).containsExactly("on");
        assertThat(rows(connection, AUTHORIZED_LIST, "sam", "sam")).containsExactly("t1");
        connection.setAutoCommit(true);
      }
    }
  }

  @Test
  void whileTheListRunsThePlannerHasNoSequentialScansNoMaterialisingNoParallelWorkersAndNoJit() throws SQLException {
    String settingsDuringTheList = AUTHORIZED_LIST.replace("SELECT RES.ID_ FROM",
        "SELECT current_setting('enable_seqscan') || ' ' || current_setting('enable_material') || ' '"
            + " || current_setting('max_parallel_workers_per_gather') || ' ' || current_setting('jit') FROM");
    for (boolean inTransaction : new boolean[] {true, false}) {
      try (Connection connection = dataSource.getConnection()) {
        String workersBefore = rows(connection, "SHOW max_parallel_workers_per_gather").get(0);
        String jitBefore = rows(connection, "SHOW jit").get(0);
        assertThat(workersBefore).isNotEqualTo("0");
        connection.setAutoCommit(!inTransaction);
        assertThat(rows(connection, settingsDuringTheList, "sam", "sam")).containsExactly("off off 0 off");
        assertThat(rows(connection, "SHOW max_parallel_workers_per_gather")).containsExactly(workersBefore);
        assertThat(rows(connection, "SHOW jit")).containsExactly(jitBefore);
        connection.setAutoCommit(true);
      }
    }
  }

  @Test
  void aFailedListLeavesThePlannerAsItWasAfterTheRollback() throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      assertThatThrownBy(() -> rows(connection, AUTHORIZED_LIST + " AND 1 / (LENGTH(RES.ID_) - 2) = 1", "sam", "sam"))
          .isInstanceOf(SQLException.class).hasMessageContaining("division by zero");
      connection.rollback();
      assertThat(rows(connection, "SHOW enable_seqscan")).containsExactly("on");
      connection.setAutoCommit(true);
      assertThatThrownBy(() -> rows(connection, AUTHORIZED_LIST + " AND 1 / (LENGTH(RES.ID_) - 2) = 1", "sam", "sam"))
          .isInstanceOf(SQLException.class);
      assertThat(rows(connection, "SHOW enable_seqscan")).containsExactly("on");
    }
  }

  @Test
  void theTransactionManagerRecognisesItsConnection() throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      assertThat(connection).isEqualTo(connection).hasSameHashCodeAs(connection);
      try (Connection other = dataSource.getConnection()) {
        assertThat(connection).isNotEqualTo(other);
      }
    }
  }

  private static List<String> rows(Connection connection, String sql, String... values) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        statement.setString(i + 1, values[i]);
      }
      List<String> rows = new ArrayList<>();
      try (ResultSet result = statement.executeQuery()) {
        while (result.next()) {
          rows.add(result.getString(1));
        }
      }
      return rows;
    }
  }
}
