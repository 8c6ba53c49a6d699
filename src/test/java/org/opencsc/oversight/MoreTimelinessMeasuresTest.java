package org.opencsc.oversight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencsc.support.StageForms.conference;
import static org.opencsc.support.StageForms.placement;
import static org.opencsc.support.StageForms.placementChange;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.opencsc.support.Api;
import org.opencsc.support.JourneyDriver;
import org.opencsc.support.JourneyTest;
import org.opencsc.support.TestChildren;
import org.opencsc.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * More timeliness measures on journeys driven through the engine, with the right answers worked out by
 * hand (England and Wales working days, Europe/London). Each measure uses days in 2021–2023 that no other
 * test touches for the same timescale or records, so journeys of other tests in the shared database do not
 * change the counts; the auditor, who sees every team, asks.
 *
 * <p>Bank holidays used: 2022 Mon 29 Aug (summer), Mon 19 Sep (the Queen's state funeral, a one-off);
 * 2023 Fri 7 Apr (Good Friday), Mon 10 Apr (Easter Monday), Mon 1 May (early May), Mon 8 May (the
 * coronation, a one-off).
 */
@JourneyTest
class MoreTimelinessMeasuresTest {

  @Autowired ProcessEngine engine;
  @Autowired JourneyDriver driver;
  @Autowired TestChildren children;
  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;

  /**
   * Referrals Fri 15 Jul 2022. 45 working days: 18–22 Jul (5), 25–29 Jul (10), 1–5 Aug (15), 8–12 Aug (20),
   * 15–19 Aug (25), 22–26 Aug (30), [Mon 29 Aug bank holiday] 30 Aug–2 Sep (34), 5–9 Sep (39), 12–16 Sep (44),
   * [Mon 19 Sep state funeral] Tue 20 Sep 2022 (45). Without the two bank holidays it would have been Fri 16 Sep.
   * Authorised Tue 20 Sep: on time; authorised Wed 21 Sep (one working day later): late.
   */
  @Test
  void anAssessmentAuthorisedOnTheFortyFifthWorkingDayAcrossTheStateFuneralIsOnTimeAndADayLaterIsLate() {
    String onTime = referredAndAllocated("OV-MORE-A45-ONTIME");
    String late = referredAndAllocated("OV-MORE-A45-LATE");
    assertThat(dueDate(onTime, "ASSESSMENT")).isEqualTo("2022-09-20");
    assertThat(dueDate(late, "ASSESSMENT")).isEqualTo("2022-09-20");

    TestClock.setLondon("2022-09-20T10:00:00");
    driver.complete("sam", onTime, "Task_CarryOutAssessment", assessment());
    driver.complete("sam", late, "Task_CarryOutAssessment", assessment());
    TestClock.setLondon("2022-09-20T16:00:00");
    driver.complete("tina", onTime, "Task_SignOffAssessment", Map.of("signOffDecision", "APPROVE"));
    // the work was written up on the due date, but the clock stops when a manager authorises it
    TestClock.setLondon("2022-09-21T09:30:00");
    driver.complete("tina", late, "Task_SignOffAssessment", Map.of("signOffDecision", "APPROVE"));

    JsonNode assessments = measure("2022-09-20", "2022-09-20", "ASSESSMENTS_IN_45_WD");
    assertThat(assessments.get("counted").asInt()).isEqualTo(2);
    assertThat(assessments.get("met").asInt()).isEqualTo(1);
    assertThat(assessments.get("percent").asDouble()).isEqualTo(50.0);
    assertThat(assessments.at("/byTeam/assessment/counted").asInt()).isEqualTo(2);
    assertThat(assessments.at("/byTeam/assessment/met").asInt()).isEqualTo(1);
    // the measure counts by the due date: nothing fell due on the funeral day or the working day before it
    assertThat(measure("2022-09-16", "2022-09-19", "ASSESSMENTS_IN_45_WD").get("counted").asInt()).isZero();
    // both referrals of 15 July went on to assessment (NI 68)
    JsonNode ni68 = measure("2022-07-15", "2022-07-15", "REFERRALS_TO_ASSESSMENT");
    assertThat(ni68.get("counted").asInt()).isEqualTo(2);
    assertThat(ni68.get("met").asInt()).isEqualTo(2);
  }

  /**
   * Strategy discussions Mon 14 Nov 2022; plans made at ICPCs on Wed 30 Nov 2022. FIRST_RCPC is 3 months
   * from the ICPC: 30 February does not exist, so the last day of February, Tue 28 Feb 2023. Reviewed on
   * 28 Feb: on time; reviewed Wed 1 Mar 2023: late.
   */
  @Test
  void aFirstChildProtectionReviewHeldOnItsDueDateIsOnTimeAndOneHeldTheDayAfterIsLate() {
    String onTime = childProtectionPlan();
    String late = childProtectionPlan();
    assertThat(dueDate(onTime, "FIRST_RCPC")).isEqualTo("2023-02-28");
    assertThat(dueDate(late, "FIRST_RCPC")).isEqualTo("2023-02-28");

    TestClock.setLondon("2023-02-28T14:00:00");
    driver.complete("ian", onTime, "Task_HoldReviewConference", cpReview("2023-02-28"));
    TestClock.setLondon("2023-03-01T14:00:00");
    driver.complete("ian", late, "Task_HoldReviewConference", cpReview("2023-03-01"));

    JsonNode ni67 = measure("2023-02-28", "2023-02-28", "CP_REVIEWS_ON_TIME");
    assertThat(ni67.get("indicator").asText()).isEqualTo("NI 67");
    assertThat(ni67.get("counted").asInt()).isEqualTo(2);
    assertThat(ni67.get("met").asInt()).isEqualTo(1);
    assertThat(ni67.get("percent").asDouble()).isEqualTo(50.0);
    // the next reviews (RCPC, 6 months from each review) are not due yet on 1 March: nothing counted
    assertThat(measure("2023-03-01", "2023-03-01", "CP_REVIEWS_ON_TIME").get("counted").asInt()).isZero();
  }

  /**
   * Placed Wed 5 Apr 2023. FIRST_LAC_REVIEW is 20 working days: Thu 6 Apr (1), [Good Friday 7 Apr, Easter
   * Monday 10 Apr] 11–14 Apr (5), 17–21 Apr (10), 24–28 Apr (15), [early May 1 May] 2–5 May (19),
   * [coronation Mon 8 May] Tue 9 May 2023 (20). Reviewed on 9 May: on time; on Wed 10 May: late.
   */
  @Test
  void aFirstLookedAfterReviewOnItsDueDateAcrossEasterAndTheCoronationIsOnTimeAndADayLaterIsLate() {
    String onTime = placed("2023-04-05");
    String late = placed("2023-04-05");
    assertThat(dueDate(onTime, "FIRST_LAC_REVIEW")).isEqualTo("2023-05-09");

    TestClock.setLondon("2023-05-09T14:00:00");
    driver.complete("ian", onTime, "Task_ChairLookedAfterReview", lacReview("2023-05-09"));
    TestClock.setLondon("2023-05-10T14:00:00");
    driver.complete("ian", late, "Task_ChairLookedAfterReview", lacReview("2023-05-10"));

    JsonNode ni66 = measure("2023-05-09", "2023-05-09", "LAC_REVIEWS_ON_TIME");
    assertThat(ni66.get("indicator").asText()).isEqualTo("NI 66");
    assertThat(ni66.get("counted").asInt()).isEqualTo(2);
    assertThat(ni66.get("met").asInt()).isEqualTo(1);
    assertThat(ni66.get("percent").asDouble()).isEqualTo(50.0);
  }

  /**
   * Child A placed Mon 1 Feb 2021, moved Tue 4 May 2021 (through the API) and Mon 6 Sep 2021 (the
   * PlacementChanged message); child B placed Mon 1 Mar 2021 and never moved. A placement counts for the
   * 12 months up to the last day of the range when the child was in it on any of those days; the day of a
   * move is the first day of the new placement.
   * <ul>
   *   <li>to 31 Dec 2021: A had 3 placements, B 1 → 2 children, 1 with 3 or more.</li>
   *   <li>to Mon 3 May 2021: A's later placements had not started → 2 children, none.</li>
   *   <li>to Mon 2 May 2022: the year runs from 3 May 2021, A's last night in the first placement → 3 → 1 of 2.</li>
   *   <li>to Tue 3 May 2022: the year runs from 4 May 2021, the day A moved → 2 placements → 0 of 2.</li>
   * </ul>
   */
  @Test
  void aChildWithThreePlacementsInTheYearCountsAndOneWithASinglePlacementDoesNot() {
    String moved = placed("2021-02-01");
    String settled = placed("2021-03-01");

    TestClock.setLondon("2021-05-04T10:00:00");
    Api.Reply change = new Api(rest, "carl").post("/api/children/" + moved + "/looked-after/changes",
        "{\"change\": \"PLACEMENT_CHANGED\"}");
    assertThat(change.status()).as(change.body()).isEqualTo(201);
    driver.complete("carl", moved, "Task_RecordPlacementChange", placementChange("2021-05-04", false));
    TestClock.setLondon("2021-09-06T10:00:00");
    engine.getRuntimeService().createMessageCorrelation("PlacementChanged").processInstanceBusinessKey(moved)
        .correlate();
    driver.complete("carl", moved, "Task_RecordPlacementChange", placementChange("2021-09-06", false));
    assertThat(jdbc.queryForList("SELECT rne FROM lac_episode WHERE child_id = ? ORDER BY decom", String.class, moved))
        .containsExactly("S", "P", "P");
    assertThat(jdbc.queryForList("SELECT rne FROM lac_episode WHERE child_id = ?", String.class, settled))
        .containsExactly("S");

    JsonNode yearEnd = measure("2021-01-01", "2021-12-31", "PLACEMENT_INSTABILITY");
    assertThat(yearEnd.get("counted").asInt()).isEqualTo(2);
    assertThat(yearEnd.get("met").asInt()).isEqualTo(1);
    assertThat(yearEnd.get("higherIsBetter").asBoolean()).isFalse();
    JsonNode beforeTheMoves = measure("2021-01-01", "2021-05-03", "PLACEMENT_INSTABILITY");
    assertThat(beforeTheMoves.get("counted").asInt()).isEqualTo(2);
    assertThat(beforeTheMoves.get("met").asInt()).isZero();
    assertThat(measure("2022-01-01", "2022-05-02", "PLACEMENT_INSTABILITY").get("met").asInt()).isEqualTo(1);
    JsonNode firstPlacementOutOfTheYear = measure("2022-01-01", "2022-05-03", "PLACEMENT_INSTABILITY");
    assertThat(firstPlacementOutOfTheYear.get("counted").asInt()).isEqualTo(2);
    assertThat(firstPlacementOutOfTheYear.get("met").asInt()).isZero();
  }

  // --- helpers --------------------------------------------------------------------------------------

  private JsonNode measure(String from, String to, String id) {
    Api.Reply reply = new Api(rest, "audrey").get("/api/oversight/measures?from=" + from + "&to=" + to);
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    for (JsonNode m : reply.json().get("measures")) {
      if (m.get("id").asText().equals(id)) {
        return m;
      }
    }
    throw new AssertionError("No measure " + id + " in " + reply.body());
  }

  private String dueDate(String childId, String timescaleId) {
    return jdbc.queryForObject("SELECT due_date FROM deadline WHERE child_id = ? AND timescale_id = ?",
        java.time.LocalDate.class, childId, timescaleId).toString();
  }

  /** A contact on Fri 15 Jul 2022 decided as a referral that day and allocated to Sam in the assessment team. */
  private String referredAndAllocated(String laChildId) {
    TestClock.setLondon("2022-07-15T11:00:00");
    String childId = driver.contact(laChildId, "2022-07-15T09:00:00Z").childId();
    driver.referForAllocation(childId);
    driver.allocate(childId, "sam");
    return childId;
  }

  private static Map<String, Object> assessment() {
    Map<String, Object> values = JourneyDriver.assessment("NFA");
    values.put("assessmentStartDate", "2022-07-18");
    values.put("childSeenDate", "2022-07-19");
    return values;
  }

  private String childProtectionPlan() {
    String childId = children.create("2016-04-01");
    TestClock.setLondon("2022-11-15T09:00:00");
    Map<String, Object> variables = TestChildren.journeyVariables(childId, "sam", "assessment");
    variables.put("strategyDiscussionDate", "2022-11-14");
    engine.getRuntimeService().startProcessInstanceByKey("child-protection", childId, variables);
    TestClock.setLondon("2022-11-30T14:00:00");
    driver.complete("ian", childId, "Task_HoldInitialConference", conference("CP_PLAN", "2022-11-30", "NEG"));
    return childId;
  }

  private static Map<String, Object> cpReview(String date) {
    Map<String, Object> values = new HashMap<>();
    values.put("reviewConferenceDate", date);
    values.put("rcpcOutcome", "CONTINUE");
    values.put("latestCategory", "NEG");
    values.put("legalGateway", false);
    values.put("reviewSummary", "Some progress; plan continues");
    return values;
  }

  /** A child placed under a care order on {@code date} (ISO), the looked-after model started on its own. */
  private String placed(String date) {
    String childId = children.create("2016-03-10");
    jdbc.update("UPDATE child SET postcode = 'CH41 2BB' WHERE id = ?", childId);
    TestClock.setLondon(date + "T15:00:00");
    Map<String, Object> variables = TestChildren.journeyVariables(childId, "carl", "children-in-care");
    variables.put("categoryOfNeed", "N1");
    variables.put("legalStatus", "C1");
    variables.put("placementStart", date);
    engine.getRuntimeService().startProcessInstanceByKey("looked-after", childId, variables);
    driver.complete("carl", childId, "Task_RecordPlacement", placement(date));
    return childId;
  }

  private static Map<String, Object> lacReview(String date) {
    return Map.of("reviewDate", date, "reviewCode", "PN1", "lacReviewOutcome", "CONTINUE",
        "reviewRecommendations", "Placement meets the child's needs");
  }

}
