package org.opencsc.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencsc.deadlines.DeadlineService;
import org.opencsc.deadlines.DeadlineStatus;
import org.opencsc.support.JourneyDriver;
import org.opencsc.support.JourneyTest;
import org.opencsc.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * After a transfer the receiving team's manager is asked, in the journey, to re-allocate: Ann is referred
 * on Friday 27 November 2026 and allocated to Sam (assessment team); the assessment leads to a child in
 * need plan, and its first meeting on Monday 7 December 2026 at 16:00 moves the case to the localities
 * team (journey.md transfer points). Tina, a team manager, then either allocates Lucy of the localities team
 * or keeps Sam.
 */
@JourneyTest
class ReallocationAfterTransferTest {

  static final Instant TRANSFERRED_AT = Instant.parse("2026-12-07T16:00:00Z");
  static final Instant REALLOCATED_AT = Instant.parse("2026-12-08T09:30:00Z");

  @Autowired ProcessEngine engine;
  @Autowired JourneyDriver driver;
  @Autowired Transfers transfers;
  @Autowired DeadlineService deadlines;
  @Autowired JdbcTemplate jdbc;

  String childId;

  @BeforeEach
  void childInNeedPlanAgreedByTheAssessmentTeam() {
    TestClock.setLondon("2026-11-27T10:30:00");
    childId = driver.contact("R" + System.nanoTime(), "2026-11-27T10:15:00Z").childId();
    driver.referForAllocation(childId);
    driver.allocate(childId, "sam");
    TestClock.setLondon("2026-12-02T11:00:00");
    driver.complete("sam", childId, "Task_CarryOutAssessment", JourneyDriver.assessment("CIN_PLAN"));
    driver.complete("tina", childId, "Task_SignOffAssessment", Map.of("signOffDecision", "APPROVE"));
    assertThat(driver.openTaskKeys(childId)).containsExactly("Task_AgreeChildInNeedPlan");
  }

  @Test
  void theReceivingTeamsManagerAllocatesLucyAndTheCaseAndItsOpenTasksMoveToHer() {
    transferAtTheFirstChildInNeedMeeting();
    Task allocation = driver.task(childId, "Task_AllocateSocialWorker");
    assertThat(candidateGroups(allocation)).containsExactly("team-managers");
    assertThat(engine.getTaskService().getVariable(allocation.getId(), "currentSocialWorker")).isEqualTo("sam");
    assertThat(driver.task(childId, "Task_ReviewChildInNeedPlan").getAssignee())
        .as("until the receiving team decides, Sam keeps the case").isEqualTo("sam");

    TestClock.setLondon("2026-12-08T09:30:00");
    driver.complete("tina", childId, "Task_AllocateSocialWorker", Map.of("allocatedWorker", "lucy",
        "overLimitReason", "Test suite: many cases share one database", "swChangeReason", "TSPROC"));

    assertThat(driver.openTaskKeys(childId)).containsExactly("Task_ReviewChildInNeedPlan");
    Task review = driver.task(childId, "Task_ReviewChildInNeedPlan");
    assertThat(review.getAssignee()).isEqualTo("lucy");
    assertThat(tasksVisibleTo("sam", List.of("social-workers", "assessment"), review.getId()))
        .as("Sam, no longer the worker, can no longer open the review").isZero();
    assertThat(tasksVisibleTo("lucy", List.of("social-workers", "localities"), review.getId())).isEqualTo(1);
    assertThat(allocatedWorkerOfEachRunningProcess()).containsOnly("lucy").hasSize(2);
    assertThat(engine.getRuntimeService().getVariable(driver.journey(childId).getId(), "caseTeam"))
        .isEqualTo("localities");

    List<Map<String, Object>> rows = allocationRows();
    assertThat(rows).extracting(row -> row.get("WORKER_ID")).containsExactly("sam", "lucy");
    assertThat(rows.get(0).get("SW_CHANGE_REASON")).isEqualTo("FCONTA");
    assertThat(instant(rows.get(0).get("ENDED_AT"))).as("Sam's allocation ends when Lucy's starts")
        .isEqualTo(REALLOCATED_AT).isEqualTo(instant(rows.get(1).get("ALLOCATED_AT")));
    assertThat(rows.get(1)).containsEntry("TEAM", "localities").containsEntry("ALLOCATED_BY", "tina")
        .containsEntry("SW_CHANGE_REASON", "TSPROC").containsEntry("ENDED_AT", null);
    assertThat(transfers.forChild(childId)).singleElement().satisfies(transfer -> {
      assertThat(transfer.fromTeam()).isEqualTo("assessment");
      assertThat(transfer.toTeam()).isEqualTo("localities");
      assertThat(transfer.transferredAt()).isEqualTo(TRANSFERRED_AT).isBefore(REALLOCATED_AT);
    });
    assertThat(deadlines.forChild(childId)).filteredOn(d -> d.timescaleId().equals("ALLOCATION"))
        .extracting(d -> d.status()).containsExactly(DeadlineStatus.MET, DeadlineStatus.MET);

    // Lucy now works the plan: the review is hers to complete
    TestClock.setLondon("2027-03-05T14:00:00");
    driver.complete("lucy", childId, "Task_ReviewChildInNeedPlan", review());
    assertThat(driver.task(childId, "Task_SignOffChildInNeedReview")).isNotNull();
  }

