package org.opencsc.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * PostgreSQL only: two indexes on the engine's tables that the benchmarks showed the application
 * needs (docs/performance.md); without them two queries read a whole table, so every statutory step
 * got slower with every open case.
 * <ul>
 *   <li>finding a deadline's watch by its {@code deadlineId} variable (message {@code DeadlineMet},
 *   correlated with processInstanceVariableEquals). Partial, on {@code deadlineId} only: a plain
 *   index on TEXT_ would refuse long text values (PostgreSQL's btree row size limit);</li>
 *   <li>the engine's look-up of sub-tasks ({@code PARENT_TASK_ID_}) whenever a task is completed.</li>
 * </ul>
 * Created here, after the engine has created or updated its tables, and not by Flyway: H2 has no
 * partial indexes, and this application does not declare whether Flyway runs before or after the
 * engine's schema update.
 */
@Component
public class PostgresEngineIndexes extends AbstractCamundaConfiguration {

  private static final Logger log = LoggerFactory.getLogger(PostgresEngineIndexes.class);

  public static final Map<String, String> INDEXES = Map.of(
      "csc_idx_var_deadline_id", "act_ru_variable (text_) WHERE name_ = 'deadlineId'",
      "csc_idx_task_parent", "act_ru_task (parent_task_id_)");

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    if (!"postgres".equals(configuration.getDatabaseType())) {
      return;
    }
    String prefix = configuration.getDatabaseTablePrefix();
    INDEXES.forEach((name, definition) -> {
      try (Connection connection = configuration.getDataSource().getConnection();
          Statement sql = connection.createStatement()) {
        sql.execute("CREATE INDEX IF NOT EXISTS " + name + " ON " + prefix + definition);
      } catch (SQLException e) {
        // e.g. a second node creating it at the same moment: the application works without it, only slower
        log.warn("Index {} not created: {}", name, e.getMessage());
      }
    });
  }
}
