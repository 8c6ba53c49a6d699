package org.opencsc.oversight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencsc.support.StageForms.conference;

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

/**
 * Timeliness measures on journeys driven through the engine, in years no other test uses, with the
 * right answers worked out by hand (England and Wales working days, Europe/London).
 */
@JourneyTest
class TimelinessMeasuresTest {

  @Autowired ProcessEngine engine;
  @Autowired JourneyDriver driver;
  @Autowired TestChildren children;
  @Autowired TestRestTemplate rest;

  /**
   * Contacts received Thu 24 Dec 2020: Fri 25 Dec (Christmas) and Mon 28 Dec (Boxing Day's substitute) are
   * bank holidays, so one working day later is Tue 29 Dec. Decided on the 29th: on time; on the 30th: late.
   */
  @Test
  void aContactDecidedOnTheFirstWorkingDayAfterChristmasIsOnTimeAndADayLaterIsNot() {
    TestClock.setLondon("2020-12-24T11:00:00");
    String onTime = driver.contact("OV-XMAS-1", "2020-12-24T10:00:00Z").childId();
    String late = driver.contact("OV-XMAS-2", "2020-12-24T10:30:00Z").childId();
    TestClock.setLondon("2020-12-29T15:00:00");
    driver.referForAllocation(onTime);
    TestClock.setLondon("2020-12-30T09:30:00");
    driver.referForAllocation(late);

    JsonNode contacts = measure("tina", "2020-12-29", "2020-12-29", "CONTACTS_DECIDED_IN_1_WD");
    assertThat(contacts.get("counted").asInt()).isEqualTo(2);
    assertThat(contacts.get("met").asInt()).isEqualTo(1);
    assertThat(contacts.get("percent").asDouble()).isEqualTo(50.0);
    assertThat(contacts.at("/byTeam/front-door/met").asInt()).isEqualTo(1);
    // due on the 29th, so nothing falls due on Christmas Eve or on the bank holidays
    assertThat(measure("tina", "2020-12-24", "2020-12-28", "CONTACTS_DECIDED_IN_1_WD").get("counted").asInt()).isZero();
    // both referrals (24 Dec) are waiting for allocation: none has gone to assessment yet (NI 68)
    JsonNode ni68 = measure("tina", "2020-12-24", "2020-12-24", "REFERRALS_TO_ASSESSMENT");
    assertThat(ni68.get("counted").asInt()).isEqualTo(2);
    assertThat(ni68.get("met").asInt()).isZero();
  }

  /**
   * First referrals Mon 1 Mar 2021. 1 Mar 2022 is day 365 (2021 is not a leap year), exactly 12 months on:
   * a re-referral. 2 Mar 2022 is day 366: not a re-referral.
   */
  @Test
  void aReferralOnDay365IsAReReferralAndOnDay366ItIsNot() {
    String day365 = referredOn("OV-REREF-365", "2021-03-01");
    String day366 = referredOn("OV-REREF-366", "2021-03-01");
    referAgain(day365, "OV-REREF-365", "2022-03-01");
    referAgain(day366, "OV-REREF-366", "2022-03-02");

    JsonNode reReferrals = measure("audrey", "2022-03-01", "2022-03-02", "RE_REFERRALS_IN_12_MONTHS");
    assertThat(reReferrals.get("counted").asInt()).isEqualTo(2);
    assertThat(reReferrals.get("met").asInt()).isEqualTo(1);
    assertThat(reReferrals.get("higherIsBetter").asBoolean()).isFalse();
    // the first referrals had none before them
    assertThat(measure("audrey", "2021-03-01", "2021-03-01", "RE_REFERRALS_IN_12_MONTHS").get("met").asInt()).isZero();
  }

  /**
   * Strategy discussions Mon 4 Feb 2019 → ICPC due 15 WD later, Mon 25 Feb 2019 (no bank holidays).
   * Plan A made at the ICPC on 25 Feb 2019 ends at a review on 25 Feb 2021: exactly two years, counts for NI 64.
   * Plan B made at a late ICPC on Tue 26 Feb 2019 ends on 25 Feb 2021: one day short of two years.
   */
  @Test
  void aPlanEndingOnItsSecondAnniversaryLastedTwoYearsAndTheLateConferenceIsCounted() {
    String exactlyTwoYears = plan("2019-02-25");
    String dayShort = plan("2019-02-26");
    TestClock.setLondon("2021-02-25T15:00:00");
    endPlan(exactlyTwoYears, "2021-02-25");
    endPlan(dayShort, "2021-02-25");

    JsonNode ni64 = measure("sue", "2021-02-25", "2021-02-25", "CP_PLANS_LASTING_2_YEARS");
    assertThat(ni64.get("counted").asInt()).isEqualTo(2);
    assertThat(ni64.get("met").asInt()).isEqualTo(1);
    JsonNode icpc = measure("sue", "2019-02-25", "2019-02-25", "ICPC_IN_15_WD");
    assertThat(icpc.get("counted").asInt()).isEqualTo(2);
    assertThat(icpc.get("met").asInt()).isEqualTo(1);
    JsonNode ni65 = measure("sue", "2019-02-25", "2019-02-26", "SECOND_OR_LATER_CP_PLANS");
    assertThat(ni65.get("counted").asInt()).isEqualTo(2);
    assertThat(ni65.get("met").asInt()).isZero();
  }