  @Test
  void aNewWorkerWithoutAGivenReasonIsRecordedAsATransferInTheCouncilsProcess() {
    transferAtTheFirstChildInNeedMeeting();
    driver.allocate(childId, "lucy");

    assertThat(allocationRows()).extracting(row -> row.get("WORKER_ID"), row -> row.get("SW_CHANGE_REASON"))
        .containsExactly(org.assertj.core.groups.Tuple.tuple("sam", "FCONTA"),
            org.assertj.core.groups.Tuple.tuple("lucy", "TSPROC"));
  }

  @Test
  void theReceivingTeamsManagerMayKeepTheWorkerAndNothingChangesButTheTeam() {
    transferAtTheFirstChildInNeedMeeting();

    TestClock.setLondon("2026-12-08T09:30:00");
    driver.allocate(childId, "sam");

    assertThat(driver.openTaskKeys(childId)).containsExactly("Task_ReviewChildInNeedPlan");
    assertThat(driver.task(childId, "Task_ReviewChildInNeedPlan").getAssignee()).isEqualTo("sam");
    assertThat(allocatedWorkerOfEachRunningProcess()).containsOnly("sam").hasSize(2);
    assertThat(engine.getRuntimeService().getVariable(driver.journey(childId).getId(), "caseTeam"))
        .as("the case stays with the receiving team").isEqualTo("localities");
    List<Map<String, Object>> rows = allocationRows();
    assertThat(rows).as("one SSDA903 social worker episode goes on").singleElement()
        .satisfies(row -> assertThat(row).containsEntry("WORKER_ID", "sam").containsEntry("ENDED_AT", null));
  }

  @Test
  void aCaseClosedBeforeTheReceivingTeamDecidedGetsNoNewAllocation() {
    transferAtTheFirstChildInNeedMeeting();
    TestClock.setLondon("2027-03-05T14:00:00");
    Map<String, Object> close = review();
    close.put("cinOutcome", "CLOSE");
    close.put("closureReason", "RC5");
    driver.complete("sam", childId, "Task_ReviewChildInNeedPlan", close);
    driver.complete("mark", childId, "Task_SignOffChildInNeedReview", Map.of("signOffDecision", "APPROVE"));
    assertThat(driver.openTaskKeys(childId)).containsExactly("Task_AllocateSocialWorker");

    driver.allocate(childId, "lucy");

    assertThat(allocationRows()).singleElement().satisfies(row -> {
      assertThat(row).containsEntry("WORKER_ID", "sam");
      assertThat(instant(row.get("ENDED_AT"))).isEqualTo(Instant.parse("2027-03-05T14:00:00Z"));
    });
    assertThat(driver.journey(childId)).as("the case is closed").isNull();
  }

