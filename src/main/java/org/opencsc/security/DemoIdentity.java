package org.opencsc.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo users and groups of shared/spec/api.md, for the default profile (one-command start on H2)
 * and the {@code demo} profile only: never in production. Passwords equal user names (see README).
 */
@Component
@Profile({"default", "demo"})
@Order(10)
public class DemoIdentity extends AbstractCamundaConfiguration {

  private static final Logger log = LoggerFactory.getLogger(DemoIdentity.class);

  /** Groups: id, name, type (WORKFLOW for roles, TEAM for teams, SYSTEM for engine administration). */
  static final List<List<String>> GROUPS = List.of(
      List.of(Roles.FRONT_DOOR, "Front door / MASH", "TEAM"),
      List.of(Roles.SOCIAL_WORKERS, "Social workers", "WORKFLOW"),
      List.of(Roles.ASSESSMENT_TEAM, "Assessment team", "TEAM"),
      List.of(Roles.LOCALITIES_TEAM, "Localities team", "TEAM"),
      List.of(Roles.CHILDREN_IN_CARE_TEAM, "Children in care team", "TEAM"),
      List.of(Roles.LEAVING_CARE, "Leaving care (personal advisers)", "TEAM"),
      List.of(Roles.TEAM_MANAGERS, "Team managers", "WORKFLOW"),
      List.of(Roles.SERVICE_MANAGERS, "Service managers", "WORKFLOW"),
      List.of(Roles.IRO, "Independent reviewing officers and conference chairs", "WORKFLOW"),
      List.of(Roles.LEGAL, "Legal services", "WORKFLOW"),
      List.of(Roles.AUDITORS, "Auditors and inspectors (read only)", "WORKFLOW"),
      List.of(Roles.ADMINS, "System administrators", "SYSTEM"),
      List.of(Roles.CAMUNDA_ADMIN, "Camunda administrators (webapps' built-in admin group)", "SYSTEM"));

  /** Users: id, first name, last name, qualified-on date (blank when not a social worker), groups. */
  record DemoUser(String id, String firstName, String lastName, String qualifiedOn, List<String> groups) {}

  static final List<DemoUser> USERS = List.of(
      new DemoUser("fiona", "Fiona", "Front Door (demo)", "2015-07-01",
          List.of(Roles.FRONT_DOOR, Roles.SOCIAL_WORKERS)),
      new DemoUser("sam", "Sam", "Assessment (demo)", "2019-07-01",
          List.of(Roles.SOCIAL_WORKERS, Roles.ASSESSMENT_TEAM)),
      // Lucy is the demo's newly qualified social worker: her first-year caseload is protected.
      new DemoUser("lucy", "Lucy", "Localities (demo)", "2026-07-01",
          List.of(Roles.SOCIAL_WORKERS, Roles.LOCALITIES_TEAM)),
      new DemoUser("carl", "Carl", "Children in Care (demo)", "2012-07-01",
          List.of(Roles.SOCIAL_WORKERS, Roles.CHILDREN_IN_CARE_TEAM)),
      new DemoUser("pat", "Pat", "Personal Adviser (demo)", "", List.of(Roles.LEAVING_CARE)),
      new DemoUser("tina", "Tina", "Team Manager (demo)", "", List.of(Roles.TEAM_MANAGERS)),
      new DemoUser("mark", "Mark", "Team Manager (demo)", "", List.of(Roles.TEAM_MANAGERS)),
      new DemoUser("sue", "Sue", "Service Manager (demo)", "", List.of(Roles.SERVICE_MANAGERS)),
      new DemoUser("ian", "Ian", "Independent Reviewing Officer (demo)", "", List.of(Roles.IRO)),
      new DemoUser("leo", "Leo", "Legal (demo)", "", List.of(Roles.LEGAL)),
      new DemoUser("audrey", "Audrey", "Auditor (demo)", "", List.of(Roles.AUDITORS)),
      new DemoUser("admin", "Admin", "Administrator (demo)", "", List.of(Roles.ADMINS, Roles.CAMUNDA_ADMIN)));

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    IdentityService identity = processEngine.getIdentityService();
    GROUPS.forEach(g -> createGroup(identity, g.get(0), g.get(1), g.get(2)));
    USERS.forEach(u -> createUser(identity, u));
    log.info("Demo identity ready: {} users, {} groups (not for production)", USERS.size(), GROUPS.size());
  }

  private static void createGroup(IdentityService identity, String id, String name, String type) {
    if (identity.createGroupQuery().groupId(id).count() > 0) {
      return;
    }
    Group group = identity.newGroup(id);
    group.setName(name);
    group.setType(type);
    identity.saveGroup(group);
  }

  private static void createUser(IdentityService identity, DemoUser demo) {
    if (identity.createUserQuery().userId(demo.id()).count() > 0) {
      return;
    }
    User user = identity.newUser(demo.id());
    user.setFirstName(demo.firstName());
    user.setLastName(demo.lastName());
    user.setEmail(demo.id() + "@demo.invalid");
    user.setPassword(demo.id());
    identity.saveUser(user);
    demo.groups().forEach(group -> identity.createMembership(demo.id(), group));
    if (!demo.qualifiedOn().isBlank()) {
      identity.setUserInfo(demo.id(), WorkerProfile.QUALIFIED_ON, demo.qualifiedOn());
    }
  }
}
