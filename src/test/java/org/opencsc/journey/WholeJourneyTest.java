package org.opencsc.journey;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.Test;
import org.opencsc.allocation.Transfers;
import org.opencsc.support.Api;
import org.opencsc.support.JourneyDriver;
import org.opencsc.support.JourneyTest;
import org.opencsc.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * One child from contact through assessment, strategy discussion and section 47, child protection
 * conference and plan, care proceedings (a parallel track asked for by a review conference), looked
 * after under an interim care order, and leaving care (at 16), through the REST API and task
 * completions. At each step the child's deadlines (GET /api/children/{id}/deadlines) and the
 * recorded transfers are checked. The child was born on 20 December 2010, so turns 16 during the
 * proceedings. All dates are GMT (November to January): London time = UTC.
 */
@JourneyTest
class WholeJourneyTest {

  @Autowired TestRestTemplate rest;
  @Autowired JourneyDriver driver;
  @Autowired ProcessEngine engine;
  @Autowired Transfers transfers;

  String childId;

  @Test
  void aChildFromContactToLeavingCare() {
    // 1. Contact at the front door, Friday 27 November 2026
    TestClock.setLondon("2026-11-27T10:30:00");
    Api.Reply contact = new Api(rest, "fiona").post("/api/contacts", """
        {"child": {"laChildId": "E%s", "firstName": "Jo", "lastName": "Example", "dateOfBirth": "2010-12-20",
                   "sex": "F", "ethnicity": "WBRI"},
         "contact": {"receivedAt": "2026-11-27T10:15:00Z", "source": "2A", "summary": "School: bruises, says dad hit her"}}
        """.formatted(UUID.randomUUID().toString().substring(0, 8)));
    assertThat(contact.status()).isEqualTo(201);
    childId = contact.json().get("childId").asText();
    assertDeadlines(Map.of("CONTACT_DECISION", "2026-11-30 OPEN"));

    // 2. Referral, signed off, allocated to Sam
    TestClock.setLondon("2026-11-27T11:00:00");
    driver.referForAllocation(childId);
    TestClock.setLondon("2026-11-27T12:00:00");
    driver.allocate(childId, "sam");
    assertDeadlines(Map.of("CONTACT_DECISION", "2026-11-30 MET", "ALLOCATION", "2026-11-28 MET",
        "ASSESSMENT", "2027-02-03 OPEN"));

    // 3. Assessment concludes: strategy discussion needed (Monday 30 November)
    TestClock.setLondon("2026-11-30T10:00:00");
    Map<String, Object> assessment = JourneyDriver.assessment("STRATEGY");
    assessment.put("childSeenDate", "2026-11-30");
    driver.complete("sam", childId, "Task_CarryOutAssessment", assessment);
    driver.complete("tina", childId, "Task_SignOffAssessment", Map.of("signOffDecision", "APPROVE"));
    assertDeadlines(Map.of("ASSESSMENT", "2027-02-03 MET", "STRATEGY_DISCUSSION", "2026-11-30 OPEN"));

    // 4. Strategy discussion the same day, section 47 enquiry, decision to convene an ICPC signed off
    TestClock.setLondon("2026-11-30T15:00:00");
    driver.complete("sam", childId, "Task_HoldStrategyDiscussion", Map.of("discussionDate", "2026-11-30",
        "socialCareAttended", true, "policeAttended", true, "healthAttended", true, "otherAgencies", "School",
        "strategyDecision", "START_SECTION_47", "strategyReasons", "Disclosure of physical abuse"));
    TestClock.setLondon("2026-12-01T10:00:00");
    driver.complete("sam", childId, "Task_CarryOutSection47Enquiry", Map.of("s47Outcome", "ICPC",
        "s47ChildSeenDate", "2026-12-01", "s47ChildSeenAlone", true, "s47Findings", "Injuries consistent with her account"));
    driver.complete("mark", childId, "Task_SignOffSection47Outcome", Map.of("signOffDecision", "APPROVE"));
    // 15 working days from the strategy discussion on 30 November
    assertDeadlines(Map.of("STRATEGY_DISCUSSION", "2026-11-30 MET", "ICPC", "2026-12-21 OPEN"));

    // 5. Initial child protection conference, Thursday 3 December: child protection plan (physical abuse)
    TestClock.setLondon("2026-12-03T14:00:00");
    driver.complete("ian", childId, "Task_HoldInitialConference", Map.of("conferenceDate", "2026-12-03",
        "conferenceAttendance", SpinValues.jsonValue("[\"PARENTS\",\"POLICE\",\"HEALTH\"]").create(),
        "icpcOutcome", "CP_PLAN", "cpCategory", "PHY", "conferenceDecisionReasons", "Risk of further physical harm"));
    assertDeadlines(Map.of("ICPC", "2026-12-21 MET", "FIRST_CORE_GROUP", "2026-12-17 OPEN",
        "CP_VISIT", "2026-12-17 OPEN", "FIRST_RCPC", "2027-03-03 OPEN"));
    assertThat(transfers.forChild(childId)).isEmpty();

    // 6. First core group, Thursday 10 December: the case transfers to the localities team
    TestClock.setLondon("2026-12-10T10:00:00");
    driver.complete("sam", childId, "Task_HoldFirstCoreGroup",
        Map.of("coreGroupDate", "2026-12-10", "coreGroupProgress", "Safety plan agreed"));
    driver.runDueJobs(childId);
    assertThat(transfers.forChild(childId)).singleElement().satisfies(t -> {
      assertThat(t.fromTeam()).isEqualTo("assessment");
      assertThat(t.toTeam()).isEqualTo("localities");
    });
    // 6 weeks from the core group actually held
    assertDeadlines(Map.of("FIRST_CORE_GROUP", "2026-12-17 MET", "CORE_GROUP", "2027-01-21 OPEN"));

    // 7. A review conference asks for the legal gateway; a team manager signs it off
    TestClock.setLondon("2026-12-14T10:00:00");
    driver.complete("ian", childId, "Task_HoldReviewConference", Map.of("reviewConferenceDate", "2026-12-14",
        "rcpcOutcome", "CONTINUE", "latestCategory", "PHY", "legalGateway", true,
        "legalGatewayReason", "Further injury during the plan", "reviewSummary", "No change"));
    driver.complete("tina", childId, "Task_SignOffLegalGateway", Map.of("signOffDecision", "APPROVE"));
    assertThat(driver.openTaskKeys(childId)).contains("Task_PrepareLegalGatewayReferral", "Task_HoldCoreGroup",
        "Task_VisitChild");
    assertDeadlines(Map.of("FIRST_RCPC", "2027-03-03 MET", "RCPC", "2027-06-14 OPEN"));

    // 8. Legal gateway and issue of care proceedings, Tuesday 15 December
    TestClock.setLondon("2026-12-14T11:00:00");
    driver.complete("sam", childId, "Task_PrepareLegalGatewayReferral", Map.of(
        "legalConcerns", "Further injury while on a child protection plan", "supportAlreadyTried", "CP plan"));
    driver.complete("leo", childId, "Task_GiveLegalAdvice", Map.of("thresholdMet", "MET",
        "legalAdvice", "Threshold met; issue", "recommendedRoute", "ISSUE"));
    driver.complete("sue", childId, "Task_DecideLegalRoute", Map.of("signOffDecision", "APPROVE",
        "legalDecision", "ISSUE", "legalDecisionReason", "Agreed at the legal planning meeting"));
    TestClock.setLondon("2026-12-15T10:00:00");
    driver.complete("leo", childId, "Task_IssueProceedings", Map.of("issueDate", "2026-12-15",
        "court", "Family Court at Liverpool", "applicationType", "CARE_ORDER"));
    // 26 weeks beginning with the issue date (D + 181); case management hearing by day 18 (D + 17)
    assertDeadlines(Map.of("PROCEEDINGS", "2027-06-14 OPEN", "CASE_MANAGEMENT_HEARING", "2027-01-01 OPEN"));

    // 9. Case management hearing and an interim care order removing the child, Tuesday 29 December
    TestClock.setLondon("2026-12-29T10:00:00");
    driver.complete("sam", childId, "Task_AttendCaseManagementHearing",
        Map.of("cmhDate", "2026-12-29", "cmhDirections", "Parenting assessment"));
    driver.runDueJobs(childId);
    TestClock.setLondon("2026-12-29T15:00:00");
    driver.complete("sam", childId, "Task_RecordHearingOutcome", Map.of("hearingDate", "2026-12-29",
        "finalHearing", false, "interimOrder", "INTERIM_CARE_ORDER", "childRemovedFromHome", true,
        "hearingNotes", "Interim care order"));
    driver.runDueJobs(childId);
    assertDeadlines(Map.of("CASE_MANAGEMENT_HEARING", "2027-01-01 MET"));
    assertThat(driver.openTaskKeys(childId)).contains("Task_RecordPlacement");

    // 10. Placement recorded: the looked-after clocks start from the placement date
    TestClock.setLondon("2026-12-29T16:00:00");
    Map<String, Object> placement = new HashMap<>();
    placement.put("placementStart", "2026-12-29");
    placement.put("placementType", "U1");
    placement.put("placementProvider", "PR1");
    placement.put("placementPostcode", "CH41 1AA");
    placement.put("placementUrn", "SC123456");
    placement.put("longTermPlacement", false);
    placement.put("homePostcode", "CH41 2BB");
    driver.complete("sam", childId, "Task_RecordPlacement", placement);
    driver.runDueJobs(childId);  // she is already 16: leaving care support starts beside
    assertDeadlines(Map.of("CARE_PLAN", "2027-01-13 OPEN", "PLACEMENT_NOTIFICATION", "2027-01-06 OPEN",
        "FIRST_LAC_VISIT", "2027-01-05 OPEN", "INITIAL_HEALTH_ASSESSMENT", "2027-01-27 OPEN",
        "PEP", "2027-01-13 OPEN", "FIRST_LAC_REVIEW", "2027-01-27 OPEN",
        // she was already 16 when she became looked after: three months from that day, 29 December 2026
        "PATHWAY_NEEDS_ASSESSMENT", "2027-03-29 OPEN"));

    // 11. Leaving care: a personal adviser is allocated
    driver.complete("tina", childId, "Task_AllocatePersonalAdviser", Map.of("personalAdviser", "pat"));
    assertThat(driver.task(childId, "Task_AssessNeeds").getAssignee()).isEqualTo("pat");

    // 12. Final hearing: a care order; the case goes to the children in care team
    TestClock.setLondon("2027-01-04T16:00:00");
    driver.complete("sam", childId, "Task_RecordHearingOutcome", Map.of("hearingDate", "2027-01-04",
        "finalHearing", true, "proceedingsOutcome", "CARE_ORDER"));
    driver.runDueJobs(childId);
    assertDeadlines(Map.of("PROCEEDINGS", "2027-06-14 MET"));
    assertThat(transfers.forChild(childId)).extracting(Transfers.Transfer::toTeam)
        .containsExactly("localities", "children-in-care");

    // The child is on several tracks at once, all in one journey
    Api.Reply child = new Api(rest, "tina").get("/api/children/" + childId);
    assertThat(child.json().get("journeyOpen").asBoolean()).isTrue();
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(childId).list())
        .extracting(p -> engine.getRepositoryService().getProcessDefinition(p.getProcessDefinitionId()).getKey())
        .contains("child-journey", "child-protection", "looked-after", "leaving-care");
  }

  /** Every expected timescale's LATEST deadline has this "dueDate STATUS". */
  private void assertDeadlines(Map<String, String> expected) {
    Api.Reply reply = new Api(rest, "tina").get("/api/children/" + childId + "/deadlines");
    assertThat(reply.status()).isEqualTo(200);
    Map<String, String> latest = new HashMap<>();
    List<JsonNode> all = new ArrayList<>();
    reply.json().forEach(all::add);
    for (JsonNode d : all) {
      latest.put(d.get("timescaleId").asText(), d.get("dueDate").asText() + " " + d.get("status").asText());
    }
    expected.forEach((id, value) -> assertThat(latest.get(id)).as(id).isEqualTo(value));
  }
}
