package org.opencsc.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opencsc.returns.ReturnDocuments.cells;
import static org.opencsc.returns.ReturnDocuments.row;
import static org.opencsc.returns.ReturnDocuments.unzip;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.opencsc.engine.InvalidFieldValue;
import org.opencsc.frontdoor.ContactIntake;
import org.opencsc.frontdoor.ContactRequest;
import org.opencsc.support.Api;
import org.opencsc.support.JourneyDriver;
import org.opencsc.support.JourneyTest;
import org.opencsc.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * What the SSDA903 return and Annex A list 8 need beyond episodes and reviews, recorded on the
 * looked-after and allocation forms of a journey worked through the engine, and reported exactly.
 *
 * <p>The journey: Amina (female, born 10 February 2011, an unaccompanied asylum-seeking child whose
 * status ceases on her 18th birthday, 10 February 2029, with no previous permanence option) is referred
 * on 27 November 2025 and allocated to Sam; she is accommodated under section 20 on 18 December 2025
 * with a plan for long-term fostering. Her second review (10 April 2026) moves the case to the children
 * in care team, where Tina allocates Carl (reason TSPROC, a transfer in the council's process). Her
 * third review (5 October 2026) records a conviction; her health assessment of 15 January 2027 an SDQ
 * score of 14, a dental check on 12 January 2027, immunisations up to date and a substance misuse
 * problem with an intervention offered, not received; her fourth review (20 January 2027) that she is a
 * mother of a child born 5 January 2027. Collection year 2027 = 1 April 2026 – 31 March 2027: she has
 * been looked after for 12 months at 31 March 2027, so she is on OC2; she started to be looked after in
 * collection year 2026, so her PrevPerm row is in that year's return.
 */
@JourneyTest
class Ssda903CapturedDataTest {

  private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  @Autowired ProcessEngine engine;
  @Autowired JourneyDriver driver;
  @Autowired ContactIntake intake;
  @Autowired TestRestTemplate rest;

  @Test
  void theJourneysRecordsFillHeaderUascOc2PrevPermAndSwEpisodesAndPassTheSectorRules() throws Exception {
    String laChildId = "U" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    journey(laChildId);
    TestClock.reset();

    Map<String, List<List<String>>> year2027 = mine(unzip(download("/api/returns/ssda903?year=2027")), laChildId);
    assertThat(year2027.get("Header.csv")).containsExactly(
        List.of(laChildId, "F", "10/02/2011", "BAFR", "", "1", "05/01/2027"));
    assertThat(year2027.get("UASC.csv")).containsExactly(List.of(laChildId, "F", "10/02/2011", "10/02/2029"));
    // CHILD, DOB, SDQ_SCORE, SDQ_REASON, CONVICTED, HEALTH_CHECK (under 5 only), IMMUNISATIONS, TEETH_CHECK,
    // HEALTH_ASSESSMENT, SUBSTANCE_MISUSE, INTERVENTION_RECEIVED, INTERVENTION_OFFERED
    assertThat(year2027.get("OC2.csv")).containsExactly(
        List.of(laChildId, "10/02/2011", "14", "", "1", "", "1", "1", "1", "1", "0", "1"));
    assertThat(year2027.get("SWEpisodes.csv")).containsExactly(
        List.of(laChildId, "10/02/2011", "SWDEMOSAM", "27/11/2025", "13/04/2026", "FCONTA"),
        List.of(laChildId, "10/02/2011", "SWDEMOCARL", "13/04/2026", "", "TSPROC"));
    assertThat(year2027.get("PrevPerm.csv")).as("she started to be looked after the year before").isEmpty();
    assertThat(year2027.get("Episodes.csv")).containsExactly(List.of(laChildId, "18/12/2025", "S", "V2", "N1",
        "U6", "PR1", "", "", "", "CH41 2BB", "CH41 1AA", "SC123456"));
    assertThat(sectorRuleErrors(year2027, LocalDate.of(2026, 4, 1), LocalDate.of(2027, 3, 31))).isEmpty();

    Map<String, List<List<String>>> year2026 = mine(unzip(download("/api/returns/ssda903?year=2026")), laChildId);
    assertThat(year2026.get("PrevPerm.csv")).containsExactly(List.of(laChildId, "10/02/2011", "Z1", "", ""));
    // by 31 March 2026 nobody had asked whether she is a mother, and she was not yet 12 months in care
    assertThat(year2026.get("Header.csv")).containsExactly(List.of(laChildId, "F", "10/02/2011", "BAFR", "", "", ""));
    assertThat(year2026.get("OC2.csv")).isEmpty();
    assertThat(year2026.get("SWEpisodes.csv")).containsExactly(
        List.of(laChildId, "10/02/2011", "SWDEMOSAM", "27/11/2025", "", "FCONTA"));

    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(
        download("/api/returns/annex-a?from=2026-04-01&to=2027-03-31")))) {
      Sheet list8 = workbook.getSheet("List 8 Children in care");
      List<String> header = cells(list8.getRow(0));
      List<String> row = row(list8, laChildId);
      assertThat(header.get(header.size() - 1)).isEqualTo("Permanence plan");
      assertThat(row.get(header.indexOf("Permanence plan"))).isEqualTo("LONG_TERM_FOSTERING");
    }
  }

  // --- the journey ------------------------------------------------------------------------------------

  private String journey(String laChildId) {
    TestClock.setLondon("2025-11-27T10:30:00");
    String childId = intake.receive(new ContactRequest(
        new ContactRequest.ChildDetails(laChildId, "Amina", "Example", LocalDate.of(2011, 2, 10), null, "F", "BAFR",
            null, null),
        new ContactRequest.ContactDetails(OffsetDateTime.parse("2025-11-27T10:15:00Z"), "5A",
            "Arrived alone; no adult to care for her"))).childId();
    driver.referForAllocation(childId);
    driver.allocate(childId, "sam");

    TestClock.setLondon("2025-12-11T10:00:00");
    driver.complete("sam", childId, "Task_CarryOutAssessment", assessment());
    driver.complete("tina", childId, "Task_SignOffAssessment", Map.of("signOffDecision", "APPROVE"));

    TestClock.setLondon("2025-12-18T15:00:00");
    driver.complete("sam", childId, "Task_ProposeAccommodation", Map.of(
        "accommodationReasons", "Unaccompanied; no one with parental responsibility in the country",
        "alternativesConsidered", "No relatives traced", "proposedStart", "2025-12-18",
        "noObjectionFromParents", true));
    driver.complete("sue", childId, "Task_SignOffAccommodation", Map.of("signOffDecision", "APPROVE"));
    Map<String, Object> placement = placement();
    refused("sam", childId, "Task_RecordPlacement", with(placement, "previousPermanence", "P9"), "previousPermanence");
    refused("sam", childId, "Task_RecordPlacement", with(placement, "previousPermanenceLa", "344"),
        "previousPermanenceLa");
    refused("sam", childId, "Task_RecordPlacement", with(placement, "uascCeasedDate", "2030-01-01"), "uascCeasedDate");
    refusedThroughEngineRest("sam", childId, "Task_RecordPlacement", "previousPermanence", "P9");
    driver.complete("sam", childId, "Task_RecordPlacement", placement);

    TestClock.setLondon("2025-12-22T10:00:00");
    driver.complete("sam", childId, "Task_WriteCarePlan", Map.of("carePlanDate", "2025-12-22",
        "permanencePlan", "LONG_TERM_FOSTERING", "carePlanSummary", "Long-term foster family; asylum claim support"));

    TestClock.setLondon("2026-01-10T10:00:00");
    driver.complete("sam", childId, "Task_ArrangeHealthAssessment", Map.of("healthAssessmentDate", "2026-01-10",
        "immunisationsUpToDate", false));

    TestClock.setLondon("2026-01-14T14:00:00");
    driver.complete("ian", childId, "Task_ChairLookedAfterReview", review("2026-01-14"));
    // section 20: the first review moves the case to the localities team, whose manager keeps Sam
    driver.allocate(childId, "sam");
    TestClock.setLondon("2026-04-10T14:00:00");
    driver.complete("ian", childId, "Task_ChairLookedAfterReview", with(review("2026-04-10"), "convicted", "NO"));

    // the case is now with the children in care team, whose manager allocates its own worker
    TestClock.setLondon("2026-04-13T09:00:00");
    Map<String, Object> allocation = Map.of("allocatedWorker", "carl",
        "overLimitReason", "Test suite: many cases share one database");
    refused("tina", childId, "Task_AllocateSocialWorker", with(allocation, "swChangeReason", "BORED"),
        "swChangeReason");
    driver.complete("tina", childId, "Task_AllocateSocialWorker", with(allocation, "swChangeReason", "TSPROC"));

    // the looked-after tasks already created move to Carl
    TestClock.setLondon("2026-10-05T14:00:00");
    driver.complete("ian", childId, "Task_ChairLookedAfterReview",
        with(with(review("2026-10-05"), "convicted", "YES"), "mother", "NO"));

    TestClock.setLondon("2027-01-15T10:00:00");
    Map<String, Object> health = new HashMap<>(Map.of("healthAssessmentDate", "2027-01-15",
        "dentalCheckDate", "2027-01-12", "immunisationsUpToDate", true, "sdqScore", 14L,
        "substanceMisuse", "YES", "substanceInterventionReceived", "NO", "substanceInterventionOffered", "YES"));
    refused("carl", childId, "Task_ArrangeHealthAssessment", with(health, "sdqScore", 41L), "sdqScore");
    refused("carl", childId, "Task_ArrangeHealthAssessment", with(health, "sdqReason", "SDQ2"), "sdqReason");
    driver.complete("carl", childId, "Task_ArrangeHealthAssessment", health);

    TestClock.setLondon("2027-01-20T14:00:00");
    refused("ian", childId, "Task_ChairLookedAfterReview", with(review("2027-01-20"), "mother", "YES"),
        "motherChildDateOfBirth");
    driver.complete("ian", childId, "Task_ChairLookedAfterReview",
        with(with(review("2027-01-20"), "mother", "YES"), "motherChildDateOfBirth", "2027-01-05"));
    return childId;
  }

  private static Map<String, Object> assessment() {
    Map<String, Object> values = new HashMap<>(JourneyDriver.assessment("LAC"));
    values.put("assessmentStartDate", "2025-11-28");
    values.put("childSeenDate", "2025-11-28");
    values.put("worries", "No adult to care for her; trafficking risk");
    values.put("strengths", "Speaks some English; attends college");
    return values;
  }

  private static Map<String, Object> placement() {
    Map<String, Object> values = new HashMap<>();
    values.put("placementStart", "2025-12-18");
    values.put("placementType", "U6");
    values.put("placementProvider", "PR1");
    values.put("placementPostcode", "CH41 1AA");
    values.put("placementUrn", "SC123456");
    values.put("longTermPlacement", false);
    values.put("homePostcode", "CH41 2BB");
    values.put("uasc", "YES");
    values.put("uascCeasedDate", "2029-02-10");
    values.put("previousPermanence", "Z1");
    return values;
  }

  private static Map<String, Object> review(String date) {
    return Map.of("reviewDate", date, "reviewCode", "PN1", "lacReviewOutcome", "CONTINUE",
        "reviewRecommendations", "Stay with the foster family");
  }

  private static Map<String, Object> with(Map<String, Object> values, String key, Object value) {
    Map<String, Object> copy = new HashMap<>(values);
    copy.put(key, value);
    return copy;
  }

  /** The form is refused naming the field, and the task stays open. */
  private void refused(String user, String childId, String taskKey, Map<String, Object> values, String field) {
    assertThatThrownBy(() -> driver.complete(user, childId, taskKey, values))
        .isInstanceOf(InvalidFieldValue.class)
        .satisfies(e -> assertThat(((InvalidFieldValue) e).field()).isEqualTo(field));
    assertThat(driver.tasks(childId, taskKey)).hasSize(1);
  }

  private void refusedThroughEngineRest(String user, String childId, String taskKey, String field, String value) {
    String taskId = driver.task(childId, taskKey).getId();
    Map<String, Object> variables = new LinkedHashMap<>();
    with(placement(), field, value).forEach((name, v) -> variables.put(name, Map.of("value", v)));
    Api.Reply reply;
    try {
      reply = new Api(rest, user).post("/engine-rest/task/" + taskId + "/complete",
          new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(Map.of("variables", variables)));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    assertThat(reply.status()).as(reply.body()).isEqualTo(400);
    assertThat(reply.body()).contains(field);
  }

  // --- the sector validator's rules for the tables filled here (data-to-insight/csc-validator-be-903) ------

  /** Errors, as "rule: row", for the child's rows of one year's return. */
  static List<String> sectorRuleErrors(Map<String, List<List<String>>> t, LocalDate start, LocalDate end) {
    List<String> errors = new ArrayList<>();
    for (List<String> h : t.get("Header.csv")) {
      // 174: a mother's child's date of birth for a male
      if ("M".equals(h.get(1)) && !h.get(6).isEmpty()) {
        errors.add("174: " + h);
      }
      // 612: MC_DOB given but MOTHER is not 1 (for a young woman)
      if ("F".equals(h.get(1)) && !"1".equals(h.get(5)) && !h.get(6).isEmpty()) {
        errors.add("612: " + h);
      }
      if (!Set.of("", "0", "1").contains(h.get(5))) {
        errors.add("MOTHER code: " + h);
      }
    }
    for (List<String> u : t.get("UASC.csv")) {
      LocalDate dob = date(u.get(2));
      LocalDate duc = date(u.get(3));
      // 104: DUC a valid date, not before the collection year
      if (duc == null || duc.isBefore(start)) {
        errors.add("104: " + u);
      }
      // 304: DUC on or before the 18th birthday
      if (duc != null && duc.isAfter(dob.plusYears(18))) {
        errors.add("304: " + u);
      }
    }
    for (List<String> o : t.get("OC2.csv")) {
      LocalDate dob = date(o.get(1));
      int ageAtStart = java.time.Period.between(dob, start).getYears();
      int ageAtEnd = java.time.Period.between(dob, end).getYears();
      boolean score = !o.get(2).isEmpty();
      // 186: aged 4 or over at the start and under 17 at the end: an SDQ score
      if (ageAtStart >= 4 && ageAtEnd < 17 && !score) {
        errors.add("186: " + o);
      }
      // 189: 17 or over at the start: neither a score nor a reason
      if (ageAtStart >= 17 && (score || !o.get(3).isEmpty())) {
        errors.add("189: " + o);
      }
      if (score && (Integer.parseInt(o.get(2)) < 0 || Integer.parseInt(o.get(2)) > 40)) {
        errors.add("SDQ_SCORE 0-40: " + o);
      }
      // 545 and 546: health promotion (HEALTH_CHECK) only, and always, for children under 5 at 31 March
      boolean underFive = ageAtEnd < 5;
      if (underFive == o.get(5).isEmpty()) {
        errors.add((underFive ? "545: " : "546: ") + o);
      }
      for (int i : new int[] {4, 6, 7, 8, 9, 10, 11}) {
        if (!Set.of("", "0", "1").contains(o.get(i))) {
          errors.add("OC2 1/0 codes: " + o);
        }
      }
    }
    List<List<String>> sw = new ArrayList<>(t.get("SWEpisodes.csv"));
    sw.sort((a, b) -> date(a.get(3)).compareTo(date(b.get(3))));
    boolean openOn31March = t.get("Episodes.csv").stream()
        .anyMatch(e -> e.get(7).isEmpty() && !Set.of("V3", "V4").contains(e.get(3)));
    // SW01STG1: looked after on 31 March, so at least one social worker episode with SW_ID and SW_DECOM
    if (openOn31March && sw.stream().noneMatch(s -> !s.get(2).isEmpty() && !s.get(3).isEmpty())) {
      errors.add("SW01STG1: no social worker episode");
    }
    for (int i = 0; i < sw.size(); i++) {
      List<String> s = sw.get(i);
      if (!s.get(2).startsWith("SW")) {
        errors.add("SW_ID begins with SW: " + s);
      }
      LocalDate dec = date(s.get(4));
      // SW07STG2: SW_DEC within the social worker reporting period (from a year before the collection year)
      if (dec != null && (dec.isBefore(start.minusYears(1)) || dec.isAfter(end))) {
        errors.add("SW07STG2: " + s);
      }
      // SW13STG1 / SW15STG2: a valid reason on every episode that began in the reporting period
      if (!Set.of("MANAGE", "FCONTA", "LEFTRL", "ORGRST", "TSPROC", "ABSENC", "CHCHAN", "PCCHAN", "SWDIED", "OTHERS")
          .contains(s.get(5)) && !date(s.get(3)).isBefore(start.minusYears(1))) {
        errors.add("SW13STG1/SW15STG2: " + s);
      }
      // SW10STG2: unless FCONTA, an episode starts within 7 days of the previous one's end
      if (i > 0 && !"FCONTA".equals(s.get(5))) {
        LocalDate previousEnd = date(sw.get(i - 1).get(4));
        LocalDate decom = date(s.get(3));
        if (previousEnd == null || decom.isBefore(previousEnd.minusDays(7)) || decom.isAfter(previousEnd.plusDays(7))) {
          errors.add("SW10STG2: " + s);
        }
      }
    }
    // SW12STG2 (its intent): a social worker throughout each period of care that started in the reporting period
    for (List<String> e : t.get("Episodes.csv")) {
      LocalDate decom = date(e.get(1));
      if ("S".equals(e.get(2)) && !Set.of("V3", "V4").contains(e.get(3)) && !decom.isBefore(start.minusYears(1))
          && sw.stream().noneMatch(s -> !date(s.get(3)).isAfter(decom)
              && (date(s.get(4)) == null || !date(s.get(4)).isBefore(decom)))) {
        errors.add("SW12STG2: " + e);
      }
    }
    return errors;
  }

  private static LocalDate date(String ddmmyyyy) {
    return ddmmyyyy == null || ddmmyyyy.isEmpty() ? null : LocalDate.parse(ddmmyyyy, DMY);
  }

  // --- reading what was downloaded ------------------------------------------------------------------------

  private byte[] download(String path) {
    var reply = rest.withBasicAuth("audrey", "audrey").getForEntity(path, byte[].class);
    assertThat(reply.getStatusCode().value()).as(path).isEqualTo(200);
    return reply.getBody();
  }

  /** Every table's rows for this child only (the suite shares one database). */
  private static Map<String, List<List<String>>> mine(Map<String, List<CSVRecord>> tables, String laChildId) {
    Map<String, List<List<String>>> rows = new LinkedHashMap<>();
    tables.forEach((name, records) -> {
      List<List<String>> found = new ArrayList<>();
      for (CSVRecord record : records.subList(1, records.size())) {
        if (record.get(0).equals(laChildId)) {
          found.add(List.of(record.values()));
        }
      }
      rows.put(name, found);
    });
    return rows;
  }
}
