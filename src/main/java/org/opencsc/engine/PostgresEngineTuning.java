package org.opencsc.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * PostgreSQL only: what the benchmarks showed the engine's tables need (docs/performance.md).
 * <p>Three indexes; without them three queries read a whole table or index, so every statutory step
 * or timer got slower with every open case:
 * <ul>
 *   <li>finding a deadline's watch by its {@code deadlineId} variable (message {@code DeadlineMet},
 *   correlated with processInstanceVariableEquals). Partial, on {@code deadlineId} only: a plain
 *   index on TEXT_ would refuse long text values (PostgreSQL's btree row size limit);</li>
 *   <li>the engine's look-up of sub-tasks ({@code PARENT_TASK_ID_}) whenever a task is completed;</li>
 *   <li>the job executor's acquisition of due jobs ({@code DUEDATE_ <= now}). Every open case keeps a
 *   timer waiting for a later date, and without the index each acquisition of 10 jobs read all of
 *   them: 478 ms at 400,000 journeys, 0.08 ms with it; a burst of deadlines falling due at one
 *   instant fired at 12–15 timers a second (docs/performance.md, tuning 15).</li>
 * </ul>
 * <p>And one for every authorized task list: the grants on tasks and process definitions only
 * (resource types 7 and 6), by resource id. A list looks up, for each of its tasks, the grants on the
 * task, on its process definition and on {@code '*'}; the engine's own index on the resource id
 * returned all 89 {@code '*'} grants (users, groups, reports, batches …) for every task, this one the
 * 15 about tasks and process definitions. A manager's sign-off count of 278 tasks: 18 ms before, 9 ms
 * with this index and without parallel workers ({@link CustomPlansForAuthorizedLists}; tuning 16).
 * <p>One index of an earlier version is dropped: {@code csc_idx_auth_user} on the grants' user. It
 * let PostgreSQL combine, for every task of a list, the task's grants with all the grants of the
 * user and the user's teams (a bitmap AND), so a team list cost its tasks times its team's grants:
 * fiona's count of 1,088 team tasks took 165 ms with it and 35 ms without (docs/performance.md,
 * tuning 11).
 * <p>Two statistics on the authorization table's permission bits. Every authorized task list joins the
 * user's grants with {@code PERMS_ & 2 = 2} (READ on a task) or {@code PERMS_ & 64 = 64} (READ_TASK on
 * a process definition). PostgreSQL has no statistics for such an expression and guesses that 1 row in
 * 200 matches, when nearly every task grant does. When the user's groups hold many grants it then
 * compares every task of the list with every grant instead of looking up each task's grants by index
 * (measured: a list of 470 tasks against 11,000 grants, 1.5 s before, 24 ms after).
 * <p>Created here, after the engine has created or updated its tables, and not by Flyway: H2 has no
 * partial indexes or expression statistics, and this application does not declare whether Flyway runs
 * before or after the engine's schema update.
 */
@Component
public class PostgresEngineTuning extends AbstractCamundaConfiguration {

  private static final Logger log = LoggerFactory.getLogger(PostgresEngineTuning.class);

  public static final Map<String, String> INDEXES = Map.of(
      "csc_idx_var_deadline_id", "act_ru_variable (text_) WHERE name_ = 'deadlineId'",
      "csc_idx_task_parent", "act_ru_task (parent_task_id_)",
      "csc_idx_job_due", "act_ru_job (duedate_)",
      "csc_idx_auth_task_lists", "act_ru_authorization (resource_id_) WHERE resource_type_ IN (6, 7)");

  /** Created by an earlier version and shown by measurement to make task lists slower. */
  public static final List<String> DROPPED_INDEXES = List.of("csc_idx_auth_user");

  /** Name, then the permission bit whose share of the grants PostgreSQL must know. */
  public static final Map<String, Integer> PERMISSION_STATISTICS = new LinkedHashMap<>(Map.of(
      "csc_stat_auth_read", 2,
      "csc_stat_auth_read_task", 64));

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    if (!"postgres".equals(configuration.getDatabaseType())) {
      return;
    }
    String prefix = configuration.getDatabaseTablePrefix();
    String schema = prefix.endsWith(".") ? prefix : "";
    DROPPED_INDEXES.forEach(name -> execute(configuration, "DROP INDEX IF EXISTS " + schema + name));
    INDEXES.forEach((name, definition) ->
        execute(configuration, "CREATE INDEX IF NOT EXISTS " + name + " ON " + prefix + definition));
    PERMISSION_STATISTICS.forEach((name, bit) -> execute(configuration,
        "CREATE STATISTICS IF NOT EXISTS " + name + " ON (perms_ & " + bit + ") FROM " + prefix + "act_ru_authorization"));
  }

  private static void execute(ProcessEngineConfigurationImpl configuration, String ddl) {
    try (Connection connection = configuration.getDataSource().getConnection();
        Statement sql = connection.createStatement()) {
      sql.execute(ddl);
    } catch (SQLException e) {
      // e.g. a second node creating it at the same moment: the application works without it, only slower
      log.warn("Not done: {}: {}", ddl, e.getMessage());
    }
  }
}