  @Test
  void adoptionTimelinessIsShownAsNotAvailableAndBadRangesAreRefusedNamingTheField() {
    JsonNode adoption = measure("audrey", "2019-01-01", "2019-12-31", "ADOPTIONS_IN_12_MONTHS");
    assertThat(adoption.get("available").asBoolean()).isFalse();
    assertThat(adoption.get("percent").isNull()).isTrue();
    assertThat(adoption.get("note").asText()).startsWith("Not available");

    Api.Reply noFrom = new Api(rest, "audrey").get("/api/oversight/measures?to=2019-12-31");
    assertThat(noFrom.status()).isEqualTo(400);
    assertThat(noFrom.json().at("/fieldErrors/0/field").asText()).isEqualTo("from");
    Api.Reply backwards = new Api(rest, "audrey").get("/api/oversight/measures?from=2019-12-31&to=2019-01-01");
    assertThat(backwards.status()).isEqualTo(400);
    assertThat(backwards.json().at("/fieldErrors/0/field").asText()).isEqualTo("to");
    Api.Reply legacy = new Api(rest, "audrey").get("/api/oversight/measures?from=2019-01-01&to=2019-12-31&legacy=true");
    assertThat(legacy.json().get("measures").findValuesAsText("id")).contains("LEGACY_NI_59", "LEGACY_NI_60");
  }

  // --- helpers --------------------------------------------------------------------------------------

  private JsonNode measure(String user, String from, String to, String id) {
    Api.Reply reply = new Api(rest, user).get("/api/oversight/measures?from=" + from + "&to=" + to);
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    for (JsonNode m : reply.json().get("measures")) {
      if (m.get("id").asText().equals(id)) {
        return m;
      }
    }
    throw new AssertionError("No measure " + id + " in " + reply.body());
  }

  /**
   * Referred, assessed and closed (no further action) the same day: a later referral can only be a
   * re-referral once the first episode is closed (new concerns on an open case join its episode).
   */
  private String referredOn(String laChildId, String date) {
    TestClock.setLondon(date + "T11:00:00");
    String childId = driver.contact(laChildId, date + "T09:00:00Z").childId();
    driver.referForAllocation(childId);
    driver.allocate(childId, "sam");
    TestClock.setLondon(date + "T16:00:00");
    Map<String, Object> assessment = JourneyDriver.assessment("NFA");
    assessment.put("assessmentStartDate", date);
    assessment.put("childSeenDate", date);
    driver.complete("sam", childId, "Task_CarryOutAssessment", assessment);
    driver.complete("tina", childId, "Task_SignOffAssessment", Map.of("signOffDecision", "APPROVE"));
    assertThat(driver.journey(childId)).as("the first episode is closed").isNull();
    return childId;
  }

  /** A new contact about the child, decided as a referral. */
  private void referAgain(String childId, String laChildId, String date) {
    TestClock.setLondon(date + "T11:00:00");
    driver.contact(laChildId, date + "T09:00:00Z");
    driver.referForAllocation(childId);
  }

  private String plan(String conferenceDate) {
    String childId = children.create("2015-03-01");
    TestClock.setLondon("2019-02-05T09:00:00");
    Map<String, Object> variables = TestChildren.journeyVariables(childId, "sam", "assessment");
    variables.put("strategyDiscussionDate", "2019-02-04");
    engine.getRuntimeService().startProcessInstanceByKey("child-protection", childId, variables);
    TestClock.setLondon(conferenceDate + "T14:00:00");
    driver.complete("ian", childId, "Task_HoldInitialConference", conference("CP_PLAN", conferenceDate, "NEG"));
    return childId;
  }

  private void endPlan(String childId, String date) {
    Map<String, Object> review = new HashMap<>();
    review.put("reviewConferenceDate", date);
    review.put("rcpcOutcome", "END");
    review.put("latestCategory", "NEG");
    review.put("legalGateway", false);
    review.put("closureReason", "RC7");
    review.put("reviewSummary", "Plan no longer needed");
    driver.complete("ian", childId, "Task_HoldReviewConference", review);
  }
}
