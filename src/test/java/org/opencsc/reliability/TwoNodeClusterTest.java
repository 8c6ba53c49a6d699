package org.opencsc.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencsc.support.TestPostgres;
import org.opencsc.support.Api;

/**
 * Camunda's own cluster mode: two application nodes (each its own JVM, profiles
 * {@code postgres,demo,cluster}) on one PostgreSQL, the job executor running on both. Contacts that
 * arrived long ago come in through both nodes, so the warning, breach and second-escalation timers of
 * their decision deadlines are already due and both nodes fire them. Node A is killed with SIGKILL in
 * the middle; node B finishes everything: every due timer fired exactly once, one breach task and one
 * service manager review per deadline, every confirmed contact there with its journey, no incident.
 *
 * <p>PostgreSQL from {@code CSC_TEST_POSTGRES_*} (set by {@code .ci/run}); skipped without it on a
 * developer's machine, fails under {@code CI=true}. Like the other PostgreSQL tests it starts from an
 * empty {@code public} schema, so node A sets the database up and node B joins it. The database is
 * still shared with whatever else runs on it, so every check is limited to the children of this run:
 * their {@code laChildId} starts with a prefix of its own.
 */
class TwoNodeClusterTest {

  /** Received on a Monday long ago: its decision was due the next day and is now long overdue. */
  private static final String RECEIVED_LONG_AGO = "2025-03-03T10:00:00Z";
  private static final List<String> WATCH_TIMERS =
      List.of("TimerEvent_WarningDue", "TimerEvent_DeadlineBreached", "TimerEvent_StillOverdue");
  private static final int JOB_SUCCESSFUL = 2;
  private static final long LOCK_TIME_MILLIS = 10_000;
  /** This run's children, and every process instance of theirs (the business key is the child's id). */
  private static final String CHILD_IDS = "SELECT id FROM child WHERE la_child_id LIKE ?";
  private static final String MINE = "SELECT id_ FROM act_hi_procinst WHERE business_key_ IN (" + CHILD_IDS + ")";

  TestPostgres postgres;
  final String prefix = "CL" + UUID.randomUUID().toString().replace("-", "").substring(0, 6).toUpperCase();
  final AtomicInteger sequence = new AtomicInteger();

  @TempDir Path workDir;

  @BeforeEach
  void postgresFromTheEnvironment() throws SQLException {
    postgres = TestPostgres.fromEnvironment("the two-node cluster test").emptied();
  }

  @Test
  void bothNodesRunTheTimersAndWhenOneIsKilledTheOtherFinishesEverythingExactlyOnce() throws Exception {
    // One node first: it creates or updates the schema and deploys; the second finds both done.
    AppProcess nodeA = node("node-a");
    AppProcess nodeB = null;
    try {
      nodeB = node("node-b");
      List<String> confirmed = new CopyOnWriteArrayList<>();
      List<String> unexpected = new CopyOnWriteArrayList<>();
      AtomicBoolean stopB = new AtomicBoolean();
      ExecutorService senders = Executors.newFixedThreadPool(2);
      // Another system sends contacts through a load balancer: half reach each node.
      Future<?> toA = senders.submit(() -> sendContacts(nodeA, confirmed, unexpected, new AtomicBoolean()));
      AppProcess b = nodeB;
      Future<?> toB = senders.submit(() -> sendContacts(b, confirmed, unexpected, stopB));

      awaitTrue("both nodes have fired timers of this run's contacts", 120, () ->
          confirmed.size() >= 20 && successesByNode().getOrDefault("node-a", 0L) >= 5
              && successesByNode().getOrDefault("node-b", 0L) >= 5);
      Map<String, Long> beforeKill = successesByNode();
      nodeA.killHard();
      // Taken after node A is gone: every job log entry written later is another node's.
      Timestamp killedAt = new Timestamp(System.currentTimeMillis());
      List<String> lockedWhenKilled = strings("SELECT id_ FROM act_ru_job WHERE lock_owner_ IS NOT NULL"
          + " AND process_instance_id_ IN (" + MINE + ")", like());
      long dueWhenKilled = dueJobs();
      toA.get(60, TimeUnit.SECONDS);

      int confirmedAtKill = confirmed.size();
      awaitTrue("node B keeps taking contacts", 60, () -> confirmed.size() >= confirmedAtKill + 10);
      stopB.set(true);
      toB.get(60, TimeUnit.SECONDS);
      senders.shutdownNow();

      awaitTrue("node B has fired every due timer of this run", 60 + LOCK_TIME_MILLIS / 1000, () ->
          dueJobs() == 0 && count("SELECT count(*) FROM act_ru_task WHERE task_def_key_ = 'Task_ReviewOverdueWork'"
              + " AND proc_inst_id_ IN (" + MINE + ")", like()) == children().size());

      Map<String, Long> afterKill = successesByNode("timestamp_ > ?", killedAt);
      Map<String, Long> lockedThenRunBy = counts("SELECT hostname_, count(*) FROM act_hi_job_log"
          + " WHERE job_state_ = ? AND job_id_ = ANY(?) GROUP BY hostname_", JOB_SUCCESSFUL,
          lockedWhenKilled.toArray(String[]::new));
      System.out.printf("[two nodes] contacts confirmed: %d (%d before the kill), children created: %d;"
          + " jobs run before the kill %s, after it %s; due jobs when node A died: %d, of them locked: %d,"
          + " later run by %s%n", confirmed.size(), confirmedAtKill, children().size(), beforeKill, afterKill,
          dueWhenKilled, lockedWhenKilled.size(), lockedThenRunBy);

      assertThat(unexpected).as("contacts refused by a live node").isEmpty();
      assertThat(beforeKill).as("timers fired by each node before the kill (job log hostname)")
          .containsKeys("node-a", "node-b");
      assertThat(afterKill.keySet()).as("after the kill only node B fires timers").containsOnly("node-b");
      assertThat(lockedThenRunBy.keySet()).as("jobs still locked when node A was gone were run by node B")
          .isSubsetOf("node-b");
      everyConfirmedContactHasItsJourney(nodeB, confirmed);
      everyDueTimerFiredExactlyOnce(lockedWhenKilled);
      oneBreachAndOneEscalationPerDeadline();
      assertThat(count("SELECT count(*) FROM act_hi_incident WHERE proc_inst_id_ IN (" + MINE + ")", like()))
          .as("incidents in this run's processes").isZero();
    } finally {
      nodeA.close();
      if (nodeB != null) {
        nodeB.close();
      }
    }
  }

