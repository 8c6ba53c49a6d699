package org.opencsc.simulation;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.opencsc.calendar.LondonTime;
import org.opencsc.calendar.WorkingDayCalendar;
import org.opencsc.frontdoor.ContactIntake;
import org.opencsc.frontdoor.ContactReceipt;
import org.opencsc.frontdoor.ContactRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Simulates a council's year on the real engine and the real processes with a simulated clock
 * ({@link ClockUtil}), day by day: contacts arrive through {@link ContactIntake} (as POST /api/contacts),
 * demo users of each task's candidate group (or its assignee) complete the open tasks with answers drawn
 * from the branching rates (most on time, a share late), and the simulator itself executes the jobs that
 * fall due as the clock moves on (the job executor must be off). Every random draw about a child comes
 * from that child's own seeded stream, so a seed gives the same year whatever else is in the database.
 * Not a bean under the {@code prod} profile: made-up children never reach a council's database.
 */
@Component
@org.springframework.context.annotation.Profile("!prod")
public class CouncilYearSimulation {

  private static final Logger log = LoggerFactory.getLogger(CouncilYearSimulation.class);
  /** A task that keeps failing is given up for the day and tried again on the next. */
  private static final int MAX_PASSES_A_DAY = 40;

  private final ProcessEngine engine;
  private final ContactIntake intake;
  private final JdbcTemplate jdbc;
  private final WorkingDayCalendar calendar;
  private final JourneyInvariants invariants;
  private final BranchingRates rates = BranchingRates.load();

  public CouncilYearSimulation(ProcessEngine engine, ContactIntake intake, JdbcTemplate jdbc,
      WorkingDayCalendar calendar, JourneyInvariants invariants) {
    this.engine = engine;
    this.intake = intake;
    this.jdbc = jdbc;
    this.calendar = calendar;
    this.invariants = invariants;
  }

  public BranchingRates rates() {
    return rates;
  }

  public SimulationReport run(SimulationSettings settings) {
    return new Run(settings).simulate();
  }

  /** The state of one run. */
  private final class Run {
    final SimulationSettings settings;
    final SimulationScope scope;
    final SimulatedAnswers answers = new SimulatedAnswers(rates);
    final WorkPlan plan;
    final Random contacts;
    final List<String> laChildIds = new ArrayList<>();
    final Map<String, Random> childRandom = new HashMap<>();
    final Map<String, LocalDate> planned = new HashMap<>();
    final Map<String, Integer> occurrences = new HashMap<>();
    final Map<String, List<String>> groupMembers = new HashMap<>();
    final Map<String, List<String>> userGroups = new HashMap<>();
    final TreeMap<String, Integer> completions = new TreeMap<>();
    final Map<String, String> failures = new LinkedHashMap<>();
    int contactsReceived;
    int journeysStarted;
    int contactsJoiningOpenJourneys;
    int timersFired;
    int otherJobsRun;
    int jobFailures;

    Run(SimulationSettings settings) {
      this.settings = settings;
      this.scope = new SimulationScope(jdbc, settings.laChildIdPrefix());
      this.plan = new WorkPlan(calendar, settings.lateShare());
      this.contacts = new Random(settings.seed());
    }

    SimulationReport simulate() {
      long started = System.nanoTime();
      long cpuStarted = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
      double contactsPerWorkingDay = settings.referralsPerYear() / rates.referralShareOfContacts()
          / workingDaysPerYear(settings.start());
      for (int d = 0; d < settings.days(); d++) {
        LocalDate day = settings.start().plusDays(d);
        clock(day, LocalTime.of(7, 0));
        runDueJobs();
        if (calendar.isWorkingDay(day)) {
          // timers falling due after 07:00 fire at the next morning's run (or at the end of the run)
          receiveContacts(day, poisson(contactsPerWorkingDay));
          clock(day, LocalTime.of(10, 0));
          work(day);
        }
        if (d % 30 == 29) {
          log.info("Simulated {} of {} days: {} contacts, {} task completions, {} timers fired", d + 1,
              settings.days(), contactsReceived, completions.values().stream().mapToInt(Integer::intValue).sum(),
              timersFired);
        }
      }
      clock(settings.end(), LocalTime.of(7, 0));
      runDueJobs();
      Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
      Duration cpu = Duration.ofNanos(
          java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuStarted);
      return new SimulationReports(engine, jdbc).report(settings, elapsed, cpu, contactsReceived, journeysStarted,
          contactsJoiningOpenJourneys, completions, timersFired, otherJobsRun, jobFailures, failures,
          invariants.check(settings.laChildIdPrefix()));
    }

