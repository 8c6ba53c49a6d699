package org.opencsc.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencsc.support.TestPostgres;
import org.opencsc.support.Api;

/**
 * PostgreSQL is restarted while contacts keep arriving: the application (its own JVM, profile
 * {@code postgres}) recovers by itself — contacts are accepted again without restarting the
 * application — and every contact it confirmed before, during or after the restart is there. While
 * the database is away, /api answers 503 ("try again shortly"), never 500.
 *
 * <p>Uses the database of {@code CSC_TEST_POSTGRES_URL} (set by {@code .ci/run}) and restarts its
 * cluster with {@code pg_ctlcluster}, so it needs root on a machine whose PostgreSQL is only for
 * tests. Skipped without them on a developer's machine; fails under {@code CI=true}.
 */
class PostgresRestartUnderLoadTest {

  TestPostgres postgres;
  String clusterVersion;

  @TempDir Path workDir;

  @BeforeEach
  void postgresThatTheTestMayRestart() throws Exception {
    postgres = TestPostgres.fromEnvironment("the PostgreSQL restart test");
    if (!Files.isExecutable(Path.of("/usr/bin/pg_ctlcluster")) || !"root".equals(System.getProperty("user.name"))) {
      if (TestPostgres.onCi()) {
        fail("CI=true but PostgreSQL cannot be restarted here (pg_ctlcluster? root?)");
      }
      assumeTrue(false, "PostgreSQL restart test needs pg_ctlcluster and root (run .ci/run)");
    }
    try (var versions = Files.list(Path.of("/etc/postgresql"))) {
      clusterVersion = versions.map(p -> p.getFileName().toString()).max((a, b) -> Integer.compare(
          Integer.parseInt(a.replaceAll("\\D", "0")), Integer.parseInt(b.replaceAll("\\D", "0")))).orElseThrow();
    }
    postgres.emptied();
  }

  @Test
  void theApplicationRecoversByItselfAndKeepsEveryConfirmedContact() throws Exception {
    try (AppProcess app = AppProcess.start(workDir, "postgres-restart", "postgres,demo", Map.of(
        "CSC_DB_URL", postgres.url(), "CSC_DB_USER", postgres.user(), "CSC_DB_PASSWORD", postgres.password()))) {
      List<String> confirmed = new CopyOnWriteArrayList<>();
      List<Integer> statuses = new CopyOnWriteArrayList<>();
      List<String> unexpected = new CopyOnWriteArrayList<>();
      AtomicBoolean stop = new AtomicBoolean();
      ExecutorService sender = Executors.newSingleThreadExecutor();
      Future<?> sending = sender.submit(() -> {
        while (!stop.get()) {
          try {
            HttpResponse<String> reply = app.post("fiona", "/api/contacts", contact());
            statuses.add(reply.statusCode());
            if (reply.statusCode() >= 500 && reply.statusCode() != 503) {
              unexpected.add(reply.statusCode() + " " + reply.body());
            }
            if (reply.statusCode() == 201) {
              confirmed.add(HostileInput.JSON.readTree(reply.body()).get("childId").asText());
            }
          } catch (java.io.IOException e) {
            statuses.add(-1);
          }
        }
        return null;
      });
      awaitConfirmed(confirmed, 5);

      Process restart = new ProcessBuilder("pg_ctlcluster", clusterVersion, "main", "restart")
          .redirectErrorStream(true).start();
      assertThat(restart.waitFor(120, TimeUnit.SECONDS)).as("pg_ctlcluster restart finished").isTrue();
      assertThat(restart.exitValue()).as(new String(restart.getInputStream().readAllBytes())).isZero();
      int confirmedWhenPostgresWasBack = confirmed.size();

      awaitConfirmed(confirmed, confirmedWhenPostgresWasBack + 10);
      stop.set(true);
      sending.get(60, TimeUnit.SECONDS);
      sender.shutdownNow();

      int lost = 0;
      for (String childId : confirmed) {
        HttpResponse<String> child = app.get("fiona", "/api/children/" + childId);
        JsonNode view = child.statusCode() == 200 ? HostileInput.JSON.readTree(child.body()) : null;
        if (view == null || !view.get("journeyOpen").asBoolean()) {
          lost++;
        }
      }
      Map<Integer, Integer> byStatus = new TreeMap<>();
      statuses.forEach(s -> byStatus.merge(s, 1, Integer::sum));
      System.out.printf("[postgres restart] contacts sent: %d by status %s (-1 = connection failed); confirmed: %d;"
          + " records lost: %d%n", statuses.size(), byStatus, confirmed.size(), lost);
      assertThat(lost).as("confirmed contacts missing after the restart").isZero();
      assertThat(byStatus.keySet()).as("while PostgreSQL was down /api answered 503 (try again), never another 5xx: "
          + unexpected + "\n" + app.errorLines())
          .allMatch(status -> status < 500 || status == 503);
    }
  }

  private static void awaitConfirmed(List<String> confirmed, int count) throws InterruptedException {
    long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (confirmed.size() < count && System.nanoTime() < giveUp) {
      Thread.sleep(100);
    }
    assertThat(confirmed).as("contacts accepted (the application recovered by itself)").hasSizeGreaterThanOrEqualTo(count);
  }

  private static String contact() {
    String laChildId = "P" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    return Api.contact(laChildId, Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString());
  }
}
