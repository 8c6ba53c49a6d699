package org.opencsc.frontdoor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opencsc.support.Api;
import org.opencsc.support.JourneyTest;
import org.opencsc.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

@JourneyTest
class ContactApiTest {

  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;
  @Autowired RuntimeService runtime;

  Api fiona;

  @BeforeEach
  void setUp() {
    fiona = new Api(rest, "fiona");
    TestClock.setLondon("2026-11-27T11:00:00");
  }

  @Test
  void aContactStartsTheChildsJourneyWithADecisionDueNextWorkingDay() {
    String laChildId = newLaChildId();
    Api.Reply reply = fiona.post("/api/contacts", Api.contact(laChildId, "2026-11-27T10:15:00Z"));

    assertThat(reply.status()).isEqualTo(201);
    String childId = reply.json().get("childId").asText();
    String journeyId = reply.json().get("journeyId").asText();
    assertThat(reply.json().get("joinedExistingJourney").asBoolean()).isFalse();
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(journeyId)
        .processInstanceBusinessKey(childId).count()).isEqualTo(1);

    Api.Reply child = fiona.get("/api/children/" + childId);
    assertThat(child.status()).isEqualTo(200);
    assertThat(child.json().get("laChildId").asText()).isEqualTo(laChildId);
    assertThat(child.json().get("openTasks").get(0).get("taskDefinitionKey").asText())
        .isEqualTo("Task_DecideOnContact");

    Api.Reply deadlines = fiona.get("/api/children/" + childId + "/deadlines");
    assertThat(deadlines.status()).isEqualTo(200);
    assertThat(deadlines.json()).hasSize(1);
    assertThat(deadlines.json().get(0).get("timescaleId").asText()).isEqualTo("CONTACT_DECISION");
    assertThat(deadlines.json().get(0).get("policy").asText()).isEqualTo("WT2023");
    assertThat(deadlines.json().get(0).get("triggerDate").asText()).isEqualTo("2026-11-27");
    // Friday's contact: one working day later is Monday 30 November.
    assertThat(deadlines.json().get(0).get("dueDate").asText()).isEqualTo("2026-11-30");
    assertThat(deadlines.json().get(0).get("status").asText()).isEqualTo("OPEN");
    assertThat(deadlines.json().get(0).get("metDate").isNull()).isTrue();
  }

  @Test
  void aSecondContactAboutTheSameChildJoinsTheOpenJourney() {
    String laChildId = newLaChildId();
    Api.Reply first = fiona.post("/api/contacts", Api.contact(laChildId, "2026-11-27T10:15:00Z"));
    Api.Reply second = fiona.post("/api/contacts", Api.contact(laChildId, "2026-11-27T10:45:00Z"));

    assertThat(second.status()).isEqualTo(201);
    assertThat(second.json().get("joinedExistingJourney").asBoolean()).isTrue();
    assertThat(second.json().get("childId").asText()).isEqualTo(first.json().get("childId").asText());
    assertThat(second.json().get("journeyId").asText()).isEqualTo(first.json().get("journeyId").asText());
    String childId = first.json().get("childId").asText();
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("child-journey")
        .processInstanceBusinessKey(childId).count()).isEqualTo(1);
    assertThat(fiona.get("/api/children/" + childId + "/deadlines").json()).hasSize(2);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      missing child id          | "laChildId": "@ID@",          | "laChildId": null,                | child.laChildId
      date of birth in future   | "dateOfBirth": "2015-06-01"   | "dateOfBirth": "2027-01-01"       | child.dateOfBirth
      impossible date of birth  | "dateOfBirth": "2015-06-01"   | "dateOfBirth": "2015-13-01"       | child.dateOfBirth
      unknown ethnicity code    | "ethnicity": "WBRI"           | "ethnicity": "XXXX"               | child.ethnicity
      unknown sex code          | "sex": "F"                    | "sex": "Q"                        | child.sex
      unknown referral source   | "source": "5A"                | "source": "99"                    | contact.source
      contact in the future     | "receivedAt": "2026-11-27T10:15:00Z" | "receivedAt": "2026-11-28T10:15:00Z" | contact.receivedAt
      missing summary           | "summary": "Nursery reports bruising" | "summary": ""              | contact.summary
      malformed UPN             | "upn": "A123456789012"        | "upn": "I12"                      | child.upn
      """)
  void badInputIsRefusedNamingTheFieldAndNothingIsStored(String why, String good, String bad, String field) {
    String laChildId = newLaChildId();
    String body = Api.contact(laChildId, "2026-11-27T10:15:00Z")
        .replace("\"laChildId\": \"" + laChildId + "\",", "\"laChildId\": \"@ID@\",")
        .replace(good, bad).replace("@ID@", laChildId);
    long children = count("child");
    long contacts = count("contact");
    long journeys = runtime.createProcessInstanceQuery().count();

    Api.Reply reply = fiona.post("/api/contacts", body);

    assertThat(reply.status()).as(why + ": " + reply.body()).isEqualTo(400);
    assertThat(reply.json().get("status").asInt()).isEqualTo(400);
    assertThat(reply.json().get("error").asText()).isEqualTo("Bad Request");
    assertThat(reply.json().get("fieldErrors").findValuesAsText("field")).contains(field);
    assertThat(count("child")).isEqualTo(children);
    assertThat(count("contact")).isEqualTo(contacts);
    assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(journeys);
  }

  @Test
  void malformedJsonIsRefusedAndNothingIsStored() {
    long children = count("child");
    Api.Reply reply = fiona.post("/api/contacts", "{\"child\": {\"laChildId\": ");
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().get("fieldErrors").get(0).get("field").asText()).isEqualTo("body");
    assertThat(count("child")).isEqualTo(children);
  }

  @Test
  void wrongContentTypeIsRefused() {
    Api.Reply reply = fiona.post("/api/contacts", "laChildId=1", MediaType.TEXT_PLAIN);
    assertThat(reply.status()).isEqualTo(415);
  }

  @Test
  void anUnknownChildIsNotFound() {
    assertThat(fiona.get("/api/children/no-such-child").status()).isEqualTo(404);
    assertThat(fiona.get("/api/children/no-such-child/deadlines").status()).isEqualTo(404);
  }

  @Test
  void theApiIsClosedWithoutLogin() {
    Api anonymous = new Api(rest, null);
    assertThat(anonymous.post("/api/contacts", Api.contact(newLaChildId(), "2026-11-27T10:15:00Z")).status())
        .isEqualTo(401);
    assertThat(anonymous.get("/api/timescales").status()).isEqualTo(401);
    assertThat(anonymous.get("/engine-rest/task").status()).isEqualTo(401);
    assertThat(new Api(rest, "nobody").get("/api/timescales").status()).isEqualTo(401);
  }

  private long count(String table) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
  }

  static String newLaChildId() {
    return "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }
}
