package org.opencsc.care;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opencsc.support.StageForms.accommodationProposal;
import static org.opencsc.support.StageForms.placement;
import static org.opencsc.support.StageForms.placementChange;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opencsc.allocation.Transfers;
import org.opencsc.deadlines.Deadline;
import org.opencsc.deadlines.DeadlineService;
import org.opencsc.deadlines.DeadlineStatus;
import org.opencsc.support.JourneyDriver;
import org.opencsc.support.JourneyTest;
import org.opencsc.support.TestChildren;
import org.opencsc.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The looked-after model on its own. Dates worked out by hand with the England and Wales calendar:
 * the child is placed on Friday 18 December 2026; bank holidays Friday 25 December, Monday 28 December
 * (Boxing Day substitute) and Friday 1 January 2027. Working days after the 18th: 21, 22, 23, 24 Dec
 * (1-4), 29 (5), 30 (6), 31 (7), 4 Jan (8), 5 (9), 6 (10), 7, 8, 11, 12, 13, 14, 15, 18, 19, 20 Jan (20).
 * So PLACEMENT_NOTIFICATION (5 WD) is due Tuesday 29 December, CARE_PLAN and PEP (10 WD) Wednesday
 * 6 January 2027, INITIAL_HEALTH_ASSESSMENT and FIRST_LAC_REVIEW (20 WD) Wednesday 20 January, and
 * FIRST_LAC_VISIT (1 week) Friday 25 December (a calendar period: Christmas Day counts).
 */
@JourneyTest
class LookedAfterProcessTest {

  static final String PLACED = "2026-12-18";

  @Autowired ProcessEngine engine;
  @Autowired JourneyDriver driver;
  @Autowired TestChildren children;
  @Autowired DeadlineService deadlines;
  @Autowired Transfers transfers;
  @Autowired EpisodeRepository episodes;
  @Autowired JdbcTemplate jdbc;

  String childId;
  ProcessInstance lookedAfter;

  @BeforeEach
  void clock() {
    TestClock.setLondon("2026-12-18T15:00:00");
  }

  // --- accommodation under section 20 ------------------------------------------------------------

  @Test
  void aServiceManagerSignsOffAccommodationUnderSection20AfterAReturnAndTheProposerCannot() {
    start("2016-03-10", null, null, "assessment");
    assertThat(driver.openTaskKeys(childId)).containsExactly("Task_ProposeAccommodation");

    Map<String, Object> objected = accommodationProposal(PLACED);
    objected.put("noObjectionFromParents", false);
    assertThatThrownBy(() -> driver.complete("carl", childId, "Task_ProposeAccommodation", objected))
        .hasMessageContaining("noObjectionFromParents");

    driver.complete("carl", childId, "Task_ProposeAccommodation", accommodationProposal(PLACED));
    String signOff = driver.task(childId, "Task_SignOffAccommodation").getId();
    assertThatThrownBy(() -> driver.asUser("carl", () ->
        engine.getTaskService().complete(signOff, Map.of("signOffDecision", "APPROVE"))))
        .isInstanceOf(AuthorizationException.class); // refused: not their role to sign off, and four-eyes besides

    driver.complete("sue", childId, "Task_SignOffAccommodation",
        Map.of("signOffDecision", "RETURN", "signOffComments", "Ask the aunt first"));
    driver.complete("carl", childId, "Task_ProposeAccommodation", accommodationProposal(PLACED));
    driver.complete("sue", childId, "Task_SignOffAccommodation", Map.of("signOffDecision", "APPROVE"));

    assertThat(var("legalStatus")).isEqualTo("V2");
    assertThat(var("signedOffBy_Task_SignOffAccommodation")).isEqualTo("sue");
    Map<String, Object> care = placement(PLACED);
    care.put("legalStatus", "C1");
    assertThatThrownBy(() -> driver.complete("carl", childId, "Task_RecordPlacement", care))
        .hasMessageContaining("legalStatus");
    care.put("legalStatus", "V2");
    driver.complete("carl", childId, "Task_RecordPlacement", care);

    assertThat(episodes.forChild(childId)).singleElement().satisfies(e -> {
      assertThat(e.rne()).isEqualTo("S");
      assertThat(e.ls()).isEqualTo("V2");
      assertThat(e.decom()).isEqualTo(PLACED);
      assertThat(e.cin()).isEqualTo("N1");
      assertThat(e.place()).isEqualTo("U6");
      assertThat(e.placeProvider()).isEqualTo("PR1");
      assertThat(e.plPost()).isEqualTo("CH41 1AA");
      assertThat(e.homePost()).isEqualTo("CH41 2BB");
      assertThat(e.urn()).isEqualTo("SC123456");
      assertThat(e.dec()).isNull();
    });
  }

