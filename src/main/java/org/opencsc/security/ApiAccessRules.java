package org.opencsc.security;

import java.util.List;
import org.springframework.http.HttpMethod;

/**
 * Who may call each part of /api, first match wins (docs/security.md lists the same rules).
 * A path with no rule is for admins only, so a new endpoint is closed until someone decides.
 */
public final class ApiAccessRules {

  /** Every role that works or reads cases. */
  static final List<String> CASE_ROLES = List.of(
      Roles.FRONT_DOOR, Roles.SOCIAL_WORKERS, Roles.ASSESSMENT_TEAM, Roles.LOCALITIES_TEAM,
      Roles.CHILDREN_IN_CARE_TEAM, Roles.LEAVING_CARE, Roles.TEAM_MANAGERS, Roles.SERVICE_MANAGERS,
      Roles.IRO, Roles.LEGAL, Roles.AUDITORS, Roles.ADMINS);

  /** {@code method} null = any method; {@code pattern} as Spring's PathPattern. */
  public record Rule(HttpMethod method, String pattern, List<String> groups) {}

  public static final List<Rule> RULES = List.of(
      new Rule(HttpMethod.POST, "/api/contacts",
          List.of(Roles.FRONT_DOOR, Roles.SOCIAL_WORKERS, Roles.TEAM_MANAGERS, Roles.ADMINS)),
      new Rule(HttpMethod.GET, "/api/children/*/audit",
          List.of(Roles.AUDITORS, Roles.TEAM_MANAGERS, Roles.SERVICE_MANAGERS, Roles.ADMINS)),
      new Rule(HttpMethod.POST, "/api/children/*/immediate-protection",
          List.of(Roles.SOCIAL_WORKERS, Roles.TEAM_MANAGERS, Roles.SERVICE_MANAGERS)),
      new Rule(HttpMethod.POST, "/api/children/*/looked-after/changes",
          List.of(Roles.SOCIAL_WORKERS, Roles.TEAM_MANAGERS, Roles.SERVICE_MANAGERS)),
      new Rule(null, "/api/returns/**", List.of(Roles.AUDITORS, Roles.SERVICE_MANAGERS, Roles.ADMINS)),
      new Rule(null, "/api/oversight/**", List.of(Roles.SOCIAL_WORKERS, Roles.TEAM_MANAGERS,
          Roles.SERVICE_MANAGERS, Roles.AUDITORS, Roles.ADMINS)),
      new Rule(HttpMethod.GET, "/api/children", CASE_ROLES),
      new Rule(HttpMethod.GET, "/api/children/**", CASE_ROLES),
      new Rule(HttpMethod.GET, "/api/timescales/**", CASE_ROLES));

  private ApiAccessRules() {}
}
