package org.opencsc.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opencsc.security.Roles;
import org.opencsc.security.WorkerProfile;
import org.opencsc.support.JourneyTest;
import org.opencsc.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The list of every social worker (allocation task, caseload dashboard) is read for all workers at
 * once; it must say of each worker exactly what the one-worker look-up used on allocation says.
 */
@JourneyTest
class CaseloadsTest {

  static final String TWO_TEAMS = "cl-two-teams";
  static final String NO_TEAM = "cl-no-team";

  @Autowired ProcessEngine engine;
  @Autowired Caseloads caseloads;
  @Autowired JdbcTemplate jdbc;

  @AfterEach
  void removeWorkers() {
    TestClock.reset();
    SeededCases.closeAll(jdbc);
    List.of(TWO_TEAMS, NO_TEAM).forEach(engine.getIdentityService()::deleteUser);
  }

  @Test
  void everyWorkerIsListedAsTheirOwnLookUpShowsThemAndAWorkerWithoutATeamIsNotListed() {
    TestClock.setLondon("2026-11-27T10:00:00");
    IdentityService identity = engine.getIdentityService();
    worker(TWO_TEAMS, Roles.FRONT_DOOR, Roles.LOCALITIES_TEAM);
    identity.setUserInfo(TWO_TEAMS, WorkerProfile.QUALIFIED_ON, "2026-03-01");
    SeededCases.give(jdbc, TWO_TEAMS, 3);
    worker(NO_TEAM);

    List<Caseloads.WorkerCaseload> all = caseloads.socialWorkers();

    assertThat(all).extracting(Caseloads.WorkerCaseload::userId).contains(TWO_TEAMS, "sam", "lucy")
        .doesNotContain(NO_TEAM).isSorted();
    Caseloads.WorkerCaseload twoTeams = all.stream().filter(w -> w.userId().equals(TWO_TEAMS)).findFirst()
        .orElseThrow();
    assertThat(twoTeams.team()).isEqualTo(Roles.LOCALITIES_TEAM);
    assertThat(twoTeams.cases()).isEqualTo(3);
    assertThat(twoTeams.newlyQualified()).isTrue();
    assertThat(twoTeams.limit()).isEqualTo(10);
    assertThat(all).allSatisfy(worker -> assertThat(caseloads.caseloadOf(worker.userId())).contains(worker));
    assertThat(caseloads.caseloadOf(NO_TEAM)).isEmpty();
  }

  private void worker(String id, String... teams) {
    IdentityService identity = engine.getIdentityService();
    User user = identity.newUser(id);
    user.setFirstName("Test");
    user.setLastName(id);
    identity.saveUser(user);
    identity.createMembership(id, Roles.SOCIAL_WORKERS);
    for (String team : teams) {
      identity.createMembership(id, team);
    }
  }
}
