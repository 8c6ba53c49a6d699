package org.opencsc.simulation;

import java.time.LocalDate;
import java.util.Date;
import java.util.Random;
import java.util.Set;
import org.opencsc.calendar.LondonTime;
import org.opencsc.calendar.WorkingDayCalendar;

/**
 * When a simulated worker does a task: on a working day, before its due date, or (with the run's late
 * share) after it, so that some deadlines are breached and their escalations are worked too.
 */
class WorkPlan {

  /** Decisions and sign-offs done the day they arrive (or the next working day). */
  static final Set<String> PROMPT = Set.of("Task_DecideOnContact", "Task_AllocateSocialWorker",
      "Task_HoldStrategyDiscussion", "Task_DecideLegalRoute", "Task_GiveLegalAdvice", "Task_ReviewPreProceedings",
      "Task_RecordBreachReasonAndPlan", "Task_ReviewOverdueWork", "Task_AllocatePersonalAdviser",
      "Task_ActOnNewConcerns", "Task_ProposeAccommodation", "Task_RecordPlacement", "Task_IssueProceedings");

  /** Practice Direction 12A: the case management hearing is not before day 12 of the proceedings. */
  static final String CASE_MANAGEMENT_HEARING = "Task_AttendCaseManagementHearing";
  static final String HEARING = "Task_RecordHearingOutcome";

  private final WorkingDayCalendar calendar;
  private final double lateShare;

  WorkPlan(WorkingDayCalendar calendar, double lateShare) {
    this.calendar = calendar;
    this.lateShare = lateShare;
  }

  /** The day the task will be done, decided when the simulator first sees it on {@code today}. */
  LocalDate plan(String taskKey, Date dueAt, LocalDate today, Random random) {
    boolean prompt = PROMPT.contains(taskKey) || SimulatedAnswers.SIGN_OFFS.contains(taskKey);
    LocalDate earliest = today.plusDays(taskKey.equals(CASE_MANAGEMENT_HEARING) ? 11 : prompt ? 0 : 1);
    boolean late = random.nextDouble() < lateShare;
    if (dueAt == null) {
      int days = taskKey.equals(HEARING) ? 21 + random.nextInt(36) : prompt ? random.nextInt(2) : 2 + random.nextInt(14);
      return workingDayFrom(earliest.plusDays(days));
    }
    LocalDate due = LondonTime.dateOf(dueAt.toInstant());
    if (late) {
      int daysLate = random.nextDouble() < 0.7 ? 1 + random.nextInt(4) : 5 + random.nextInt(16);
      return laterOf(earliest, calendar.plusWorkingDays(due, daysLate));
    }
    if (prompt || !earliest.isBefore(due)) {
      return laterOf(earliest, workingDayOnOrBefore(prompt ? earliest : due, earliest));
    }
    // on time: somewhere in the last two thirds of the time allowed
    long window = due.toEpochDay() - earliest.toEpochDay();
    LocalDate from = earliest.plusDays(window / 3);
    LocalDate day = from.plusDays(random.nextInt((int) (due.toEpochDay() - from.toEpochDay()) + 1));
    return workingDayOnOrBefore(day, earliest);
  }

  private LocalDate workingDayFrom(LocalDate day) {
    LocalDate d = day;
    while (!calendar.isWorkingDay(d)) {
      d = d.plusDays(1);
    }
    return d;
  }

  /** The working day on or before {@code day} but not before {@code earliest}; else the next working day. */
  private LocalDate workingDayOnOrBefore(LocalDate day, LocalDate earliest) {
    LocalDate d = day;
    while (!calendar.isWorkingDay(d) && d.isAfter(earliest)) {
      d = d.minusDays(1);
    }
    return calendar.isWorkingDay(d) ? d : workingDayFrom(day);
  }

  private static LocalDate laterOf(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }
}
