package org.opencsc.security;

import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;

/**
 * The engine grants a team READ and UPDATE on a task when the task is offered to it (candidate group),
 * and a worker when it is assigned to them, but by default keeps both grants when the offer is
 * withdrawn or the task is assigned to someone else. A case transferred to another team
 * ({@code transfers.toTeam}) or re-allocated to another worker would leave the old team or worker able
 * to open, claim and complete the child's tasks by id. Here the grant goes with the offer or the
 * assignment, unless the person still holds the task another way (owner or candidate user).
 */
public class TaskGrantsFollowCandidatesAndAssignee extends DefaultAuthorizationProvider {

  @Override
  public AuthorizationEntity[] deleteTaskGroupIdentityLink(Task task, String groupId, String type) {
    if (groupId == null || !IdentityLinkType.CANDIDATE.equals(type)) {
      return null;
    }
    AuthorizationEntity grant = getGrantAuthorizationByGroupId(groupId, Resources.TASK, task.getId());
    return grant == null ? null : new AuthorizationEntity[] {grant};
  }

  @Override
  public AuthorizationEntity[] newTaskAssignee(Task task, String oldAssignee, String newAssignee) {
    if (oldAssignee != null && !oldAssignee.equals(newAssignee) && !stillHolds(task, oldAssignee)) {
      AuthorizationEntity grant = getGrantAuthorizationByUserId(oldAssignee, Resources.TASK, task.getId());
      if (grant != null) {
        // as the engine removes its own task grants: not subject to the acting user's rights on grants
        Context.getCommandContext().getTaskManager().deleteDefaultAuthorizations(new AuthorizationEntity[] {grant});
      }
    }
    return super.newTaskAssignee(task, oldAssignee, newAssignee);
  }

  private static boolean stillHolds(Task task, String userId) {
    return userId.equals(task.getOwner()) || task instanceof TaskEntity entity && entity.getIdentityLinks().stream()
        .anyMatch(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && userId.equals(link.getUserId()));
  }
}
