package org.opencsc.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencsc.returns.ReturnDocuments.cells;
import static org.opencsc.returns.ReturnDocuments.child;
import static org.opencsc.returns.ReturnDocuments.childElements;
import static org.opencsc.returns.ReturnDocuments.children;
import static org.opencsc.returns.ReturnDocuments.row;
import static org.opencsc.returns.ReturnDocuments.rowsOf;
import static org.opencsc.returns.ReturnDocuments.text;
import static org.opencsc.returns.ReturnDocuments.texts;
import static org.opencsc.returns.ReturnDocuments.unzip;
import static org.opencsc.support.StageForms.accommodationProposal;
import static org.opencsc.support.StageForms.conference;
import static org.opencsc.support.StageForms.placement;
import static org.opencsc.support.StageForms.placementChange;
import static org.opencsc.support.StageForms.reviewConference;

import java.io.ByteArrayInputStream;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.opencsc.support.Api;
import org.opencsc.support.JourneyDriver;
import org.opencsc.support.JourneyTest;
import org.opencsc.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The returns as an auditor downloads them, built from journeys worked through the engine.
 *
 * <p>Protection journey (dates by hand, England and Wales bank holidays 25 and 28 December 2026 and
 * 1 January 2027): contact Fri 27 Nov 2026 → assessment started 30 Nov, outcome strategy discussion →
 * strategy discussion Mon 14 Dec 2026 = S47 start; InitialCPCtarget 15 working days later: 15–18, 21–24,
 * 29–31 Dec, 4–7 Jan → Thu 7 Jan 2027 → conference that day, plan under neglect → review conference
 * Thu 25 Mar 2027 ends the plan. All in collection year 2027 (1 Apr 2026 – 31 Mar 2027).
 *
 * <p>Looked-after journey: assessment outcome LAC, accommodated under section 20 (V2) on Fri 18 Dec
 * 2026, moved to another placement with another carer on Mon 1 Feb 2027 (RNE P), reviewed Tue 19 Jan 2027.
 */
@JourneyTest
class StatutoryReturnsTest {

  @Autowired ProcessEngine engine;
  @Autowired JourneyDriver driver;
  @Autowired TestRestTemplate rest;

  // --- the journeys ----------------------------------------------------------------------------------

  private String protectionJourney(String laChildId) {
    TestClock.setLondon("2026-11-27T10:30:00");
    String childId = driver.contact(laChildId, "2026-11-27T10:15:00Z").childId();
    driver.referForAllocation(childId);
    driver.allocate(childId, "sam");
    TestClock.setLondon("2026-12-11T10:00:00");
    driver.complete("sam", childId, "Task_CarryOutAssessment", JourneyDriver.assessment("STRATEGY"));
    driver.complete("tina", childId, "Task_SignOffAssessment", Map.of("signOffDecision", "APPROVE"));

    TestClock.setLondon("2026-12-14T11:00:00");
    driver.complete("sam", childId, "Task_HoldStrategyDiscussion", discussion("2026-12-14"));
    TestClock.setLondon("2026-12-23T09:00:00");
    driver.complete("sam", childId, "Task_CarryOutSection47Enquiry", enquiry("ICPC", "2026-12-15"));
    driver.complete("mark", childId, "Task_SignOffSection47Outcome", Map.of("signOffDecision", "APPROVE"));

    TestClock.setLondon("2027-01-07T14:00:00");
    driver.complete("ian", childId, "Task_HoldInitialConference", conference("CP_PLAN", "2027-01-07", "NEG"));
    TestClock.setLondon("2027-03-25T14:00:00");
    driver.complete("ian", childId, "Task_HoldReviewConference", reviewConference("2027-03-25", "END", "NEG"));
    return childId;
  }

  private String lookedAfterJourney(String laChildId) {
    TestClock.setLondon("2026-11-27T10:30:00");
    String childId = driver.contact(laChildId, "2026-11-27T10:15:00Z").childId();
    driver.referForAllocation(childId);
    driver.allocate(childId, "carl");
    TestClock.setLondon("2026-12-11T10:00:00");
    driver.complete("carl", childId, "Task_CarryOutAssessment", JourneyDriver.assessment("LAC"));
    driver.complete("tina", childId, "Task_SignOffAssessment", Map.of("signOffDecision", "APPROVE"));

    TestClock.setLondon("2026-12-18T15:00:00");
    driver.complete("carl", childId, "Task_ProposeAccommodation", accommodationProposal("2026-12-18"));
    driver.complete("sue", childId, "Task_SignOffAccommodation", Map.of("signOffDecision", "APPROVE"));
    driver.complete("carl", childId, "Task_RecordPlacement", placement("2026-12-18"));

    TestClock.setLondon("2027-01-19T14:00:00");
    driver.complete("ian", childId, "Task_ChairLookedAfterReview", Map.of("reviewDate", "2027-01-19",
        "reviewCode", "PN1", "lacReviewOutcome", "CONTINUE", "reviewRecommendations", "As discussed"));

    TestClock.setLondon("2027-02-01T09:00:00");
    engine.getRuntimeService().createMessageCorrelation("PlacementChanged").processInstanceBusinessKey(childId)
        .correlate();
    driver.complete("carl", childId, "Task_RecordPlacementChange", placementChange("2027-02-01", false));
    return childId;
  }

