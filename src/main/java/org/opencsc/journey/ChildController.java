package org.opencsc.journey;

import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.opencsc.allocation.AllocationRepository;
import org.opencsc.api.NotFoundException;
import org.opencsc.children.Child;
import org.opencsc.children.ChildRepository;
import org.opencsc.engine.EngineServices;
import org.opencsc.frontdoor.ContactIntake;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** GET /api/children/{id}: the child, who holds the case, and the journey's open tasks. */
@RestController
public class ChildController {

  private final ChildRepository children;
  private final AllocationRepository allocations;
  private final EngineServices engine;

  public ChildController(ChildRepository children, AllocationRepository allocations, EngineServices engine) {
    this.children = children;
    this.allocations = allocations;
    this.engine = engine;
  }

  public record OpenTask(String taskId, String taskDefinitionKey, String name, String assignee,
      java.util.Date due) {}

  public record ChildView(String childId, String laChildId, String firstName, String lastName,
      LocalDate dateOfBirth, LocalDate expectedDateOfBirth, String sex, String ethnicity, String upn,
      String postcode, String journeyId, boolean journeyOpen, String allocatedWorker,
      List<OpenTask> openTasks) {}

  /** Find a child by the council's child id (the id people know). */
  @GetMapping("/api/children")
  public List<ChildView> find(@org.springframework.web.bind.annotation.RequestParam String laChildId) {
    return children.findByLaChildId(laChildId).map(c -> child(c.id())).stream().toList();
  }

  @GetMapping("/api/children/{childId}")
  public ChildView child(@PathVariable String childId) {
    Child child = children.findById(childId)
        .orElseThrow(() -> new NotFoundException("No child with id " + childId));
    ProcessInstance journey = engine.runtimeService().createProcessInstanceQuery()
        .processDefinitionKey(ContactIntake.JOURNEY_PROCESS).processInstanceBusinessKey(childId)
        .singleResult();
    List<OpenTask> tasks = engine.taskService().createTaskQuery().processInstanceBusinessKey(childId)
        .orderByDueDate().asc().list().stream()
        .map(ChildController::openTask).toList();
    return new ChildView(child.id(), child.laChildId(), child.firstName(), child.lastName(),
        child.dateOfBirth(), child.expectedDateOfBirth(), child.sex(), child.ethnicity(), child.upn(),
        child.postcode(), journey == null ? null : journey.getId(), journey != null,
        allocations.currentWorker(childId).orElse(null), tasks);
  }

  private static OpenTask openTask(Task task) {
    return new OpenTask(task.getId(), task.getTaskDefinitionKey(), task.getName(), task.getAssignee(),
        task.getDueDate());
  }
}
