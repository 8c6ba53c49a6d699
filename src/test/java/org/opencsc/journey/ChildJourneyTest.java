package org.opencsc.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencsc.children.ChildRepository;
import org.opencsc.children.ContactRepository;
import org.opencsc.frontdoor.ContactReceipt;
import org.opencsc.support.JourneyDriver;
import org.opencsc.support.JourneyTest;
import org.opencsc.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The journey as a whole: contacts on open cases, and recording a contact from Tasklist. */
@JourneyTest
class ChildJourneyTest {

  @Autowired ProcessEngine engine;
  @Autowired JourneyDriver driver;
  @Autowired ChildRepository children;
  @Autowired ContactRepository contacts;
  @Autowired JdbcTemplate jdbc;

  @BeforeEach
  void setUp() {
    TestClock.setLondon("2026-11-27T10:30:00");
  }

  @Test
  void newConcernsDuringTheAssessmentGetAFrontDoorDecisionAndGoToTheAllocatedWorker() {
    String laChildId = newLaChildId();
    ContactReceipt first = driver.contact(laChildId, "2026-11-27T10:15:00Z");
    String childId = first.childId();
    driver.referForAllocation(childId);
    driver.allocate(childId, "sam");

    TestClock.setLondon("2026-12-03T12:00:00");
    ContactReceipt second = driver.contact(laChildId, "2026-12-03T11:00:00Z");

    assertThat(second.joinedExistingJourney()).isTrue();
    assertThat(second.journeyId()).isEqualTo(first.journeyId());
    assertThat(driver.openTaskKeys(childId)).containsExactlyInAnyOrder("Task_CarryOutAssessment", "Task_DecideOnContact");
    decideNewContact(childId, "STRATEGY");

    Task actOnIt = driver.task(childId, "Task_ActOnNewConcerns");
    assertThat(actOnIt.getAssignee()).isEqualTo("sam");
    assertThat(actOnIt.getPriority()).isEqualTo(90);
    assertThat(engine.getTaskService().getIdentityLinksForTask(actOnIt.getId()))
        .extracting(link -> link.getGroupId()).contains("assessment", "team-managers");
    driver.complete("sam", childId, "Task_ActOnNewConcerns", Map.of("actionTaken", "Visited the child today",
        "nextStep", "STRATEGY_DISCUSSION", "nextStepReason", "New injury reported by school"));

    assertThat(driver.openTaskKeys(childId)).containsExactly("Task_CarryOutAssessment");
    BpmnAwareTests.assertThat(driver.journey(childId)).isActive()
        .hasPassed("CallActivity_NewContactDecision", "Task_ActOnNewConcerns", "EndEvent_NewConcernsActedOn");
    assertThat(contacts.findByChild(childId)).extracting(c -> c.journeyId()).containsOnly(first.journeyId());
    assertThat(contacts.findByChild(childId).get(1).outcome()).isEqualTo("STRATEGY");
    // the new concerns belong to the open child in need episode: no second, overlapping referral
    assertThat(jdbc.queryForList("SELECT contact_id FROM referral WHERE child_id = ?", String.class, childId))
        .containsExactly(contacts.findByChild(childId).get(0).id());
    // the journey's own decision and contact are not overwritten by the new contact's
    assertThat(engine.getRuntimeService().getVariable(first.journeyId(), "contactOutcome")).isEqualTo("REFERRAL");
    assertThat(engine.getRuntimeService().getVariable(first.journeyId(), "contactId"))
        .isEqualTo(contacts.findByChild(childId).get(0).id());
  }

  @Test
  void aNewContactNeedingNoActionIsNotedAndTheCaseGoesOn() {
    String laChildId = newLaChildId();
    String childId = driver.contact(laChildId, "2026-11-27T10:15:00Z").childId();
    driver.referForAllocation(childId);
    driver.allocate(childId, "sam");
    driver.contact(laChildId, "2026-11-27T10:20:00Z");
    decideNewContact(childId, "ADVICE");

    assertThat(driver.openTaskKeys(childId)).containsExactly("Task_CarryOutAssessment");
    BpmnAwareTests.assertThat(driver.journey(childId)).hasPassed("EndEvent_NewContactDecided")
        .hasNotPassed("Task_ActOnNewConcerns");
  }

