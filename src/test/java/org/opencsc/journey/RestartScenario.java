package org.opencsc.journey;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.opencsc.CaseJourneysApplication;
import org.opencsc.support.Api;
import org.opencsc.support.TestClock;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The issue's acceptance scenario, shared by the H2 and PostgreSQL tests: the real application is
 * started on a database that outlives it, a contact arrives over REST, the front door refers the child,
 * the deadlines are read back over REST; the application is stopped and started again on the same
 * database, and the case, its open tasks and its timers are all still there and the journey goes on.
 *
 * <p>Each start is a separate Spring Boot application with its own engine name (several engines live
 * in one test JVM, e.g. beside the shared {@code test} context), no job executor (the test drives the
 * clock) and a random port on the loopback address. Everything is done over real HTTP with HTTP Basic
 * as the demo users; the engine of each start is only read, to compare ids and timer due dates.
 */
final class RestartScenario {

  /** Friday 27 November 2026 (GMT, so London time = UTC). */
  static final String RECEIVED_AT = "2026-11-27T10:15:00Z";
  /** First run: the front door decides and the manager signs off at 11:00 the same morning. */
  static final Instant FIRST_RUN_CLOCK = Instant.parse("2026-11-27T11:00:00Z");
  /** Second run: after the restart, the manager allocates at 15:00 the same day. */
  static final Instant SECOND_RUN_CLOCK = Instant.parse("2026-11-27T15:00:00Z");

  private final String name;
  private final List<String> profiles;
  private final Map<String, String> properties;

  /**
   * @param name short name for the engine names ({@code restart_<name>_1}, {@code restart_<name>_2})
   * @param profiles Spring profiles of both starts
   * @param properties datasource (and any other) properties of both starts
   */
  RestartScenario(String name, List<String> profiles, Map<String, String> properties) {
    this.name = name;
    this.profiles = profiles;
    this.properties = properties;
  }

  /** What the first run leaves behind, to be found again after the restart. */
  record Snapshot(String childId, String journeyId, JsonNode child, JsonNode deadlines,
      Map<String, String> openTasks, Map<String, Date> timers) {}