  @Test
  void impossiblePlacementValuesAreRefusedNamingTheField() {
    start("2016-03-10", "C1", PLACED, "children-in-care");
    Map<String, Object> tomorrow = placement("2026-12-19");
    assertThatThrownBy(() -> complete("carl", "Task_RecordPlacement", tomorrow)).hasMessageContaining("placementStart");
    Map<String, Object> hospitalWithProvider = placement(PLACED);
    hospitalWithProvider.put("placementType", "T1");
    assertThatThrownBy(() -> complete("carl", "Task_RecordPlacement", hospitalWithProvider))
        .hasMessageContaining("placementProvider");
    Map<String, Object> fosterWithoutProvider = placement(PLACED);
    fosterWithoutProvider.remove("placementProvider");
    assertThatThrownBy(() -> complete("carl", "Task_RecordPlacement", fosterWithoutProvider))
        .hasMessageContaining("placementProvider");
    Map<String, Object> badPostcode = placement(PLACED);
    badPostcode.put("placementPostcode", "NOT A POSTCODE");
    assertThatThrownBy(() -> complete("carl", "Task_RecordPlacement", badPostcode))
        .hasMessageContaining("placementPostcode");
    Map<String, Object> unknownStatus = placement(PLACED);
    unknownStatus.put("legalStatus", "C9");
    assertThatThrownBy(() -> complete("carl", "Task_RecordPlacement", unknownStatus))
        .hasMessageContaining("legalStatus");

    Map<String, Object> hospital = placement(PLACED);
    hospital.put("placementType", "T1");
    hospital.remove("placementProvider");
    complete("carl", "Task_RecordPlacement", hospital);
    assertThat(episodes.forChild(childId)).singleElement()
        .satisfies(e -> assertThat(e.placeProvider()).isNull());
  }

  // --- the first deadlines -------------------------------------------------------------------------

  @Test
  void everyFirstDeadlineFallsOnItsDateAcrossChristmasAndNewYear() {
    placedOnACareOrder("2016-03-10", false);

    assertThat(deadline("PLACEMENT_NOTIFICATION").dueDate()).isEqualTo("2026-12-29");
    assertThat(deadline("CARE_PLAN").dueDate()).isEqualTo("2027-01-06");
    assertThat(deadline("PEP").dueDate()).isEqualTo("2027-01-06");
    assertThat(deadline("FIRST_LAC_VISIT").dueDate()).isEqualTo("2026-12-25");
    assertThat(deadline("INITIAL_HEALTH_ASSESSMENT").dueDate()).isEqualTo("2027-01-20");
    assertThat(deadline("FIRST_LAC_REVIEW").dueDate()).isEqualTo("2027-01-20");
    assertThat(driver.openTaskKeys(childId)).containsExactlyInAnyOrder("Task_ArrangeHealthAssessment",
        "Task_ChairLookedAfterReview", "Task_HoldPersonalEducationPlan", "Task_NotifyPlacement", "Task_VisitChild",
        "Task_WriteCarePlan");
    assertThat(driver.task(childId, "Task_WriteCarePlan").getDueDate()).isEqualTo(endOfDay("2027-01-06"));
    assertThat(driver.task(childId, "Task_NotifyPlacement").getDueDate()).isEqualTo(endOfDay("2026-12-29"));
    assertThat(driver.task(childId, "Task_VisitChild").getDueDate()).isEqualTo(endOfDay("2026-12-25"));
    assertThat(driver.task(childId, "Task_ChairLookedAfterReview").getDueDate()).isEqualTo(endOfDay("2027-01-20"));

    TestClock.setLondon("2026-12-22T10:00:00");
    complete("carl", "Task_NotifyPlacement", Map.of("notificationDate", "2026-12-22"));
    complete("carl", "Task_WriteCarePlan", Map.of("carePlanDate", "2026-12-22", "permanencePlan", "RETURN_HOME",
        "carePlanSummary", "Rehabilitation home with support"));
    complete("carl", "Task_HoldPersonalEducationPlan", Map.of("pepDate", "2026-12-22", "educationSetting",
        "Birkenhead Primary", "pepSummary", "Keep at the same school"));
    assertThat(deadline("PLACEMENT_NOTIFICATION").status()).isEqualTo(DeadlineStatus.MET);
    assertThat(deadline("CARE_PLAN").status()).isEqualTo(DeadlineStatus.MET);
    assertThat(deadline("PEP").status()).isEqualTo(DeadlineStatus.MET);
    assertThat(jdbc.queryForObject("SELECT education_setting FROM pep WHERE child_id = ?", String.class, childId))
        .isEqualTo("Birkenhead Primary");
    assertThat(activities()).contains("EndEvent_CarePlanDone", "EndEvent_PlacementNotified", "EndEvent_PepHeld");
  }

