package org.opencsc.adoption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencsc.care.Episode;
import org.opencsc.care.EpisodeRepository;
import org.opencsc.engine.InvalidFieldValue;
import org.opencsc.support.Api;
import org.opencsc.support.JourneyDriver;
import org.opencsc.support.JourneyTest;
import org.opencsc.support.TestChildren;
import org.opencsc.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The adoption model on its own, for a child placed in foster care on a care order on 4 May 2026 (the
 * looked-after model is driven too: the placement for adoption must reach the child's episodes).
 */
@JourneyTest
class AdoptionProcessTest {

  static final String CARE_STARTED = "2026-05-04";

  @Autowired ProcessEngine engine;
  @Autowired JourneyDriver driver;
  @Autowired TestChildren children;
  @Autowired EpisodeRepository episodes;
  @Autowired JdbcTemplate jdbc;
  @Autowired TestRestTemplate rest;

  String childId;
  String laChildId;

  @BeforeEach
  void clock() {
    TestClock.setLondon(CARE_STARTED + "T10:00:00");
  }

  @Test
  void theAgencyDecisionMakerAgreesAfterACorrectionThenMatchPlacementAndAdoptionOrder() {
    lookedAfterChild();
    TestClock.setLondon("2026-06-02T10:00:00");
    // admin may sign off anything, so only the four-eyes rule can refuse them their own record
    ProcessInstance adoption = start("admin", "2026-06-01");
    assertThat(adoption.getBusinessKey()).isEqualTo(childId);
    String agree = driver.task(childId, "Task_AgreeShouldBePlacedDecision").getId();
    assertThatThrownBy(() -> driver.asUser("admin", () ->
        engine.getTaskService().complete(agree, Map.of("signOffDecision", "APPROVE"))))
        .isInstanceOf(AuthorizationException.class).hasMessageContaining("Four-eyes");

    driver.complete("sue", childId, "Task_AgreeShouldBePlacedDecision",
        Map.of("signOffDecision", "RETURN", "signOffComments", "The panel met on 29 May; the decision was 1 June"));
    driver.complete("admin", childId, "Task_CorrectShouldBePlacedDecision",
        Map.of("shouldBePlacedDate", "2026-05-29", "decisionSummary", "Panel recommended adoption"));
    assertThatThrownBy(() -> driver.complete("admin", childId, "Task_AgreeShouldBePlacedDecision",
        Map.of("signOffDecision", "APPROVE"))).hasMessageContaining("Four-eyes");
    driver.complete("sue", childId, "Task_AgreeShouldBePlacedDecision", Map.of("signOffDecision", "APPROVE"));
    assertThat(adoptionRow().get("DECISION_DATE").toString()).isEqualTo("2026-05-29");
    assertThat(adoptionRow().get("DECISION_AGREED_BY")).isEqualTo("sue");

    TestClock.setLondon("2026-08-03T10:00:00");
    driver.complete("admin", childId, "Task_RecordMatch", match("2026-08-03", "2", "MF", "L11", true));
    String signOff = driver.task(childId, "Task_SignOffMatch").getId();
    assertThatThrownBy(() -> driver.asUser("admin", () ->
        engine.getTaskService().complete(signOff, Map.of("signOffDecision", "APPROVE"))))
        .hasMessageContaining("Four-eyes");
    driver.complete("tina", childId, "Task_SignOffMatch",
        Map.of("signOffDecision", "RETURN", "signOffComments", "Check the adopters' legal status"));
    driver.complete("admin", childId, "Task_RecordMatch", match("2026-08-03", "2", "MF", "L3", true));
    driver.complete("tina", childId, "Task_SignOffMatch", Map.of("signOffDecision", "APPROVE"));
    assertThat(adoptionRow()).containsEntry("MATCH_DATE", java.sql.Date.valueOf("2026-08-03"))
        .containsEntry("NUMBER_OF_ADOPTERS", 2).containsEntry("SEX_OF_ADOPTERS", "MF")
        .containsEntry("ADOPTERS_LEGAL_STATUS", "L3").containsEntry("FOSTER_CARERS_ADOPTING", true)
        .containsEntry("MATCH_RECORDED_BY", "admin").containsEntry("MATCH_AGREED_BY", "tina");

    TestClock.setLondon("2026-09-01T10:00:00");
    driver.complete("admin", childId, "Task_RecordPlacementForAdoption", placed("2026-09-01", "PARENTAL_CONSENT", null));
    // the looked-after record asks for the change of placement, already filled in with A3 (consent, foster carers)
    var change = driver.task(childId, "Task_RecordPlacementChange");
    assertThat(engine.getTaskService().getVariables(change.getId()))
        .containsEntry("newPlacementStart", "2026-09-01").containsEntry("placementType", "A3")
        .containsEntry("sameCarer", true).containsEntry("reasonPlaceChange", "CARPL");
    driver.complete("carl", childId, "Task_RecordPlacementChange", Map.of("placementProvider", "PR1",
        "placementPostcode", "CH41 1AA", "longTermPlacement", false));
    List<Episode> care = episodes.forChild(childId);
    assertThat(care).extracting(Episode::rne, Episode::place).containsExactly(
        org.assertj.core.groups.Tuple.tuple("S", "U4"), org.assertj.core.groups.Tuple.tuple("T", "A3"));
    assertThat(care.get(0).dec()).isEqualTo("2026-09-01");

    TestClock.setLondon("2027-01-15T10:00:00");
    assertThatThrownBy(() -> driver.complete("admin", childId, "Task_RecordAdoptionOutcome",
        Map.of("adoptionOutcome", "ADOPTION_ORDER", "adoptionOrderDate", "2027-01-15", "reasonCareCeased", "E13")))
        .isInstanceOf(InvalidFieldValue.class).hasMessageContaining("reasonCareCeased");
    driver.complete("admin", childId, "Task_RecordAdoptionOutcome",
        Map.of("adoptionOutcome", "ADOPTION_ORDER", "adoptionOrderDate", "2027-01-15", "reasonCareCeased", "E11"));

    BpmnAwareTests.assertThat(adoption).isEnded().hasPassed("Task_CorrectShouldBePlacedDecision",
        "Task_RecordDecisionAgreed", "Task_SaveMatch", "Task_SavePlacement", "Task_AskLookedAfterToRecordPlacement",
        "Task_SaveAdoptionOrder", "EndEvent_Adopted");
    assertThat(adoptionRow()).containsEntry("STATUS", "ADOPTED").containsEntry("PLACEMENT_CODE", "A3")
        .containsEntry("ADOPTION_ORDER_DATE", java.sql.Date.valueOf("2027-01-15"))
        .containsEntry("REASON_CARE_CEASED", "E11");
  }

  @Test
  void aPlacementThatEndsWithoutAnOrderGoesBackToMatchingAndThePlanCanEndThere() {
    lookedAfterChild();
    TestClock.setLondon("2026-06-02T10:00:00");
    ProcessInstance adoption = start("carl", "2026-06-01");
    driver.complete("sue", childId, "Task_AgreeShouldBePlacedDecision", Map.of("signOffDecision", "APPROVE"));
    driver.complete("carl", childId, "Task_RecordMatch", match("2026-06-02", "1", "F1", "L0", false));
    driver.complete("mark", childId, "Task_SignOffMatch", Map.of("signOffDecision", "APPROVE"));
    driver.complete("carl", childId, "Task_RecordPlacementForAdoption",
        placed("2026-06-02", "PLACEMENT_ORDER", "2026-06-01"));
    assertThat(engine.getTaskService().getVariables(driver.task(childId, "Task_RecordPlacementChange").getId()))
        .containsEntry("placementType", "A6").containsEntry("sameCarer", false);
    driver.complete("carl", childId, "Task_RecordPlacementChange", Map.of("placementProvider", "PR1",
        "placementPostcode", "CH41 1AA", "longTermPlacement", false));

    TestClock.setLondon("2026-07-10T10:00:00");
    driver.complete("carl", childId, "Task_RecordAdoptionOutcome",
        Map.of("adoptionOutcome", "PLACEMENT_ENDED", "placementEndedDate", "2026-07-10"));
    assertThat(adoptionRow()).containsEntry("STATUS", "TO_BE_PLACED")
        .containsEntry("PLACEMENT_ENDED_DATE", java.sql.Date.valueOf("2026-07-10"));
    // the child moves: the looked-after record asks where from 10 July, the worker says where
    assertThat(engine.getTaskService().getVariables(driver.tasks(childId, "Task_RecordPlacementChange").get(0).getId()))
        .containsEntry("newPlacementStart", "2026-07-10");
    assertThat(driver.openTaskKeys(childId)).contains("Task_RecordMatch");

    driver.complete("carl", childId, "Task_RecordMatch", Map.of("matchOutcome", "NO_LONGER_TO_BE_PLACED",
        "decisionReversedDate", "2026-07-10", "reasonNoLongerPlaced", "RD1"));
    BpmnAwareTests.assertThat(adoption).isEnded().hasPassed("Task_SavePlacementEnded", "Task_RecordDecisionReversed",
        "EndEvent_NoLongerToBePlaced");
    assertThat(adoptionRow()).containsEntry("STATUS", "NO_LONGER_TO_BE_PLACED")
        .containsEntry("DECISION_REVERSED_DATE", java.sql.Date.valueOf("2026-07-10"))
        .containsEntry("REASON_REVERSED", "RD1");
  }

  @Test
  void thePlanCanEndInsteadOfThePlacementOrOfTheOrder() {
    lookedAfterChild();
    TestClock.setLondon("2026-06-02T10:00:00");
    ProcessInstance first = start("carl", "2026-06-01");
    driver.complete("sue", childId, "Task_AgreeShouldBePlacedDecision", Map.of("signOffDecision", "APPROVE"));
    driver.complete("carl", childId, "Task_RecordMatch", match("2026-06-02", "2", "FF", "L12", false));
    driver.complete("tina", childId, "Task_SignOffMatch", Map.of("signOffDecision", "APPROVE"));
    driver.complete("carl", childId, "Task_RecordPlacementForAdoption", Map.of("placementOutcome",
        "NO_LONGER_TO_BE_PLACED", "decisionReversedDate", "2026-06-02", "reasonNoLongerPlaced", "RD2"));
    BpmnAwareTests.assertThat(first).isEnded().hasPassed("Gateway_PlacedOrPlanChanged", "EndEvent_NoLongerToBePlaced");

    // a later plan for the same child, ended after the placement
    ProcessInstance second = start("carl", "2026-06-02");
    driver.complete("sue", childId, "Task_AgreeShouldBePlacedDecision", Map.of("signOffDecision", "APPROVE"));
    driver.complete("carl", childId, "Task_RecordMatch", match("2026-06-02", "2", "MM", "L2", false));
    driver.complete("tina", childId, "Task_SignOffMatch", Map.of("signOffDecision", "APPROVE"));
    driver.complete("carl", childId, "Task_RecordPlacementForAdoption", placed("2026-06-02", "PARENTAL_CONSENT", null));
    driver.complete("carl", childId, "Task_RecordAdoptionOutcome", Map.of("adoptionOutcome", "NO_LONGER_TO_BE_PLACED",
        "decisionReversedDate", "2026-06-02", "reasonNoLongerPlaced", "RD4"));
    BpmnAwareTests.assertThat(second).isEnded().hasPassed("Gateway_AdoptionOutcome", "EndEvent_NoLongerToBePlaced");
    assertThat(jdbc.queryForList("SELECT reason_reversed FROM adoption WHERE child_id = ? ORDER BY created_at",
        String.class, childId)).containsExactly("RD2", "RD4");
  }

  @Test
  void impossibleValuesAreRefusedNamingTheField() {
    lookedAfterChild();
    TestClock.setLondon("2026-06-02T10:00:00");
    assertThatThrownBy(() -> start("carl", "NO-SUCH-CHILD", "2026-06-01"))
        .isInstanceOf(InvalidFieldValue.class).hasMessageContaining("laChildId");
    assertThatThrownBy(() -> start("carl", laChildId, "2026-06-03"))
        .isInstanceOf(InvalidFieldValue.class).hasMessageContaining("shouldBePlacedDate");
    String definition = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("adoption")
        .latestVersion().singleResult().getId();
    assertThatThrownBy(() -> driver.asUser("carl", () -> engine.getFormService().submitStartForm(definition,
        Map.of("laChildId", laChildId, "shouldBePlacedDate", "2026-06-01", "decisionSummary", "x".repeat(2001)))))
        .isInstanceOf(InvalidFieldValue.class).hasMessageContaining("decisionSummary");
    String notLookedAfter = jdbc.queryForObject("SELECT la_child_id FROM child WHERE id = ?", String.class,
        children.create("2020-01-01"));
    assertThatThrownBy(() -> start("carl", notLookedAfter, "2026-06-01"))
        .isInstanceOf(InvalidFieldValue.class).hasMessageContaining("laChildId").hasMessageContaining("not looked after");

    // the Tasklist start form through the engine REST API: 400 naming the field
    Api carl = new Api(rest, "carl");
    Api.Reply refused = carl.post("/engine-rest/process-definition/key/adoption/submit-form", """
        {"variables": {"laChildId": {"value": "NO-SUCH-CHILD"}, "shouldBePlacedDate": {"value": "2026-06-01"}}}""");
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body()).contains("laChildId");

    start("carl", laChildId, "2026-06-01");
    assertThatThrownBy(() -> start("carl", laChildId, "2026-06-01"))
        .isInstanceOf(InvalidFieldValue.class).hasMessageContaining("already has a plan for adoption");
    driver.complete("sue", childId, "Task_AgreeShouldBePlacedDecision", Map.of("signOffDecision", "APPROVE"));

    assertThatThrownBy(() -> driver.complete("carl", childId, "Task_RecordMatch", match("2026-05-31", "1", "F1", "L0", false)))
        .isInstanceOf(InvalidFieldValue.class).hasMessageContaining("matchDate");
    assertThatThrownBy(() -> driver.complete("carl", childId, "Task_RecordMatch", match("2026-06-02", "1", "MF", "L0", false)))
        .isInstanceOf(InvalidFieldValue.class).hasMessageContaining("sexOfAdopters");
    assertThatThrownBy(() -> driver.complete("carl", childId, "Task_RecordMatch", match("2026-06-02", "2", "MM", "L11", false)))
        .isInstanceOf(InvalidFieldValue.class).hasMessageContaining("adoptersLegalStatus");
    assertThatThrownBy(() -> driver.complete("carl", childId, "Task_RecordMatch", match("2026-06-02", "2", "XY", "L11", false)))
        .isInstanceOf(InvalidFieldValue.class).hasMessageContaining("sexOfAdopters");
    assertThatThrownBy(() -> driver.complete("carl", childId, "Task_RecordMatch", Map.of("matchOutcome",
        "NO_LONGER_TO_BE_PLACED", "decisionReversedDate", "2026-06-02", "reasonNoLongerPlaced", "RD9")))
        .isInstanceOf(InvalidFieldValue.class).hasMessageContaining("reasonNoLongerPlaced");

    // and through the engine REST API: 400 naming the field, the task stays open
    String matchTask = driver.task(childId, "Task_RecordMatch").getId();
    driver.asUser("carl", () -> engine.getTaskService().claim(matchTask, "carl"));
    Api.Reply badCode = carl.post("/engine-rest/task/" + matchTask + "/complete", """
        {"variables": {"matchOutcome": {"value": "MATCHED"}, "matchDate": {"value": "2026-06-02"},
         "numberOfAdopters": {"value": "2"}, "sexOfAdopters": {"value": "M2"}, "adoptersLegalStatus": {"value": "L11"}}}""");
    assertThat(badCode.status()).isEqualTo(400);
    assertThat(badCode.body()).contains("sexOfAdopters");
    assertThat(driver.task(childId, "Task_RecordMatch").getId()).isEqualTo(matchTask);

    driver.complete("carl", childId, "Task_RecordMatch", match("2026-06-02", "2", "MF", "L11", false));
    driver.complete("tina", childId, "Task_SignOffMatch", Map.of("signOffDecision", "APPROVE"));
    assertThatThrownBy(() -> driver.complete("carl", childId, "Task_RecordPlacementForAdoption",
        placed("2026-05-01", "PARENTAL_CONSENT", null)))
        .isInstanceOf(InvalidFieldValue.class).hasMessageContaining("datePlacedForAdoption");
    assertThatThrownBy(() -> driver.complete("carl", childId, "Task_RecordPlacementForAdoption",
        placed("2026-06-02", "PLACEMENT_ORDER", null)))
        .isInstanceOf(InvalidFieldValue.class).hasMessageContaining("placementOrderDate");
    assertThatThrownBy(() -> driver.complete("carl", childId, "Task_RecordPlacementForAdoption",
        placed("2026-06-02", "PROMISE", null)))
        .isInstanceOf(InvalidFieldValue.class).hasMessageContaining("placementAuthority");
    assertThat(adoptionRow().get("PLACED_DATE")).isNull();
  }

  // --- helpers --------------------------------------------------------------------------------------------

  /** A child on a care order placed with foster carers (U4) on 4 May 2026, through the looked-after model. */
  private void lookedAfterChild() {
    childId = children.create("2024-02-10");
    laChildId = jdbc.queryForObject("SELECT la_child_id FROM child WHERE id = ?", String.class, childId);
    jdbc.update("UPDATE child SET postcode = 'CH41 2BB' WHERE id = ?", childId);
    Map<String, Object> vars = TestChildren.journeyVariables(childId, "carl", "children-in-care");
    vars.put("categoryOfNeed", "N1");
    vars.put("legalStatus", "C2");
    vars.put("placementStart", CARE_STARTED);
    engine.getRuntimeService().startProcessInstanceByKey("looked-after", childId, vars);
    Map<String, Object> placement = new HashMap<>();
    placement.put("placementStart", CARE_STARTED);
    placement.put("placementType", "U4");
    placement.put("placementProvider", "PR1");
    placement.put("placementPostcode", "CH41 1AA");
    placement.put("longTermPlacement", false);
    placement.put("homePostcode", "CH41 2BB");
    driver.complete("carl", childId, "Task_RecordPlacement", placement);
  }

  private ProcessInstance start(String user, String decisionDate) {
    return start(user, laChildId, decisionDate);
  }

  /** Submits the Tasklist start form as {@code user}. */
  private ProcessInstance start(String user, String child, String decisionDate) {
    String definition = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("adoption")
        .latestVersion().singleResult().getId();
    ProcessInstance[] started = new ProcessInstance[1];
    driver.asUser(user, () -> started[0] = engine.getFormService().submitStartForm(definition,
        Map.of("laChildId", child, "shouldBePlacedDate", decisionDate, "decisionSummary", "Panel recommended adoption")));
    return started[0];
  }

  private static Map<String, Object> match(String date, String number, String sex, String legalStatus,
      boolean fosterCarers) {
    return Map.of("matchOutcome", "MATCHED", "matchDate", date, "numberOfAdopters", number, "sexOfAdopters", sex,
        "adoptersLegalStatus", legalStatus, "fosterCarersAdopting", fosterCarers);
  }

  private static Map<String, Object> placed(String date, String authority, String orderDate) {
    Map<String, Object> values = new HashMap<>();
    values.put("placementOutcome", "PLACED");
    values.put("datePlacedForAdoption", date);
    values.put("placementAuthority", authority);
    if (orderDate != null) {
      values.put("placementOrderDate", orderDate);
    }
    return values;
  }

  private Map<String, Object> adoptionRow() {
    return jdbc.queryForList("SELECT * FROM adoption WHERE child_id = ? ORDER BY created_at DESC", childId).get(0);
  }
}