  @Test
  void aTransferRecordedByTheJourneyItselfAlsoAsksTheReceivingTeam() {
    transferByTheJourneyItself();

    assertThat(driver.openTaskKeys(childId)).containsExactly("Task_AgreeChildInNeedPlan", "Task_AllocateSocialWorker");
    assertThat(transfers.forChild(childId)).singleElement()
        .satisfies(transfer -> assertThat(transfer.toTeam()).isEqualTo("localities"));
    driver.allocate(childId, "lucy");
    assertThat(driver.task(childId, "Task_AgreeChildInNeedPlan").getAssignee()).isEqualTo("lucy");
    assertThat(allocatedWorkerOfEachRunningProcess()).containsOnly("lucy");
  }

  @Test
  void theSendingTeamCanNoLongerOpenOrWorkTheTasksItNoLongerHolds() {
    String plan = driver.task(childId, "Task_AgreeChildInNeedPlan").getId();
    // Alex: another member of the assessment team, not the case's worker
    List<String> assessmentTeam = List.of("social-workers", "assessment");
    assertThat(tasksVisibleTo("alex", assessmentTeam, plan)).as("offered to the assessment team").isEqualTo(1);

    transferByTheJourneyItself();

    assertThat(candidateGroups(driver.task(childId, "Task_AgreeChildInNeedPlan"))).containsExactly("localities");
    assertThat(tasksVisibleTo("alex", assessmentTeam, plan)).as("no longer offered to the assessment team")
        .isZero();
    assertThat(tasksVisibleTo("lucy", List.of("social-workers", "localities"), plan)).isEqualTo(1);
    assertThat(engine.getAuthorizationService().createAuthorizationQuery().resourceType(Resources.TASK)
        .resourceId(plan).list()).extracting(Authorization::getGroupId).filteredOn(group -> group != null)
        .containsExactly("localities");
  }

  private long tasksVisibleTo(String user, List<String> groups, String taskId) {
    engine.getIdentityService().setAuthentication(user, groups);
    try {
      return engine.getTaskService().createTaskQuery().taskId(taskId).count();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  /** As a service task of child-journey would: in the journey's own transaction, with its execution. */
  private void transferByTheJourneyItself() {
    ProcessInstance journey = driver.journey(childId);
    TestClock.setLondon("2026-12-07T16:00:00");
    ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
        .execute(context -> {
          ExecutionEntity execution = context.getExecutionManager().findExecutionById(journey.getId());
          transfers.toTeam(execution, "localities", "First child-in-need meeting after the assessment");
          return null;
        });
  }

  private void transferAtTheFirstChildInNeedMeeting() {
    TestClock.setLondon("2026-12-07T16:00:00");
    driver.complete("sam", childId, "Task_AgreeChildInNeedPlan", Map.of("cinPlanStartDate", "2026-12-07",
        "planGoals", "Safe supervision at home", "planActions", "Father: alcohol service weekly"));
    driver.complete("tina", childId, "Task_SignOffChildInNeedPlan", Map.of("signOffDecision", "APPROVE"));
    assertThat(driver.openTaskKeys(childId))
        .containsExactly("Task_AllocateSocialWorker", "Task_ReviewChildInNeedPlan");
  }

  private List<Object> allocatedWorkerOfEachRunningProcess() {
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(childId).list()
        .stream()
        .map(instance -> engine.getRuntimeService().getVariables(instance.getId(), List.of("allocatedWorker")))
        .filter(variables -> variables.containsKey("allocatedWorker"))
        .map(variables -> variables.get("allocatedWorker"))
        .toList();
  }

  private List<String> candidateGroups(Task task) {
    return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .map(IdentityLink::getGroupId).filter(group -> group != null).toList();
  }

  private List<Map<String, Object>> allocationRows() {
    return jdbc.queryForList("SELECT * FROM allocation WHERE child_id = ? ORDER BY allocated_at", childId);
  }

  private static Instant instant(Object timestamp) {
    if (timestamp instanceof OffsetDateTime offset) {
      return offset.toInstant();
    }
    return timestamp == null ? null : ((Timestamp) timestamp).toInstant();
  }

  private static Map<String, Object> review() {
    Map<String, Object> values = new HashMap<>();
    values.put("cinReviewDate", "2027-03-05");
    values.put("childLastSeenDate", "2027-03-02");
    values.put("reviewProgress", "Father attends the alcohol service");
    values.put("cinOutcome", "CONTINUE");
    return values;
  }
}