    // --- contacts --------------------------------------------------------------------------------

    void receiveContacts(LocalDate day, int count) {
      for (int i = 0; i < count; i++) {
        clock(day, LocalTime.of(9, 0).plusMinutes(3L * i % 60));
        boolean known = !laChildIds.isEmpty() && contacts.nextDouble() < rates.probability("reContact");
        String laChildId = known ? laChildIds.get(contacts.nextInt(laChildIds.size())) : newChild();
        Instant receivedAt = ClockUtil.getCurrentTime().toInstant().minusSeconds(600);
        ContactReceipt receipt = intake.receive(new ContactRequest(
            new ContactRequest.ChildDetails(laChildId, "Sim", "Child" + laChildId.substring(laChildId.length() - 4),
                dateOfBirth(laChildId, day), null, random(laChildId).nextBoolean() ? "F" : "M", "WBRI", null,
                "CH41 1AA"),
            new ContactRequest.ContactDetails(receivedAt.atOffset(ZoneOffset.UTC), "5A", "Simulated contact")));
        childRandom.putIfAbsent(receipt.childId(), random(laChildId));
        contactsReceived++;
        if (receipt.joinedExistingJourney()) {
          contactsJoiningOpenJourneys++;
        } else {
          journeysStarted++;
        }
        runDueJobs(() -> scope.processInstanceIdsOf(receipt.childId()));
      }
    }

    String newChild() {
      String laChildId = settings.laChildIdPrefix() + "-" + String.format("%07d", laChildIds.size() + 1);
      laChildIds.add(laChildId);
      return laChildId;
    }

    /** Ages 0 to 17 spread evenly: an ESTIMATE (the DfE age profile of children in need is not used). */
    LocalDate dateOfBirth(String laChildId, LocalDate day) {
      Random r = new Random(seedOf(laChildId) ^ 0x5DEECE66DL);
      return day.minusDays(30 + r.nextInt(18 * 365 - 60));
    }

    Random random(String laChildId) {
      return new Random(seedOf(laChildId));
    }

    /** From the child's number in the run, not the run's prefix: the same seed gives the same children. */
    long seedOf(String laChildId) {
      return settings.seed() * 1_000_003L + Long.parseLong(laChildId.substring(laChildId.lastIndexOf('-') + 1));
    }

    // --- tasks -----------------------------------------------------------------------------------

    void work(LocalDate day) {
      Instant endOfWork = LondonTime.startOfDay(day).plus(Duration.ofHours(17));
      Set<String> givenUp = new HashSet<>();
      for (int pass = 0; pass < MAX_PASSES_A_DAY; pass++) {
        boolean worked = false;
        for (SimulationScope.OpenTask open : scope.openTasks()) {
          String taskId = open.id();
          String childId = open.childId();
          if (givenUp.contains(taskId)) {
            continue;
          }
          Random r = childRandom.computeIfAbsent(childId, id -> new Random(settings.seed() ^ id.hashCode()));
          LocalDate when = planned.computeIfAbsent(taskId, id -> plan.plan(open.taskKey(), open.dueAt(), day, r));
          if (when.isAfter(day)) {
            continue;
          }
          Task task = engine.getTaskService().createTaskQuery().taskId(taskId).singleResult();
          if (task == null) {
            continue; // ended by an earlier completion in this pass
          }
          if (complete(task, childId, day, r)) {
            worked = true;
            planned.remove(taskId);
            Instant next = ClockUtil.getCurrentTime().toInstant().plusSeconds(120);
            if (next.isBefore(endOfWork)) {
              ClockUtil.setCurrentTime(Date.from(next));
            }
            runDueJobs(() -> scope.processInstanceIdsOf(childId));
          } else {
            givenUp.add(taskId);
          }
        }
        if (!worked) {
          return;
        }
      }
    }