  // --- CIN census --------------------------------------------------------------------------------------

  @Test
  void theCinCensusReportsTheEpisodeWithItsAssessmentEnquiryAndPlanAndTheIcpcTarget() throws Exception {
    String laChildId = newLaChildId();
    protectionJourney(laChildId);
    TestClock.reset();

    ResponseEntity<byte[]> reply = download("audrey", "/api/returns/cin-census?year=2027");
    assertThat(reply.getStatusCode().value()).isEqualTo(200);
    assertThat(reply.getHeaders().getContentType().toString()).startsWith("application/xml");
    Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(reply.getBody()));   // well-formed, or this throws

    assertThat(xml.getDocumentElement().getTagName()).isEqualTo("Message");
    assertThat(xml.getDocumentElement().getNamespaceURI()).isNull();
    assertThat(text(xml, "/Message/Header/CollectionDetails/Collection")).isEqualTo("CIN");
    assertThat(text(xml, "/Message/Header/CollectionDetails/Year")).isEqualTo("2027");
    assertThat(text(xml, "/Message/Header/CollectionDetails/ReferenceDate")).isEqualTo("2027-03-31");
    assertThat(text(xml, "/Message/Header/Source/SourceLevel")).isEqualTo("L");
    assertThat(text(xml, "/Message/Header/Source/LEA")).isEqualTo("344");
    assertThat(text(xml, "/Message/Header/Source/SerialNo")).matches("[1-9][0-9]*");
    assertThat(text(xml, "/Message/Header/Source/DateTime")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d");

    Element child = child(xml, laChildId);
    assertThat(childElements(child)).containsExactly("ChildIdentifiers", "ChildCharacteristics", "CINdetails");
    assertThat(text(child, "ChildIdentifiers/PersonBirthDate")).isEqualTo("2015-06-01");
    assertThat(text(child, "ChildIdentifiers/Sex")).isEqualTo("F");
    assertThat(text(child, "ChildCharacteristics/Ethnicity")).isEqualTo("WBRI");

    Element episode = (Element) child.getElementsByTagName("CINdetails").item(0);
    // the conference is reported once, in the Section47 group that led to it (DfE rule 2884)
    assertThat(childElements(episode)).containsExactly("CINreferralDate", "ReferralSource", "PrimaryNeedCode",
        "CINclosureDate", "ReasonForClosure", "ReferralNFA", "Assessments", "Section47",
        "ChildProtectionPlans");
    assertThat(text(episode, "CINreferralDate")).isEqualTo("2026-11-27");
    assertThat(text(episode, "ReferralSource")).isEqualTo("5A");
    assertThat(text(episode, "PrimaryNeedCode")).isEqualTo("N1");
    // the review conference ended the plan and closed the case
    assertThat(text(episode, "CINclosureDate")).isEqualTo("2027-03-25");
    assertThat(text(episode, "ReasonForClosure")).isEqualTo("RC7");
    assertThat(text(episode, "ReferralNFA")).isEqualTo("false");
    assertThat(text(episode, "Assessments/AssessmentActualStartDate")).isEqualTo("2026-11-30");
    assertThat(text(episode, "Assessments/AssessmentAuthorisationDate")).isEqualTo("2026-12-11");
    assertThat(texts(episode, "Assessments/FactorsIdentifiedAtAssessment/AssessmentFactors"))
        .containsExactly("1B", "3A");
    assertThat(text(episode, "Section47/S47ActualStartDate")).isEqualTo("2026-12-14");
    assertThat(text(episode, "Section47/InitialCPCtarget")).isEqualTo("2027-01-07");
    assertThat(text(episode, "Section47/DateOfInitialCPC")).isEqualTo("2027-01-07");
    assertThat(text(episode, "Section47/ICPCnotRequired")).isEqualTo("false");
    assertThat(text(episode, "ChildProtectionPlans/CPPstartDate")).isEqualTo("2027-01-07");
    assertThat(text(episode, "ChildProtectionPlans/CPPendDate")).isEqualTo("2027-03-25");
    assertThat(text(episode, "ChildProtectionPlans/InitialCategoryOfAbuse")).isEqualTo("NEG");
    assertThat(text(episode, "ChildProtectionPlans/LatestCategoryOfAbuse")).isEqualTo("NEG");
    assertThat(text(episode, "ChildProtectionPlans/NumberOfPreviousCPP")).isEqualTo("0");
    assertThat(texts(episode, "ChildProtectionPlans/Reviews/CPPreviewDate")).containsExactly("2027-03-25");

    // the year before ended on 31 March 2026, months before the referral
    Document earlier = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(download("audrey", "/api/returns/cin-census?year=2026").getBody()));
    assertThat(children(earlier, laChildId)).isEmpty();
  }

  // --- SSDA903 -------------------------------------------------------------------------------------------

  @Test
  void theSsda903ZipHasEveryTableWithItsExactHeaderAndTheEpisodesSplitOnThePlacementChange() throws Exception {
    String laChildId = newLaChildId();
    lookedAfterJourney(laChildId);
    TestClock.reset();

    ResponseEntity<byte[]> reply = download("sue", "/api/returns/ssda903?year=2027");
    assertThat(reply.getStatusCode().value()).isEqualTo(200);
    Map<String, List<CSVRecord>> tables = unzip(reply.getBody());
    Map<String, String> headers = new LinkedHashMap<>();
    tables.forEach((name, rows) -> headers.put(name, String.join(",", rows.get(0).values())));
    assertThat(headers).containsExactly(
        Map.entry("Header.csv", "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB"),
        Map.entry("Episodes.csv", "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,"
            + "HOME_POST,PL_POST,URN"),
        Map.entry("Reviews.csv", "CHILD,DOB,REVIEW,REVIEW_CODE"),
        Map.entry("UASC.csv", "CHILD,SEX,DOB,DUC"),
        Map.entry("OC2.csv", "CHILD,DOB,SDQ_SCORE,SDQ_REASON,CONVICTED,HEALTH_CHECK,IMMUNISATIONS,TEETH_CHECK,"
            + "HEALTH_ASSESSMENT,SUBSTANCE_MISUSE,INTERVENTION_RECEIVED,INTERVENTION_OFFERED"),
        Map.entry("OC3.csv", "CHILD,DOB,IN_TOUCH,ACTIV,ACCOM"),
        Map.entry("AD1.csv", "CHILD,DOB,DATE_INT,DATE_MATCH,FOSTER_CARE,NB_ADOPTR,SEX_ADOPTR,LS_ADOPTR"),
        Map.entry("PlacedAdoption.csv", "CHILD,DOB,DATE_PLACED,DATE_PLACED_CEASED,REASON_PLACED_CEASED"),
        Map.entry("PrevPerm.csv", "CHILD,DOB,PREV_PERM,LA_PERM,DATE_PERM"),
        Map.entry("Missing.csv", "CHILD,DOB,MISSING,MIS_START,MIS_END"),
        Map.entry("SWEpisodes.csv", "CHILD,DOB,SW_ID,SW_DECOM,SW_DEC,SW_REASON"));

    assertThat(rowsOf(tables, "Header.csv", laChildId)).singleElement()
        .satisfies(r -> assertThat(r).containsExactly(laChildId, "F", "01/06/2015", "WBRI", "", "", ""));
    List<List<String>> episodes = rowsOf(tables, "Episodes.csv", laChildId);
    assertThat(episodes).hasSize(2);
    // CHILD, DECOM, RNE, LS, CIN, PLACE, PLACE_PROVIDER, DEC, REC, REASON_PLACE_CHANGE, HOME_POST, PL_POST, URN
    assertThat(episodes.get(0)).containsExactly(laChildId, "18/12/2026", "S", "V2", "N1", "U6", "PR1",
        "01/02/2027", "X1", "CARPL", "CH41 2BB", "CH41 1AA", "SC123456");
    assertThat(episodes.get(1)).containsExactly(laChildId, "01/02/2027", "P", "V2", "N1", "K2", "PR4",
        "", "", "", "CH41 2BB", "L1 8JQ", "SC654321");
    assertThat(rowsOf(tables, "Reviews.csv", laChildId)).containsExactly(
        List.of(laChildId, "01/06/2015", "19/01/2027", "PN1"));

    // a year that ended before the child was looked after does not list the child
    assertThat(rowsOf(unzip(download("sue", "/api/returns/ssda903?year=2026").getBody()), "Episodes.csv", laChildId))
        .isEmpty();
  }

  // --- Ofsted Annex A ------------------------------------------------------------------------------------

  @Test
  void theAnnexAWorkbookOpensWithItsElevenListsAndTheChildOnTheListsOfItsJourney() throws Exception {
    String laChildId = newLaChildId();
    protectionJourney(laChildId);
    TestClock.reset();

    ResponseEntity<byte[]> reply = download("admin", "/api/returns/annex-a?from=2026-04-01&to=2027-03-31");
    assertThat(reply.getStatusCode().value()).isEqualTo(200);
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(reply.getBody()))) {
      assertThat(workbook.getNumberOfSheets()).isEqualTo(11);
      for (int i = 0; i < 11; i++) {
        Sheet sheet = workbook.getSheetAt(i);
        assertThat(sheet.getSheetName()).startsWith("List " + (i + 1) + " ");
        assertThat(cells(sheet.getRow(0)).subList(0, 5))
            .containsExactly("Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age");
      }
      assertThat(row(workbook.getSheet("List 1 Contacts"), laChildId))
          .containsExactly(laChildId, "F", "WBRI", "01/06/2015", "11", "27/11/2026", "5A", "REFERRAL");
      assertThat(row(workbook.getSheet("List 3 Referrals"), laChildId))
          .containsExactly(laChildId, "F", "WBRI", "01/06/2015", "11", "27/11/2026", "5A", "No", "1",
              "assessment", "sam");
      assertThat(row(workbook.getSheet("List 4 Assessments"), laChildId).subList(5, 11))
          .containsExactly("30/11/2026", "01/12/2026", "11/12/2026", "STRATEGY", "assessment", "sam");
      assertThat(row(workbook.getSheet("List 5 Section 47 and ICPC"), laChildId).subList(5, 13))
          .containsExactly("14/12/2026", "START_SECTION_47", "14/12/2026", "No", "07/01/2027", "Yes", "1", "1");
      assertThat(row(workbook.getSheet("List 7 Child protection"), laChildId).subList(5, 13))
          .containsExactly("07/01/2027", "NEG", "NEG", "", "", "25/03/2027", "25/03/2027", "0");
    }
  }

  // --- who may download, and bad input ------------------------------------------------------------------

  @Test
  void onlyAuditorsServiceManagersAndAdminsMayDownloadAndBadPeriodsAreRefusedNamingTheField() {
    assertThat(new Api(rest, "tina").get("/api/returns/cin-census?year=2027").status()).isEqualTo(403);
    assertThat(new Api(rest, "sam").get("/api/returns/ssda903?year=2027").status()).isEqualTo(403);
    assertThat(new Api(rest, "ian").get("/api/returns/annex-a?from=2026-04-01&to=2027-03-31").status())
        .isEqualTo(403);
    assertThat(new Api(rest, null).get("/api/returns/cin-census?year=2027").status()).isEqualTo(401);

    refused("/api/returns/cin-census?year=twenty", "year");
    refused("/api/returns/cin-census", "year");
    refused("/api/returns/ssda903?year=1999", "year");
    refused("/api/returns/annex-a?from=2027-04-01&to=2027-03-31", "to");
    refused("/api/returns/annex-a?from=01/04/2026&to=2027-03-31", "from");
    refused("/api/returns/annex-a?from=2026-04-01", "to");
  }

  private void refused(String path, String field) {
    Api.Reply reply = new Api(rest, "audrey").get(path);
    assertThat(reply.status()).as(path).isEqualTo(400);
    assertThat(reply.json().get("fieldErrors").get(0).get("field").asText()).as(path).isEqualTo(field);
  }

  // --- form values, as the stage models' process tests use them --------------------------------------------

  private static Map<String, Object> discussion(String date) {
    Map<String, Object> values = new HashMap<>();
    values.put("discussionDate", date);
    values.put("socialCareAttended", true);
    values.put("policeAttended", true);
    values.put("healthAttended", false);
    values.put("otherAgencies", "Nursery");
    values.put("strategyDecision", "START_SECTION_47");
    values.put("strategyReasons", "Unexplained bruising; police to interview mother");
    return values;
  }

  private static Map<String, Object> enquiry(String outcome, String childSeen) {
    Map<String, Object> values = new HashMap<>();
    values.put("s47Outcome", outcome);
    values.put("s47ChildSeenDate", childSeen);
    values.put("s47ChildSeenAlone", true);
    values.put("s47Findings", "Bruising consistent with a grip; father's account does not explain it");
    return values;
  }


  // --- reading what was downloaded -------------------------------------------------------------------------

  private ResponseEntity<byte[]> download(String user, String path) {
    return rest.withBasicAuth(user, user).getForEntity(path, byte[].class);
  }

  private static String newLaChildId() {
    return "R" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }
}
