package org.opencsc.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Tasklist asks the engine REST API when a worker opens a filter: the first page of the
 * filter's tasks as HAL (with the filter's variables and the total count embedded), and the
 * filter's count for the badge (the shared filters refresh). Addressed to the engine by name, as
 * Tasklist does.
 */
class TasklistRequests {

  static final int PAGE = 15;
  private static final Pattern COUNT = Pattern.compile("\"count\"\\s*:\\s*(\\d+)");

  record Timed(double listMillis, double countMillis, long count) {
    double pageMillis() {
      return listMillis + countMillis;
    }
  }

  private final HttpClient http = HttpClient.newHttpClient();
  private final String base;

  TasklistRequests(int port, String engineName) {
    this.base = "http://localhost:" + port + "/engine-rest/engine/" + engineName;
  }

  Timed open(String user, String filterId) throws Exception {
    String auth = "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    HttpRequest list = HttpRequest.newBuilder(URI.create(base + "/filter/" + filterId
            + "/list?firstResult=0&maxResults=" + PAGE))
        .header("Authorization", auth)
        .header("Accept", "application/hal+json")
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(
            "{\"sorting\":[{\"sortBy\":\"dueDate\",\"sortOrder\":\"asc\"}]}"))
        .build();
    HttpRequest count = HttpRequest.newBuilder(URI.create(base + "/filter/" + filterId + "/count"))
        .header("Authorization", auth)
        .header("Accept", "application/json")
        .GET()
        .build();
    long start = System.nanoTime();
    HttpResponse<String> listed = http.send(list, HttpResponse.BodyHandlers.ofString());
    long middle = System.nanoTime();
    HttpResponse<String> counted = http.send(count, HttpResponse.BodyHandlers.ofString());
    long end = System.nanoTime();
    check(listed, user);
    check(counted, user);
    return new Timed((middle - start) / 1e6, (end - middle) / 1e6, countIn(counted.body()));
  }

  private static void check(HttpResponse<String> response, String user) {
    if (response.statusCode() != 200) {
      throw new IllegalStateException(user + ": HTTP " + response.statusCode() + " " + response.body());
    }
  }

  private static long countIn(String body) {
    Matcher matcher = COUNT.matcher(body);
    if (!matcher.find()) {
      throw new IllegalStateException("no count in " + body);
    }
    return Long.parseLong(matcher.group(1));
  }
}
