package org.opencsc.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opencsc.support.JourneyDriver;
import org.opencsc.support.JourneyTest;
import org.opencsc.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;

/** Retention (docs/security.md): history cleanup is configured, and removes nothing of a recent case. */
@JourneyTest
class HistoryRetentionTest {

  @Autowired ProcessEngine engine;
  @Autowired JourneyDriver driver;

  @AfterEach
  void resetClock() {
    TestClock.reset();
    engine.getHistoryService().findHistoryCleanupJobs()
        .forEach(job -> engine.getManagementService().deleteJob(job.getId()));
  }

  @Test
  void everyModelKeepsItsHistoryFor36500Days() {
    assertThat(engine.getRepositoryService().createProcessDefinitionQuery().latestVersion().list())
        .isNotEmpty()
        .allSatisfy(definition -> assertThat(definition.getHistoryTimeToLive()).as(definition.getKey()).isEqualTo(36500));
  }

  @Test
  void cleanupRemovesNothingOfAClosedCaseAndSchedulesRemovalAHundredYearsOut() {
    TestClock.setLondon("2026-11-27T10:30:00");
    String childId = driver.contact("H" + UUID.randomUUID().toString().substring(0, 8), "2026-11-27T10:15:00Z").childId();
    driver.complete("fiona", childId, "Task_DecideOnContact",
        Map.of("contactOutcome", "NFA", "decisionReason", "Advice given by school", "primaryNeed", "N9"));
    driver.complete("tina", childId, "Task_SignOffContactDecision", Map.of("signOffDecision", "APPROVE"));
    long before = historyOf(childId);
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(childId)
        .finished().count()).as("the contact model finished, so its history has a removal time").isPositive();

    TestClock.setLondon("2027-02-01T02:00:00");   // inside the night-time batch window
    Job cleanup = engine.getHistoryService().cleanUpHistoryAsync(true);
    engine.getManagementService().executeJob(cleanup.getId());

    assertThat(historyOf(childId)).isEqualTo(before);
    for (HistoricProcessInstance finished : engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(childId).finished().list()) {
      assertThat(Duration.between(finished.getEndTime().toInstant(), finished.getRemovalTime().toInstant()).toDays())
          .isEqualTo(36500);
    }
  }

  private long historyOf(String childId) {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(childId).count()
        + engine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceBusinessKey(childId).count();
  }
}
