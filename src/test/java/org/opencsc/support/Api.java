package org.opencsc.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The public /api as another system calls it: HTTP Basic, JSON in and out. */
public class Api {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final TestRestTemplate rest;
  private final String user;

  public Api(TestRestTemplate rest, String user) {
    this.rest = rest;
    this.user = user;
  }

  public Reply post(String path, String body) {
    return exchange(HttpMethod.POST, path, body, MediaType.APPLICATION_JSON);
  }

  public Reply post(String path, String body, MediaType type) {
    return exchange(HttpMethod.POST, path, body, type);
  }

  public Reply put(String path, String body) {
    return exchange(HttpMethod.PUT, path, body, MediaType.APPLICATION_JSON);
  }

  public Reply get(String path) {
    return exchange(HttpMethod.GET, path, null, null);
  }

  private Reply exchange(HttpMethod method, String path, String body, MediaType type) {
    HttpHeaders headers = new HttpHeaders();
    if (user != null) {
      headers.setBasicAuth(user, user);
    }
    if (type != null) {
      headers.setContentType(type);
    }
    ResponseEntity<String> response = rest.exchange(path, method, new HttpEntity<>(body, headers), String.class);
    return new Reply(response.getStatusCode().value(), response.getBody());
  }

  public record Reply(int status, String body) {

    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (Exception e) {
        throw new AssertionError("Not JSON: " + body, e);
      }
    }
  }

  /** A valid contact, as the spec's example, for the given LA child id and received time. */
  public static String contact(String laChildId, String receivedAt) {
    return """
        {"child": {"laChildId": "%s", "firstName": "Ann", "lastName": "Example",
                   "dateOfBirth": "2015-06-01", "sex": "F", "ethnicity": "WBRI",
                   "upn": "A123456789012", "postcode": "CH41 1AA"},
         "contact": {"receivedAt": "%s", "source": "5A", "summary": "Nursery reports bruising"}}
        """.formatted(laChildId, receivedAt);
  }
}
