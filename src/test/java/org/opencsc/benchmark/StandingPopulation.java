package org.opencsc.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.opencsc.calendar.LondonTime;
import org.opencsc.frontdoor.ContactIntake;
import org.opencsc.frontdoor.ContactRequest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The national standing population, loaded through the real front door and models: each journey is a
 * contact received now through {@link ContactIntake}, and some are driven by the demo users to a later
 * stage, where they wait with their live deadline timers. England has 153 councils and each council's
 * workers see only their own teams' tasks, so journey {@code i} belongs to council {@code i % 153}:
 * council 0 is the demo council (fiona, tina, sam…); the tasks of every other council are moved to
 * that council's own groups and workers ({@code front-door-la017}, {@code sam-la017}).
 * Resumable: it continues from the highest journey number already in the database.
 */
class StandingPopulation {

  static final int COUNCILS = 153;
  static final String PREFIX = "NAT";
  /** The groups and workers suffix of a benchmark's leftovers: no demo user and no loaded council has it. */
  static final String LEFTOVERS = "-bench-leftovers";
  private static final String[] WORKERS = {"sam", "lucy", "carl"};

  /** Where a journey waits, by {@code (i / COUNCILS) % 10}: 2 of 10 at the contact decision, and so on. */
  enum Stage { CONTACT_DECISION, CONTACT_SIGN_OFF, ALLOCATION, ASSESSMENT }

  static Stage stageOf(int index) {
    int tenth = (index / COUNCILS) % 10;
    return tenth < 2 ? Stage.CONTACT_DECISION : tenth == 2 ? Stage.CONTACT_SIGN_OFF
        : tenth == 3 ? Stage.ALLOCATION : Stage.ASSESSMENT;
  }

  private final ContactIntake intake;
  private final ProcessEngine engine;
  private final JdbcTemplate jdbc;
  private final AsDemoUser users;
  private final Path log;

  StandingPopulation(ContactIntake intake, ProcessEngine engine, JdbcTemplate jdbc, AsDemoUser users, Path log) {
    this.intake = intake;
    this.engine = engine;
    this.jdbc = jdbc;
    this.users = users;
    this.log = log;
  }

  /** Journeys of the population already in the database (their children). */
  int loaded() {
    Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM child WHERE la_child_id LIKE 'NAT%'", Integer.class);
    return count == null ? 0 : count;
  }

  private int nextIndex() {
    Integer max = jdbc.queryForObject(
        "SELECT MAX(CAST(SUBSTRING(la_child_id FROM 4) AS INTEGER)) FROM child WHERE la_child_id LIKE 'NAT%'",
        Integer.class);
    return max == null ? 0 : max + 1;
  }

  record LoadResult(int before, int after, int failed, Duration elapsed) {
    double perSecond() {
      return (after - before) / Math.max(0.001, elapsed.toMillis() / 1000.0);
    }
  }

  /**
   * Loads until {@code target} journeys exist, {@code until} has passed or the disk holding the database
   * has less than {@code minFreeBytes} free (checked every 30 s: a full disk would stop PostgreSQL), with
   * {@code threads} threads.
   */
  LoadResult load(int target, Instant until, int threads, Path databaseDisk, long minFreeBytes)
      throws InterruptedException, IOException {
    int before = loaded();
    AtomicInteger next = new AtomicInteger(nextIndex());
    int toLoad = Math.max(0, target - before);
    int last = next.get() + toLoad;
    AtomicLong done = new AtomicLong();
    AtomicInteger failed = new AtomicInteger();
    AtomicBoolean diskLow = new AtomicBoolean();
    Instant start = Instant.now();
    note("load start: " + before + " loaded, target " + target + ", until " + until + ", threads " + threads);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    for (int t = 0; t < threads; t++) {
      pool.submit(() -> {
        while ((until == null || Instant.now().isBefore(until)) && !diskLow.get()) {
          int index = next.getAndIncrement();
          if (index >= last) {
            return;
          }
          try {
            loadOne(index);
            done.incrementAndGet();
          } catch (RuntimeException e) {
            if (failed.incrementAndGet() <= 20) {
              note("journey " + index + " failed: " + e);
            }
          }
        }
      });
    }
    pool.shutdown();
    long lastReported = 0;
    while (!pool.awaitTermination(30, TimeUnit.SECONDS)) {
      long now = done.get();
      double seconds = Duration.between(start, Instant.now()).toMillis() / 1000.0;
      note(String.format("loaded %d this run (%d total), %.1f journeys/s overall, %.1f/s last 30 s, %d failed",
          now, before + now, now / seconds, (now - lastReported) / 30.0, failed.get()));
      lastReported = now;
      long free = Files.getFileStore(databaseDisk).getUsableSpace();
      if (free < minFreeBytes && !diskLow.getAndSet(true)) {
        note("stopping: " + free / (1024 * 1024) + " MB free on " + databaseDisk + ", less than the minimum");
      }
    }
    LoadResult result = new LoadResult(before, loaded(), failed.get(), Duration.between(start, Instant.now()));
    note("load end: " + result);
    return result;
  }

