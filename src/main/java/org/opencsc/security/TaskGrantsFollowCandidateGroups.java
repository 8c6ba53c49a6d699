package org.opencsc.security;

import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;

/**
 * The engine grants a team READ and UPDATE on a task when the task is offered to it (candidate group)
 * but, by default, keeps that grant when the offer is withdrawn. A case transferred to another team
 * ({@code transfers.toTeam}) would leave the sending team able to open, claim and complete the
 * child's tasks by id. Here withdrawing the offer also withdraws the grant, so a team can act only on
 * the tasks offered to it now.
 */
public class TaskGrantsFollowCandidateGroups extends DefaultAuthorizationProvider {

  @Override
  public AuthorizationEntity[] deleteTaskGroupIdentityLink(Task task, String groupId, String type) {
    if (groupId == null || !IdentityLinkType.CANDIDATE.equals(type)) {
      return null;
    }
    AuthorizationEntity grant = getGrantAuthorizationByGroupId(groupId, Resources.TASK, task.getId());
    return grant == null ? null : new AuthorizationEntity[] {grant};
  }
}
