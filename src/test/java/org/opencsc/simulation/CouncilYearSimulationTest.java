package org.opencsc.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.opencsc.support.JourneyTest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A small council's year on the real engine and processes (CI size: about 60 referrals in 365 simulated
 * days), ending with the invariants of issue 7 holding; and the invariant checker catching a broken state.
 */
@JourneyTest
class CouncilYearSimulationTest {

  private static final Logger log = LoggerFactory.getLogger(CouncilYearSimulationTest.class);
  private static final LocalDate START = LocalDate.of(2027, 4, 1);

  @Autowired CouncilYearSimulation simulation;
  @Autowired JourneyInvariants invariants;
  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;

  @Test
  void aSmallCouncilYearRunsThroughEveryStageAndEndsWithTheInvariantsHolding() {
    SimulationSettings settings = SimulationSettings.of(SimulationSize.CI, 365, START, 1,
        simulation.rates().probability("late"), newPrefix());

    SimulationReport report = simulation.run(settings);
    log.info("\n{}", report.format());

    assertThat(report.completionFailures()).as("tasks the simulated workers could not complete").isEmpty();
    assertThat(report.jobFailures()).as("jobs that failed").isZero();
    assertThat(report.invariantViolations()).as("invariants").isEmpty();
    assertThat(report.childrenWithRecord().get("referred")).as("children referred in the year").isBetween(40, 80);
    assertThat(report.childrenEnteringStage().get("assessment")).isPositive();
    assertThat(report.childrenWithRecord().get("section 47 enquiries signed off")).isPositive();
    assertThat(report.childrenWithRecord().get("child protection plans")).isPositive();
    assertThat(report.childrenWithRecord().get("looked after (SSDA903 episodes)")).isPositive();
    assertThat(report.deadlinesByStatus().get("MET")).isPositive();
    assertThat(report.deadlinesByStatus().get("BREACHED")).isPositive();
    assertThat(report.taskCompletions()).containsKey("Task_RecordBreachReasonAndPlan");
    assertThat(report.timersFired()).isPositive();
    assertThat(report.journeysClosed()).isPositive();
    assertThat(report.journeysOpen()).isPositive();
  }

  @Test
  void theCheckerFindsTimersThatDidNotFireAndATaskNobodyCanSee() {
    String prefix = newPrefix();
    SimulationSettings settings = new SimulationSettings("invariant check", 300, 20, START, 7, 0.3, prefix);
    SimulationReport report = simulation.run(settings);
    assertThat(report.invariantViolations()).isEmpty();
    Date end = ClockUtil.getCurrentTime();

    // the clock moves on a month but nobody runs the jobs: due timers, deadlines open past their breach time
    ClockUtil.setCurrentTime(Date.from(end.toInstant().plusSeconds(31L * 24 * 3600)));
    List<String> violations = invariants.check(prefix);
    assertThat(violations).anySatisfy(v -> assertThat(v).contains("but has not run"));
    assertThat(violations).anySatisfy(v -> assertThat(v).contains("is OPEN but its breach time"));
    ClockUtil.setCurrentTime(end);
    assertThat(invariants.check(prefix)).isEmpty();

    // a task taken out of every group and unassigned: nobody can see it
    Task task = openUnassignedTaskOf(prefix);
    List<String> groups = engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType())).map(IdentityLink::getGroupId).toList();
    groups.forEach(group -> engine.getTaskService().deleteCandidateGroup(task.getId(), group));
    try {
      assertThat(invariants.check(prefix)).singleElement()
          .satisfies(v -> assertThat(v).contains(task.getId()).contains("nobody can see it"));
    } finally {
      groups.forEach(group -> engine.getTaskService().addCandidateGroup(task.getId(), group));
    }
    assertThat(invariants.check(prefix)).isEmpty();
  }

  private Task openUnassignedTaskOf(String prefix) {
    String taskId = jdbc.queryForObject("""
        SELECT MIN(t.ID_) FROM ACT_RU_TASK t JOIN ACT_RU_EXECUTION p ON p.ID_ = t.PROC_INST_ID_
        JOIN child c ON c.id = p.BUSINESS_KEY_ WHERE c.la_child_id LIKE ? AND t.ASSIGNEE_ IS NULL""",
        String.class, prefix + "%");
    assertThat(taskId).as("an open unassigned task of the run").isNotNull();
    return engine.getTaskService().createTaskQuery().taskId(taskId).singleResult();
  }

  private static String newPrefix() {
    // other tests' children start with other letters (TestChildren: "T" and lower-case hex)
    return "SIM" + UUID.randomUUID().toString().replace("-", "").substring(0, 7).toUpperCase();
  }
}
