package org.opencsc.frontdoor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opencsc.children.ChildRepository;
import org.opencsc.support.Api;
import org.opencsc.support.JourneyTest;
import org.opencsc.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/** The CIN census characteristics a contact records: the child's disabilities and why a UPN is not known. */
@JourneyTest
class ChildCharacteristicsTest {

  private static final String UPN = "\"upn\": \"A123456789012\"";
  private static final String POSTCODE = "\"postcode\": \"CH41 1AA\"";

  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;
  @Autowired RuntimeService runtime;
  @Autowired ChildRepository children;

  Api fiona;

  @BeforeEach
  void setUp() {
    fiona = new Api(rest, "fiona");
    TestClock.setLondon("2026-11-27T11:00:00");
  }

  @Test
  void aNewChildsDisabilitiesAndUpnUnknownReasonAreRecorded() {
    String laChildId = newLaChildId();
    String body = Api.contact(laChildId, "2026-11-27T10:15:00Z")
        .replace(UPN, "\"upnUnknown\": \"UN1\"")
        .replace(POSTCODE, POSTCODE + ", \"disabilities\": [\"VIS\", \"MOB\", \"VIS\"]");

    Api.Reply reply = fiona.post("/api/contacts", body);

    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    String childId = reply.json().get("childId").asText();
    assertThat(children.disabilitiesOf(childId)).containsExactly("MOB", "VIS");
    assertThat(children.findById(childId).orElseThrow().upnUnknown()).isEqualTo("UN1");
  }

  @Test
  void aLaterContactReplacesTheDisabilitiesItStatesAndKeepsWhatItLeavesOut() {
    String laChildId = newLaChildId();
    String first = Api.contact(laChildId, "2026-11-27T10:15:00Z")
        .replace(UPN, "\"upnUnknown\": \"UN4\"")
        .replace(POSTCODE, POSTCODE + ", \"disabilities\": [\"NONE\"]");
    String childId = fiona.post("/api/contacts", first).json().get("childId").asText();

    String second = Api.contact(laChildId, "2026-11-27T10:45:00Z")
        .replace(UPN, "\"upn\": null")
        .replace(POSTCODE, POSTCODE + ", \"disabilities\": [\"AUT\", \"COMM\"]");
    assertThat(fiona.post("/api/contacts", second).status()).isEqualTo(201);
    assertThat(children.disabilitiesOf(childId)).containsExactly("COMM", "AUT");
    assertThat(children.findById(childId).orElseThrow().upnUnknown()).isEqualTo("UN4");

    String third = Api.contact(laChildId, "2026-11-27T10:50:00Z").replace(UPN, "\"upnUnknown\": \"UN2\"");
    assertThat(fiona.post("/api/contacts", third).status()).isEqualTo(201);
    assertThat(children.disabilitiesOf(childId)).containsExactly("COMM", "AUT");
    assertThat(children.findById(childId).orElseThrow().upnUnknown()).isEqualTo("UN2");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      unknown disability code      | "disabilities": ["MOB", "XYZ"]   | child.disabilities
      NONE with a disability       | "disabilities": ["NONE", "HEAR"] | child.disabilities
      null disability code         | "disabilities": [null]           | child.disabilities
      unknown UPN-unknown reason   | "upnUnknown": "UN9"              | child.upnUnknown
      UPN-unknown reason with UPN  | "upnUnknown": "UN1"              | child.upnUnknown
      former UPN not a UPN         | "formerUpn": "12345"             | child.formerUpn
      former UPN same as the UPN   | "formerUpn": "A123456789012"     | child.formerUpn
      """)
  void badCharacteristicsAreRefusedNamingTheFieldAndNothingIsStored(String why, String bad, String field) {
    String body = Api.contact(newLaChildId(), "2026-11-27T10:15:00Z").replace(POSTCODE, POSTCODE + ", " + bad);
    long children = count("child");
    long disabilities = count("child_disability");
    long contacts = count("contact");
    long journeys = runtime.createProcessInstanceQuery().count();

    Api.Reply reply = fiona.post("/api/contacts", body);

    assertThat(reply.status()).as(why + ": " + reply.body()).isEqualTo(400);
    assertThat(reply.json().get("fieldErrors").findValuesAsText("field")).contains(field);
    assertThat(count("child")).isEqualTo(children);
    assertThat(count("child_disability")).isEqualTo(disabilities);
    assertThat(count("contact")).isEqualTo(contacts);
    assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(journeys);
  }

  @Test
  void aReasonForAnUnknownUpnIsRefusedForAKnownChildWithAUpnAndNothingIsStored() {
    String laChildId = newLaChildId();
    String childId = fiona.post("/api/contacts", Api.contact(laChildId, "2026-11-27T10:15:00Z"))
        .json().get("childId").asText();
    String later = Api.contact(laChildId, "2026-11-27T10:45:00Z")
        .replace(UPN, "\"upnUnknown\": \"UN2\"")
        .replace(POSTCODE, POSTCODE + ", \"disabilities\": [\"LD\"]");
    long contacts = count("contact");

    Api.Reply reply = fiona.post("/api/contacts", later);

    assertThat(reply.status()).as(reply.body()).isEqualTo(400);
    assertThat(reply.json().get("fieldErrors").findValuesAsText("field")).contains("child.upnUnknown");
    assertThat(count("contact")).isEqualTo(contacts);
    assertThat(children.disabilitiesOf(childId)).isEmpty();
    assertThat(children.findById(childId).orElseThrow().upnUnknown()).isNull();
  }

  private long count(String table) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
  }

  static String newLaChildId() {
    return "K" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }
}
