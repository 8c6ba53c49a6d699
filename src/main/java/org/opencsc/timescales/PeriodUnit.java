package org.opencsc.timescales;

import java.time.LocalDate;

/** How a timescale's period is counted from its trigger date. */
public enum PeriodUnit {
  /** England and Wales working days; the trigger day never counts. */
  WORKING_DAYS("working day", "working days"),
  DAYS("day", "days"),
  WEEKS("week", "weeks"),
  /** Same day-of-month, or the last day of a shorter month (31 Aug + 6 months = 28/29 Feb). */
  MONTHS("month", "months"),
  /** Elapsed time from the trigger instant; the only unit whose deadline is not a whole day. */
  HOURS("hour", "hours"),
  /** "Day N" where the trigger date is day 1 (Public Law Outline): due = D + N − 1. */
  COURT_DAYS("court day", "court days"),
  /** "N weeks beginning with the day" (Children Act 1989 s32): due = D + 7N − 1. */
  COURT_WEEKS("court week", "court weeks");

  private final String singular;
  private final String plural;

  PeriodUnit(String singular, String plural) {
    this.singular = singular;
    this.plural = plural;
  }

  public boolean isWorkingDays() {
    return this == WORKING_DAYS;
  }

  /** Counts from the trigger date; for WORKING_DAYS and HOURS use the calendar or the instant instead. */
  LocalDate addTo(LocalDate date, int period) {
    return switch (this) {
      case DAYS -> date.plusDays(period);
      case WEEKS -> date.plusWeeks(period);
      case MONTHS -> date.plusMonths(period);
      case COURT_DAYS -> date.plusDays(period - 1L);
      case COURT_WEEKS -> date.plusDays(7L * period - 1);
      case WORKING_DAYS, HOURS -> throw new IllegalStateException(name() + " is not a calendar-date unit");
    };
  }

  /** Steps back from a due date (used for warnings); the court units step back as plain days/weeks. */
  LocalDate subtractFrom(LocalDate date, int period) {
    return switch (this) {
      case DAYS, COURT_DAYS -> date.minusDays(period);
      case WEEKS, COURT_WEEKS -> date.minusWeeks(period);
      case MONTHS -> date.minusMonths(period);
      case WORKING_DAYS, HOURS -> throw new IllegalStateException(name() + " is not a calendar-date unit");
    };
  }

  public String describe(int period) {
    return period + " " + (period == 1 ? singular : plural);
  }
}
