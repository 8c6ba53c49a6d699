package org.opencsc.tasklist;

import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.springframework.stereotype.Component;

/** The shared Tasklist filters every role works from; created once, kept if a council edits them. */
@Component
public class TasklistFilters extends AbstractCamundaConfiguration {

  static final String MY_TASKS = "My tasks";
  static final String MY_TEAM = "My team";
  static final String AWAITING_SIGN_OFF = "Awaiting my sign-off";
  static final String OVERDUE = "Overdue";

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    FilterService filters = engine.getFilterService();
    TaskService tasks = engine.getTaskService();
    create(filters, MY_TASKS, -20, "Tasks assigned to me",
        tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}").orderByDueDate().asc());
    create(filters, MY_TEAM, -10, "Tasks for my teams and roles, claimed or not",
        tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
            .includeAssignedTasks().orderByDueDate().asc());
    create(filters, AWAITING_SIGN_OFF, 0, "Decisions waiting for a manager's sign-off",
        tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
            .includeAssignedTasks().taskDefinitionKeyLike("Task_SignOff%").orderByDueDate().asc());
    create(filters, OVERDUE, 10, "Statutory work past its due date, for me or my teams",
        tasks.createTaskQuery().dueBeforeExpression("${now()}")
            .or().taskAssigneeExpression("${currentUser()}")
            .taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks().endOr()
            .orderByDueDate().asc());
  }

  private static void create(FilterService filters, String name, int priority, String description,
      TaskQuery query) {
    if (filters.createFilterQuery().filterName(name).count() > 0) {
      return;
    }
    Filter filter = filters.newTaskFilter(name);
    filter.setQuery(query);
    filter.setProperties(Map.of(
        "description", description,
        "priority", priority,
        "refresh", true,
        "color", OVERDUE.equals(name) ? "#c0392b" : "#2c6e91",
        // shown under each task in the list, so a worker sees whose work it is
        "variables", java.util.List.of(
            Map.of("name", "childName", "label", "Child"),
            Map.of("name", "timescaleId", "label", "Overdue deadline"))));
    filters.saveFilter(filter);
  }
}
