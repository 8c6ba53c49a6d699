package org.opencsc.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.opencsc.allocation.Caseloads;
import org.opencsc.calendar.LondonTime;
import org.opencsc.deadlines.Deadline;
import org.opencsc.deadlines.DeadlineRepository;
import org.opencsc.deadlines.DeadlineService;
import org.opencsc.deadlines.DeadlineStatus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.opencsc.engine.PostgresEngineTuning;
import org.opencsc.security.Roles;
import org.opencsc.security.WorkerProfile;
import org.opencsc.frontdoor.ContactIntake;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * The scale benchmarks of docs/performance.md on PostgreSQL, in one run on one machine: the standing
 * population, statutory step completions against the vanilla engine, task-list latency through the
 * engine REST API, timer lateness with the job executor on, history growth and cleanup. Run by
 * benchmarks/run.sh (Maven profile {@code benchmark}); never part of {@code mvn verify}. It prints
 * figures and writes them to target/benchmark-results.md; it asserts only that the work was done,
 * never a speed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"postgres", "demo"})
@TestPropertySource(locations = "classpath:benchmark/benchmark.properties")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StatutoryScaleBenchmark {

  static final String VANILLA = "benchmark-vanilla-one-task";
  static final String VANILLA_TASK = "Task_Vanilla";
  /** Warm-up opens of every filter per round; the report shows each round's page p50. */
  static final int WARM_UP_ROUND = 50;

  @Autowired ProcessEngine engine;
  @Autowired ContactIntake intake;
  @Autowired JdbcTemplate jdbc;
  @Autowired DeadlineRepository deadlines;
  @Autowired Caseloads caseloads;
  @LocalServerPort int port;

  BenchmarkSettings settings;
  BenchmarkReport report;
  AsDemoUser users;
  StandingPopulation population;
  final String run = Long.toString(System.currentTimeMillis(), 36).toUpperCase();

  @BeforeAll
  void setUp() {
    settings = BenchmarkSettings.fromSystemProperties();
    Path results = Path.of(settings.results());
    report = new BenchmarkReport(results, jdbc.queryForObject("SELECT version()", String.class), settings);
    users = new AsDemoUser(engine);
    population = new StandingPopulation(intake, engine, jdbc, users,
        results.resolveSibling("benchmark-load.log"));
  }

  @Test
  @Order(1)
  void standingPopulation() throws Exception {
    StandingPopulation.LoadResult loaded = population.load(settings.population(), settings.loadUntil(),
        settings.loadThreads(), Path.of(settings.databaseDisk()), settings.minFreeDiskGb() << 30);
    report.section("Standing population");
    report.line(String.format("- loaded in this run: %d journeys in %.0f s with %d threads = **%.1f journeys/s** "
            + "(%d failed)", loaded.after() - loaded.before(), loaded.elapsed().toMillis() / 1000.0,
        settings.loadThreads(), loaded.perSecond(), loaded.failed()));
    describePopulation();
    assertThat(loaded.after()).isGreaterThanOrEqualTo(loaded.before());
  }

  void describePopulation() {
    report.line("- population in the database: **" + population.loaded() + " journeys** (target "
        + settings.population() + "), spread over " + StandingPopulation.COUNCILS + " councils");
    report.line("- open journeys (child-journey instances): " + engine.getRuntimeService()
        .createProcessInstanceQuery().processDefinitionKey(ContactIntake.JOURNEY_PROCESS).count());
    report.line("- open tasks: " + engine.getTaskService().createTaskQuery().count()
        + "; waiting timer jobs: " + engine.getManagementService().createJobQuery().timers().count()
        + "; open deadline-watch instances: " + engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey("deadline-watch").count());
    jdbc.queryForList("SELECT task_def_key_ AS key, COUNT(*) AS n FROM act_ru_task GROUP BY task_def_key_ ORDER BY 2 DESC")
        .forEach(row -> report.line("  - open `" + row.get("key") + "`: " + row.get("n")));
  }

  @Test
  @Order(2)
  void statutoryStepsAgainstTheVanillaEngine() throws Exception {
    assumeTrue(settings.measure(), "bench.measure=false: load only");
    deployVanilla();
    // warm-up, not counted: a running server has compiled both sides' code paths long ago, and the
    // statutory steps run far more of them than the vanilla completion (docs/performance.md, sixth run)
    int warmUpVanilla = 4 * settings.warmUpJourneys();
    timeOurs(prepareJourneys("W", settings.warmUpJourneys()), new StepTimings());
    timeVanilla(prepareVanilla("W", warmUpVanilla), new StepTimings());
    report.section("Statutory step completions against the vanilla engine");
    report.line("- population present: " + population.loaded() + " journeys; " + settings.threads()
        + " threads; per phase " + settings.journeys() + " journeys x " + StatutorySteps.STEPS_PER_JOURNEY
        + " steps and " + settings.vanillaInstances() + " vanilla instances, in 2 alternating rounds, after "
        + settings.warmUpJourneys() + " journeys and " + warmUpVanilla + " vanilla completions "
        + "unmeasured (warm-up)");
    if (Boolean.parseBoolean(System.getProperty("bench.compareIndexes", "true"))) {
      PostgresEngineTuning.INDEXES.keySet().forEach(name -> jdbc.execute("DROP INDEX IF EXISTS " + name));
      stepsAgainstVanilla("without the indexes of PostgresEngineTuning (before)");
      PostgresEngineTuning.INDEXES.forEach((name, definition) ->
          jdbc.execute("CREATE INDEX IF NOT EXISTS " + name + " ON " + definition));
      jdbc.execute("ANALYZE act_ru_variable");
      jdbc.execute("ANALYZE act_ru_task");
    }
    stepsAgainstVanilla("with the indexes (as the application starts on PostgreSQL)");
  }

  private void stepsAgainstVanilla(String label) throws Exception {
    int rounds = 2;
    StepTimings timings = new StepTimings();
    StepTimings vanillaTimings = new StepTimings();
    long oursNanos = 0;
    long vanillaNanos = 0;
    int oursSteps = 0;
    int vanillaDone = 0;
    for (int round = 0; round < rounds; round++) {
      String name = "R" + round + System.nanoTime() % 100000;
      List<String> vanilla = prepareVanilla(name, settings.vanillaInstances() / rounds);
      List<String> journeys = prepareJourneys(name, settings.journeys() / rounds);
      vanillaNanos += timeVanilla(vanilla, vanillaTimings);
      vanillaDone += vanilla.size();
      oursNanos += timeOurs(journeys, timings);
      oursSteps += journeys.size() * StatutorySteps.STEPS_PER_JOURNEY;
    }
    double ours = oursSteps / (oursNanos / 1e9);
    double base = vanillaDone / (vanillaNanos / 1e9);
    report.line("- " + label + ":");
    report.line(String.format("  - statutory steps: %d completions in %.1f s = **%.1f steps/s**", oursSteps,
        oursNanos / 1e9, ours));
    report.line(String.format("  - vanilla one-user-task process: %d completions in %.1f s = **%.1f completions/s**",
        vanillaDone, vanillaNanos / 1e9, base));
    report.line(String.format("  - ratio statutory / vanilla = **%.2f** (goal >= 0.8)", ours / base));
    report.line("  - mean wall time per step (" + settings.threads() + " threads at once): "
        + String.join(", ", timings.meanMillis().entrySet().stream()
            .map(e -> String.format("`%s` %.0f ms", e.getKey(), e.getValue())).toList()));
    double vanillaMillis = vanillaTimings.meanMillis().get(VANILLA_TASK);
    report.line(String.format("  - mean wall time per vanilla completion: %.0f ms; by step, vanilla / step: %s",
        vanillaMillis, String.join(", ", timings.meanMillis().entrySet().stream()
            .map(e -> String.format("`%s` %.2f", e.getKey(), vanillaMillis / e.getValue())).toList())));
  }

  @Test
  @Order(3)
  void taskListLatency() throws Exception {
    assumeTrue(settings.measure(), "bench.measure=false: load only");
    TasklistRequests tasklist = new TasklistRequests(port, engine.getName());
    report.section("Task-list latency through the engine REST API");
    report.line("- population present: " + population.loaded() + " journeys; open tasks in the database: "
        + engine.getTaskService().createTaskQuery().count() + "; " + settings.queries()
        + " page opens per user and filter, one at a time, after " + settings.warmUpOpens()
        + " unmeasured opens of every filter (warm-up) and 10 of its own");
    report.line("- a page open = `POST /engine-rest/engine/{engine}/filter/{id}/list?firstResult=0&maxResults=15` "
        + "(HAL: tasks, filter variables, count) + `GET /engine-rest/engine/{engine}/filter/{id}/count`");
    report.line("");
    report.line("- engine only = the same filter list (first 15) + count called in-process as the signed-in user "
        + "(FilterService), without HTTP and Basic authentication");
    report.line("");
    report.line("| user (groups) | filter | tasks the user sees | list p50 | list p95 | count p50 | count p95 "
        + "| page p50 | page p95 | page max | engine only p50 | engine only p95 |");
    report.line("|---|---|---|---|---|---|---|---|---|---|---|---|");
    String[][] pairs = {{"fiona", "My team"}, {"fiona", "My tasks"}, {"tina", "My team"},
        {"tina", "Awaiting my sign-off"}, {"sam", "My tasks"}};
    // a running server has compiled its code paths long ago: warm them up for every filter, or
    // the first filter measured pays for the JIT; the rounds' p50s show when the pages stop getting faster
    Map<String, String> filterIds = new HashMap<>();
    for (String[] pair : pairs) {
      filterIds.computeIfAbsent(pair[1],
          name -> engine.getFilterService().createFilterQuery().filterName(name).singleResult().getId());
    }
    List<String> warmUpRounds = new ArrayList<>();
    for (int done = 0; done < settings.warmUpOpens(); done += WARM_UP_ROUND) {
      List<Double> round = new ArrayList<>();
      for (String[] pair : pairs) {
        for (int i = done; i < Math.min(done + WARM_UP_ROUND, settings.warmUpOpens()); i++) {
          round.add(tasklist.open(pair[0], filterIds.get(pair[1])).pageMillis());
        }
      }
      warmUpRounds.add(String.format("%.1f", BenchmarkReport.percentile(round, 50)));
    }
    for (String[] pair : pairs) {
      String filterId = filterIds.get(pair[1]);
      for (int i = 0; i < 10; i++) {
        tasklist.open(pair[0], filterId);
      }
      List<TasklistRequests.Timed> timings = new ArrayList<>();
      for (int i = 0; i < settings.queries(); i++) {
        timings.add(tasklist.open(pair[0], filterId));
      }
      List<Double> inProcess = inProcessPages(pair[0], filterId);
      List<Double> lists = new ArrayList<>();
      List<Double> counts = new ArrayList<>();
      List<Double> pages = new ArrayList<>();
      timings.forEach(t -> {
        lists.add(t.listMillis());
        counts.add(t.countMillis());
        pages.add(t.pageMillis());
      });
      String groups = String.join(", ", engine.getIdentityService().createGroupQuery().groupMember(pair[0]).list()
          .stream().map(g -> g.getId()).toList());
      report.line(String.format("| %s (%s) | %s | %d | %.1f ms | %.1f ms | %.1f ms | %.1f ms | **%.1f ms** | **%.1f ms** | %.1f ms | %.1f ms | %.1f ms |",
          pair[0], groups, pair[1], timings.get(0).count(),
          BenchmarkReport.percentile(lists, 50), BenchmarkReport.percentile(lists, 95),
          BenchmarkReport.percentile(counts, 50), BenchmarkReport.percentile(counts, 95),
          BenchmarkReport.percentile(pages, 50), BenchmarkReport.percentile(pages, 95),
          BenchmarkReport.percentile(pages, 100), BenchmarkReport.percentile(inProcess, 50),
          BenchmarkReport.percentile(inProcess, 95)));
    }
    report.line("");
    report.line("- warm-up, page p50 of all filters in each round of " + WARM_UP_ROUND
        + " opens of every filter (ms): " + String.join(", ", warmUpRounds));
  }

  private List<Double> inProcessPages(String user, String filterId) {
    List<String> groups = engine.getIdentityService().createGroupQuery().groupMember(user).list().stream()
        .map(g -> g.getId()).toList();
    List<Double> millis = new ArrayList<>();
    for (int i = 0; i < settings.queries() + 10; i++) {
      long start = System.nanoTime();
      engine.getIdentityService().setAuthentication(user, groups);
      try {
        engine.getFilterService().listPage(filterId, 0, TasklistRequests.PAGE);
        engine.getFilterService().count(filterId);
      } finally {
        engine.getIdentityService().clearAuthentication();
      }
      if (i >= 10) {
        millis.add((System.nanoTime() - start) / 1e6);
      }
    }
    return millis;
  }

  @Test
  @Order(4)
  void timerLateness() throws Exception {
    assumeTrue(settings.measure(), "bench.measure=false: load only");
    report.section("Timer lateness, job executor on");
    report.line("- population present: " + population.loaded() + " journeys; waiting timer jobs: "
        + engine.getManagementService().createJobQuery().timers().count());
    report.line("- each phase: " + settings.timerDeadlines() + " deadline-watch instances (real model, real "
        + "`deadlines.warn`/`breach`) whose warning falls due at one instant and breach " + settings.timerGapSeconds()
        + " s later (deadlines fall due at midnight, so they come in bursts): " + 2 * settings.timerDeadlines()
        + " timers; lateness = ACT_HI_JOB_LOG success timestamp - job due date");
    JobExecutor executor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
    int[] configured = {executor.getMaxJobsPerAcquisition(), executor.getWaitTimeInMillis(), (int) executor.getMaxWait()};
    if (settings.timerDefaults()) {
      reconfigure(executor, 3, 5000, 60000);
      timerBurst("Camunda defaults (max-jobs-per-acquisition 3, wait-time 5000 ms, max-wait 60000 ms)");
      reconfigure(executor, configured[0], configured[1], configured[2]);
    }
    timerBurst("as configured (application-postgres.yml: max-jobs-per-acquisition " + configured[0]
        + ", wait-time " + configured[1] + " ms, max-wait " + configured[2] + " ms)");
  }

  /** How long the timers due at {@code due} took to fire, from that instant to the last of them. */
  private static String drained(List<HistoricJobLog> fired, Instant due, String burst) {
    List<HistoricJobLog> atDue = fired.stream()
        .filter(log -> Math.abs(log.getJobDueDate().getTime() - due.toEpochMilli()) < 1000)
        .toList();
    double seconds = atDue.stream().mapToLong(log -> log.getTimestamp().getTime()).max()
        .orElse(due.toEpochMilli()) / 1000.0 - due.toEpochMilli() / 1000.0;
    return String.format("%d %s due at one instant, the last fired %.1f s after it (%.1f timers/s)",
        atDue.size(), burst, seconds, seconds > 0 ? atDue.size() / seconds : 0.0);
  }

  private static void reconfigure(JobExecutor executor, int maxJobs, int waitMillis, long maxWait) {
    executor.shutdown();
    executor.setMaxJobsPerAcquisition(maxJobs);
    executor.setWaitTimeInMillis(waitMillis);
    executor.setMaxWait(maxWait);
    executor.start();
  }

  private void timerBurst(String configuration) throws Exception {
    int count = settings.timerDeadlines();
    List<String> children = prepareJourneys("L" + System.nanoTime() % 100000, count);
    Instant warning = now().plusSeconds(settings.timerLeadSeconds() + count / 10);
    Instant breach = warning.plusSeconds(settings.timerGapSeconds());
    Instant created = now();
    List<Callable<String>> work = new ArrayList<>();
    for (String child : children) {
      work.add(() -> startWatch(child, warning, breach));
    }
    java.util.Set<String> watches = new java.util.HashSet<>(inParallel(work, settings.loadThreads()).results());
    Instant ready = now();
    Instant giveUp = breach.plusSeconds(600);
    List<HistoricJobLog> fired = List.of();
    while (now().isBefore(giveUp)) {
      Thread.sleep(5000);
      fired = engine.getHistoryService().createHistoricJobLogQuery().successLog()
          .processDefinitionKey(DeadlineService.WATCH_PROCESS).list().stream()
          .filter(log -> watches.contains(log.getProcessInstanceId()))
          .filter(log -> log.getJobDefinitionType() != null && log.getJobDefinitionType().startsWith("timer"))
          .toList();
      if (fired.size() >= 2 * count) {
        break;
      }
    }
    List<Double> lateness = new ArrayList<>();
    fired.forEach(log -> lateness.add((log.getTimestamp().getTime() - log.getJobDueDate().getTime()) / 1000.0));
    long jobs = fired.stream().map(HistoricJobLog::getJobId).distinct().count();
    long over = lateness.stream().filter(seconds -> seconds > 60).count();
    report.line("- " + configuration + ": watches ready " + Duration.between(created, ready).toSeconds()
        + " s after the start, " + Duration.between(ready, warning).toSeconds() + " s before the first burst; fired "
        + fired.size() + " of " + 2 * count + " timers (" + jobs + " distinct jobs); lateness p50 "
        + String.format("%.1f s, p95 **%.1f s**, max **%.1f s**; %d more than 60 s late",
        BenchmarkReport.percentile(lateness, 50), BenchmarkReport.percentile(lateness, 95),
        BenchmarkReport.percentile(lateness, 100), over));
    report.line("  - " + drained(fired, warning, "warnings") + "; " + drained(fired, breach, "breaches"));
    children.forEach(population::moveOutOfTheDemoCouncil);
  }

  /**
   * Once, on a database loaded before timer phases moved their journeys out of the demo council
   * (-Dbench.moveLeftovers=true): the timer phases' open journeys (local ids T&lt;run&gt;L&lt;n&gt;…) leave it.
   */
  @Test
  @Order(0)
  void moveEarlierTimerPhasesOutOfTheDemoCouncil() {
    assumeTrue(Boolean.getBoolean("bench.moveLeftovers"), "bench.moveLeftovers not set");
    List<String> children = jdbc.queryForList("SELECT DISTINCT c.id FROM act_ru_task t"
        + " JOIN act_ru_execution e ON e.id_ = t.proc_inst_id_ JOIN child c ON c.id = e.business_key_"
        + " WHERE c.la_child_id ~ '^T[0-9A-Z]+L[0-9]+$'", String.class);
    children.forEach(population::moveOutOfTheDemoCouncil);
    report.section("Earlier timer phases' journeys moved out of the demo council");
    report.line("- " + children.size() + " journeys with open tasks");
  }

  private String startWatch(String childId, Instant warning, Instant breach) {
    String contact = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("contact")
        .processInstanceBusinessKey(childId).singleResult().getId();
    Instant now = now();
    LocalDate today = LondonTime.dateOf(now);
    Deadline deadline = new Deadline(UUID.randomUUID().toString(), childId, contact, "CONTACT_DECISION", "WT2023",
        now, today, today, breach.minusSeconds(1), warning, breach, DeadlineStatus.OPEN,
        null, null, null, null, null, null, null, null, null, null);
    deadlines.insert(deadline, now);
    Map<String, Object> variables = new HashMap<>();
    variables.put("deadlineId", deadline.id());
    variables.put("timescaleId", deadline.timescaleId());
    variables.put("childId", childId);
    variables.put("childName", "Ann Example");
    variables.put("dueDateText", today.toString());
    return engine.getRuntimeService().startProcessInstanceByKey(DeadlineService.WATCH_PROCESS, childId, variables)
        .getId();
  }

  @Test
  @Order(5)
  void historyGrowthAndCleanup() throws Exception {
    assumeTrue(settings.measure(), "bench.measure=false: load only");
    int count = settings.journeys();
    Map<String, Long> before = tableSizes();
    List<String> children = prepareJourneys("H", count);
    timeOurs(children, new StepTimings());
    Map<String, Long> after = tableSizes();
    report.section("History growth per finished journey");
    report.line("- " + count + " journeys, each contact -> decision -> sign-off -> allocation -> assessment -> "
        + "sign-off -> closure (RC8), run to the end; pg_total_relation_size after - before, divided by "
        + count + " (tables, indexes and TOAST; includes dead row versions not yet vacuumed)");
    long historyBytes = 0;
    long ours = 0;
    long runtime = 0;
    long bytes = 0;
    for (String table : after.keySet()) {
      long delta = after.get(table) - before.getOrDefault(table, 0L);
      if (table.startsWith("act_hi_")) {
        historyBytes += delta;
      } else if (table.equals("act_ge_bytearray")) {
        bytes += delta;
      } else if (table.startsWith("act_ru_")) {
        runtime += delta;
      } else if (!table.startsWith("act_")) {
        ours += delta;
      }
    }
    report.line(String.format("- ACT_HI_*: **%.1f KB per journey**; ACT_GE_BYTEARRAY: %.1f KB; our tables: "
        + "**%.1f KB per journey**; ACT_RU_* (runtime rows, deleted when the journey ends; dead space): %.1f KB",
        historyBytes / 1024.0 / count, bytes / 1024.0 / count, ours / 1024.0 / count, runtime / 1024.0 / count));
    after.forEach((table, size) -> {
      long delta = size - before.getOrDefault(table, 0L);
      if (delta > 0 && (table.startsWith("act_hi_") || !table.startsWith("act_"))) {
        report.line(String.format("  - %s: %.1f KB per journey", table, delta / 1024.0 / count));
      }
    });

    HistoryService history = engine.getHistoryService();
    String[] keys = children.toArray(String[]::new);
    long instances = history.createHistoricProcessInstanceQuery().processInstanceBusinessKeyIn(keys).count();
    Instant start = now();
    Batch batch = history.setRemovalTimeToHistoricProcessInstances()
        .absoluteRemovalTime(Date.from(start.minus(Duration.ofDays(1))))
        .byQuery(history.createHistoricProcessInstanceQuery().processInstanceBusinessKeyIn(keys))
        .hierarchical().executeAsync();
    while (engine.getManagementService().createBatchQuery().batchId(batch.getId()).count() > 0) {
      Thread.sleep(500);
    }
    Duration setting = Duration.between(start, now());
    start = now();
    history.cleanUpHistoryAsync(true);
    long left = instances;
    while (left > 0 && Duration.between(start, now()).toMinutes() < 30) {
      Thread.sleep(500);
      left = history.createHistoricProcessInstanceQuery().processInstanceBusinessKeyIn(keys).count();
    }
    Duration cleaning = Duration.between(start, now());
    report.section("History cleanup (removal-time based)");
    report.line(String.format("- %d historic process instances of %d finished journeys (journey, contact, "
        + "allocation, assessment, deadline watches): setting their removal time (batch) took %.1f s = %.1f instances/s",
        instances, count, seconds(setting), instances / Math.max(0.001, seconds(setting))));
    report.line(String.format("- history cleanup job removed %d of them in %.1f s = **%.1f instances/s** "
        + "(%.1f journeys/s; batch size %d, degree of parallelism %d)", instances - left, seconds(cleaning),
        (instances - left) / Math.max(0.001, seconds(cleaning)), (count * (double) (instances - left) / instances)
            / Math.max(0.001, seconds(cleaning)),
        ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getHistoryCleanupBatchSize(),
        ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getHistoryCleanupDegreeOfParallelism()));
    assertThat(left).as("historic instances left after cleanup").isZero();
  }

  private Map<String, Long> tableSizes() {
    Map<String, Long> sizes = new java.util.TreeMap<>();
    jdbc.queryForList("SELECT relname, pg_total_relation_size(relid) AS bytes FROM pg_stat_user_tables")
        .forEach(row -> sizes.put(((String) row.get("relname")).toLowerCase(), ((Number) row.get("bytes")).longValue()));
    return sizes;
  }

  /**
   * The list of social workers with their caseloads, at a council's size: the allocation task opens
   * with it (every contact or transfer sent for allocation) and so does the caseload dashboard. The
   * benchmark's workers are added for the measurement and removed after it.
   */
  @Test
  @Order(6)
  void caseloadsAtCouncilSize() {
    assumeTrue(settings.measure(), "bench.measure=false: load only");
    IdentityService identity = engine.getIdentityService();
    List<String> teams = Roles.TEAMS.stream()
        .filter(team -> identity.createGroupQuery().groupId(team).count() == 1).toList();
    List<String> added = new ArrayList<>();
    try {
      String qualifiedSixMonthsAgo = LondonTime.dateOf(ClockUtil.getCurrentTime()).minusMonths(6).toString();
      for (int i = 0; i < settings.socialWorkers(); i++) {
        String id = "bench-sw-" + run.toLowerCase() + "-" + i;
        User user = identity.newUser(id);
        user.setFirstName("Benchmark");
        user.setLastName("Worker " + i);
        identity.saveUser(user);
        added.add(id);
        identity.createMembership(id, Roles.SOCIAL_WORKERS);
        identity.createMembership(id, teams.get(i % teams.size()));
        if (i % 10 == 0) {
          identity.setUserInfo(id, WorkerProfile.QUALIFIED_ON, qualifiedSixMonthsAgo);
        }
      }
      identity.setAuthentication("tina", List.of(Roles.TEAM_MANAGERS));
      int listed = 0;
      List<Double> millis = new ArrayList<>();
      for (int i = 0; i < 10 + settings.queries(); i++) {
        long start = System.nanoTime();
        listed = caseloads.socialWorkers().size();
        if (i >= 10) {
          millis.add((System.nanoTime() - start) / 1e6);
        }
      }
      report.section("Caseloads at a council's size");
      report.line(String.format("- `Caseloads.socialWorkers()` as tina (the allocation task's list of workers and "
              + "the caseload dashboard's), %d social workers listed (%d added for this measurement), %d calls "
              + "after 10 unmeasured: p50 **%.1f ms**, p95 **%.1f ms**", listed, added.size(), millis.size(),
          BenchmarkReport.percentile(millis, 50), BenchmarkReport.percentile(millis, 95)));
      assertThat(listed).isGreaterThanOrEqualTo(added.size());
    } finally {
      identity.clearAuthentication();
      added.forEach(identity::deleteUser);
    }
  }

  private void deployVanilla() throws Exception {
    try (InputStream model = getClass().getResourceAsStream("/benchmark/vanilla-one-task.bpmn.xml")) {
      engine.getRepositoryService().createDeployment().name("benchmark-vanilla")
          .enableDuplicateFiltering(true)
          .addInputStream("vanilla-one-task.bpmn", model).deploy();
    }
  }

  /** Journeys of the demo council, at the contact decision (received through the front door, untimed). */
  List<String> prepareJourneys(String label, int count) throws Exception {
    List<Callable<String>> work = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String laChildId = "T" + run + label + i;
      work.add(() -> intake.receive(StandingPopulation.contactNow(laChildId)).childId());
    }
    return inParallel(work, settings.loadThreads()).results();
  }

  List<String> prepareVanilla(String label, int count) throws Exception {
    List<Callable<String>> work = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String key = "V" + run + label + i;
      work.add(() -> {
        engine.getRuntimeService().startProcessInstanceByKey(VANILLA, key);
        return key;
      });
    }
    return inParallel(work, settings.loadThreads()).results();
  }

  long timeOurs(List<String> children, StepTimings timings) throws Exception {
    List<Callable<String>> work = new ArrayList<>();
    AtomicInteger next = new AtomicInteger();
    for (String child : children) {
      String worker = StandingPopulation.workers().get(next.getAndIncrement() % 3);
      work.add(() -> {
        StatutorySteps.workThrough(users, child, worker, timings);
        return child;
      });
    }
    return inParallel(work, settings.threads()).nanos();
  }

  long timeVanilla(List<String> keys, StepTimings timings) throws Exception {
    List<Callable<String>> work = new ArrayList<>();
    for (String key : keys) {
      work.add(() -> {
        timings.time(VANILLA_TASK, () -> users.complete("fiona", key, VANILLA_TASK, Map.of()));
        return key;
      });
    }
    return inParallel(work, settings.threads()).nanos();
  }

  record Parallel(List<String> results, long nanos) {}

  /** Runs every piece of work on {@code threads} threads; any failure fails the benchmark. */
  static Parallel inParallel(List<Callable<String>> work, int threads) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      long start = System.nanoTime();
      List<Future<String>> futures = pool.invokeAll(work);
      List<String> results = new ArrayList<>();
      for (Future<String> future : futures) {
        results.add(future.get());
      }
      return new Parallel(results, System.nanoTime() - start);
    } finally {
      pool.shutdownNow();
    }
  }

  static double seconds(Duration duration) {
    return duration.toMillis() / 1000.0;
  }

  static Instant now() {
    return Instant.now();
  }
}
