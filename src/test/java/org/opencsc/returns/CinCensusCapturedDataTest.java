package org.opencsc.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.Test;
import org.opencsc.children.ChildRepository;
import org.opencsc.engine.InvalidFieldValue;
import org.opencsc.support.JourneyDriver;
import org.opencsc.support.JourneyTest;
import org.opencsc.support.StageForms;
import org.opencsc.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What the CIN census needs and the social worker now records, refused with the field named when it
 * cannot be right: disabilities asked again at assessment, the assessment's internal review date, and
 * the date of death when a case closes because the child died.
 */
@JourneyTest
class CinCensusCapturedDataTest {

  @Autowired JourneyDriver driver;
  @Autowired ChildRepository children;

  @Test
  void disabilitiesAskedAtAssessmentReplaceTheContactsAndNoneCannotBeTickedWithADisability() {
    String childId = allocatedChild();
    TestClock.setLondon("2026-12-11T10:00:00");
    Map<String, Object> values = JourneyDriver.assessment("NFA");
    values.put("disabilities", SpinValues.jsonValue("[\"NONE\",\"HEAR\"]").create());
    refused(() -> driver.complete("sam", childId, "Task_CarryOutAssessment", values), "disabilities");
    values.put("disabilities", SpinValues.jsonValue("[\"SIGHT\"]").create());
    refused(() -> driver.complete("sam", childId, "Task_CarryOutAssessment", values), "disabilities");

    values.put("disabilities", SpinValues.jsonValue("[\"HEAR\",\"MOB\"]").create());
    driver.complete("sam", childId, "Task_CarryOutAssessment", values);
    assertThat(children.disabilitiesOf(childId)).as("not recorded before the manager authorises it").isEmpty();
    driver.complete("tina", childId, "Task_SignOffAssessment", Map.of("signOffDecision", "APPROVE"));
    assertThat(children.disabilitiesOf(childId)).containsExactly("MOB", "HEAR");
  }

  @Test
  void anAssessmentWithoutDisabilitiesKeepsWhatWasRecordedAndAnInternalReviewCannotPrecedeTheStart() {
    String childId = allocatedChild();
    children.replaceDisabilities(childId, java.util.List.of("AUT"));
    TestClock.setLondon("2026-12-11T10:00:00");
    Map<String, Object> values = JourneyDriver.assessment("NFA");
    values.put("assessmentInternalReviewDate", "2026-11-29");   // the assessment started on 30 November
    refused(() -> driver.complete("sam", childId, "Task_CarryOutAssessment", values), "assessmentInternalReviewDate");
    values.put("assessmentInternalReviewDate", "2026-12-12");
    refused(() -> driver.complete("sam", childId, "Task_CarryOutAssessment", values), "assessmentInternalReviewDate");

    values.put("assessmentInternalReviewDate", "2026-12-07");
    driver.complete("sam", childId, "Task_CarryOutAssessment", values);
    driver.complete("tina", childId, "Task_SignOffAssessment", Map.of("signOffDecision", "APPROVE"));
    assertThat(children.disabilitiesOf(childId)).containsExactly("AUT");
  }

  @Test
  void aCaseClosedBecauseTheChildDiedNeedsTheDateOfDeathAndRecordsItOnTheChild() {
    String childId = allocatedChild();
    childInNeedPlanAgreedOn14December(childId);
    driver.allocate(childId, "sam");  // after the transfer to localities, its manager keeps Sam

    TestClock.setLondon("2027-01-20T14:00:00");
    Map<String, Object> review = closingReviewOn20January("2027-01-08", "Ann died in hospital", "RC2");
    refused(() -> driver.complete("sam", childId, "Task_ReviewChildInNeedPlan", review), "personDeathDate");
    review.put("personDeathDate", "2027-01-21");
    refused(() -> driver.complete("sam", childId, "Task_ReviewChildInNeedPlan", review), "personDeathDate");
    review.put("personDeathDate", "2027-01-15");
    driver.complete("sam", childId, "Task_ReviewChildInNeedPlan", review);
    driver.complete("mark", childId, "Task_SignOffChildInNeedReview", Map.of("signOffDecision", "APPROVE"));

    assertThat(children.deathDateOf(childId)).hasValue(java.time.LocalDate.parse("2027-01-15"));
    assertThat(driver.journey(childId)).as("the case is closed").isNull();
  }

  @Test
  void aDateOfDeathGivenWithAnotherClosureReasonIsNotRecorded() {
    String childId = allocatedChild();
    childInNeedPlanAgreedOn14December(childId);
    TestClock.setLondon("2027-01-20T14:00:00");
    Map<String, Object> review = closingReviewOn20January("2027-01-18", "Family moved to Cheshire; transferred", "RC5");
    review.put("personDeathDate", "2027-01-15");
    driver.complete("sam", childId, "Task_ReviewChildInNeedPlan", review);
    driver.complete("mark", childId, "Task_SignOffChildInNeedReview", Map.of("signOffDecision", "APPROVE"));

    assertThat(children.deathDateOf(childId)).isEmpty();
  }

