package org.opencsc.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencsc.support.JourneyDriver;
import org.opencsc.support.JourneyTest;
import org.opencsc.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The deadline watch on a real statutory clock: a contact received at 10:15 on Friday 27 November
 * 2026 must be decided by Monday 30 November (1 working day). Warning at 00:00 Monday (the day
 * before the due date is not after the trigger), breach at 00:00 Tuesday 1 December, second
 * escalation 5 working days after the breach date: 00:00 Tuesday 8 December.
 */
@JourneyTest
class DeadlineEscalationTest {

  static final Instant WARNING = Instant.parse("2026-11-30T00:00:00Z");
  static final Instant BREACH = Instant.parse("2026-12-01T00:00:00Z");
  static final Instant SECOND_ESCALATION = Instant.parse("2026-12-08T00:00:00Z");

  @Autowired ProcessEngine engine;
  @Autowired JourneyDriver driver;
  @Autowired DeadlineService deadlines;

  String childId;

  @BeforeEach
  void contactArrives() {
    TestClock.setLondon("2026-11-27T10:30:00");
    childId = driver.contact("D" + UUID.randomUUID().toString().substring(0, 8), "2026-11-27T10:15:00Z").childId();
  }

  @Test
  void theStatutoryTaskShowsItsDueDateAndTheWatchWaitsForTheWarningDate() {
    Task decision = driver.task(childId, "Task_DecideOnContact");
    assertThat(decision.getDueDate()).isEqualTo(Date.from(Instant.parse("2026-11-30T23:59:59Z")));
    assertThat(driver.timers(childId)).singleElement()
        .satisfies(job -> assertThat(job.getDuedate()).isEqualTo(Date.from(WARNING)));
  }

  @Test
  void warningThenBreachThenSecondEscalationFireOnTheirExactDatesAndTheWorkIsNeverCancelled() {
    TestClock.set(WARNING.minusSeconds(1));
    assertThat(driver.runDueJobs(childId)).isZero();

    TestClock.set(WARNING);
    assertThat(driver.runDueJobs(childId)).isEqualTo(1);
    assertThat(deadline().warnedAt()).isEqualTo(WARNING);
    assertThat(deadline().status()).isEqualTo(DeadlineStatus.OPEN);
    assertThat(driver.task(childId, "Task_DecideOnContact").getPriority()).isEqualTo(80);
    assertThat(nextTimer().getDuedate()).isEqualTo(Date.from(BREACH));

    TestClock.set(BREACH.minusSeconds(1));
    assertThat(driver.runDueJobs(childId)).isZero();
    TestClock.set(BREACH);
    assertThat(driver.runDueJobs(childId)).isEqualTo(1);
    assertThat(deadline().status()).isEqualTo(DeadlineStatus.BREACHED);
    assertThat(deadline().breachedAt()).isEqualTo(BREACH);
    assertThat(driver.openTaskKeys(childId))
        .containsExactlyInAnyOrder("Task_DecideOnContact", "Task_RecordBreachReasonAndPlan");
    Task breachTask = driver.task(childId, "Task_RecordBreachReasonAndPlan");
    assertThat(engine.getTaskService().getIdentityLinksForTask(breachTask.getId()))
        .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("team-managers"));
    assertThat(nextTimer().getDuedate()).isEqualTo(Date.from(SECOND_ESCALATION));

    driver.complete("tina", childId, "Task_RecordBreachReasonAndPlan", Map.of(
        "breachReason", "Front door flooded with contacts after the weekend",
        "recoveryPlan", "Decision today by the duty senior"));
    assertThat(deadline().breachReason()).isEqualTo("Front door flooded with contacts after the weekend");
    assertThat(deadline().breachRecordedBy()).isEqualTo("tina");

