package org.opencsc.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.json.SpinJsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencsc.deadlines.Deadline;
import org.opencsc.deadlines.DeadlineService;
import org.opencsc.deadlines.DeadlineStatus;
import org.opencsc.support.JourneyDriver;
import org.opencsc.support.JourneyTest;
import org.opencsc.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Allocation: caseload limits, the over-limit reason, and the 24-hour clock. */
@JourneyTest
class AllocationProcessTest {

  /** Sign-off of the referral at 14:00 on Friday 27 November 2026: allocation due 14:00 Saturday. */
  static final Instant REFERRAL_ACCEPTED = Instant.parse("2026-11-27T14:00:00Z");

  @Autowired ProcessEngine engine;
  @Autowired JourneyDriver driver;
  @Autowired DeadlineService deadlines;
  @Autowired AllocationRepository allocations;
  @Autowired JdbcTemplate jdbc;

  String childId;

  @BeforeEach
  void referralAccepted() {
    TestClock.setLondon("2026-11-27T10:30:00");
    childId = driver.contact("A" + UUID.randomUUID().toString().substring(0, 8), "2026-11-27T10:15:00Z").childId();
    TestClock.set(REFERRAL_ACCEPTED);
    driver.referForAllocation(childId);
  }

  @AfterEach
  void resetClock() {
    TestClock.reset();
    SeededCases.closeAll(jdbc);
  }

  @Test
  void theManagerSeesEachWorkersCaseloadAndTheAllocatedWorkerGetsTheAssessment() {
    Object options = engine.getRuntimeService().getVariable(
        driver.task(childId, "Task_AllocateSocialWorker").getProcessInstanceId(), "workerOptions");
    assertThat(((SpinJsonNode) options).toString()).contains("\"value\":\"sam\"").contains("of 20 cases")
        .contains("\"value\":\"lucy\"").contains("newly qualified");

    int samBefore = allocations.openCaseCount("sam");
    driver.allocate(childId, "sam");

    assertThat(allocations.currentWorker(childId)).contains("sam");
    assertThat(allocations.openCaseCount("sam")).isEqualTo(samBefore + 1);
    Task assessment = driver.task(childId, "Task_CarryOutAssessment");
    assertThat(assessment.getAssignee()).isEqualTo("sam");
    assertThat(engine.getTaskService().getIdentityLinksForTask(assessment.getId()))
        .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("assessment"));
    Deadline allocation = deadline("ALLOCATION");
    assertThat(allocation.status()).isEqualTo(DeadlineStatus.MET);
    assertThat(allocation.triggerAt()).isEqualTo(REFERRAL_ACCEPTED);
  }

  @Test
  void allocationIsDueTwentyFourHoursAfterTheReferralIsAccepted() {
    Deadline allocation = deadline("ALLOCATION");
    assertThat(allocation.breachAt()).isEqualTo("2026-11-28T14:00:00Z");
    assertThat(driver.task(childId, "Task_AllocateSocialWorker").getDueDate())
        .isEqualTo(Date.from(Instant.parse("2026-11-28T14:00:00Z")));
    // warning six hours before
    assertThat(driver.timers(childId).get(0).getDuedate()).isEqualTo(Date.from(Instant.parse("2026-11-28T08:00:00Z")));

    TestClock.set(Instant.parse("2026-11-28T14:00:00Z"));
    driver.runDueJobs(childId);
    assertThat(deadline("ALLOCATION").status()).isEqualTo(DeadlineStatus.BREACHED);
    assertThat(driver.openTaskKeys(childId))
        .containsExactlyInAnyOrder("Task_AllocateSocialWorker", "Task_RecordBreachReasonAndPlan");
  }

  @Test
  void aNewlyQualifiedWorkerAtTheirProtectedLimitCanOnlyBeAllocatedWithARecordedReason() {
    SeededCases.give(jdbc, "lucy", 10 - allocations.openCaseCount("lucy"));

    assertThatThrownBy(() -> driver.complete("tina", childId, "Task_AllocateSocialWorker", Map.of("allocatedWorker", "lucy")))
        .hasMessageContaining("overLimitReason").hasMessageContaining(" of 10 cases");
    assertThat(driver.openTaskKeys(childId)).contains("Task_AllocateSocialWorker");

    driver.complete("tina", childId, "Task_AllocateSocialWorker", Map.of(
        "allocatedWorker", "lucy", "overLimitReason", "Sibling of a child Lucy already works with"));
    assertThat(allocations.currentWorker(childId)).contains("lucy");
    assertThat(jdbc.queryForObject("SELECT over_limit_reason FROM allocation WHERE child_id = ? AND ended_at IS NULL",
        String.class, childId)).isEqualTo("Sibling of a child Lucy already works with");
  }

  @Test
  void onlyASocialWorkerInATeamCanBeAllocated() {
    assertThatThrownBy(() -> driver.complete("tina", childId, "Task_AllocateSocialWorker", Map.of("allocatedWorker", "audrey")))
        .hasMessageContaining("allocatedWorker");
    assertThat(driver.openTaskKeys(childId)).contains("Task_AllocateSocialWorker");
  }

  private Deadline deadline(String timescaleId) {
    return deadlines.forChild(childId).stream().filter(d -> d.timescaleId().equals(timescaleId))
        .findFirst().orElseThrow();
  }
}
