package org.opencsc.security;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Four-eyes rule, enforced by the engine whichever client is used (Tasklist, engine REST, Java):
 * the manager who signs a decision off can never be the person who made it (bean {@code fourEyes}).
 */
@Component("fourEyes")
public class FourEyesSignOff {

  static final String AUTHOR_PREFIX = "authorOf_";
  static final String SIGNED_OFF_PREFIX = "signedOffBy_";

  /** Complete listener on a work task: remembers who did the work. */
  public void recordAuthor(DelegateTask task) {
    recordAuthorOf(task, task.getTaskDefinitionKey());
  }

  /**
   * Complete listener on a task that redoes work first recorded elsewhere (e.g. on a start form): the
   * person who completes it becomes the author of {@code workKey}, the key its sign-off names.
   */
  public void recordAuthorOf(DelegateTask task, String workKey) {
    String user = actingUser(task);
    if (user == null) {
      throw new AuthorizationException(
          "'" + task.getName() + "' must be completed by a signed-in person so the work can be signed off");
    }
    task.getExecution().setVariable(authorVariable(workKey), user);
  }

  /** The process variable holding who did the work {@code workKey}, which its sign-off refuses. */
  public static String authorVariable(String workKey) {
    return AUTHOR_PREFIX + workKey;
  }

  /** Assignment and complete listener on a sign-off task: refuses the author of the work. */
  public void refuseAuthor(DelegateTask task, String workTaskKey) {
    Object author = task.getExecution().getVariable(authorVariable(workTaskKey));
    String assignee = task.getAssignee();
    String actor = actingUser(task);
    boolean completing = TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName());
    if (author != null && (author.equals(assignee) || (completing && author.equals(actor)))) {
      throw new AuthorizationException(
          "Four-eyes rule: " + author + " did this work and cannot sign it off; another manager must");
    }
    if (completing) {
      if (actor == null) {
        throw new AuthorizationException("A sign-off must be made by a signed-in manager");
      }
      task.getExecution().setVariable(SIGNED_OFF_PREFIX + task.getTaskDefinitionKey(), actor);
    }
  }

  /** The signed-in user if there is one, else the task's assignee. */
  private static String actingUser(DelegateTask task) {
    Authentication authentication =
        task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (authentication != null && authentication.getUserId() != null) {
      return authentication.getUserId();
    }
    return task.getAssignee();
  }
}