  private void decideNewContact(String childId, String outcome) {
    driver.complete("fiona", childId, "Task_DecideOnContact",
        Map.of("contactOutcome", outcome, "decisionReason", "New information from school", "primaryNeed", "N1"));
    driver.complete("mark", childId, "Task_SignOffContactDecision", Map.of("signOffDecision", "APPROVE"));
  }

  @Test
  void aContactAboutAChildWhoseJourneyEndedStartsANewJourneyForTheSameChild() {
    String laChildId = newLaChildId();
    ContactReceipt first = driver.contact(laChildId, "2026-11-27T10:15:00Z");
    driver.complete("fiona", first.childId(), "Task_DecideOnContact",
        Map.of("contactOutcome", "NFA", "decisionReason", "Not a safeguarding concern"));
    driver.complete("tina", first.childId(), "Task_SignOffContactDecision", Map.of("signOffDecision", "APPROVE"));

    ContactReceipt second = driver.contact(laChildId, "2026-11-27T10:20:00Z");
    assertThat(second.childId()).isEqualTo(first.childId());
    assertThat(second.joinedExistingJourney()).isFalse();
    assertThat(second.journeyId()).isNotEqualTo(first.journeyId());
  }

  @Test
  void aFrontDoorWorkerRecordsAContactFromTasklistsStartForm() {
    String laChildId = newLaChildId();
    ProcessInstance[] started = new ProcessInstance[1];
    driver.asUser("fiona", () -> started[0] = engine.getFormService()
        .submitStartForm(startableRecordContact().getId(), startForm(laChildId)));

    BpmnAwareTests.assertThat(started[0]).isEnded().hasPassed("Task_RecordChildAndContact");
    String childId = children.findByLaChildId(laChildId).orElseThrow().id();
    assertThat(driver.openTaskKeys(childId)).containsExactly("Task_DecideOnContact");
    assertThat(contacts.findByChild(childId)).singleElement()
        .satisfies(c -> assertThat(c.receivedAt()).isEqualTo("2026-11-27T09:05:00Z"));
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceId(started[0].getId()).singleResult().getBusinessKey()).isEqualTo(childId);
  }

  @Test
  void aStartFormWithBadValuesIsRefusedNamingTheFieldsAndNothingIsStored() {
    String laChildId = newLaChildId();
    Map<String, Object> form = startForm(laChildId);
    form.put("dateOfBirth", "2030-01-01");
    form.put("ethnicity", "XXXX");
    long journeys = engine.getRuntimeService().createProcessInstanceQuery().count();

    assertThatThrownBy(() -> driver.asUser("fiona", () ->
        engine.getFormService().submitStartForm(startableRecordContact().getId(), form)))
        .isInstanceOf(org.opencsc.engine.InvalidFieldValue.class)
        .hasMessageContaining("dateOfBirth must not be in the future")
        .hasMessageContaining("ethnicity");
    assertThat(children.findByLaChildId(laChildId)).isEmpty();
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isEqualTo(journeys);
  }

  @Test
  void onlyRecordingAContactAndAdoptionPlanningCanBeStartedFromTasklist() {
    List<String> startable = engine.getRepositoryService().createProcessDefinitionQuery()
        .startableInTasklist().latestVersion().list().stream().map(ProcessDefinition::getKey).toList();
    // a journey starts only with a contact; adoption planning opens only for a child already looked after
    assertThat(startable).containsExactlyInAnyOrder("record-contact", "adoption");
  }

  private ProcessDefinition startableRecordContact() {
    return engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey("record-contact").latestVersion().singleResult();
  }

  /** As Camunda Forms submit the record-contact start form. */
  private static Map<String, Object> startForm(String laChildId) {
    Map<String, Object> form = new HashMap<>();
    form.put("laChildId", laChildId);
    form.put("firstName", "Ben");
    form.put("lastName", "Example");
    form.put("dateOfBirth", "2019-02-14");
    form.put("sex", "M");
    form.put("ethnicity", "NOBT");
    form.put("receivedDate", "2026-11-27");
    form.put("receivedTime", "09:05");
    form.put("source", "2A");
    form.put("summary", "School reports the child arrived hungry three days running");
    return form;
  }

  static String newLaChildId() {
    return "J" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }
}