  @Test
  void aConferenceThatClosesTheCaseBecauseTheChildDiedNeedsTheDateRecordsItAndRefusesOneInTheFuture() {
    String childId = allocatedChild();
    TestClock.setLondon("2026-12-11T10:00:00");
    driver.complete("sam", childId, "Task_CarryOutAssessment", JourneyDriver.assessment("STRATEGY"));
    driver.complete("tina", childId, "Task_SignOffAssessment", Map.of("signOffDecision", "APPROVE"));
    TestClock.setLondon("2026-12-14T11:00:00");
    Map<String, Object> discussion = new HashMap<>();
    discussion.put("discussionDate", "2026-12-14");
    discussion.put("socialCareAttended", true);
    discussion.put("policeAttended", true);
    discussion.put("healthAttended", true);
    discussion.put("strategyDecision", "START_SECTION_47");
    discussion.put("strategyReasons", "Unexplained injuries");
    driver.complete("sam", childId, "Task_HoldStrategyDiscussion", discussion);
    TestClock.setLondon("2026-12-23T09:00:00");
    driver.complete("sam", childId, "Task_CarryOutSection47Enquiry", Map.of("s47Outcome", "ICPC",
        "s47ChildSeenDate", "2026-12-15", "s47ChildSeenAlone", true, "s47Findings", "Injuries not explained"));
    driver.complete("mark", childId, "Task_SignOffSection47Outcome", Map.of("signOffDecision", "APPROVE"));

    TestClock.setLondon("2027-01-07T14:00:00");
    Map<String, Object> conference = new HashMap<>();
    conference.put("conferenceDate", "2027-01-07");
    conference.put("conferenceAttendance", SpinValues.jsonValue("[\"POLICE\"]").create());
    conference.put("icpcOutcome", "NFA");
    conference.put("closureReason", "RC2");
    conference.put("conferenceDecisionReasons", "Ann died on 4 January; the conference closes the case");
    refused(() -> driver.complete("ian", childId, "Task_HoldInitialConference", conference), "personDeathDate");
    conference.put("personDeathDate", "2027-01-08");
    refused(() -> driver.complete("ian", childId, "Task_HoldInitialConference", conference), "personDeathDate");
    conference.put("personDeathDate", "2027-01-04");
    driver.complete("ian", childId, "Task_HoldInitialConference", conference);

    assertThat(children.deathDateOf(childId)).hasValue(java.time.LocalDate.parse("2027-01-04"));
    assertThat(driver.journey(childId)).as("the case is closed").isNull();
  }

  @Test
  void careThatCeasesBecauseTheChildDiedRecordsTheDateOfDeath() {
    String childId = allocatedChild();
    TestClock.setLondon("2026-12-11T10:00:00");
    driver.complete("sam", childId, "Task_CarryOutAssessment", JourneyDriver.assessment("LAC"));
    driver.complete("tina", childId, "Task_SignOffAssessment", Map.of("signOffDecision", "APPROVE"));
    TestClock.setLondon("2026-12-18T15:00:00");
    driver.complete("sam", childId, "Task_ProposeAccommodation", StageForms.accommodationProposal("2026-12-18"));
    driver.complete("sue", childId, "Task_SignOffAccommodation", Map.of("signOffDecision", "APPROVE"));
    driver.complete("sam", childId, "Task_RecordPlacement", StageForms.placement("2026-12-18"));

    TestClock.setLondon("2027-01-19T14:00:00");
    driver.complete("ian", childId, "Task_ChairLookedAfterReview", Map.of("reviewDate", "2027-01-19",
        "reviewCode", "PN1", "lacReviewOutcome", "CEASE", "reviewRecommendations", "Palliative care at home"));
    TestClock.setLondon("2027-02-03T10:00:00");
    driver.complete("sam", childId, "Task_CeaseCare", Map.of("ceaseDate", "2027-02-01",
        "reasonEpisodeCeased", "E2", "ceaseCareReasons", "Ann died at the hospice", "personDeathDate", "2027-02-01"));
    driver.complete("tina", childId, "Task_SignOffCeasingCare", Map.of("signOffDecision", "APPROVE"));

    assertThat(children.deathDateOf(childId)).hasValue(java.time.LocalDate.parse("2027-02-01"));
  }

  private String allocatedChild() {
    TestClock.setLondon("2026-11-27T10:30:00");
    String laChildId = "D" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    String childId = driver.contact(laChildId, "2026-11-27T10:15:00Z").childId();
    driver.referForAllocation(childId);
    driver.allocate(childId, "sam");
    return childId;
  }

  private static void refused(Runnable action, String field) {
    assertThatThrownBy(action::run).isInstanceOf(InvalidFieldValue.class)
        .satisfies(e -> assertThat(((InvalidFieldValue) e).field()).isEqualTo(field));
  }

  /** Assessed from 11 December; a child in need plan agreed and signed off on Monday 14 December 2026. */
  private void childInNeedPlanAgreedOn14December(String childId) {
    TestClock.setLondon("2026-12-11T10:00:00");
    driver.complete("sam", childId, "Task_CarryOutAssessment", JourneyDriver.assessment("CIN_PLAN"));
    driver.complete("tina", childId, "Task_SignOffAssessment", Map.of("signOffDecision", "APPROVE"));
    TestClock.setLondon("2026-12-14T16:00:00");
    driver.complete("sam", childId, "Task_AgreeChildInNeedPlan", Map.of("cinPlanStartDate", "2026-12-14",
        "planGoals", "Support at home", "planActions", "Sam visits fortnightly"));
    driver.complete("tina", childId, "Task_SignOffChildInNeedPlan", Map.of("signOffDecision", "APPROVE"));
  }

  /** The child in need review of 20 January 2027 that closes the case, before any date of death. */
  private static Map<String, Object> closingReviewOn20January(String childLastSeen, String progress,
      String closureReason) {
    Map<String, Object> review = new HashMap<>();
    review.put("cinReviewDate", "2027-01-20");
    review.put("childLastSeenDate", childLastSeen);
    review.put("reviewProgress", progress);
    review.put("cinOutcome", "CLOSE");
    review.put("closureReason", closureReason);
    return review;
  }
}
