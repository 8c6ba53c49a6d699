package org.opencsc.engine;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
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
 * <p>Wraps the application's data source, so the transaction manager, the engine and our repositories
 * keep sharing one connection per transaction. Other databases' statements are left alone.
 */
@Component
public class CustomPlansForAuthorizedLists implements BeanPostProcessor {

  /** How the engine joins a query's rows with the user's grants (Authorization.xml, authCheckJoin). */
  static final String AUTHORIZATION_JOIN = "AUTH ON (AUTH.RESOURCE_ID_";

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean instanceof DataSource dataSource && !(bean instanceof PlanningDataSource)) {
      return new PlanningDataSource(dataSource);
    }
    return bean;
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
                && plannedWithItsValues(sql)) {
              unprepared((Statement) result);
            }
            return result;
          });
    }

    private static void unprepared(Statement statement) throws SQLException {
      if (statement.isWrapperFor(PGStatement.class)) {
        // 0: never a server-side prepared statement, so PostgreSQL plans each run with its values
        statement.unwrap(PGStatement.class).setPrepareThreshold(0);
      }
    }

    private static Object invoke(Connection connection, Method method, Object[] args) throws Throwable {
      try {
        return method.invoke(connection, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    }
  }
}