  void loadOne(int index) {
    String laChildId = PREFIX + index;
    String childId = intake.receive(contactNow(laChildId)).childId();
    Stage stage = stageOf(index);
    if (stage.compareTo(Stage.CONTACT_SIGN_OFF) >= 0) {
      users.complete("fiona", childId, "Task_DecideOnContact", StatutorySteps.referral());
    }
    if (stage.compareTo(Stage.ALLOCATION) >= 0) {
      users.complete("tina", childId, "Task_SignOffContactDecision", StatutorySteps.approve());
    }
    if (stage == Stage.ASSESSMENT) {
      users.complete("tina", childId, "Task_AllocateSocialWorker",
          StatutorySteps.allocation(WORKERS[(index / COUNCILS) % WORKERS.length]));
    }
    int council = index % COUNCILS;
    if (council != 0) {
      moveToCouncil(childId, String.format("-la%03d", council));
    }
  }

  /**
   * A benchmark's own journeys that stay open (the timer phases') leave the demo council once measured,
   * so that later task-list measurements see the demo council's share of the population, not leftovers.
   */
  void moveOutOfTheDemoCouncil(String childId) {
    moveToCouncil(childId, LEFTOVERS);
  }

  /**
   * The open tasks go to that council's own groups and workers, as a council's own system would show them,
   * and so does the allocation, so that a demo worker's caseload is the demo council's, not the country's.
   */
  private void moveToCouncil(String childId, String suffix) {
    jdbc.update("UPDATE allocation SET worker_id = worker_id || ? WHERE child_id = ?", suffix, childId);
    TaskService tasks = engine.getTaskService();
    for (Task task : tasks.createTaskQuery().processInstanceBusinessKey(childId).list()) {
      for (IdentityLink link : tasks.getIdentityLinksForTask(task.getId())) {
        if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null
            && !link.getGroupId().endsWith(suffix)) {
          tasks.deleteCandidateGroup(task.getId(), link.getGroupId());
          tasks.addCandidateGroup(task.getId(), link.getGroupId() + suffix);
        }
      }
      if (task.getAssignee() != null && !task.getAssignee().endsWith(suffix)) {
        tasks.setAssignee(task.getId(), task.getAssignee() + suffix);
      }
    }
  }

  static ContactRequest contactNow(String laChildId) {
    return new ContactRequest(
        new ContactRequest.ChildDetails(laChildId, "Ann", "Example", LocalDate.of(2015, 6, 1), null,
            "F", "WBRI", null, null),
        new ContactRequest.ContactDetails(OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(5), "5A",
            "Nursery reports bruising"));
  }

  void note(String line) {
    String stamped = Instant.now() + " " + line;
    System.err.println(stamped);
    try {
      Files.createDirectories(log.getParent());
      Files.writeString(log, stamped + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      System.err.println("cannot write " + log + ": " + e);
    }
  }

  static String today() {
    return LondonTime.dateOf(Instant.now()).toString();
  }

  static Map<String, Object> assessmentValues(String outcome) {
    Map<String, Object> values = new HashMap<>();
    values.put("assessmentStartDate", today());
    values.put("childSeenDate", today());
    values.put("childSeenAlone", true);
    values.put("assessmentFactors", SpinValues.jsonValue("[\"1B\",\"3A\"]").create());
    values.put("worries", "Unexplained bruising");
    values.put("strengths", "Grandmother visits daily");
    values.put("safetyScale", 6L);
    values.put("assessmentOutcome", outcome);
    values.put("analysis", "No further action needed");
    return values;
  }

  static List<String> workers() {
    return List.of(WORKERS);
  }
}
