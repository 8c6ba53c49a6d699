package org.opencsc.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.opencsc.frontdoor.ContactIntake;
import org.opencsc.frontdoor.ContactReceipt;
import org.opencsc.frontdoor.ContactRequest;
import org.springframework.stereotype.Component;

/** Drives a child's journey the way people do: as a named user, through the engine's own API. */
@Component
public class JourneyDriver {

  private final ProcessEngine engine;
  private final ContactIntake intake;

  public JourneyDriver(ProcessEngine engine, ContactIntake intake) {
    this.engine = engine;
    this.intake = intake;
  }

  public ContactReceipt contact(String laChildId, String receivedAtIso) {
    return intake.receive(request(laChildId, receivedAtIso));
  }

  public static ContactRequest request(String laChildId, String receivedAtIso) {
    return new ContactRequest(
        new ContactRequest.ChildDetails(laChildId, "Ann", "Example", java.time.LocalDate.of(2015, 6, 1), null,
            "F", "WBRI", null, null),
        new ContactRequest.ContactDetails(java.time.OffsetDateTime.parse(receivedAtIso), "5A",
            "Nursery reports bruising"));
  }

  /** Front door decides REFERRAL and a manager signs it off: the journey waits for allocation. */
  public void referForAllocation(String childId) {
    complete("fiona", childId, "Task_DecideOnContact", Map.of(
        "contactOutcome", "REFERRAL", "decisionReason", "Bruising needs assessment", "primaryNeed", "N1"));
    complete("tina", childId, "Task_SignOffContactDecision", Map.of("signOffDecision", "APPROVE"));
  }

  /**
   * Allocates the case. The tests share one database, so the demo workers' caseloads grow past their
   * limits as the suite runs: the reason the limit rule asks for is given. AllocationProcessTest tests
   * the rule itself.
   */
  public void allocate(String childId, String worker) {
    complete("tina", childId, "Task_AllocateSocialWorker",
        Map.of("allocatedWorker", worker, "overLimitReason", "Test suite: many cases share one database"));
  }

  /** The assessment as a social worker records it through the Camunda Form. */
  public static Map<String, Object> assessment(String outcome) {
    Map<String, Object> values = new java.util.HashMap<>();
    values.put("assessmentStartDate", "2026-11-30");
    values.put("childSeenDate", "2026-12-01");
    values.put("childSeenAlone", true);
    values.put("assessmentFactors", org.camunda.spin.plugin.variable.SpinValues.jsonValue("[\"1B\",\"3A\"]").create());
    values.put("worries", "Unexplained bruising; father's drinking");
    values.put("strengths", "Grandmother visits daily; child attends nursery");
    values.put("safetyScale", 6L);
    values.put("assessmentOutcome", outcome);
    values.put("analysis", "Needs a plan to address drinking and supervision");
    return values;
  }

  /** The one open task with this key among the child's processes. */
  public Task task(String childId, String taskKey) {
    List<Task> tasks = tasks(childId, taskKey);
    assertThat(tasks).as("open %s for child", taskKey).hasSize(1);
    return tasks.get(0);
  }

  public List<Task> tasks(String childId, String taskKey) {
    return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(childId)
        .taskDefinitionKey(taskKey).list();
  }

  public List<String> openTaskKeys(String childId) {
    return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(childId).list().stream()
        .map(Task::getTaskDefinitionKey).sorted().toList();
  }

  /** Claims and completes the task as {@code user}, signed in with their groups. */
  public void complete(String user, String childId, String taskKey, Map<String, Object> variables) {
    Task task = task(childId, taskKey);
    asUser(user, () -> {
      engine.getTaskService().claim(task.getId(), user);
      engine.getTaskService().complete(task.getId(), variables);
    });
  }

  public void asUser(String user, Runnable action) {
    List<String> groups = engine.getIdentityService().createGroupQuery().groupMember(user).list().stream()
        .map(Group::getId).toList();
    engine.getIdentityService().setAuthentication(user, groups);
    try {
      action.run();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  public ProcessInstance journey(String childId) {
    return engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey("child-journey").processInstanceBusinessKey(childId).singleResult();
  }

  /** Process instances (journey, called models, deadline watches) that belong to the child. */
  public Set<String> processInstanceIds(String childId) {
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(childId).list()
        .stream().map(ProcessInstance::getId).collect(Collectors.toSet());
  }

  /** Timer jobs of the child's processes, soonest first. */
  public List<Job> timers(String childId) {
    List<Job> jobs = new ArrayList<>();
    for (String id : processInstanceIds(childId)) {
      jobs.addAll(engine.getManagementService().createJobQuery().processInstanceId(id).timers().list());
    }
    jobs.sort((a, b) -> a.getDuedate().compareTo(b.getDuedate()));
    return jobs;
  }

  /** Runs, like the job executor would at this clock time, every due job of the child's processes. */
  public int runDueJobs(String childId) {
    int ran = 0;
    boolean found = true;
    while (found) {
      found = false;
      for (String id : processInstanceIds(childId)) {
        for (Job job : engine.getManagementService().createJobQuery().processInstanceId(id).executable().list()) {
          if (job.getDuedate() == null || !job.getDuedate().after(ClockUtil.getCurrentTime())) {
            engine.getManagementService().executeJob(job.getId());
            ran++;
            found = true;
          }
        }
      }
    }
    return ran;
  }

  public static Date date(java.time.Instant instant) {
    return Date.from(instant);
  }
}