    /** Completes the task as its assignee or as a member of a candidate group; false if nobody could. */
    boolean complete(Task task, String childId, LocalDate day, Random r) {
      String key = task.getTaskDefinitionKey();
      int occurrence = occurrences.getOrDefault(childId + "/" + key, 0) + 1;
      Map<String, Object> values;
      try {
        values = answers.answer(new SimulatedAnswers.TaskContext(key, day, r, occurrence,
            name -> engine.getTaskService().getVariable(task.getId(), name)));
      } catch (IllegalArgumentException e) {
        failures.put(key, e.getMessage());
        return false;
      }
      RuntimeException last = null;
      for (String user : candidates(task, r)) {
        try {
          asUser(user, () -> {
            if (task.getAssignee() == null) {
              engine.getTaskService().claim(task.getId(), user);
            }
            engine.getTaskService().complete(task.getId(), values);
          });
          completions.merge(key, 1, Integer::sum);
          occurrences.merge(childId + "/" + key, 1, Integer::sum);
          return true;
        } catch (AuthorizationException e) {
          last = e; // four eyes: this user made the decision being signed off; another member signs
          unclaimIfClaimedBy(task.getId(), user);
        } catch (RuntimeException e) {
          last = e;
          unclaimIfClaimedBy(task.getId(), user);
          break;
        }
      }
      failures.put(key, last == null ? "nobody in its candidate groups" : last.getClass().getSimpleName() + ": "
          + last.getMessage());
      return false;
    }

    List<String> candidates(Task task, Random r) {
      if (task.getAssignee() != null) {
        return List.of(task.getAssignee());
      }
      List<String> users = new ArrayList<>();
      for (IdentityLink link : engine.getTaskService().getIdentityLinksForTask(task.getId())) {
        if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
          for (String user : members(link.getGroupId())) {
            if (!users.contains(user)) {
              users.add(user);
            }
          }
        } else if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getUserId() != null) {
          users.add(link.getUserId());
        }
      }
      Collections.shuffle(users, r);
      return users;
    }

    List<String> members(String group) {
      return groupMembers.computeIfAbsent(group, g -> engine.getIdentityService().createUserQuery()
          .memberOfGroup(g).orderByUserId().asc().list().stream().map(User::getId).toList());
    }

    void asUser(String user, Runnable action) {
      List<String> groups = userGroups.computeIfAbsent(user, u -> engine.getIdentityService().createGroupQuery()
          .groupMember(u).list().stream().map(Group::getId).toList());
      engine.getIdentityService().setAuthentication(user, groups);
      try {
        action.run();
      } finally {
        engine.getIdentityService().clearAuthentication();
      }
    }

    void unclaimIfClaimedBy(String taskId, String user) {
      Task now = engine.getTaskService().createTaskQuery().taskId(taskId).singleResult();
      if (now != null && user.equals(now.getAssignee())) {
        try {
          engine.getTaskService().setAssignee(taskId, null);
        } catch (RuntimeException e) {
          log.warn("Could not hand task {} back to its group: {}", taskId, e.getMessage());
        }
      }
    }

    // --- jobs ------------------------------------------------------------------------------------

    /** Executes, as the job executor would at this clock time, every due job of the run's children. */
    void runDueJobs() {
      runDueJobs(scope::processInstanceIds);
    }

    /** Executes the due jobs of these process instances, soonest first, until none is due. */
    void runDueJobs(java.util.function.Supplier<java.util.Collection<String>> processInstanceIds) {
      Set<String> failed = new HashSet<>();
      boolean ran = true;
      while (ran) {
        ran = false;
        // read again each round: a job may have started new process instances (deadline watches, tracks)
        for (List<String> chunk : SimulationScope.chunks(processInstanceIds.get())) {
          List<Job> due = engine.getManagementService().createJobQuery().processInstanceIds(new HashSet<>(chunk))
              .executable().orderByJobDuedate().asc().list();
          for (Job job : due) {
            if (failed.contains(job.getId())) {
              continue;
            }
            try {
              engine.getManagementService().executeJob(job.getId());
              if (job instanceof TimerEntity) {
                timersFired++;
              } else {
                otherJobsRun++;
              }
              ran = true;
            } catch (RuntimeException e) {
              jobFailures++;
              failed.add(job.getId());
              log.warn("Simulated job {} failed: {}", job.getId(), e.getMessage());
            }
          }
        }
      }
    }

    // --- clock and chance -------------------------------------------------------------------------

    void clock(LocalDate day, LocalTime time) {
      ClockUtil.setCurrentTime(Date.from(day.atTime(time).atZone(LondonTime.ZONE).toInstant()));
    }

    int poisson(double mean) {
      if (mean > 30) {
        return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * contacts.nextGaussian()));
      }
      double limit = Math.exp(-mean);
      double product = contacts.nextDouble();
      int n = 0;
      while (product > limit) {
        product *= contacts.nextDouble();
        n++;
      }
      return n;
    }

    int workingDaysPerYear(LocalDate from) {
      int n = 0;
      for (LocalDate d = from; d.isBefore(from.plusYears(1)); d = d.plusDays(1)) {
        if (calendar.isWorkingDay(d)) {
          n++;
        }
      }
      return n;
    }
  }
}
