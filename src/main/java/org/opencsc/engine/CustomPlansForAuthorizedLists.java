package org.opencsc.engine;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGStatement;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.stereotype.Component;

/**
 * PostgreSQL: the engine's authorized lists (a task list joined with the user's grants) are planned
 * with their own values every time; every other statement is planned once and reused.
 * <p>The engine's statements are server-side prepared. After five runs PostgreSQL may reuse one
 * generic plan for all values; for a task list that plan cannot know which permission bits or whose
 * grants are asked for, and a worker's page went from 77 ms to 2,450 ms. Planning every statement with
 * its values ({@code plan_cache_mode = force_custom_plan}, the earlier cure) cost a third of
 * PostgreSQL's time in the benchmark's load, spent re-planning inserts and look-ups by id
 * (docs/performance.md, tuning 12). So only statements with the engine's authorization join are sent
 * unprepared, which makes PostgreSQL plan them with their values.
 * <p>They are also planned to look up each listed task's grants by index. The join on
 * {@code AUTH.RESOURCE_ID_ IN (task, process definition, '*')} can only be a nested loop; left to its
 * estimates PostgreSQL sometimes instead reads all of the user's and teams' grants and compares each
 * listed task with each of them, whose cost grows with tasks times grants (sam's 498 tasks: 961 ms
 * against 49 ms by look-up; fiona's team count: 1,899 against 359 ms; docs/performance.md, tuning 13).
 * Its choice flips with small changes in its estimate of the {@code '*'} grants, so for these statements
 * only, and only while they run, sequential scans and materialising the grants are switched off.
 * So are parallel workers: a list looks up a few hundred tasks' grants, and starting two workers and
 * gathering their rows cost more than it saved (a manager's sign-off count of 278 tasks: 18 ms with
 * workers, 9 ms without, with {@link PostgresEngineTuning}'s index of task grants; tuning 16). And so
 * is compiling the statement (JIT): when its estimated cost passes {@code jit_above_cost}, as it did
 * for a team's count after the table's statistics were renewed, compiling took 18 ms of a 57 ms count.
 * <p>Wraps the application's data source, so the transaction manager, the engine and our repositories
 * keep sharing one connection per transaction. Other databases' statements are left alone.
 */
@Component
public class CustomPlansForAuthorizedLists implements BeanPostProcessor {

  /** How the engine joins a query's rows with the user's grants (Authorization.xml, authCheckJoin). */
  static final String AUTHORIZATION_JOIN = "AUTH ON (AUTH.RESOURCE_ID_";
  /**
   * The planner settings of these statements while they run: look up each row's grants by index, in
   * one process, uncompiled.
   */
  static final List<Map.Entry<String, String>> GRANTS_LOOKED_UP_BY_ROW = List.of(
      Map.entry("enable_seqscan", "off"),
      Map.entry("enable_material", "off"),
      Map.entry("max_parallel_workers_per_gather", "0"),
      Map.entry("jit", "off"));
  // SET LOCAL ends with the transaction whatever happens; outside one, RESET ends SET
  static final String SETTINGS_IN_TRANSACTION = settings("SET LOCAL ");
  static final String SETTINGS_OUTSIDE_TRANSACTION = settings("SET ");
  static final String PLANNER_DEFAULTS = GRANTS_LOOKED_UP_BY_ROW.stream()
      .map(setting -> "RESET " + setting.getKey()).collect(Collectors.joining("; "));
  private static final Set<String> EXECUTIONS = Set.of("execute", "executeQuery");

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean instanceof DataSource dataSource && !(bean instanceof PlanningDataSource)) {
      return new PlanningDataSource(dataSource);
    }
    return bean;
  }

  private static String settings(String set) {
    return GRANTS_LOOKED_UP_BY_ROW.stream()
        .map(setting -> set + setting.getKey() + " = " + setting.getValue())
        .collect(Collectors.joining("; "));
  }

  static boolean plannedWithItsValues(String sql) {
    return sql.contains(AUTHORIZATION_JOIN);
  }

  static final class PlanningDataSource extends DelegatingDataSource {

    PlanningDataSource(DataSource target) {
      super(target);
    }

    @Override
    public Connection getConnection() throws SQLException {
      return planning(super.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
      return planning(super.getConnection(username, password));
    }

    private static Connection planning(Connection connection) {
      return (Connection) Proxy.newProxyInstance(CustomPlansForAuthorizedLists.class.getClassLoader(),
          new Class<?>[] {Connection.class}, (proxy, method, args) -> {
            // the transaction manager recognises its connection by identity
            if ("equals".equals(method.getName())) {
              return proxy == args[0];
            }
            if ("hashCode".equals(method.getName())) {
              return System.identityHashCode(proxy);
            }
            Object result = invoke(connection, method, args);
            if ("prepareStatement".equals(method.getName()) && args[0] instanceof String sql
                && plannedWithItsValues(sql) && connection.isWrapperFor(PGConnection.class)) {
              PreparedStatement statement = (PreparedStatement) result;
              unprepared(statement);
              return lookingUpGrantsByRow(connection, statement);
            }
            return result;
          });
    }

    private static PreparedStatement lookingUpGrantsByRow(Connection connection, PreparedStatement statement) {
      return (PreparedStatement) Proxy.newProxyInstance(CustomPlansForAuthorizedLists.class.getClassLoader(),
          new Class<?>[] {PreparedStatement.class}, (proxy, method, args) -> {
            if (!EXECUTIONS.contains(method.getName()) || args != null) {
              return invoke(statement, method, args);
            }
            boolean inTransaction = !connection.getAutoCommit();
            run(connection, inTransaction ? SETTINGS_IN_TRANSACTION : SETTINGS_OUTSIDE_TRANSACTION);
            boolean succeeded = false;
            try {
              Object result = invoke(statement, method, args);
              succeeded = true;
              return result;
            } finally {
              // after a failure inside a transaction its rollback undoes SET LOCAL (and RESET would fail)
              if (succeeded || !inTransaction) {
                run(connection, PLANNER_DEFAULTS);
              }
            }
          });
    }

    private static void run(Connection connection, String settings) throws SQLException {
      try (Statement statement = connection.createStatement()) {
        statement.execute(settings);
      }
    }

    /** Only for statements of a PostgreSQL connection (checked where they are prepared). */
    private static void unprepared(Statement statement) throws SQLException {
      // 0: never a server-side prepared statement, so PostgreSQL plans each run with its values
      statement.unwrap(PGStatement.class).setPrepareThreshold(0);
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
      try {
        return method.invoke(target, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    }
  }
}
