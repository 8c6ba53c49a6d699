package org.opencsc.deadlines;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.opencsc.engine.EngineServices;
import org.opencsc.calendar.LondonTime;
import org.opencsc.timescales.ComputedDeadline;
import org.opencsc.timescales.DueDateCalculator;
import org.opencsc.timescales.TimescaleParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The statutory clock as the BPMN models see it (bean {@code deadlines}). Models name a catalogue id;
 * this service computes the date with the same calculator as the public calculator API, stores it,
 * and starts a {@code deadline-watch} instance that warns, marks the breach and escalates.
 */
@Component("deadlines")
public class DeadlineService {

  public static final String WATCH_PROCESS = "deadline-watch";
  public static final String MET_MESSAGE = "DeadlineMet";
  static final int WARNING_PRIORITY = 80;
  private static final DateTimeFormatter DUE_FORMAT = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", java.util.Locale.UK);

  private static final Logger log = LoggerFactory.getLogger(DeadlineService.class);

  private final DueDateCalculator calculator;
  private final DeadlineRepository repository;
  private final EngineServices engine;

  public DeadlineService(DueDateCalculator calculator, DeadlineRepository repository,
      EngineServices engine) {
    this.calculator = calculator;
    this.repository = repository;
    this.engine = engine;
  }

  /** Starts the clock {@code timescaleId} for the execution's child from {@code trigger}. */
  public void open(String timescaleId, DelegateExecution execution, Object trigger) {
    String childId = childOf(execution);
    ComputedDeadline computed = calculator.compute(
        timescaleId, LondonTime.parseTrigger(trigger), parametersOf(execution));
    Deadline deadline = new Deadline(UUID.randomUUID().toString(), childId,
        execution.getProcessInstanceId(), computed.timescaleId(), computed.policy(),
        computed.triggerAt(), computed.triggerDate(), computed.dueDate(), computed.taskDueAt(),
        computed.warningAt(), computed.breachAt(), DeadlineStatus.OPEN,
        null, null, null, null, null, null, null, null, null, null);
    repository.insert(deadline, now());
    execution.setVariableLocal(dueVariable(timescaleId), Date.from(computed.taskDueAt()));
    execution.setVariableLocal(idVariable(timescaleId), deadline.id());
    Map<String, Object> watch = new HashMap<>();
    watch.put("deadlineId", deadline.id());
    watch.put("timescaleId", timescaleId);
    watch.put("childId", childId);
    watch.put("childName", execution.getVariable("childName"));
    watch.put("dueDateText", DUE_FORMAT.format(computed.dueDate()));
    execution.getProcessEngineServices().getRuntimeService().startProcessInstanceByKey(WATCH_PROCESS, childId, watch);
    log.debug("Deadline {} {} opened, due {}", timescaleId, deadline.id(), computed.dueDate());
  }

  public void openNow(String timescaleId, DelegateExecution execution) {
    open(timescaleId, execution, ClockUtil.getCurrentTime());
  }

  /** The statutory work is done: the deadline is met if today is on or before its due date. */
  public void met(String timescaleId, DelegateExecution execution) {
    Object id = execution.getVariable(idVariable(timescaleId));
    if (id == null) {
      throw new IllegalStateException("No open " + timescaleId + " deadline in this process");
    }
    markDone(id.toString(), execution.getProcessEngineServices());
  }

  public Date warningAt(String deadlineId) {
    return Date.from(get(deadlineId).warningAt());
  }

  public Date breachAt(String deadlineId) {
    return Date.from(get(deadlineId).breachAt());
  }

  public Date secondEscalationAt(String deadlineId) {
    return Date.from(calculator.secondEscalationAt(get(deadlineId).breachAt()));
  }

  /** Warning date reached: flag it and raise the statutory task to the top of Tasklist. */
  public void warn(String deadlineId) {
    Deadline deadline = get(deadlineId);
    repository.markWarned(deadlineId, now());
    List<Task> tasks = engine.taskService().createTaskQuery()
        .processInstanceId(deadline.processInstanceId())
        .dueDate(Date.from(deadline.taskDueAt()))
        .list();
    tasks.forEach(task -> engine.taskService().setPriority(task.getId(), WARNING_PRIORITY));
  }