    TestClock.set(SECOND_ESCALATION.minusSeconds(1));
    assertThat(driver.runDueJobs(childId)).isZero();
    TestClock.set(SECOND_ESCALATION);
    assertThat(driver.runDueJobs(childId)).isEqualTo(1);
    assertThat(driver.openTaskKeys(childId))
        .containsExactlyInAnyOrder("Task_DecideOnContact", "Task_ReviewOverdueWork");
    Task review = driver.task(childId, "Task_ReviewOverdueWork");
    assertThat(engine.getTaskService().getIdentityLinksForTask(review.getId()))
        .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("service-managers"));

    decideAndSignOff();
    assertThat(deadline().status()).isEqualTo(DeadlineStatus.BREACHED);
    assertThat(deadline().metDate()).isEqualTo("2026-12-08");

    // the breach still needs the service manager's review, and it is recorded on the deadline
    driver.complete("sue", childId, "Task_ReviewOverdueWork",
        Map.of("serviceManagerAction", "Front door rota reviewed with the team manager"));
    assertThat(deadline().serviceManagerAction()).isEqualTo("Front door rota reviewed with the team manager");
    assertThat(deadline().serviceManagerRecordedBy()).isEqualTo("sue");
    assertThat(watchActivities()).contains("Task_RecordServiceManagerReview", "EndEvent_EscalatedToServiceManager");
  }

  @Test
  void workDoneAfterTheDueDateButBeforeTheBreachTimerRanStillAsksForTheReason() {
    // the job executor has not run the warning or breach timers (e.g. the server was down)
    TestClock.setLondon("2026-12-01T09:00:00");
    decideAndSignOff();

    assertThat(deadline().status()).isEqualTo(DeadlineStatus.BREACHED);
    assertThat(deadline().metDate()).isEqualTo("2026-12-01");
    assertThat(driver.timers(childId)).isEmpty();
    assertThat(driver.openTaskKeys(childId)).containsExactly("Task_RecordBreachReasonAndPlan");
    assertThat(watchActivities()).contains("Gateway_DoneByDueDate").doesNotContain("EndEvent_DeadlineMet");
  }

  @Test
  void workDoneLateAfterTheWarningButBeforeTheBreachTimerRanStillAsksForTheReason() {
    TestClock.set(WARNING);
    driver.runDueJobs(childId);
    TestClock.setLondon("2026-12-01T00:30:00");
    decideAndSignOff();

    assertThat(deadline().status()).isEqualTo(DeadlineStatus.BREACHED);
    assertThat(driver.openTaskKeys(childId)).containsExactly("Task_RecordBreachReasonAndPlan");
    assertThat(watchActivities()).contains("Gateway_DoneByDueDateAfterWarning")
        .doesNotContain("EndEvent_DeadlineMetAfterWarning");
  }

  @Test
  void workDoneLateBeforeTheSecondEscalationStopsIt() {
    TestClock.set(BREACH);
    driver.runDueJobs(childId);
    assertThat(deadline().status()).isEqualTo(DeadlineStatus.BREACHED);

    TestClock.setLondon("2026-12-01T09:00:00");
    decideAndSignOff();

    assertThat(deadline().metDate()).isEqualTo("2026-12-01");
    assertThat(deadline().status()).isEqualTo(DeadlineStatus.BREACHED);
    assertThat(driver.timers(childId)).isEmpty();
    assertThat(driver.openTaskKeys(childId)).contains("Task_RecordBreachReasonAndPlan");
    assertThat(watchActivities()).contains("EndEvent_OverdueWorkDone");
  }

  @Test
  void workDoneAfterTheWarningButInTimeIsMet() {
    TestClock.set(WARNING);
    driver.runDueJobs(childId);
    TestClock.setLondon("2026-11-30T23:59:00");
    decideAndSignOff();

    assertThat(deadline().status()).isEqualTo(DeadlineStatus.MET);
    assertThat(deadline().metDate()).isEqualTo("2026-11-30");
    assertThat(driver.timers(childId)).isEmpty();
    assertThat(watchActivities()).contains("EndEvent_DeadlineMetAfterWarning");
  }

  @Test
  void workDoneBeforeTheWarningIsMetAndEndsTheWatch() {
    decideAndSignOff();
    assertThat(deadline().status()).isEqualTo(DeadlineStatus.MET);
    assertThat(watchActivities()).contains("EndEvent_DeadlineMet");
  }

  private void decideAndSignOff() {
    driver.complete("fiona", childId, "Task_DecideOnContact",
        Map.of("contactOutcome", "NFA", "decisionReason", "No concerns once checked", "primaryNeed", "N9"));
    driver.complete("tina", childId, "Task_SignOffContactDecision", Map.of("signOffDecision", "APPROVE"));
  }

  private Deadline deadline() {
    return deadlines.forChild(childId).stream().filter(d -> d.timescaleId().equals("CONTACT_DECISION"))
        .findFirst().orElseThrow();
  }

  private Job nextTimer() {
    return driver.timers(childId).get(0);
  }

  private java.util.List<String> watchActivities() {
    HistoricProcessInstance watch = engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey("deadline-watch").processInstanceBusinessKey(childId).singleResult();
    return engine.getHistoryService().createHistoricActivityInstanceQuery()
        .processInstanceId(watch.getId()).list().stream().map(a -> a.getActivityId()).toList();
  }
}
