package org.opencsc.frontdoor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opencsc.children.Contact;
import org.opencsc.children.ContactRepository;
import org.opencsc.children.ReferralRepository;
import org.opencsc.deadlines.Deadline;
import org.opencsc.deadlines.DeadlineService;
import org.opencsc.deadlines.DeadlineStatus;
import org.opencsc.support.JourneyDriver;
import org.opencsc.support.JourneyTest;
import org.opencsc.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;

/** Every path of the front door ({@code contact}) inside the child's journey. */
@JourneyTest
class ContactProcessTest {

  @Autowired ProcessEngine engine;
  @Autowired JourneyDriver driver;
  @Autowired ContactRepository contacts;
  @Autowired ReferralRepository referrals;
  @Autowired DeadlineService deadlines;

  String childId;

  @BeforeEach
  void contactArrivesOnFridayMorning() {
    TestClock.setLondon("2026-11-27T10:30:00");
    childId = driver.contact(newLaChildId(), "2026-11-27T10:15:00Z").childId();
  }

  @ParameterizedTest(name = "{0} ends the journey at {1}")
  @CsvSource({
      "NFA, EndEvent_NoFurtherActionAtFrontDoor",
      "ADVICE, EndEvent_AdviceGiven",
      "EARLY_HELP, EndEvent_SteppedDownToEarlyHelp"})
  void aSignedOffDecisionThatNeedsNoAllocationEndsTheJourneyAtItsNamedEnd(String outcome, String endEvent) {
    var journey = driver.journey(childId);
    decide("fiona", outcome);
    signOff("tina", "APPROVE");

    BpmnAwareTests.assertThat(journey).isEnded().hasPassed("CallActivity_Contact", endEvent);
    Contact contact = contacts.findByChild(childId).get(0);
    assertThat(contact.outcome()).isEqualTo(outcome);
    assertThat(contact.decidedBy()).isEqualTo("fiona");
    assertThat(contact.signedOffBy()).isEqualTo("tina");
    assertThat(referrals.findByChild(childId)).isEmpty();
  }

  @Test
  void immediateRiskGoesToAllocationAndThenStraightToAStrategyDiscussion() {
    var journey = driver.journey(childId);
    decide("fiona", "STRATEGY");
    signOff("tina", "APPROVE");
    assertThat(driver.openTaskKeys(childId)).contains("Task_AllocateSocialWorker");
    assertThat(referrals.findByChild(childId)).hasSize(1);

    driver.allocate(childId, "sam");
    BpmnAwareTests.assertThat(journey).isWaitingAt("CallActivity_Section47").hasNotPassed("CallActivity_Assessment");
  }

  @Test
  void aReferralGoesToAllocationAndStartsACinEpisodeFromTheContactDate() {
    decide("fiona", "REFERRAL");
    signOff("tina", "APPROVE");

    assertThat(driver.openTaskKeys(childId)).contains("Task_AllocateSocialWorker");
    assertThat(referrals.findByChild(childId)).singleElement()
        .satisfies(r -> assertThat(r.referralDate()).isEqualTo("2026-11-27"))
        .satisfies(r -> assertThat(r.primaryNeed()).isEqualTo("N1"));
  }

  @Test
  void aManagerCanReturnTheDecisionForChangesAndTheWorkerDecidesAgain() {
    decide("fiona", "NFA");
    signOff("tina", "RETURN");

    assertThat(driver.openTaskKeys(childId)).containsExactly("Task_DecideOnContact");
    decide("fiona", "REFERRAL");
    signOff("mark", "APPROVE");
    assertThat(contacts.findByChild(childId).get(0).outcome()).isEqualTo("REFERRAL");
    assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceBusinessKey(childId)
        .taskDefinitionKey("Task_SignOffContactDecision").finished().count()).isEqualTo(2);
  }

  @Test
  void whoeverMadeTheDecisionCannotSignItOffNeitherByClaimingNorByCompleting() {
    decide("admin", "NFA");   // only an administrator may both decide and sign off: four eyes still stops them
    TaskService tasks = engine.getTaskService();
    String signOffId = driver.task(childId, "Task_SignOffContactDecision").getId();

    assertThatThrownBy(() -> driver.asUser("admin", () -> tasks.claim(signOffId, "admin")))
        .isInstanceOf(AuthorizationException.class).hasMessageContaining("Four-eyes");
    assertThatThrownBy(() -> driver.asUser("admin", () ->
        tasks.complete(signOffId, Map.of("signOffDecision", "APPROVE"))))
        .isInstanceOf(AuthorizationException.class).hasMessageContaining("Four-eyes");
    assertThat(driver.openTaskKeys(childId)).containsExactly("Task_SignOffContactDecision");

    signOff("mark", "APPROVE");
    assertThat(contacts.findByChild(childId).get(0).signedOffBy()).isEqualTo("mark");
  }

  @Test
  void anUnknownOutcomeIsRefusedBeforeItReachesTheManager() {
    String taskId = driver.task(childId, "Task_DecideOnContact").getId();
    assertThatThrownBy(() -> driver.asUser("fiona", () -> engine.getTaskService().complete(taskId,
        Map.of("contactOutcome", "MAYBE", "decisionReason", "x"))))
        .hasMessageContaining("contactOutcome");
    assertThat(driver.openTaskKeys(childId)).containsExactly("Task_DecideOnContact");
  }

  @Test
  void theDecisionClockIsMetWhenTheManagerSignsOffInTime() {
    TestClock.setLondon("2026-11-30T16:00:00");
    decide("fiona", "NFA");
    signOff("tina", "APPROVE");

    Deadline deadline = deadlines.forChild(childId).get(0);
    assertThat(deadline.timescaleId()).isEqualTo("CONTACT_DECISION");
    assertThat(deadline.dueDate()).isEqualTo("2026-11-30");
    assertThat(deadline.status()).isEqualTo(DeadlineStatus.MET);
    assertThat(deadline.metDate()).isEqualTo("2026-11-30");
    assertThat(driver.processInstanceIds(childId)).isEmpty();
    HistoryService history = engine.getHistoryService();
    String watchId = history.createHistoricProcessInstanceQuery().processDefinitionKey("deadline-watch")
        .processInstanceBusinessKey(childId).singleResult().getId();
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(watchId)
        .activityId("EndEvent_DeadlineMet").count()).isEqualTo(1);
  }

  private void decide(String user, String outcome) {
    driver.complete(user, childId, "Task_DecideOnContact", Map.of(
        "contactOutcome", outcome, "decisionReason", "Reason recorded by " + user, "primaryNeed", "N1"));
  }

  private void signOff(String manager, String decision) {
    driver.complete(manager, childId, "Task_SignOffContactDecision", Map.of(
        "signOffDecision", decision, "signOffComments", "Checked by " + manager));
  }

  static String newLaChildId() {
    return "P" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }
}
