package org.opencsc.allocation;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opencsc.engine.InvalidFieldValue;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.spin.Spin;
import org.camunda.spin.plugin.variable.SpinValues;
import org.opencsc.calendar.LondonTime;
import org.opencsc.engine.EngineServices;
import org.opencsc.security.Roles;
import org.opencsc.security.WorkerProfile;
import org.springframework.stereotype.Component;

/** Caseloads against the limits, for the manager allocating a case (bean {@code caseload}). */
@Component("caseload")
public class Caseloads {

  private final AllocationRepository allocations;
  private final QualificationDates qualificationDates;
  private final CaseloadProperties limits;
  private final EngineServices engine;

  Caseloads(AllocationRepository allocations, QualificationDates qualificationDates, CaseloadProperties limits,
      EngineServices engine) {
    this.allocations = allocations;
    this.qualificationDates = qualificationDates;
    this.limits = limits;
    this.engine = engine;
  }

  /** A worker's caseload as the allocating manager sees it. */
  public record WorkerCaseload(String userId, String name, String team, boolean newlyQualified,
      int cases, int limit) {

    public boolean atOrOverLimit() {
      return cases >= limit;
    }

    String label() {
      return name + " (" + team + (newlyQualified ? ", newly qualified" : "") + ") — "
          + cases + " of " + limit + " cases" + (atOrOverLimit() ? " — AT OR OVER LIMIT" : "");
    }
  }

  /** Sets the Json variable {@code workerOptions} the allocation form's select reads. */
  public void offerWorkers(DelegateExecution execution) {
    List<Option> options = socialWorkers().stream()
        .map(worker -> new Option(worker.label(), worker.userId()))
        .toList();
    execution.setVariable("workerOptions", SpinValues.jsonValue(Spin.JSON(options).toString()).create());
    Object childId = execution.getVariable("childId");
    // shown on the form: a change of worker asks for the reason (SSDA903 SW_REASON)
    execution.setVariable("currentSocialWorker", childId == null ? "none"
        : allocations.currentWorker(childId.toString()).orElse("none"));
  }

  /** Complete listener on the allocation: above the limit only with a recorded reason. */
  public void refuseOverLimitWithoutReason(DelegateTask task) {
    Object chosen = task.getVariable("allocatedWorker");
    if (chosen == null || chosen.toString().isBlank()) {
      throw new InvalidFieldValue("allocatedWorker", "choose the social worker to allocate");
    }
    WorkerCaseload worker = caseloadOf(chosen.toString())
        .orElseThrow(() -> new InvalidFieldValue("allocatedWorker", chosen + " is not a social worker in a team"));
    Object reason = task.getVariable("overLimitReason");
    if (worker.atOrOverLimit() && (reason == null || reason.toString().isBlank())) {
      throw new InvalidFieldValue("overLimitReason", worker.name() + " already has "
          + worker.cases() + " of " + worker.limit() + " cases; record why you are allocating above the limit");
    }
  }

  /**
   * Every social worker in a team with their caseload, in user id order. A handful of statements
   * whatever the council's size (the workers, one per team, the counts, the qualification dates):
   * the allocation task and the caseload dashboard open with this list.
   */
  public List<WorkerCaseload> socialWorkers() {
    List<User> workers = identity().createUserQuery().memberOfGroup(Roles.SOCIAL_WORKERS).orderByUserId().asc()
        .list();
    Map<String, String> teams = teamOfEach();
    Map<String, Integer> cases = allocations.openCaseCounts(workers.stream().map(User::getId).toList());
    Map<String, String> qualifiedOn = qualificationDates.ofEveryWorker();
    return workers.stream()
        .filter(user -> teams.containsKey(user.getId()))
        .map(user -> caseload(user, teams.get(user.getId()), cases.getOrDefault(user.getId(), 0),
            qualifiedOn.get(user.getId())))
        .toList();
  }

  public Optional<WorkerCaseload> caseloadOf(String userId) {
    User user = identity().createUserQuery().userId(userId).memberOfGroup(Roles.SOCIAL_WORKERS).singleResult();
    return user == null ? Optional.empty()
        : teamOf(userId).map(team -> caseload(user, team, allocations.openCaseCount(userId),
            identity().getUserInfo(userId, WorkerProfile.QUALIFIED_ON)));
  }

  /** The worker's team; a member of several is in the last of {@link Roles#TEAMS}. */
  public Optional<String> teamOf(String userId) {
    List<String> groups = identity().createGroupQuery().groupMember(userId).list().stream()
        .map(Group::getId).toList();
    return Roles.TEAMS.stream().filter(groups::contains).reduce((first, second) -> second);
  }

  /** {@link #teamOf} for every member of a team at once. */
  private Map<String, String> teamOfEach() {
    Map<String, String> teams = new HashMap<>();
    for (String team : Roles.TEAMS) {
      identity().createUserQuery().memberOfGroup(team).list().forEach(user -> teams.put(user.getId(), team));
    }
    return teams;
  }

  private WorkerCaseload caseload(User user, String team, int cases, String qualifiedOn) {
    boolean nqsw = newlyQualified(qualifiedOn);
    int limit = nqsw ? Math.min(limits.nqswLimit(), limits.limitForTeam(team)) : limits.limitForTeam(team);
    String name = (user.getFirstName() + " " + user.getLastName()).trim();
    return new WorkerCaseload(user.getId(), name, team, nqsw, cases, limit);
  }

  private static boolean newlyQualified(String qualifiedOn) {
    if (qualifiedOn == null || qualifiedOn.isBlank()) {
      return false;
    }
    LocalDate today = LondonTime.dateOf(ClockUtil.getCurrentTime().toInstant());
    return LocalDate.parse(qualifiedOn).plusYears(1).isAfter(today);
  }

  private IdentityService identity() {
    return engine.identityService();
  }

  record Option(String label, String value) {}
}