  // --- visits ----------------------------------------------------------------------------------------

  @Test
  void visitsAreDueSixWeeksApartThenThreeMonthsAfterTheFirstYearOfALongTermPlacement() {
    placedOnACareOrder("2016-03-10", true);

    TestClock.setLondon("2026-12-23T10:00:00");
    visit("2026-12-23");
    // 23 December 2026 + 42 days = Wednesday 3 February 2027
    assertThat(deadline("FIRST_LAC_VISIT").status()).isEqualTo(DeadlineStatus.MET);
    assertThat(deadline("LAC_VISIT", "2026-12-23").dueDate()).isEqualTo("2027-02-03");
    assertThat(driver.task(childId, "Task_VisitChild").getDueDate()).isEqualTo(endOfDay("2027-02-03"));

    TestClock.setLondon("2027-11-30T10:00:00");
    visit("2027-11-30");
    // still in the first year of the placement (until 18 December 2027): 6 weeks → Tuesday 11 January 2028
    assertThat(deadline("LAC_VISIT", "2027-11-30").dueDate()).isEqualTo("2028-01-11");

    TestClock.setLondon("2028-11-30T10:00:00");
    visit("2028-11-30");
    // after the first year of a placement meant to last until 18: 3 months; February 2029 has no 30th → 28 February
    assertThat(deadline("LAC_VISIT", "2028-11-30").dueDate()).isEqualTo("2029-02-28");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM lac_visit WHERE child_id = ?", Integer.class, childId))
        .isEqualTo(3);
  }

  @Test
  void anOverdueFirstVisitIsWarnedBreachedAndEscalatedWhileTheVisitStaysOpen() {
    placedOnACareOrder("2016-03-10", false);
    Deadline firstVisit = deadline("FIRST_LAC_VISIT");
    // 1 week is a calendar limit: the warning 7 days before (18 December) is not after the trigger, so
    // it falls at 00:00 on the due date, Christmas Day; breach at 00:00 on Boxing Day (GMT = London)
    assertThat(firstVisit.warningAt()).isEqualTo("2026-12-25T00:00:00Z");
    assertThat(firstVisit.breachAt()).isEqualTo("2026-12-26T00:00:00Z");

    TestClock.set(Instant.parse("2026-12-24T23:59:59Z"));
    driver.runDueJobs(childId);
    assertThat(deadline("FIRST_LAC_VISIT").warnedAt()).isNull();
    TestClock.set(Instant.parse("2026-12-25T00:00:00Z"));
    driver.runDueJobs(childId);
    assertThat(deadline("FIRST_LAC_VISIT").warnedAt()).isEqualTo("2026-12-25T00:00:00Z");
    assertThat(driver.task(childId, "Task_VisitChild").getPriority()).isEqualTo(80);

    TestClock.set(Instant.parse("2026-12-25T23:59:59Z"));
    driver.runDueJobs(childId);
    assertThat(deadline("FIRST_LAC_VISIT").status()).isEqualTo(DeadlineStatus.OPEN);
    TestClock.set(Instant.parse("2026-12-26T00:00:00Z"));
    driver.runDueJobs(childId);
    assertThat(deadline("FIRST_LAC_VISIT").status()).isEqualTo(DeadlineStatus.BREACHED);
    assertThat(driver.openTaskKeys(childId)).contains("Task_VisitChild", "Task_RecordBreachReasonAndPlan");

    driver.complete("tina", childId, "Task_RecordBreachReasonAndPlan", Map.of(
        "breachReason", "Worker off sick over Christmas", "recoveryPlan", "Duty worker visits on 29 December"));
    TestClock.setLondon("2026-12-29T11:00:00");
    visit("2026-12-29");
    assertThat(deadline("FIRST_LAC_VISIT").status()).isEqualTo(DeadlineStatus.BREACHED);
    assertThat(deadline("FIRST_LAC_VISIT").metDate()).isEqualTo("2026-12-29");
    assertThat(deadline("FIRST_LAC_VISIT").breachRecordedBy()).isEqualTo("tina");
  }