  public void breach(String deadlineId) {
    repository.markBreached(deadlineId, now());
    log.info("Deadline {} ({}) breached", deadlineId, get(deadlineId).timescaleId());
  }

  public void recordBreachReason(String deadlineId, DelegateExecution execution) {
    repository.recordBreachReason(deadlineId,
        (String) execution.getVariable("breachReason"),
        (String) execution.getVariable("recoveryPlan"),
        (String) execution.getVariable("authorOf_Task_RecordBreachReasonAndPlan"),
        now());
  }

  /**
   * Whether the watch may end without asking for a reason: the work was done by the due date, or
   * the deadline was withdrawn before it fell due. False while open or when done late.
   */
  public boolean metInTime(String deadlineId) {
    DeadlineStatus status = get(deadlineId).status();
    return status == DeadlineStatus.MET || status == DeadlineStatus.WITHDRAWN;
  }

  /**
   * The process's statutory work that is no longer due (e.g. care ended): open deadlines are
   * withdrawn and their watches end; breached ones keep their breach and their manager's task.
   */
  public void withdrawOpen(DelegateExecution execution, String reason) {
    for (Deadline deadline : repository.notDoneInProcess(execution.getProcessInstanceId())) {
      repository.withdraw(deadline.id(), reason, now());
      execution.getProcessEngineServices().getRuntimeService().createMessageCorrelation(MET_MESSAGE)
          .processInstanceBusinessKey(deadline.childId())
          .processInstanceVariableEquals("deadlineId", deadline.id())
          .correlateAllWithResult();
    }
  }

  public void recordServiceManagerReview(String deadlineId, DelegateExecution execution) {
    repository.recordServiceManagerReview(deadlineId,
        (String) execution.getVariable("serviceManagerAction"),
        (String) execution.getVariable("authorOf_Task_ReviewOverdueWork"),
        now());
  }

  public List<Deadline> forChild(String childId) {
    return repository.findByChild(childId);
  }

  private void markDone(String deadlineId, ProcessEngineServices services) {
    Deadline deadline = get(deadlineId);
    Instant now = now();
    DeadlineStatus status = now.isBefore(deadline.breachAt()) ? DeadlineStatus.MET : DeadlineStatus.BREACHED;
    repository.markDone(deadlineId, LondonTime.dateOf(now), status, now);
    // by the child first: the business key is indexed, so finding the watch does not depend on the plan
    // PostgreSQL picks for the variable look-up (docs/performance.md)
    services.getRuntimeService().createMessageCorrelation(MET_MESSAGE)
        .processInstanceBusinessKey(deadline.childId())
        .processInstanceVariableEquals("deadlineId", deadlineId)
        .correlateAllWithResult();
  }

  private Deadline get(String deadlineId) {
    return repository.findById(deadlineId)
        .orElseThrow(() -> new IllegalStateException("Unknown deadline " + deadlineId));
  }

  private static String childOf(DelegateExecution execution) {
    Object childId = execution.getVariable("childId");
    String id = childId != null ? childId.toString() : execution.getProcessBusinessKey();
    if (id == null) {
      throw new IllegalStateException("A deadline needs the child: no childId variable or business key");
    }
    return id;
  }

  private static TimescaleParameters parametersOf(DelegateExecution execution) {
    LocalDate dateOfBirth = optionalDate(execution.getVariable("dateOfBirth"));
    LocalDate placementStart = optionalDate(execution.getVariable("placementStart"));
    boolean longTerm = Boolean.TRUE.equals(execution.getVariable("longTermPlacement"));
    return new TimescaleParameters(dateOfBirth, placementStart, longTerm);
  }

  private static LocalDate optionalDate(Object value) {
    return value == null ? null : LondonTime.dateOf(LondonTime.parseTrigger(value));
  }

  static String dueVariable(String timescaleId) {
    return timescaleId + "_due";
  }

  static String idVariable(String timescaleId) {
    return timescaleId + "_deadlineId";
  }

  private static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
