package org.opencsc.oversight;

import java.util.Set;
import java.util.stream.Collectors;
import org.opencsc.security.CurrentUser;
import org.opencsc.security.Roles;

/**
 * Which records of the oversight views the signed-in user may see (per record; which roles may call
 * /api/oversight at all is decided by the URL rules). Auditors, service managers and admins see every
 * team; a team manager sees the teams they belong to, or every team when they belong to none (in the
 * demo a manager oversees all teams); anyone else sees only their own cases and deadlines, and the
 * measures of their own team.
 *
 * @param teams the teams whose records are visible, or null for all
 * @param worker the only worker whose cases are visible, or null for every worker in {@code teams}
 */
record OversightScope(Set<String> teams, String worker) {

  static OversightScope current() {
    if (CurrentUser.inAnyGroup(Roles.AUDITORS, Roles.SERVICE_MANAGERS, Roles.ADMINS)) {
      return new OversightScope(null, null);
    }
    Set<String> myTeams = CurrentUser.groups().stream().filter(Roles.TEAMS::contains).collect(Collectors.toSet());
    if (CurrentUser.inAnyGroup(Roles.TEAM_MANAGERS)) {
      return new OversightScope(myTeams.isEmpty() ? null : myTeams, null);
    }
    return new OversightScope(myTeams, CurrentUser.id());
  }

  boolean seesTeam(String team) {
    return teams == null || teams.contains(team);
  }

  /** A case or deadline held by {@code caseWorker} in {@code team}. */
  boolean sees(String team, String caseWorker) {
    return worker != null ? worker.equals(caseWorker) : seesTeam(team);
  }
}