  // --- health --------------------------------------------------------------------------------------

  @ParameterizedTest(name = "born {0}: next health review due {1}")
  @CsvSource({
      // 3 years old on 15 January 2027: 6 months
      "2023-06-01, 2027-07-15",
      // 11 years old: 12 months
      "2015-06-01, 2028-01-15"})
  void healthReviewsAreSixMonthlyUnderFiveAndYearlyFromFive(String dateOfBirth, String nextDue) {
    placedOnACareOrder(dateOfBirth, false);
    TestClock.setLondon("2027-01-15T12:00:00");
    complete("carl", "Task_ArrangeHealthAssessment", Map.of("healthAssessmentDate", "2027-01-15",
        "dentalCheckDate", "2026-11-02", "immunisationsUpToDate", true));

    assertThat(deadline("INITIAL_HEALTH_ASSESSMENT").status()).isEqualTo(DeadlineStatus.MET);
    assertThat(deadline("HEALTH_REVIEW").dueDate()).isEqualTo(nextDue);
    assertThat(driver.task(childId, "Task_ArrangeHealthAssessment").getDueDate()).isEqualTo(endOfDay(nextDue));
    Map<String, Object> row = jdbc.queryForMap("SELECT * FROM health_assessment WHERE child_id = ?", childId);
    assertThat(row).containsEntry("ASSESSMENT_TYPE", "INITIAL").containsEntry("IMMUNISATIONS_UP_TO_DATE", true);
    assertThat(row.get("DENTAL_CHECK_DATE").toString()).isEqualTo("2026-11-02");
  }

  // --- reviews and transfers ---------------------------------------------------------------------------