  private AppProcess node(String name) throws IOException, InterruptedException {
    return AppProcess.start(workDir, name, "postgres,demo,cluster", Map.of(
        "CSC_DB_URL", postgres.url(), "CSC_DB_USER", postgres.user(), "CSC_DB_PASSWORD", postgres.password(),
        "CSC_NODE_NAME", name,
        "CSC_JOB_LOCK_TIME_MILLIS", String.valueOf(LOCK_TIME_MILLIS),
        // An idle executor polls every 1-2 s instead of backing off to a minute, so the test is short.
        "CAMUNDA_BPM_JOBEXECUTION_WAITTIMEINMILLIS", "1000",
        "CAMUNDA_BPM_JOBEXECUTION_MAXWAIT", "2000"));
  }

  private Void sendContacts(AppProcess node, List<String> confirmed, List<String> unexpected, AtomicBoolean stop)
      throws Exception {
    while (!stop.get()) {
      String laChildId = prefix + String.format("%05d", sequence.incrementAndGet());
      HttpResponse<String> reply;
      try {
        reply = node.post("fiona", "/api/contacts", Api.contact(laChildId, RECEIVED_LONG_AGO));
      } catch (IOException nodeKilled) {
        return null;
      }
      if (reply.statusCode() == 201) {
        confirmed.add(HostileInput.JSON.readTree(reply.body()).get("childId").asText());
      } else {
        unexpected.add(reply.statusCode() + " " + reply.body());
      }
    }
    return null;
  }

  private void everyConfirmedContactHasItsJourney(AppProcess survivor, List<String> confirmed) throws Exception {
    List<String> missing = new ArrayList<>();
    for (String childId : confirmed) {
      HttpResponse<String> reply = survivor.get("fiona", "/api/children/" + childId);
      JsonNode view = reply.statusCode() == 200 ? HostileInput.JSON.readTree(reply.body()) : null;
      if (view == null || !view.get("journeyOpen").asBoolean()) {
        missing.add(childId + " " + reply.statusCode());
      }
    }
    assertThat(missing).as("contacts confirmed with 201 but missing or without an open journey").isEmpty();
    assertThat(children()).as("children of this run in the database").containsAll(confirmed);
  }

  /** One watch per deadline, each watch's three timers ran once, no job ran twice, nothing is due. */
  private void everyDueTimerFiredExactlyOnce(List<String> lockedWhenKilled) throws SQLException {
    List<String> children = children();
    assertThat(dueJobs()).as("due jobs left").isZero();
    assertThat(strings("SELECT job_id_ FROM act_hi_job_log WHERE job_state_ = ? AND process_instance_id_ IN ("
        + MINE + ") GROUP BY job_id_ HAVING count(*) > 1", JOB_SUCCESSFUL, like()))
        .as("jobs that succeeded more than once").isEmpty();
    for (String jobId : lockedWhenKilled) {
      assertThat(count("SELECT count(*) FROM act_hi_job_log WHERE job_id_ = ? AND job_state_ = ?", jobId,
          JOB_SUCCESSFUL)).as("job %s, locked when node A died, ran exactly once", jobId).isEqualTo(1);
    }
    Map<String, Long> watches = counts("SELECT business_key_, count(*) FROM act_hi_procinst"
        + " WHERE proc_def_key_ = 'deadline-watch' AND business_key_ IN (" + CHILD_IDS + ") GROUP BY business_key_",
        like());
    Map<String, Long> deadlines = counts("SELECT child_id, count(*) FROM deadline WHERE child_id IN (" + CHILD_IDS
        + ") GROUP BY child_id", like());
    assertThat(watches.keySet()).as("children with a deadline watch").containsExactlyInAnyOrderElementsOf(children);
    assertThat(watches).as("deadline watches per child: one per deadline, none started twice").isEqualTo(deadlines);
    for (String timer : WATCH_TIMERS) {
      Map<String, Long> fired = counts("SELECT p.business_key_, count(*) FROM act_hi_job_log l"
          + " JOIN act_hi_procinst p ON p.id_ = l.process_instance_id_ WHERE l.job_state_ = ? AND l.act_id_ = ?"
          + " AND p.business_key_ IN (" + CHILD_IDS + ") GROUP BY p.business_key_", JOB_SUCCESSFUL, timer, like());
      assertThat(fired.keySet()).as("children whose %s fired", timer).containsExactlyInAnyOrderElementsOf(children);
      assertThat(fired.values()).as("times %s fired per child", timer).containsOnly(1L);
    }
  }

