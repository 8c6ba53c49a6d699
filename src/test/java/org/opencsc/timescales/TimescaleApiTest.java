package org.opencsc.timescales;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.opencsc.support.Api;
import org.opencsc.support.JourneyTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

@JourneyTest
class TimescaleApiTest {

  @Autowired TestRestTemplate rest;

  @Test
  void theCatalogueListsEveryTimescaleWithItsSource() {
    Api.Reply reply = new Api(rest, "sam").get("/api/timescales");
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().findValuesAsText("timescaleId")).contains(
        "CONTACT_DECISION", "ALLOCATION", "ASSESSMENT", "STRATEGY_DISCUSSION", "ICPC", "FIRST_CORE_GROUP",
        "CORE_GROUP", "CP_VISIT", "FIRST_RCPC", "RCPC", "CIN_PLAN_REVIEW", "CARE_PLAN",
        "PLACEMENT_NOTIFICATION", "FIRST_LAC_VISIT", "LAC_VISIT", "INITIAL_HEALTH_ASSESSMENT",
        "HEALTH_REVIEW", "PEP", "FIRST_LAC_REVIEW", "SECOND_LAC_REVIEW", "LAC_REVIEW",
        "PATHWAY_NEEDS_ASSESSMENT", "PATHWAY_PLAN_REVIEW", "PROCEEDINGS", "CASE_MANAGEMENT_HEARING",
        "INITIAL_ASSESSMENT", "CORE_ASSESSMENT");
    reply.json().forEach(t -> {
      assertThat(t.get("source").asText()).isNotBlank();
      assertThat(t.get("trigger").asText()).isNotBlank();
      assertThat(t.get("policy").asText()).isNotBlank();
      assertThat(t.get("unit").asText()).isNotBlank();
    });
  }

  @Test
  void thePractitionersCalculatorGivesTheContractsExample() {
    Api.Reply reply = new Api(rest, "sam").get("/api/timescales/ICPC/due?trigger=2026-12-23");
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().get("timescaleId").asText()).isEqualTo("ICPC");
    assertThat(reply.json().get("policy").asText()).isEqualTo("WT2023");
    assertThat(reply.json().get("triggerDate").asText()).isEqualTo("2026-12-23");
    assertThat(reply.json().get("dueDate").asText()).isEqualTo("2027-01-18");
  }

  @Test
  void healthReviewsAndVisitsTakeTheirParameters() {
    Api sam = new Api(rest, "sam");
    assertThat(sam.get("/api/timescales/HEALTH_REVIEW/due?trigger=2026-03-01&dateOfBirth=2023-01-01")
        .json().get("dueDate").asText()).isEqualTo("2026-09-01");
    assertThat(sam.get("/api/timescales/HEALTH_REVIEW/due?trigger=2026-03-01&dateOfBirth=2015-01-01")
        .json().get("dueDate").asText()).isEqualTo("2027-03-01");
    Api.Reply missing = sam.get("/api/timescales/HEALTH_REVIEW/due?trigger=2026-03-01");
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.json().get("fieldErrors").get(0).get("field").asText()).isEqualTo("dateOfBirth");
    assertThat(sam.get("/api/timescales/LAC_VISIT/due?trigger=2026-03-02&placementStart=2024-01-10&longTermPlacement=true")
        .json().get("dueDate").asText()).isEqualTo("2026-06-02");
  }

  @Test
  void datesOutsideTheSupportedYearsAndUnknownTimescalesAreRefused() {
    Api sam = new Api(rest, "sam");
    Api.Reply tooLate = sam.get("/api/timescales/ASSESSMENT/due?trigger=2031-01-02");
    assertThat(tooLate.status()).isEqualTo(400);
    assertThat(tooLate.json().get("fieldErrors").get(0).get("field").asText()).isEqualTo("trigger");
    assertThat(sam.get("/api/timescales/ASSESSMENT/due?trigger=2017-12-31").status()).isEqualTo(400);
    assertThat(sam.get("/api/timescales/ASSESSMENT/due?trigger=2018-01-01").status()).isEqualTo(200);
    assertThat(sam.get("/api/timescales/ASSESSMENT/due?trigger=2030-12-31").status()).isEqualTo(200);
    assertThat(sam.get("/api/timescales/ASSESSMENT/due?trigger=not-a-date").status()).isEqualTo(400);
    assertThat(sam.get("/api/timescales/ASSESSMENT/due").status()).isEqualTo(400);
    assertThat(sam.get("/api/timescales/NO_SUCH/due?trigger=2026-01-05").status()).isEqualTo(404);
  }
}
