package org.opencsc.timescales;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import org.opencsc.calendar.LondonTime;
import org.opencsc.calendar.WorkingDayCalendar;
import org.springframework.stereotype.Component;

/** Works out due, warning and breach times for a catalogue entry (rules in statutory-timescales.md). */
@Component
public class DueDateCalculator {

  /** Range of trigger dates for which the bank-holiday calendar has been checked by hand. */
  public static final LocalDate SUPPORTED_FROM = LocalDate.of(2018, 1, 1);
  public static final LocalDate SUPPORTED_TO = LocalDate.of(2030, 12, 31);

  private static final int LONG_WD_LIMIT = 5;
  private static final int LONG_WD_WARNING = 5;
  private static final int SHORT_WD_WARNING = 1;
  private static final int CALENDAR_WARNING_DAYS = 7;
  private static final int HEALTH_REVIEW_AGE = 5;

  private final TimescaleCatalogue catalogue;
  private final WorkingDayCalendar calendar;
  private final TimescaleProperties properties;

  public DueDateCalculator(TimescaleCatalogue catalogue, WorkingDayCalendar calendar, TimescaleProperties properties) {
    this.catalogue = catalogue;
    this.calendar = calendar;
    this.properties = properties;
  }

  /** For a trigger known only as a date: it counts from the start of that day in London. */
  public ComputedDeadline compute(String timescaleId, LocalDate triggerDate, TimescaleParameters params) {
    return compute(timescaleId, LondonTime.startOfDay(triggerDate), params);
  }

  public ComputedDeadline compute(String timescaleId, Instant trigger, TimescaleParameters params) {
    Timescale timescale = catalogue.get(timescaleId);
    TimescaleParameters facts = params == null ? TimescaleParameters.none() : params;
    LocalDate triggerDate = LondonTime.dateOf(trigger);
    Timescale.Span limit = limitFor(timescale, triggerDate, facts);

    LocalDate dueDate;
    Instant taskDueAt;
    Instant breachAt;
    if (limit.unit() == PeriodUnit.HOURS) {
      Instant dueAt = hoursLater(trigger, limit.period());
      dueDate = LondonTime.dateOf(dueAt);
      taskDueAt = dueAt;
      breachAt = dueAt;
    } else {
      dueDate = addTo(triggerDate, limit);
      taskDueAt = LondonTime.endOfDay(dueDate);
      breachAt = LondonTime.startOfDay(dueDate.plusDays(1));
    }
    Instant warningAt = warningAt(timescale, limit, trigger, dueDate, breachAt);
    LocalDate earliestDate = timescale.earliest() == null
        ? null
        : addTo(triggerDate, new Timescale.Span(timescale.earliest(), limit.unit()));

    return new ComputedDeadline(timescale.id(), timescale.policy(), trigger, triggerDate, dueDate,
        taskDueAt, breachAt, warningAt, earliestDate);
  }

  /** Whole days of hours count as calendar days at the same London time (spec: "D + 1 calendar day, same time"). */
  private static Instant hoursLater(Instant trigger, int hours) {
    return hours % 24 == 0
        ? trigger.atZone(LondonTime.ZONE).plusDays(hours / 24).toInstant()
        : trigger.plus(Duration.ofHours(hours));
  }

  /** When an unresolved breach goes to the service manager: 00:00 London, N working days after the breach date. */
  public Instant secondEscalationAt(Instant breachAt) {
    LocalDate breachDate = LondonTime.dateOf(breachAt);
    return LondonTime.startOfDay(calendar.plusWorkingDays(breachDate, properties.secondEscalationWorkingDays()));
  }

  private Timescale.Span limitFor(Timescale timescale, LocalDate triggerDate, TimescaleParameters facts) {
    return switch (timescale.rule()) {
      case STANDARD -> timescale.span();
      case LAC_VISIT -> isEstablishedLongTermPlacement(triggerDate, facts) ? timescale.alternative() : timescale.span();
      case HEALTH_REVIEW -> isUnderFive(triggerDate, facts) ? timescale.span() : timescale.alternative();
    };
  }

  // CPPCR 2010 reg 28: visits may drop to 3-monthly only after the first year of a placement meant to last until 18.
  private static boolean isEstablishedLongTermPlacement(LocalDate visitDate, TimescaleParameters facts) {
    return facts.longTermPlacement()
        && facts.placementStart() != null
        && !visitDate.isBefore(facts.placementStart().plusYears(1));
  }

  private static boolean isUnderFive(LocalDate assessmentDate, TimescaleParameters facts) {
    LocalDate dateOfBirth = facts.dateOfBirth();
    if (dateOfBirth == null) {
      throw new IllegalArgumentException("dateOfBirth is required for HEALTH_REVIEW (6 months under 5, else 12 months)");
    }
    if (dateOfBirth.isAfter(assessmentDate)) {
      throw new IllegalArgumentException(
          "dateOfBirth " + dateOfBirth + " is after the health assessment date " + assessmentDate);
    }
    // Period.between treats a 29 February birthday as reached on 1 March in other years
    return Period.between(dateOfBirth, assessmentDate).getYears() < HEALTH_REVIEW_AGE;
  }

  private LocalDate addTo(LocalDate date, Timescale.Span span) {
    return span.unit().isWorkingDays()
        ? calendar.plusWorkingDays(date, span.period())
        : span.unit().addTo(date, span.period());
  }

  private Instant warningAt(Timescale timescale, Timescale.Span limit, Instant trigger, LocalDate dueDate,
      Instant breachAt) {
    Timescale.Span lead = timescale.warning() != null ? timescale.warning() : defaultLead(limit);
    Instant candidate = switch (lead.unit()) {
      case HOURS -> breachAt.minus(Duration.ofHours(lead.period()));
      case WORKING_DAYS -> LondonTime.startOfDay(calendar.minusWorkingDays(dueDate, lead.period()));
      default -> LondonTime.startOfDay(lead.unit().subtractFrom(dueDate, lead.period()));
    };
    // a warning must come after the work was triggered; short limits fall back to the due day, then to at once
    if (!candidate.isAfter(trigger)) {
      candidate = LondonTime.startOfDay(dueDate);
    }
    return candidate.isAfter(trigger) ? candidate : trigger;
  }

  private static Timescale.Span defaultLead(Timescale.Span limit) {
    if (limit.unit().isWorkingDays()) {
      int lead = limit.period() > LONG_WD_LIMIT ? LONG_WD_WARNING : SHORT_WD_WARNING;
      return new Timescale.Span(lead, PeriodUnit.WORKING_DAYS);
    }
    // calendar limits, and hour limits without an explicit warning, warn a week ahead (then clamp)
    return new Timescale.Span(CALENDAR_WARNING_DAYS, PeriodUnit.DAYS);
  }
}