  /** The deadline record and the managers' tasks: one breach, one reason task, one review per deadline. */
  private void oneBreachAndOneEscalationPerDeadline() throws SQLException {
    List<String> children = children();
    Map<String, Long> breached = counts("SELECT child_id, count(*) FROM deadline WHERE child_id IN (" + CHILD_IDS
        + ") AND timescale_id = 'CONTACT_DECISION' AND status = 'BREACHED' AND warned_at IS NOT NULL"
        + " AND breached_at IS NOT NULL GROUP BY child_id", like());
    assertThat(breached.keySet()).as("children whose contact decision is recorded breached")
        .containsExactlyInAnyOrderElementsOf(children);
    assertThat(count("SELECT count(*) FROM deadline WHERE child_id IN (" + CHILD_IDS + ")"
        + " AND timescale_id = 'CONTACT_DECISION'", like()))
        .as("contact decision deadlines of this run (one per contact)").isEqualTo(children.size());
    for (String task : List.of("Task_RecordBreachReasonAndPlan", "Task_ReviewOverdueWork")) {
      Map<String, Long> tasks = counts("SELECT p.business_key_, count(*) FROM act_hi_taskinst t"
          + " JOIN act_hi_procinst p ON p.id_ = t.proc_inst_id_ WHERE t.task_def_key_ = ?"
          + " AND p.business_key_ IN (" + CHILD_IDS + ") GROUP BY p.business_key_", task, like());
      assertThat(tasks.keySet()).as("children with %s", task).containsExactlyInAnyOrderElementsOf(children);
      assertThat(tasks.values()).as("%s tasks per child", task).containsOnly(1L);
    }
  }

  private String like() {
    return prefix + "%";
  }

  private List<String> children() throws SQLException {
    return strings(CHILD_IDS, like());
  }

  private long dueJobs() throws SQLException {
    // Camunda writes local timestamps; this JVM and the nodes share the machine's time zone.
    return count("SELECT count(*) FROM act_ru_job WHERE process_instance_id_ IN (" + MINE + ")"
        + " AND (duedate_ IS NULL OR duedate_ <= ?)", like(), new Timestamp(System.currentTimeMillis()));
  }

  private Map<String, Long> successesByNode() throws SQLException {
    return successesByNode("1 = 1");
  }

  private Map<String, Long> successesByNode(String condition, Object... arguments) throws SQLException {
    List<Object> all = new ArrayList<>(List.of(JOB_SUCCESSFUL));
    all.addAll(List.of(arguments));
    all.add(like());
    return counts("SELECT hostname_, count(*) FROM act_hi_job_log WHERE job_state_ = ? AND " + condition
        + " AND process_instance_id_ IN (" + MINE + ") GROUP BY hostname_", all.toArray());
  }

  private long count(String sql, Object... arguments) throws SQLException {
    return query(sql, arguments, rs -> rs.getLong(1)).get(0);
  }

  private List<String> strings(String sql, Object... arguments) throws SQLException {
    return query(sql, arguments, rs -> rs.getString(1));
  }

  private Map<String, Long> counts(String sql, Object... arguments) throws SQLException {
    Map<String, Long> counts = new TreeMap<>();
    query(sql, arguments, rs -> counts.put(String.valueOf(rs.getString(1)), rs.getLong(2)));
    return counts;
  }

  private interface Row<T> {
    T read(ResultSet rs) throws SQLException;
  }

  private <T> List<T> query(String sql, Object[] arguments, Row<T> row) throws SQLException {
    try (Connection connection = postgres.connect();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < arguments.length; i++) {
        statement.setObject(i + 1, arguments[i]);
      }
      List<T> rows = new ArrayList<>();
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          rows.add(row.read(rs));
        }
      }
      return rows;
    }
  }

  private interface Condition {
    boolean holds() throws Exception;
  }

  private static void awaitTrue(String what, long seconds, Condition condition) throws Exception {
    long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < giveUp) {
      if (condition.holds()) {
        return;
      }
      Thread.sleep(500);
    }
    fail("Timed out after " + seconds + " s waiting until " + what);
  }
}
