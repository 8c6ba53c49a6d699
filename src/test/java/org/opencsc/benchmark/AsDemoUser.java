package org.opencsc.benchmark;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Task;

/**
 * Completes a user task the way Tasklist does: signed in as the demo user with their groups (so the
 * engine's authorization checks run), claim, then complete with the form's values.
 */
class AsDemoUser {

  private final ProcessEngine engine;
  private final Map<String, List<String>> groups = new ConcurrentHashMap<>();

  AsDemoUser(ProcessEngine engine) {
    this.engine = engine;
  }

  /** The child's one open task with this key (found as the worker finds it, not timed separately). */
  Task task(String businessKey, String taskKey) {
    List<Task> tasks = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(businessKey)
        .taskDefinitionKey(taskKey).list();
    if (tasks.size() != 1) {
      throw new IllegalStateException(tasks.size() + " open " + taskKey + " for " + businessKey);
    }
    return tasks.get(0);
  }

  void complete(String user, String businessKey, String taskKey, Map<String, Object> values) {
    Task task = task(businessKey, taskKey);
    IdentityService identity = engine.getIdentityService();
    identity.setAuthentication(user, groupsOf(user));
    try {
      TaskService tasks = engine.getTaskService();
      tasks.claim(task.getId(), user);
      tasks.complete(task.getId(), values);
    } finally {
      identity.clearAuthentication();
    }
  }

  private List<String> groupsOf(String user) {
    return groups.computeIfAbsent(user, id -> engine.getIdentityService().createGroupQuery().groupMember(id)
        .list().stream().map(Group::getId).toList());
  }
}
