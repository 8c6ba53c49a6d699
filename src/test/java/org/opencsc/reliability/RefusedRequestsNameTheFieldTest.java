package org.opencsc.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencsc.support.Api;
import org.opencsc.support.JourneyTest;
import org.opencsc.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Requests refused before any controller sees them, and task completions with a variable the engine
 * cannot read, still answer a JSON error that names the part of the request at fault, and change
 * nothing.
 */
@JourneyTest
class RefusedRequestsNameTheFieldTest {

  @LocalServerPort int port;
  @Autowired TestRestTemplate rest;

  final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).build();
  String childId;

  @BeforeEach
  void aContact() {
    TestClock.setLondon("2026-11-27T10:30:00");
    Api.Reply contact = new Api(rest, "fiona").post("/api/contacts",
        Api.contact("R" + UUID.randomUUID().toString().replace("-", "").substring(0, 12), "2026-11-27T10:15:00Z"));
    assertThat(contact.status()).as(contact.body()).isEqualTo(201);
    childId = contact.json().get("childId").asText();
  }

  @Test
  void aPathTheSecurityFirewallRefusesGetsTheJsonErrorNamingThePath() throws Exception {
    for (String path : new String[] {"/api/children/" + childId + "%3Bjsessionid=x", "/api//children/" + childId,
        "/api/children/%2e%2e%3B/" + childId}) {
      HttpResponse<String> reply = send("GET", path, null, null);
      assertThat(reply.statusCode()).as(path + " → " + reply.body()).isEqualTo(400);
      assertThat(reply.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
      JsonNode error = HostileInput.JSON.readTree(reply.body());
      assertThat(error.get("status").asInt()).isEqualTo(400);
      assertThat(error.get("fieldErrors")).singleElement()
          .satisfies(field -> assertThat(field.get("field").asText()).isEqualTo("path"));
      assertThat(reply.body()).doesNotContain("jsessionid");
    }
  }

  @Test
  void aTaskCompletionWithAVariableTheEngineCannotReadNamesThatVariableAndLeavesTheTaskOpen() throws Exception {
    String taskId = new Api(rest, "fiona").get("/engine-rest/task?processInstanceBusinessKey=" + childId
        + "&taskDefinitionKey=Task_DecideOnContact").json().get(0).get("id").asText();
    String[][] cases = {
        // variable at fault, its JSON
        {"primaryNeed", "\"primaryNeed\": {\"value\": \"N1x\", \"type\": \"Integer\"}"},
        {"primaryNeed", "\"primaryNeed\": {\"value\": \"31/02/2026\", \"type\": \"Date\"}"},
        {"decisionReason", "\"decisionReason\": {\"value\": \"x\", \"type\": \"Foo\"}"},
        {"decisionReason", "\"decisionReason\": {\"value\": \"x\", \"type\": \"\"}"},
        {"decisionReason", "\"decisionReason\": \"Needs assessment\""},
        {"decisionReason", "\"decisionReason\": {\"value\": \"<x/>\", \"type\": \"Xml\"}"},
        {"primaryNeed", "\"primaryNeed\": {\"value\": 9223372036854775807}"},
        {"primaryNeed", "\"primaryNeed\": {\"value\": true, \"type\": \"Boolean\"}"},
    };
    for (String[] bad : cases) {
      String body = "{\"variables\": {\"contactOutcome\": {\"value\": \"NFA\", \"type\": \"String\"}, " + bad[1] + "}}";
      HttpResponse<String> reply = send("POST", "/engine-rest/task/" + taskId + "/complete", "application/json", body);
      assertThat(reply.statusCode()).as(body + " → " + reply.body()).isEqualTo(400);
      assertThat(reply.body()).as(body + " → " + reply.headers().map()).startsWith("{");
      JsonNode error = HostileInput.JSON.readTree(reply.body());
      assertThat(error.path("field").asText()).as(body + " → " + reply.body()).isEqualTo(bad[0]);
      assertThat(error.path("message").asText()).as(body + " → " + reply.body()).contains("'" + bad[0] + "'");
    }
    assertThat(new Api(rest, "fiona").get("/engine-rest/task/" + taskId).status())
        .as("the task is still open: nothing was completed").isEqualTo(200);
  }

  /**
   * Tomcat refuses a request line or headers over its limit (8 KB by default) while parsing them,
   * before any filter or servlet of the application runs; its error report valve answers instead.
   */
  @Test
  void requestsOverTomcatsSizeLimitGetTheJsonErrorNamingThePathOrTheHeader() throws Exception {
    HttpResponse<String> longPath = send("GET", "/api/children/" + "a".repeat(20_000), null, null);
    HttpResponse<String> longHeader = http.send(request("GET", "/api/children/" + childId, null, null)
        .header("X-Padding", "a".repeat(20_000)).build(), HttpResponse.BodyHandlers.ofString());
    assertNamesTheField(longPath, "path");
    assertNamesTheField(longHeader, "header");
  }

  private static void assertNamesTheField(HttpResponse<String> reply, String field) throws Exception {
    assertThat(reply.statusCode()).as(reply.body()).isEqualTo(400);
    assertThat(reply.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
    JsonNode error = HostileInput.JSON.readTree(reply.body());
    assertThat(error.get("status").asInt()).isEqualTo(400);
    assertThat(error.get("fieldErrors")).singleElement()
        .satisfies(f -> assertThat(f.get("field").asText()).isEqualTo(field));
  }

  private HttpResponse<String> send(String method, String path, String contentType, String body) throws Exception {
    return http.send(request(method, path, contentType, body).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder request(String method, String path, String contentType, String body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("fiona:fiona".getBytes(StandardCharsets.UTF_8)));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    return request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
  }
}
