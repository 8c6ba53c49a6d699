package org.opencsc.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.authorization.UserOperationLogCategoryPermissions;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The engine permissions of each role of shared/spec/journey.md, granted at start-up in every
 * profile (docs/security.md has the table). Task permissions are not here: the engine grants them
 * per task to its candidate groups and assignee. Existing grants are extended, never narrowed, so a
 * council's own additions made in Admin survive a restart.
 */
@Component
@Order(20)
public class RoleGrants extends AbstractCamundaConfiguration {

  /** Everyone who works cases in Tasklist. */
  static final List<String> CASE_WORKERS = List.of(
      Roles.FRONT_DOOR, Roles.SOCIAL_WORKERS, Roles.ASSESSMENT_TEAM, Roles.LOCALITIES_TEAM,
      Roles.CHILDREN_IN_CARE_TEAM, "disabled-children", Roles.LEAVING_CARE, Roles.TEAM_MANAGERS,
      Roles.SERVICE_MANAGERS, Roles.IRO, Roles.LEGAL);

  /** Who may record a contact (start {@code record-contact}), as its candidate starter groups. */
  static final List<String> CONTACT_RECORDERS = List.of(Roles.FRONT_DOOR, Roles.SOCIAL_WORKERS, Roles.TEAM_MANAGERS);

  static final String RECORD_CONTACT = "record-contact";

  /** Who may record a looked-after child's plan for adoption (start {@code adoption}). */
  static final String ADOPTION = "adoption";

  record Grant(String group, Resource resource, String resourceId, List<Permission> permissions) {}

  static List<Grant> grants() {
    List<Grant> grants = new ArrayList<>();
    for (String group : CASE_WORKERS) {
      grants.add(new Grant(group, Resources.APPLICATION, "tasklist", List.of(Permissions.ACCESS)));
      grants.add(new Grant(group, Resources.FILTER, ANY, List.of(Permissions.READ)));
      // Tasklist shows the model's name and loads its forms
      grants.add(new Grant(group, Resources.PROCESS_DEFINITION, ANY, List.of(ProcessDefinitionPermissions.READ)));
      grants.add(new Grant(group, Resources.USER, ANY, List.of(Permissions.READ)));
      grants.add(new Grant(group, Resources.GROUP, ANY, List.of(Permissions.READ)));
    }
    for (String group : CONTACT_RECORDERS) {
      grants.add(new Grant(group, Resources.PROCESS_DEFINITION, RECORD_CONTACT,
          List.of(ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE)));
      grants.add(new Grant(group, Resources.PROCESS_INSTANCE, ANY, List.of(ProcessInstancePermissions.CREATE)));
    }
    grants.add(new Grant(Roles.CHILDREN_IN_CARE_TEAM, Resources.PROCESS_DEFINITION, ADOPTION,
        List.of(ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE)));
    grants.add(new Grant(Roles.CHILDREN_IN_CARE_TEAM, Resources.PROCESS_INSTANCE, ANY,
        List.of(ProcessInstancePermissions.CREATE)));
    for (String group : List.of(Roles.TEAM_MANAGERS, Roles.SERVICE_MANAGERS)) {
      grants.add(new Grant(group, Resources.PROCESS_DEFINITION, ANY, List.of(ProcessDefinitionPermissions.READ_HISTORY)));
      grants.add(new Grant(group, Resources.OPERATION_LOG_CATEGORY, ANY, List.of(UserOperationLogCategoryPermissions.READ)));
      grants.add(new Grant(group, Resources.HISTORIC_TASK, ANY, List.of(HistoricTaskPermissions.READ)));
      grants.add(new Grant(group, Resources.HISTORIC_PROCESS_INSTANCE, ANY, List.of(HistoricProcessInstancePermissions.READ)));
    }
    grants.addAll(auditors());
    for (Resource resource : Resources.values()) {
      grants.add(new Grant(Roles.ADMINS, resource, ANY, List.of(Permissions.ALL)));
    }
    return grants;
  }

  /** Read everything, runtime and history; work no task, change nothing, start or cancel nothing. */
  private static List<Grant> auditors() {
    String a = Roles.AUDITORS;
    return List.of(
        new Grant(a, Resources.APPLICATION, "cockpit", List.of(Permissions.ACCESS)),
        new Grant(a, Resources.FILTER, ANY, List.of(Permissions.READ)),
        new Grant(a, Resources.USER, ANY, List.of(Permissions.READ)),
        new Grant(a, Resources.GROUP, ANY, List.of(Permissions.READ)),
        new Grant(a, Resources.DEPLOYMENT, ANY, List.of(Permissions.READ)),
        new Grant(a, Resources.PROCESS_DEFINITION, ANY, List.of(ProcessDefinitionPermissions.READ,
            ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_TASK,
            ProcessDefinitionPermissions.READ_HISTORY)),
        new Grant(a, Resources.DECISION_DEFINITION, ANY, List.of(Permissions.READ, Permissions.READ_HISTORY)),
        new Grant(a, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, List.of(Permissions.READ)),
        new Grant(a, Resources.PROCESS_INSTANCE, ANY, List.of(ProcessInstancePermissions.READ)),
        new Grant(a, Resources.TASK, ANY, List.of(TaskPermissions.READ)),
        new Grant(a, Resources.HISTORIC_TASK, ANY, List.of(HistoricTaskPermissions.READ)),
        new Grant(a, Resources.HISTORIC_PROCESS_INSTANCE, ANY, List.of(HistoricProcessInstancePermissions.READ)),
        new Grant(a, Resources.OPERATION_LOG_CATEGORY, ANY, List.of(UserOperationLogCategoryPermissions.READ)),
        new Grant(a, Resources.BATCH, ANY, List.of(Permissions.READ, Permissions.READ_HISTORY)));
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    AuthorizationService authorizations = engine.getAuthorizationService();
    grants().forEach(grant -> apply(authorizations, grant));
  }

  private static void apply(AuthorizationService authorizations, Grant grant) {
    Authorization existing = authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
        .groupIdIn(grant.group()).resourceType(grant.resource()).resourceId(grant.resourceId()).singleResult();
    Authorization authorization = existing != null ? existing : authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
    if (existing == null) {
      authorization.setGroupId(grant.group());
      authorization.setResource(grant.resource());
      authorization.setResourceId(grant.resourceId());
    }
    boolean changed = existing == null;
    for (Permission permission : grant.permissions()) {
      if (!authorization.isPermissionGranted(permission)) {
        authorization.addPermission(permission);
        changed = true;
      }
    }
    if (changed) {
      authorizations.saveAuthorization(authorization);
    }
  }
}
