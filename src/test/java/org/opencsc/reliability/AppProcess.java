package org.opencsc.reliability;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.opencsc.CaseJourneysApplication;

/**
 * The application in a JVM of its own, started as an operator would (default H2 file database, its
 * directory given by CSC_DATA_DIR), so the test can kill it like a crash does: SIGKILL, no shutdown.
 */
final class AppProcess implements AutoCloseable {

  private final Process process;
  private final Path log;
  final String baseUrl;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();

  private AppProcess(Process process, Path log, int port) {
    this.process = process;
    this.log = log;
    this.baseUrl = "http://127.0.0.1:" + port;
  }

  /** The default deployment: embedded H2 in file mode under {@code dataDir}, demo users. */
  static AppProcess start(Path dataDir, String name) throws IOException, InterruptedException {
    return start(dataDir, name, "demo", java.util.Map.of("CSC_DATA_DIR", dataDir.toAbsolutePath().toString()));
  }

  /** With the given Spring profiles and environment (e.g. CSC_DB_URL for profile postgres); logs under {@code workDir}. */
  static AppProcess start(Path workDir, String name, String profiles, java.util.Map<String, String> environment)
      throws IOException, InterruptedException {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    // Surefire may run tests from a manifest-only jar; its real class path is in this property.
    String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-XX:TieredStopAtLevel=1",
        "-cp", classPath, CaseJourneysApplication.class.getName(),
        "--server.port=" + port, "--server.address=127.0.0.1", "--spring.profiles.active=" + profiles,
        "--spring.main.banner-mode=off"));
    Path log = workDir.resolve(name + ".log");
    // Run in the temporary directory: the deployment scan (classpath*:**/*.bpmn) must not pick up
    // anything from the checkout's working directory.
    ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
        .redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().putAll(environment);
    AppProcess app = new AppProcess(builder.start(), log, port);
    app.awaitReady(Duration.ofMinutes(4));
    return app;
  }

  private void awaitReady(Duration timeout) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("The application stopped while starting:\n" + logTail());
      }
      try {
        if (get("fiona", "/api/timescales").statusCode() == 200) {
          return;
        }
      } catch (IOException notYetListening) {
        // still starting
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException("The application did not start in " + timeout + ":\n" + logTail());
  }

  HttpResponse<String> get(String user, String path) throws IOException, InterruptedException {
    return http.send(request(user, path).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> post(String user, String path, String json) throws IOException, InterruptedException {
    return http.send(request(user, path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder request(String user, String path) {
    return HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60))
        .header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
  }

  /** kill -9: the JVM gets no chance to flush, close the database or finish requests. */
  void killHard() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  /** The application's ERROR lines and exception causes, to say why a request failed. */
  String errorLines() {
    try {
      return String.join("\n", Files.readAllLines(log).stream()
          .filter(line -> line.contains(" ERROR ") || line.startsWith("Caused by") || line.contains("Exception:"))
          .limit(40).toList());
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  String logTail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
        killHard();
      }
    }
  }
}
