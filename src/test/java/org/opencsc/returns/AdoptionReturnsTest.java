package org.opencsc.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencsc.returns.ReturnDocuments.cells;
import static org.opencsc.returns.ReturnDocuments.rows;
import static org.opencsc.returns.ReturnDocuments.rowsOf;
import static org.opencsc.returns.ReturnDocuments.unzip;

import java.io.ByteArrayInputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.opencsc.support.Api;
import org.opencsc.support.JourneyDriver;
import org.opencsc.support.JourneyTest;
import org.opencsc.support.TestChildren;
import org.opencsc.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * SSDA903 AD1 and PlacedAdoption and Annex A list 10 for looked-after children driven through the
 * looked-after and adoption models, downloaded as a service manager does (collection year 2027:
 * 1 April 2026 to 31 March 2027).
 */
@JourneyTest
class AdoptionReturnsTest {

  @Autowired ProcessEngine engine;
  @Autowired JourneyDriver driver;
  @Autowired TestChildren children;
  @Autowired JdbcTemplate jdbc;
  @Autowired TestRestTemplate rest;

  @Test
  void aChildAdoptedInTheYearHasAd1PlacedAdoptionAnAdoptionEpisodeAndAnAnnexARow() throws Exception {
    TestClock.setLondon("2026-05-04T10:00:00");
    String adopted = lookedAfterChild();
    String reversed = lookedAfterChild();
    TestClock.setLondon("2026-06-01T10:00:00");
    decideToPlace(adopted);
    decideToPlace(reversed);

    // the court makes a placement order: the child's legal status becomes E1
    TestClock.setLondon("2026-07-01T10:00:00");
    assertThat(new Api(rest, "carl").post("/api/children/" + adopted + "/looked-after/changes",
        "{\"change\": \"LEGAL_STATUS_CHANGED\"}").status()).isEqualTo(201);
    driver.complete("carl", adopted, "Task_RecordLegalStatusChange", Map.of("legalStatusChangeDate", "2026-07-01",
        "newLegalStatus", "E1", "placementChangedToo", "NO"));

    TestClock.setLondon("2026-08-03T10:00:00");
    driver.complete("carl", adopted, "Task_RecordMatch", Map.of("matchOutcome", "MATCHED", "matchDate", "2026-08-03",
        "numberOfAdopters", "2", "sexOfAdopters", "MF", "adoptersLegalStatus", "L11", "fosterCarersAdopting", false));
    driver.complete("tina", adopted, "Task_SignOffMatch", Map.of("signOffDecision", "APPROVE"));

    TestClock.setLondon("2026-09-01T10:00:00");
    driver.complete("carl", adopted, "Task_RecordPlacementForAdoption", Map.of("placementOutcome", "PLACED",
        "datePlacedForAdoption", "2026-09-01", "placementAuthority", "PLACEMENT_ORDER",
        "placementOrderDate", "2026-07-01"));
    driver.complete("carl", adopted, "Task_RecordPlacementChange", Map.of("placementProvider", "PR1",
        "placementPostcode", "CH41 3CC", "longTermPlacement", false));

    TestClock.setLondon("2026-10-01T10:00:00");
    driver.complete("carl", reversed, "Task_RecordMatch", Map.of("matchOutcome", "NO_LONGER_TO_BE_PLACED",
        "decisionReversedDate", "2026-10-01", "reasonNoLongerPlaced", "RD3"));

    // the adoption order; care ends through the looked-after model with the same reason
    TestClock.setLondon("2027-01-15T10:00:00");
    driver.complete("carl", adopted, "Task_RecordAdoptionOutcome", Map.of("adoptionOutcome", "ADOPTION_ORDER",
        "adoptionOrderDate", "2027-01-15", "reasonCareCeased", "E11"));
    driver.complete("ian", adopted, "Task_ChairLookedAfterReview", Map.of("reviewDate", "2027-01-15",
        "reviewCode", "PN1", "lacReviewOutcome", "CEASE", "reviewRecommendations", "Adoption order made"));
    driver.complete("carl", adopted, "Task_CeaseCare", Map.of("ceaseDate", "2027-01-15", "reasonEpisodeCeased", "E11",
        "ceaseCareReasons", "Adopted"));
    driver.complete("mark", adopted, "Task_SignOffCeasingCare", Map.of("signOffDecision", "APPROVE"));

    String la = laChildId(adopted);
    String la2 = laChildId(reversed);
    Map<String, List<CSVRecord>> ssda903 = unzip(download("/api/returns/ssda903?year=2027").getBody());
    assertThat(ssda903.get("AD1.csv").get(0).values()).containsExactly("CHILD", "DOB", "DATE_INT", "DATE_MATCH",
        "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR");
    assertThat(rowsOf(ssda903, "AD1.csv", la)).containsExactly(
        List.of(la, "10/02/2024", "01/06/2026", "03/08/2026", "0", "2", "MF", "L11"));
    assertThat(rowsOf(ssda903, "AD1.csv", la2)).as("AD1 is only for children adopted in the year").isEmpty();
    assertThat(rowsOf(ssda903, "PlacedAdoption.csv", la)).containsExactly(
        List.of(la, "10/02/2024", "01/06/2026", "", ""));
    assertThat(rowsOf(ssda903, "PlacedAdoption.csv", la2)).containsExactly(
        List.of(la2, "10/02/2024", "01/06/2026", "01/10/2026", "RD3"));
    // DECOM, RNE, LS, PLACE, PLACE_PROVIDER, DEC, REC: a new episode for the placement order and for the placement
    assertThat(rowsOf(ssda903, "Episodes.csv", la)).extracting(r -> List.of(r.get(1), r.get(2), r.get(3), r.get(5),
        r.get(6), r.get(7), r.get(8))).containsExactly(
        List.of("04/05/2026", "S", "C2", "U4", "PR1", "01/07/2026", "X1"),
        List.of("01/07/2026", "L", "E1", "U4", "PR1", "01/09/2026", "X1"),
        List.of("01/09/2026", "P", "E1", "A6", "PR1", "15/01/2027", "E11"));

    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(
        download("/api/returns/annex-a?from=2026-04-01&to=2027-03-31").getBody()))) {
      Sheet list10 = workbook.getSheet("List 10 Adoption");
      assertThat(cells(list10.getRow(0))).containsExactly("Child Unique ID", "Gender", "Ethnicity", "Date of Birth",
          "Age", "Date of decision that child should be placed for adoption", "Date of placement order",
          "Date of matching", "Date placed for adoption", "Date of adoption order",
          "Date of decision that child should no longer be placed for adoption",
          "Reason child should no longer be placed for adoption", "Number of adopters", "Sex of adopters",
          "Legal status of adopters", "Adopted by own foster carers?");
      assertThat(rows(list10, la)).containsExactly(List.of(la, "F", "WBRI", "10/02/2024", "3", "01/06/2026",
          "01/07/2026", "03/08/2026", "01/09/2026", "15/01/2027", "", "", "2", "MF", "L11", "No"));
      assertThat(rows(list10, la2)).containsExactly(List.of(la2, "F", "WBRI", "10/02/2024", "3", "01/06/2026",
          "", "", "", "", "01/10/2026", "RD3"));
      Sheet list11 = workbook.getSheet("List 11 Adopters");
      assertThat(rows(list11, la)).containsExactly(List.of(la, "F", "WBRI", "10/02/2024", "3", "", "",
          "03/08/2026", "01/09/2026", "2", "MF", "L11", "No"));
    }
  }

  // --- driving the models ---------------------------------------------------------------------------------

  /** A child on a care order placed with foster carers (U4) today, through the looked-after model. */
  private String lookedAfterChild() {
    String childId = children.create("2024-02-10");
    jdbc.update("UPDATE child SET postcode = 'CH41 2BB' WHERE id = ?", childId);
    Map<String, Object> vars = TestChildren.journeyVariables(childId, "carl", "children-in-care");
    vars.put("categoryOfNeed", "N1");
    vars.put("legalStatus", "C2");
    vars.put("placementStart", "2026-05-04");
    engine.getRuntimeService().startProcessInstanceByKey("looked-after", childId, vars);
    Map<String, Object> placement = new HashMap<>();
    placement.put("placementStart", "2026-05-04");
    placement.put("placementType", "U4");
    placement.put("placementProvider", "PR1");
    placement.put("placementPostcode", "CH41 1AA");
    placement.put("longTermPlacement", false);
    placement.put("homePostcode", "CH41 2BB");
    driver.complete("carl", childId, "Task_RecordPlacement", placement);
    return childId;
  }

  /** Carl records the agency decision maker's decision of today in Tasklist; Sue agrees it. */
  private void decideToPlace(String childId) {
    String definition = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("adoption")
        .latestVersion().singleResult().getId();
    driver.asUser("carl", () -> engine.getFormService().submitStartForm(definition,
        Map.of("laChildId", laChildId(childId), "shouldBePlacedDate", "2026-06-01")));
    driver.complete("sue", childId, "Task_AgreeShouldBePlacedDecision", Map.of("signOffDecision", "APPROVE"));
  }

  private String laChildId(String childId) {
    return jdbc.queryForObject("SELECT la_child_id FROM child WHERE id = ?", String.class, childId);
  }

  // --- reading what was downloaded -------------------------------------------------------------------------

  private ResponseEntity<byte[]> download(String path) {
    ResponseEntity<byte[]> reply = rest.withBasicAuth("sue", "sue").getForEntity(path, byte[].class);
    assertThat(reply.getStatusCode().value()).isEqualTo(200);
    return reply;
  }
}