  @Test
  void reviewsFollowTwentyWorkingDaysThreeMonthsSixMonthsAndTheCaseMovesTeamAtTheTransferPoints() {
    start("2016-03-10", "V2", PLACED, "assessment");
    complete("carl", "Task_RecordPlacement", placement(PLACED));

    TestClock.setLondon("2027-01-19T14:00:00");
    review("2027-01-19", "PN1", "CONTINUE");
    assertThat(deadline("FIRST_LAC_REVIEW").status()).isEqualTo(DeadlineStatus.MET);
    // 19 January 2027 + 3 months
    assertThat(deadline("SECOND_LAC_REVIEW").dueDate()).isEqualTo("2027-04-19");
    assertThat(var("caseTeam")).isEqualTo("localities");

    TestClock.setLondon("2027-04-30T14:00:00");
    review("2027-04-30", "PN5", "PERMANENCE_PLAN_CHANGED");
    // 30 April 2027 + 6 months = Saturday 30 October 2027 (calendar months: weekends count)
    assertThat(deadline("LAC_REVIEW", "2027-04-30").dueDate()).isEqualTo("2027-10-30");
    assertThat(var("caseTeam")).isEqualTo("children-in-care");

    TestClock.setLondon("2027-10-29T14:00:00");
    review("2027-10-29", "PN1", "CONTINUE");
    assertThat(deadline("LAC_REVIEW", "2027-10-29").dueDate()).isEqualTo("2028-04-29");
    assertThat(transfers.forChild(childId)).extracting(Transfers.Transfer::fromTeam, Transfers.Transfer::toTeam)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("assessment", "localities"),
            org.assertj.core.groups.Tuple.tuple("localities", "children-in-care"));
    assertThat(jdbc.queryForList("SELECT review_code FROM lac_review WHERE child_id = ? ORDER BY review_number",
        String.class, childId)).containsExactly("PN1", "PN5", "PN1");
    assertThat(jdbc.queryForObject("SELECT chaired_by FROM lac_review WHERE child_id = ? AND review_number = 1",
        String.class, childId)).isEqualTo("ian");
  }

  @Test
  void aChildOnACareOrderDoesNotMoveToLocalitiesAtTheFirstReview() {
    placedOnACareOrder("2016-03-10", false);
    TestClock.setLondon("2027-01-19T14:00:00");
    review("2027-01-19", "PN1", "CONTINUE");
    assertThat(transfers.forChild(childId)).isEmpty();
    assertThat(activities()).contains("Gateway_CareToEnd").doesNotContain("Task_TransferToLocalities");
  }

  // --- episodes: placement and legal status changes ----------------------------------------------------

  @Test
  void aChangeOfPlacementClosesTheEpisodeOpensAnotherWithRnePAndNeedsAVisitWithinAWeek() {
    placedOnACareOrder("2016-03-10", false);
    TestClock.setLondon("2027-02-01T09:00:00");
    engine.getRuntimeService().createMessageCorrelation("PlacementChanged").processInstanceBusinessKey(childId).correlate();
    Map<String, Object> move = placementChange("2027-02-01", false);
    complete("carl", "Task_RecordPlacementChange", move);

    List<Episode> rows = episodes.forChild(childId);
    assertThat(rows).extracting(Episode::rne).containsExactly("S", "P");
    assertThat(rows.get(0).dec()).isEqualTo("2027-02-01");
    assertThat(rows.get(0).rec()).isEqualTo("X1");
    assertThat(rows.get(0).reasonPlaceChange()).isEqualTo("CARPL");
    assertThat(rows.get(1).decom()).isEqualTo("2027-02-01");
    assertThat(rows.get(1).ls()).isEqualTo("C1");
    assertThat(rows.get(1).place()).isEqualTo("K2");
    assertThat(rows.get(1).plPost()).isEqualTo("L1 8JQ");
    assertThat(rows.get(1).cin()).isEqualTo("N1");
    assertThat(var("placementStart")).isEqualTo("2027-02-01");
    // 1 February 2027 + 7 days
    assertThat(deadline("FIRST_LAC_VISIT", "2027-02-01").dueDate()).isEqualTo("2027-02-08");
    assertThat(driver.task(childId, "Task_VisitChildInNewPlacement").getDueDate()).isEqualTo(endOfDay("2027-02-08"));

    TestClock.setLondon("2027-02-04T09:00:00");
    complete("carl", "Task_VisitChildInNewPlacement", Map.of("visitDate", "2027-02-04", "childSeenAlone", true,
        "visitNotes", "Settling in"));
    assertThat(deadline("FIRST_LAC_VISIT", "2027-02-01").status()).isEqualTo(DeadlineStatus.MET);
    assertThat(jdbc.queryForObject("SELECT first_visit_to_placement FROM lac_visit WHERE child_id = ?",
        Boolean.class, childId)).isTrue();
    assertThat(activities()).contains("EndEvent_NewPlacementVisited");
  }

  @Test
  void aMoveWithTheSameCarerIsRneT() {
    placedOnACareOrder("2016-03-10", false);
    TestClock.setLondon("2027-02-01T09:00:00");
    engine.getRuntimeService().createMessageCorrelation("PlacementChanged").processInstanceBusinessKey(childId).correlate();
    complete("carl", "Task_RecordPlacementChange", placementChange("2027-02-01", true));
    assertThat(episodes.forChild(childId)).extracting(Episode::rne).containsExactly("S", "T");
  }

  @ParameterizedTest(name = "placement changed too: {0} → RNE {1}")
  @CsvSource({"NO, L, false", "SAME_CARER, U, true", "NEW_CARER, B, true"})
  void aChangeOfLegalStatusOpensANewEpisode(String placementChangedToo, String rne, boolean visitNeeded) {
    placedOnACareOrder("2016-03-10", false);
    TestClock.setLondon("2027-03-01T09:00:00");
    engine.getRuntimeService().createMessageCorrelation("LegalStatusChanged").processInstanceBusinessKey(childId).correlate();
    Map<String, Object> sameStatus = legalStatusChange("C1", placementChangedToo);
    assertThatThrownBy(() -> complete("carl", "Task_RecordLegalStatusChange", sameStatus))
        .hasMessageContaining("newLegalStatus");
    complete("carl", "Task_RecordLegalStatusChange", legalStatusChange("C2", placementChangedToo));

    List<Episode> rows = episodes.forChild(childId);
    assertThat(rows).extracting(Episode::rne).containsExactly("S", rne);
    assertThat(rows.get(0).dec()).isEqualTo("2027-03-01");
    assertThat(rows.get(0).rec()).isEqualTo("X1");
    assertThat(rows.get(0).reasonPlaceChange()).isEqualTo(visitNeeded ? "CARPL" : null);
    assertThat(rows.get(1).ls()).isEqualTo("C2");
    assertThat(rows.get(1).place()).isEqualTo(visitNeeded ? "K2" : "U6");
    assertThat(var("legalStatus")).isEqualTo("C2");
    assertThat(driver.tasks(childId, "Task_VisitChildAfterLegalChange")).hasSize(visitNeeded ? 1 : 0);
    if (!visitNeeded) {
      assertThat(activities()).contains("EndEvent_LegalStatusChanged");
    } else {
      // the new placement's first visit, within a week of the move
      TestClock.setLondon("2027-03-04T09:00:00");
      complete("carl", "Task_VisitChildAfterLegalChange", Map.of("visitDate", "2027-03-04", "childSeenAlone", true,
          "visitNotes", "Settling in"));
      assertThat(activities()).contains("Task_RecordLegalChangeVisit", "EndEvent_LegalStatusChangedAndVisited");
      assertThat(deadlines.forChild(childId).stream().filter(d -> d.timescaleId().equals("FIRST_LAC_VISIT")
          && d.triggerDate().toString().equals("2027-03-01")).findFirst().orElseThrow().status())
          .isEqualTo(org.opencsc.deadlines.DeadlineStatus.MET);
    }
  }

  // --- missing ------------------------------------------------------------------------------------------

  @Test
  void aMissingEpisodeIsRecordedFromStartToReturn() {
    placedOnACareOrder("2012-03-10", false);
    TestClock.setLondon("2027-02-10T22:00:00");
    engine.getRuntimeService().createMessageCorrelation("MissingFromCare").processInstanceBusinessKey(childId).correlate();
    complete("carl", "Task_RecordChildMissing", Map.of("missingType", "M", "missingStart", "2027-02-10"));
    TestClock.setLondon("2027-02-12T09:00:00");
    assertThatThrownBy(() -> complete("carl", "Task_RecordChildReturned", Map.of("missingEnd", "2027-02-09")))
        .hasMessageContaining("missingEnd");
    complete("carl", "Task_RecordChildReturned", Map.of("missingEnd", "2027-02-11", "returnInterviewOffered", true));

    Map<String, Object> row = jdbc.queryForMap("SELECT * FROM missing_episode WHERE child_id = ?", childId);
    assertThat(row).containsEntry("MISSING_TYPE", "M").containsEntry("RETURN_INTERVIEW_OFFERED", true);
    assertThat(row.get("MIS_START").toString()).isEqualTo("2027-02-10");
    assertThat(row.get("MIS_END").toString()).isEqualTo("2027-02-11");
    assertThat(activities()).contains("EndEvent_ChildBack");
  }

  // --- ceasing care ---------------------------------------------------------------------------------------

  @Test
  void careEndsAfterAReviewWithTheReasonSignedOffByAnotherManagerAndTheCaseCloses() {
    placedOnACareOrder("2016-03-10", false);
    TestClock.setLondon("2027-01-19T14:00:00");
    review("2027-01-19", "PN1", "CEASE");
    assertThat(driver.openTaskKeys(childId)).contains("Task_CeaseCare", "Task_VisitChild");

    assertThatThrownBy(() -> complete("carl", "Task_CeaseCare", ceasing("2027-01-19", "X1")))
        .hasMessageContaining("reasonEpisodeCeased");
    assertThatThrownBy(() -> complete("carl", "Task_CeaseCare", ceasing("2026-12-01", "E4A")))
        .hasMessageContaining("ceaseDate");
    complete("carl", "Task_CeaseCare", ceasing("2027-01-19", "E4A"));
    String signOff = driver.task(childId, "Task_SignOffCeasingCare").getId();
    assertThatThrownBy(() -> driver.asUser("carl", () ->
        engine.getTaskService().complete(signOff, Map.of("signOffDecision", "APPROVE"))))
        .isInstanceOf(AuthorizationException.class);
    driver.complete("tina", childId, "Task_SignOffCeasingCare",
        Map.of("signOffDecision", "RETURN", "signOffComments", "Add the support plan"));
    complete("carl", "Task_CeaseCare", ceasing("2027-01-19", "E4A"));
    driver.complete("mark", childId, "Task_SignOffCeasingCare", Map.of("signOffDecision", "APPROVE"));

    BpmnAwareTests.assertThat(lookedAfter).isEnded().hasPassed("EndEvent_CareEnded", "EndEvent_CareEndedCaseClosed");
    assertThat(historicVar("nextStage")).isEqualTo("CLOSE");
    assertThat(historicVar("closureReason")).isEqualTo("RC7");
    assertThat(episodes.forChild(childId)).singleElement().satisfies(e -> {
      assertThat(e.dec()).isEqualTo("2027-01-19");
      assertThat(e.rec()).isEqualTo("E4A");
    });
    assertThat(driver.openTaskKeys(childId)).doesNotContain("Task_VisitChild", "Task_ArrangeHealthAssessment");
  }

  @Test
  void aYoungPersonLookedAfterThirteenWeeksSinceFourteenLeavesCareAsACareLeaver() {
    // 16 on 1 June 2026, so 16 already when placed: the leaving care track is asked for at once
    placedOnACareOrder("2010-06-01", false);
    assertThat(driver.timers(childId)).anySatisfy(job -> assertThat(job.getDuedate())
        .isEqualTo(Date.from(java.time.LocalDateTime.parse("2026-12-18T15:00:00").atZone(org.opencsc.calendar.LondonTime.ZONE).toInstant())));
    driver.runDueJobs(childId);
    assertThat(activities()).contains("Task_AskForLeavingCareTrack", "EndEvent_LeavingCareTrackAsked");

    TestClock.setLondon("2027-04-30T14:00:00");
    review("2027-04-30", "PN1", "CEASE");
    // 18 December 2026 to 30 April 2027 = 133 days looked after since 14, more than 13 weeks
    complete("carl", "Task_CeaseCare", ceasing("2027-04-30", "E5"));
    driver.complete("sue", childId, "Task_SignOffCeasingCare", Map.of("signOffDecision", "APPROVE"));
    BpmnAwareTests.assertThat(lookedAfter).isEnded().hasPassed("EndEvent_ToLeavingCare");
    assertThat(historicVar("nextStage")).isEqualTo("LEAVING_CARE");
  }

  @Test
  void theLeavingCareTrackIsAskedForAtMidnightOnTheSixteenthBirthday() {
    // born 4 January 2011: 16 at 00:00 on Monday 4 January 2027 (GMT, so 00:00Z)
    placedOnACareOrder("2011-01-04", false);
    Instant birthday = Instant.parse("2027-01-04T00:00:00Z");
    assertThat(driver.timers(childId)).extracting(Job::getDuedate).contains(Date.from(birthday));
    TestClock.set(birthday.minusSeconds(1));
    driver.runDueJobs(childId);
    assertThat(activities()).doesNotContain("Task_AskForLeavingCareTrack");
    TestClock.set(birthday);
    driver.runDueJobs(childId);
    // standalone (no child-journey): journeyTracks.start is a no-op and the model goes on
    assertThat(activities()).contains("Task_AskForLeavingCareTrack", "EndEvent_LeavingCareTrackAsked");
    BpmnAwareTests.assertThat(lookedAfter).isNotEnded();
  }

  // --- helpers --------------------------------------------------------------------------------------------

  private void start(String dateOfBirth, String legalStatus, String placementStart, String team) {
    childId = children.create(dateOfBirth);
    jdbc.update("UPDATE child SET postcode = 'CH41 2BB' WHERE id = ?", childId);
    Map<String, Object> vars = TestChildren.journeyVariables(childId, "carl", team);
    vars.put("categoryOfNeed", "N1");
    if (legalStatus != null) {
      vars.put("legalStatus", legalStatus);
    }
    if (placementStart != null) {
      vars.put("placementStart", placementStart);
    }
    lookedAfter = engine.getRuntimeService().startProcessInstanceByKey("looked-after", childId, vars);
  }

  private void placedOnACareOrder(String dateOfBirth, boolean longTerm) {
    start(dateOfBirth, "C1", PLACED, "children-in-care");
    Map<String, Object> values = placement(PLACED);
    values.put("longTermPlacement", longTerm);
    complete("carl", "Task_RecordPlacement", values);
  }

  private void complete(String user, String taskKey, Map<String, Object> values) {
    driver.complete(user, childId, taskKey, values);
  }

  private void visit(String date) {
    complete("carl", "Task_VisitChild", Map.of("visitDate", date, "childSeenAlone", true, "visitNotes", "Seen at home"));
  }

  private void review(String date, String code, String outcome) {
    complete("ian", "Task_ChairLookedAfterReview", Map.of("reviewDate", date, "reviewCode", code,
        "lacReviewOutcome", outcome, "reviewRecommendations", "As discussed"));
  }


  private static Map<String, Object> legalStatusChange(String newStatus, String placementChangedToo) {
    Map<String, Object> values = new HashMap<>();
    values.put("legalStatusChangeDate", "2027-03-01");
    values.put("newLegalStatus", newStatus);
    values.put("placementChangedToo", placementChangedToo);
    if (!"NO".equals(placementChangedToo)) {
      values.put("placementType", "K2");
      values.put("placementProvider", "PR4");
      values.put("placementPostcode", "L1 8JQ");
      values.put("reasonPlaceChange", "CARPL");
    }
    return values;
  }

  private static Map<String, Object> ceasing(String date, String reason) {
    return Map.of("ceaseDate", date, "reasonEpisodeCeased", reason, "ceaseCareReasons", "Home with family support");
  }

  private Deadline deadline(String timescaleId) {
    List<Deadline> found = deadlines.forChild(childId).stream().filter(d -> d.timescaleId().equals(timescaleId)).toList();
    assertThat(found).as("one %s deadline", timescaleId).hasSize(1);
    return found.get(0);
  }

  private Deadline deadline(String timescaleId, String trigger) {
    return deadlines.forChild(childId).stream()
        .filter(d -> d.timescaleId().equals(timescaleId) && d.triggerDate().equals(LocalDate.parse(trigger)))
        .findFirst().orElseThrow(() -> new AssertionError("no " + timescaleId + " from " + trigger));
  }

  private Object var(String name) {
    return engine.getRuntimeService().getVariable(lookedAfter.getId(), name);
  }

  private Object historicVar(String name) {
    return engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(lookedAfter.getId())
        .variableName(name).singleResult().getValue();
  }

  private List<String> activities() {
    List<String> ids = new java.util.ArrayList<>(engine.getHistoryService().createHistoricActivityInstanceQuery()
        .processInstanceId(lookedAfter.getId()).list().stream().map(HistoricActivityInstance::getActivityId).toList());
    return ids;
  }

  private static Date endOfDay(String date) {
    return Date.from(org.opencsc.calendar.LondonTime.endOfDay(LocalDate.parse(date)));
  }
}
