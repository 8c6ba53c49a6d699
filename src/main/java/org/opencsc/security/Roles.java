package org.opencsc.security;

import java.util.List;

/** Group ids of shared/spec/journey.md ("Roles"). Team groups double as candidate groups. */
public final class Roles {

  public static final String FRONT_DOOR = "front-door";
  public static final String SOCIAL_WORKERS = "social-workers";
  public static final String ASSESSMENT_TEAM = "assessment";
  public static final String LOCALITIES_TEAM = "localities";
  public static final String CHILDREN_IN_CARE_TEAM = "children-in-care";
  public static final String LEAVING_CARE = "leaving-care";
  public static final String TEAM_MANAGERS = "team-managers";
  public static final String SERVICE_MANAGERS = "service-managers";
  public static final String IRO = "iro";
  public static final String LEGAL = "legal";
  public static final String AUDITORS = "auditors";
  public static final String ADMINS = "admins";
  /** The Camunda webapps treat members of this group as administrators (and ask for one at setup). */
  public static final String CAMUNDA_ADMIN = "camunda-admin";

  /** Teams a case can be held in, in the order a referral passes through them. */
  public static final List<String> TEAMS = List.of(
      FRONT_DOOR, ASSESSMENT_TEAM, LOCALITIES_TEAM, CHILDREN_IN_CARE_TEAM, LEAVING_CARE, "disabled-children");

  private Roles() {}
}