  void run() {
    try {
      Snapshot before;
      try (RunningApp app = start(1)) {
        before = firstRun(app);
      }
      try (RunningApp app = start(2)) {
        secondRun(app, before);
      }
    } finally {
      TestClock.reset();
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Run 1: contact over REST, front door refers, manager signs off; the case waits for allocation.

  private Snapshot firstRun(RunningApp app) {
    TestClock.set(FIRST_RUN_CLOCK);
    Api fiona = app.api("fiona");

    Api.Reply receipt = fiona.post("/api/contacts", Api.contact(newLaChildId(), RECEIVED_AT));
    assertThat(receipt.status()).as(receipt.body()).isEqualTo(201);
    assertThat(receipt.json().get("joinedExistingJourney").asBoolean()).isFalse();
    String childId = receipt.json().get("childId").asText();
    String journeyId = receipt.json().get("journeyId").asText();

    JsonNode contactDecision = deadline(fiona, childId, "CONTACT_DECISION");
    assertThat(contactDecision.get("policy").asText()).isEqualTo("WT2023");
    assertThat(contactDecision.get("triggerDate").asText()).isEqualTo("2026-11-27");
    // Friday's contact: one working day later is Monday 30 November.
    assertThat(contactDecision.get("dueDate").asText()).isEqualTo("2026-11-30");
    assertThat(contactDecision.get("status").asText()).isEqualTo("OPEN");
    assertThat(contactDecision.get("metDate").isNull()).isTrue();
    // The watch warns at the start of the due day (the day before is not after the trigger).
    assertThat(timers(app.engine(), childId).values())
        .containsExactly(date("2026-11-30T00:00:00Z"));

    completeOverRest(app, "fiona", childId, "Task_DecideOnContact", """
        {"contactOutcome": {"value": "REFERRAL"},
         "decisionReason": {"value": "Unexplained bruising to a pre-school child needs assessment"},
         "primaryNeed": {"value": "N1"}}""");
    completeOverRest(app, "tina", childId, "Task_SignOffContactDecision", """
        {"signOffDecision": {"value": "APPROVE"}, "signOffComments": {"value": "Agreed: refer"}}""");

    JsonNode deadlines = deadlines(fiona, childId);
    assertThat(deadlines).hasSize(2);
    contactDecision = deadline(deadlines, "CONTACT_DECISION");
    assertThat(contactDecision.get("status").asText()).isEqualTo("MET");
    assertThat(contactDecision.get("metDate").asText()).isEqualTo("2026-11-27");
    assertThat(contactDecision.get("dueDate").asText()).isEqualTo("2026-11-30");
    JsonNode allocation = deadline(deadlines, "ALLOCATION");
    assertThat(allocation.get("status").asText()).isEqualTo("OPEN");
    assertThat(allocation.get("triggerDate").asText()).isEqualTo("2026-11-27");
    // 24 hours from the sign-off at 11:00 Friday: 11:00 Saturday 28 November.
    assertThat(allocation.get("dueDate").asText()).isEqualTo("2026-11-28");
    assertThat(allocation.get("metDate").isNull()).isTrue();

    Map<String, String> openTasks = openTasks(app.engine(), childId);
    assertThat(openTasks.values()).containsExactly("Task_AllocateSocialWorker");
    Task allocate = app.engine().getTaskService().createTaskQuery()
        .taskId(openTasks.keySet().iterator().next()).singleResult();
    assertThat(allocate.getDueDate()).isEqualTo(date("2026-11-28T11:00:00Z"));
    // The contact's watch has ended; the allocation's watch warns 6 hours before the due time.
    Map<String, Date> timers = timers(app.engine(), childId);
    assertThat(timers.values()).containsExactly(date("2026-11-28T05:00:00Z"));

    Api.Reply child = fiona.get("/api/children/" + childId);
    assertThat(child.status()).as(child.body()).isEqualTo(200);
    assertThat(child.json().get("journeyId").asText()).isEqualTo(journeyId);
    assertThat(child.json().get("journeyOpen").asBoolean()).isTrue();
    assertThat(child.json().get("allocatedWorker").isNull()).isTrue();
    assertThat(child.json().get("openTasks").findValuesAsText("taskDefinitionKey"))
        .containsExactly("Task_AllocateSocialWorker");

    return new Snapshot(childId, journeyId, child.json(), deadlines, openTasks, timers);
  }

  // ---------------------------------------------------------------------------------------------
  // Run 2, same database: everything is still there, and the manager allocates to Sam.

  private void secondRun(RunningApp app, Snapshot before) {
    TestClock.set(SECOND_RUN_CLOCK);
    String childId = before.childId();
    Api fiona = app.api("fiona");

    Api.Reply child = fiona.get("/api/children/" + childId);
    assertThat(child.status()).as(child.body()).isEqualTo(200);
    assertThat(child.json()).as("the child after the restart").isEqualTo(before.child());
    assertThat(deadlines(fiona, childId)).as("the deadlines after the restart").isEqualTo(before.deadlines());

    ProcessEngine engine = app.engine();
    ProcessInstance journey = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(before.journeyId()).singleResult();
    assertThat(journey).as("the journey after the restart").isNotNull();
    assertThat(journey.getBusinessKey()).isEqualTo(childId);
    assertThat(journey.isEnded()).isFalse();
    assertThat(openTasks(engine, childId)).as("open tasks after the restart").isEqualTo(before.openTasks());
    assertThat(timers(engine, childId)).as("timers (id → due date) after the restart")
        .isEqualTo(before.timers());

    completeOverRest(app, "tina", childId, "Task_AllocateSocialWorker", """
        {"allocatedWorker": {"value": "sam"}}""");

    assertThat(engine.getRuntimeService().getVariable(before.journeyId(), "allocatedWorker")).isEqualTo("sam");
    assertThat(engine.getRuntimeService().getVariable(before.journeyId(), "caseTeam")).isEqualTo("assessment");
    JsonNode assessmentTask = tasksOverRest(app, "sam", childId, "Task_CarryOutAssessment");
    assertThat(assessmentTask).hasSize(1);
    assertThat(assessmentTask.get(0).get("assignee").asText()).isEqualTo("sam");
    assertThat(openTasks(engine, childId).values()).containsExactly("Task_CarryOutAssessment");
    assertThat(fiona.get("/api/children/" + childId).json().get("allocatedWorker").asText()).isEqualTo("sam");

    JsonNode deadlines = deadlines(fiona, childId);
    assertThat(deadlines).hasSize(3);
    assertThat(deadline(deadlines, "CONTACT_DECISION").get("status").asText()).isEqualTo("MET");
    JsonNode allocation = deadline(deadlines, "ALLOCATION");
    assertThat(allocation.get("status").asText()).isEqualTo("MET");
    assertThat(allocation.get("metDate").asText()).isEqualTo("2026-11-27");
    JsonNode assessment = deadline(deadlines, "ASSESSMENT");
    assertThat(assessment.get("status").asText()).isEqualTo("OPEN");
    assertThat(assessment.get("triggerDate").asText()).isEqualTo("2026-11-27");
    // 45 working days from the referral on 27 November, across Christmas and New Year.
    assertThat(assessment.get("dueDate").asText()).isEqualTo("2027-02-03");
    assertThat(assessment.get("metDate").isNull()).isTrue();

    // The allocation's watch has ended; the assessment's warns 5 working days before its due date.
    assertThat(timers(engine, childId).values()).containsExactly(date("2027-01-27T00:00:00Z"));
  }

  // ---------------------------------------------------------------------------------------------
  // Starting the application

  private RunningApp start(int run) {
    // Engine names must not contain hyphens (Camunda ignores such a name and falls back to "default").
    String engineName = "restart_" + name + "_" + run;
    // Command-line arguments, not SpringApplicationBuilder.properties(): those are only default
    // properties, and application.yml would win over them (datasource URL, job execution).
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("server.port", "0");
    settings.put("server.address", "127.0.0.1");
    settings.put("spring.main.banner-mode", "off");
    settings.put("camunda.bpm.process-engine-name", engineName);
    settings.put("camunda.bpm.job-execution.enabled", "false");
    settings.put("camunda.bpm.metrics.enabled", "false");
    settings.putAll(properties);
    String[] args = settings.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
        .toArray(String[]::new);
    long started = System.nanoTime();
    ConfigurableApplicationContext context = new SpringApplicationBuilder(CaseJourneysApplication.class)
        .profiles(profiles.toArray(String[]::new))
        .run(args);
    System.out.printf("[%s] started in %d ms%n", engineName, (System.nanoTime() - started) / 1_000_000);
    int port = ((WebServerApplicationContext) context).getWebServer().getPort();
    ProcessEngine engine = context.getBean(ProcessEngine.class);
    assertThat(engine.getName()).isEqualTo(engineName);
    return new RunningApp(context, engine, "http://127.0.0.1:" + port);
  }

  private record RunningApp(ConfigurableApplicationContext context, ProcessEngine engine, String baseUrl)
      implements AutoCloseable {

    Api api(String user) {
      return new Api(new TestRestTemplate(new RestTemplateBuilder().rootUri(baseUrl)), user);
    }

    /** The engine REST API of this start's engine (it is not the engine named "default"). */
    String engineRest(String path) {
      return "/engine-rest/engine/" + engine.getName() + path;
    }

    @Override
    public void close() {
      context.close();
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Helpers

  /** Claims and completes the child's one open {@code taskKey} as {@code user} through the engine REST API. */
  private static void completeOverRest(RunningApp app, String user, String childId, String taskKey,
      String variablesJson) {
    Api api = app.api(user);
    JsonNode tasks = tasksOverRest(app, user, childId, taskKey);
    assertThat(tasks).as("open %s for the child", taskKey).hasSize(1);
    String taskId = tasks.get(0).get("id").asText();

    Api.Reply claim = api.post(app.engineRest("/task/" + taskId + "/claim"), "{\"userId\": \"" + user + "\"}");
    assertThat(claim.status()).as("%s claims %s: %s", user, taskKey, claim.body()).isEqualTo(204);
    Api.Reply complete = api.post(app.engineRest("/task/" + taskId + "/complete"),
        "{\"variables\": " + variablesJson + "}");
    assertThat(complete.status()).as("%s completes %s: %s", user, taskKey, complete.body()).isEqualTo(204);
  }

  private static JsonNode tasksOverRest(RunningApp app, String user, String childId, String taskKey) {
    Api.Reply reply = app.api(user).get(app.engineRest(
        "/task?processInstanceBusinessKey=" + childId + "&taskDefinitionKey=" + taskKey));
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.json();
  }

  private static JsonNode deadlines(Api api, String childId) {
    Api.Reply reply = api.get("/api/children/" + childId + "/deadlines");
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.json();
  }

  private static JsonNode deadline(Api api, String childId, String timescaleId) {
    JsonNode deadlines = deadlines(api, childId);
    assertThat(deadlines).hasSize(1);
    return deadline(deadlines, timescaleId);
  }

  private static JsonNode deadline(JsonNode deadlines, String timescaleId) {
    List<JsonNode> found = new ArrayList<>();
    deadlines.forEach(d -> {
      if (timescaleId.equals(d.get("timescaleId").asText())) {
        found.add(d);
      }
    });
    assertThat(found).as("%s deadlines in %s", timescaleId, deadlines).hasSize(1);
    return found.get(0);
  }

  /** Open tasks of the child's processes: task id → task definition key. */
  private static Map<String, String> openTasks(ProcessEngine engine, String childId) {
    Map<String, String> tasks = new TreeMap<>();
    engine.getTaskService().createTaskQuery().processInstanceBusinessKey(childId).list()
        .forEach(task -> tasks.put(task.getId(), task.getTaskDefinitionKey()));
    return tasks;
  }

  /** Timer jobs of every process of the child (journey, called models, deadline watches): id → due date. */
  private static Map<String, Date> timers(ProcessEngine engine, String childId) {
    Map<String, Date> timers = new TreeMap<>();
    for (ProcessInstance instance : engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(childId).list()) {
      for (Job job : engine.getManagementService().createJobQuery().processInstanceId(instance.getId())
          .timers().list()) {
        // Compare instants: a date read back from the database may be a java.sql.Timestamp.
        timers.put(job.getId(), new Date(job.getDuedate().getTime()));
      }
    }
    return timers;
  }

  private static Date date(String instant) {
    return Date.from(Instant.parse(instant));
  }

  private static String newLaChildId() {
    return "R" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }
}
