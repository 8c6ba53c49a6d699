package org.opencsc.timescales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opencsc.calendar.LondonTime;
import org.opencsc.calendar.WorkingDayCalendar;

/**
 * Hand-worked examples. Bank holidays used below: 2026 Good Friday 3 Apr, Easter Monday 6 Apr, early May 4 May,
 * spring 25 May, Christmas 25 Dec, Boxing Day (Sat) substituted Mon 28 Dec; 2027 New Year 1 Jan, Good Friday
 * 26 Mar, Easter Monday 29 Mar, early May 3 May. Clocks: BST 29 Mar–25 Oct 2026, 28 Mar–31 Oct 2027.
 */
class DueDateCalculatorTest {

  private static final TimescaleParameters NONE = TimescaleParameters.none();

  private final WorkingDayCalendar calendar = new WorkingDayCalendar();
  private final DueDateCalculator calculator =
      new DueDateCalculator(TimescaleCatalogue.loadDefault(), calendar, TimescaleProperties.defaults());

  @Nested
  class WorkingDayLimits {

    @Test
    void assessmentAcrossChristmas() {
      // Fri 27 Nov 2026 + 45 WD: 30 Nov (1), 1–4 Dec (2–5), 7–11 (6–10), 14–18 (11–15), 21–24 (16–19),
      // 25 and 28 Dec holidays, 29–31 Dec (20–22), 1 Jan holiday, 4–8 Jan (23–27), 11–15 (28–32),
      // 18–22 (33–37), 25–29 (38–42), 1–3 Feb (43–45) → Wed 3 Feb 2027
      assertThat(due("ASSESSMENT", "2026-11-27")).isEqualTo("2027-02-03");
    }

    @Test
    void assessmentAcrossEasterAndEarlyMay() {
      // Mon 1 Mar 2027 + 45 WD: 2–5 Mar (1–4), 8–12 (5–9), 15–19 (10–14), 22–25 (15–18), Good Friday 26 and
      // Easter Monday 29 Mar skipped, 30 Mar–2 Apr (19–22), 5–9 Apr (23–27), 12–16 (28–32), 19–23 (33–37),
      // 26–30 (38–42), 3 May holiday, 4–6 May (43–45) → Thu 6 May 2027
      assertThat(due("ASSESSMENT", "2027-03-01")).isEqualTo("2027-05-06");
    }

    @Test
    void icpcAcrossChristmasAndNewYear() {
      // Wed 23 Dec 2026 + 15 WD: 24 Dec (1), 29–31 Dec (2–4), 4–8 Jan (5–9), 11–15 Jan (10–14), 18 Jan (15)
      assertThat(due("ICPC", "2026-12-23")).isEqualTo("2027-01-18");
    }

    @Test
    void contactDecisionOnASaturdayBeforeASubstituteBankHoliday() {
      // Sat 26 Dec 2026: Sun 27th, Mon 28th is the Boxing Day substitute → first working day Tue 29th
      assertThat(due("CONTACT_DECISION", "2026-12-26")).isEqualTo("2026-12-29");
    }

    @Test
    void contactDecisionOnTheThursdayBeforeEaster() {
      // Thu 2 Apr 2026: Good Friday 3rd, weekend, Easter Monday 6th → Tue 7 Apr
      assertThat(due("CONTACT_DECISION", "2026-04-02")).isEqualTo("2026-04-07");
    }

    @Test
    void contactDecisionCountsFromTheLondonDateOfTheTriggerInstant() {
      // 23:30 UTC on Tue 30 Jun 2026 is 00:30 BST on Wed 1 Jul → +1 WD = Thu 2 Jul
      ComputedDeadline deadline = calculator.compute("CONTACT_DECISION", Instant.parse("2026-06-30T23:30:00Z"), NONE);
      assertThat(deadline.triggerDate()).isEqualTo("2026-07-01");
      assertThat(deadline.dueDate()).isEqualTo("2026-07-02");
    }

    @Test
    void strategyDiscussionIsDueTheSameWorkingDay() {
      assertThat(due("STRATEGY_DISCUSSION", "2026-03-04")).isEqualTo("2026-03-04"); // Wednesday
      assertThat(due("STRATEGY_DISCUSSION", "2026-03-08")).isEqualTo("2026-03-09"); // Sunday → Monday
      assertThat(due("STRATEGY_DISCUSSION", "2026-05-24")).isEqualTo("2026-05-26"); // Sunday, bank holiday Monday → Tuesday
      assertThat(calculator.compute("STRATEGY_DISCUSSION", Instant.parse("2026-03-04T16:45:00Z"), NONE).dueDate())
          .isEqualTo("2026-03-04");
    }

    @Test
    void firstCoreGroupAcrossTheSpringBankHoliday() {
      // Wed 20 May 2026 + 10 WD: 21 (1), 22 (2), Mon 25 holiday, 26–29 (3–6), 1–4 Jun (7–10) → Thu 4 Jun
      assertThat(due("FIRST_CORE_GROUP", "2026-05-20")).isEqualTo("2026-06-04");
    }

    @Test
    void placementNotificationInFiveWorkingDays() {
      // Fri 1 May 2026: Mon 4 May holiday, 5–8 May (1–4), Mon 11 May (5)
      assertThat(due("PLACEMENT_NOTIFICATION", "2026-05-01")).isEqualTo("2026-05-11");
    }

    @Test
    void legacyInitialAssessmentInSevenWorkingDays() {
      // Tue 22 Dec 2026: 23 (1), 24 (2), 29–31 (3–5), 1 Jan holiday, 4 Jan (6), 5 Jan (7)
      ComputedDeadline deadline = calculator.compute("INITIAL_ASSESSMENT", d("2026-12-22"), NONE);
      assertThat(deadline.dueDate()).isEqualTo("2027-01-05");
      assertThat(deadline.policy()).isEqualTo("LEGACY_NI");
    }
  }

  @Nested
  class CalendarLimits {

    @Test
    void coreGroupSixWeeksIsFortyTwoDays() {
      assertThat(due("CORE_GROUP", "2026-03-10")).isEqualTo("2026-04-21"); // Tue + 42 days = Tue
    }

    @Test
    void firstLacVisitOneWeek() {
      assertThat(due("FIRST_LAC_VISIT", "2026-03-02")).isEqualTo("2026-03-09");
    }

    @Test
    void firstRcpcThreeMonthsEndsOnTheLastDayOfFebruary() {
      // 30 Nov 2026 + 3 months: 30 Feb 2027 does not exist → 28 Feb 2027
      assertThat(due("FIRST_RCPC", "2026-11-30")).isEqualTo("2027-02-28");
    }

    @Test
    void sixMonthsFromTheEndOfAugustIsTheEndOfFebruary() {
      assertThat(due("RCPC", "2026-08-31")).isEqualTo("2027-02-28");
      assertThat(due("RCPC", "2027-08-31")).isEqualTo("2028-02-29"); // leap year
    }

    @Test
    void proceedingsTwentySixWeeksBeginningWithTheIssueDay() {
      // Mon 2 Nov 2026 is day 1; 26 weeks end on D + 181 = Sun 2 May 2027
      ComputedDeadline deadline = calculator.compute("PROCEEDINGS", d("2026-11-02"), NONE);
      assertThat(deadline.dueDate()).isEqualTo(d("2026-11-02").plusDays(181)).isEqualTo("2027-05-02");
      assertThat(deadline.earliestDate()).isNull();
    }

    @Test
    void caseManagementHearingByDay18NotBeforeDay12() {
      // issue Mon 2 Nov 2026 = day 1: day 18 = D + 17 = Thu 19 Nov; day 12 = D + 11 = Fri 13 Nov
      ComputedDeadline deadline = calculator.compute("CASE_MANAGEMENT_HEARING", d("2026-11-02"), NONE);
      assertThat(deadline.dueDate()).isEqualTo("2026-11-19");
      assertThat(deadline.earliestDate()).isEqualTo("2026-11-13");
    }
  }

  @Nested
  class HourLimits {

    @Test
    void allocationIsDueTwentyFourHoursAfterTheTriggerInstant() {
      Instant trigger = Instant.parse("2026-03-04T14:30:00Z");
      ComputedDeadline deadline = calculator.compute("ALLOCATION", trigger, NONE);
      assertThat(deadline.taskDueAt()).isEqualTo("2026-03-05T14:30:00Z");
      assertThat(deadline.breachAt()).isEqualTo("2026-03-05T14:30:00Z");
      assertThat(deadline.dueDate()).isEqualTo("2026-03-05");
    }

    @Test
    void allocationAcrossTheOctoberClockChangeIsTheSameTimeNextDay() {
      // 10:00 BST Sat 24 Oct 2026 = 09:00 UTC; clocks go back on Sun 25th
      Instant trigger = london("2026-10-24T10:00");
      assertThat(trigger).isEqualTo("2026-10-24T09:00:00Z");
      ComputedDeadline deadline = calculator.compute("ALLOCATION", trigger, NONE);
      // "D + 1 calendar day, same time": 10:00 London on the 25th, after the clocks go back (25 elapsed hours)
      assertThat(deadline.taskDueAt()).isEqualTo("2026-10-25T10:00:00Z").isEqualTo(london("2026-10-25T10:00"));
      assertThat(deadline.breachAt()).isEqualTo(deadline.taskDueAt());
    }
  }

  @Nested
  class RulesThatDependOnTheChild {

    private final LocalDate placementStart = d("2025-01-10");

    @Test
    void lacVisitSixWeeksInTheFirstYearOfALongTermPlacement() {
      // visit 1 Dec 2025 is before the first anniversary (10 Jan 2026) → 6 weeks = 12 Jan 2026
      assertThat(calculator.compute("LAC_VISIT", d("2025-12-01"), longTerm(true)).dueDate()).isEqualTo("2026-01-12");
    }

    @Test
    void lacVisitThreeMonthsOnceALongTermPlacementIsAYearOld() {
      assertThat(calculator.compute("LAC_VISIT", d("2026-03-02"), longTerm(true)).dueDate()).isEqualTo("2026-06-02");
      // on the anniversary itself the first year is over
      assertThat(calculator.compute("LAC_VISIT", d("2026-01-10"), longTerm(true)).dueDate()).isEqualTo("2026-04-10");
    }

    @Test
    void lacVisitStaysSixWeeklyWhenThePlacementIsNotLongTermOrItsStartIsUnknown() {
      // 2 Mar 2026 + 42 days = 13 Apr 2026
      assertThat(calculator.compute("LAC_VISIT", d("2026-03-02"), longTerm(false)).dueDate()).isEqualTo("2026-04-13");
      assertThat(calculator.compute("LAC_VISIT", d("2026-03-02"), new TimescaleParameters(null, null, true)).dueDate())
          .isEqualTo("2026-04-13");
      assertThat(calculator.compute("LAC_VISIT", d("2026-03-02"), NONE).dueDate()).isEqualTo("2026-04-13");
    }

    @Test
    void healthReviewSixMonthsUnderFive() {
      // born 1 May 2022, aged 3 on 2 Mar 2026 → 6 months
      assertThat(calculator.compute("HEALTH_REVIEW", d("2026-03-02"), born("2022-05-01")).dueDate())
          .isEqualTo("2026-09-02");
      // the day before the fifth birthday is still under 5
      assertThat(calculator.compute("HEALTH_REVIEW", d("2026-03-01"), born("2021-03-02")).dueDate())
          .isEqualTo("2026-09-01");
    }

    @Test
    void healthReviewTwelveMonthsFromFive() {
      assertThat(calculator.compute("HEALTH_REVIEW", d("2026-03-02"), born("2018-01-15")).dueDate())
          .isEqualTo("2027-03-02");
      // on the fifth birthday
      assertThat(calculator.compute("HEALTH_REVIEW", d("2026-03-02"), born("2021-03-02")).dueDate())
          .isEqualTo("2027-03-02");
    }

    @Test
    void healthReviewNeedsTheDateOfBirth() {
      assertThatThrownBy(() -> calculator.compute("HEALTH_REVIEW", d("2026-03-02"), NONE))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("dateOfBirth");
      assertThatThrownBy(() -> calculator.compute("HEALTH_REVIEW", d("2026-03-02"), null))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("dateOfBirth");
    }

    private TimescaleParameters longTerm(boolean longTerm) {
      return new TimescaleParameters(null, placementStart, longTerm);
    }

    private TimescaleParameters born(String dateOfBirth) {
      return new TimescaleParameters(d(dateOfBirth), null, false);
    }
  }

  @Nested
  class TaskDueAndBreach {

    @Test
    void inWinterTheDeadlineEndsAtMidnightGmt() {
      // due Wed 3 Feb 2027 (GMT)
      ComputedDeadline deadline = calculator.compute("ASSESSMENT", d("2026-11-27"), NONE);
      assertThat(deadline.taskDueAt()).isEqualTo("2027-02-03T23:59:59Z");
      assertThat(deadline.breachAt()).isEqualTo("2027-02-04T00:00:00Z");
    }

    @Test
    void inSummerTheDeadlineEndsAtMidnightBst() {
      // due Thu 6 May 2027 (BST = UTC+1)
      ComputedDeadline deadline = calculator.compute("ASSESSMENT", d("2027-03-01"), NONE);
      assertThat(deadline.taskDueAt()).isEqualTo("2027-05-06T22:59:59Z").isEqualTo(london("2027-05-06T23:59:59"));
      assertThat(deadline.breachAt()).isEqualTo("2027-05-06T23:00:00Z").isEqualTo(london("2027-05-07T00:00"));
    }

    @Test
    void theDeadlineRecordsWhatProducedIt() {
      ComputedDeadline deadline = calculator.compute("ASSESSMENT", Instant.parse("2026-11-27T15:20:00Z"), NONE);
      assertThat(deadline.timescaleId()).isEqualTo("ASSESSMENT");
      assertThat(deadline.policy()).isEqualTo("WT2023");
      assertThat(deadline.triggerAt()).isEqualTo("2026-11-27T15:20:00Z");
      assertThat(deadline.triggerDate()).isEqualTo("2026-11-27");
      assertThat(deadline.earliestDate()).isNull();
    }

    @Test
    void aLocalOverrideIsCountedAndLabelledAsLocal() {
      TimescaleCatalogue local = new TimescaleCatalogue(Map.of("CORE_GROUP", "8 WEEKS"));
      DueDateCalculator localCalculator = new DueDateCalculator(local, calendar, TimescaleProperties.defaults());
      ComputedDeadline deadline = localCalculator.compute("CORE_GROUP", d("2026-03-10"), NONE);
      assertThat(deadline.dueDate()).isEqualTo("2026-05-05"); // + 56 days
      assertThat(deadline.policy()).isEqualTo("WT2023-LOCAL");
    }

    @Test
    void anUnknownTimescaleIsRefused() {
      assertThatThrownBy(() -> calculator.compute("NO_SUCH_THING", d("2026-03-10"), NONE))
          .isInstanceOf(UnknownTimescaleException.class)
          .hasMessageContaining("NO_SUCH_THING");
    }
  }

  @Nested
  class Warnings {

    @Test
    void fiveWorkingDaysBeforeALimitLongerThanFiveWorkingDays() {
      // ASSESSMENT due Wed 3 Feb 2027; back 5 WD: 2 Feb, 1 Feb, 29 Jan, 28 Jan, 27 Jan → 00:00 GMT 27 Jan
      assertThat(calculator.compute("ASSESSMENT", d("2026-11-27"), NONE).warningAt())
          .isEqualTo("2027-01-27T00:00:00Z");
      // ASSESSMENT due Thu 6 May 2027; back 5 WD: 5, 4 May, (3 May holiday), 30, 29, 28 Apr → 00:00 BST 28 Apr
      assertThat(calculator.compute("ASSESSMENT", d("2027-03-01"), NONE).warningAt())
          .isEqualTo(london("2027-04-28T00:00"));
    }

    @Test
    void oneWorkingDayBeforeALimitOfFiveWorkingDaysOrFewer() {
      // PLACEMENT_NOTIFICATION due Mon 11 May 2026 → Fri 8 May, 00:00 BST
      assertThat(calculator.compute("PLACEMENT_NOTIFICATION", d("2026-05-01"), NONE).warningAt())
          .isEqualTo("2026-05-07T23:00:00Z");
    }

    @Test
    void sevenDaysBeforeACalendarLimit() {
      // CORE_GROUP due Tue 21 Apr 2026 → Tue 14 Apr, 00:00 BST
      assertThat(calculator.compute("CORE_GROUP", d("2026-03-10"), NONE).warningAt())
          .isEqualTo("2026-04-13T23:00:00Z");
      // CASE_MANAGEMENT_HEARING due Thu 19 Nov 2026 → Thu 12 Nov, 00:00 GMT
      assertThat(calculator.compute("CASE_MANAGEMENT_HEARING", d("2026-11-02"), NONE).warningAt())
          .isEqualTo("2026-11-12T00:00:00Z");
    }

    @Test
    void allocationWarnsSixHoursBeforeTheExactDueInstant() {
      // due 10:00 GMT (= UTC) Sun 25 Oct 2026 → warning 04:00 UTC
      assertThat(calculator.compute("ALLOCATION", london("2026-10-24T10:00"), NONE).warningAt())
          .isEqualTo("2026-10-25T04:00:00Z");
    }

    @Test
    void aOneDayLimitWarnsAtTheStartOfTheDueDayBecauseTheDayBeforeIsNotAfterTheTrigger() {
      // CONTACT_DECISION at 10:00 Mon 2 Mar 2026, due Tue 3 Mar: 1 WD before = 00:00 Mon 2 Mar, which is before
      // the trigger → 00:00 Tue 3 Mar
      assertThat(calculator.compute("CONTACT_DECISION", Instant.parse("2026-03-02T10:00:00Z"), NONE).warningAt())
          .isEqualTo("2026-03-03T00:00:00Z");
      // a date-only trigger is 00:00 Mon 2 Mar itself, and a warning at the trigger is not after it
      assertThat(calculator.compute("CONTACT_DECISION", d("2026-03-02"), NONE).warningAt())
          .isEqualTo("2026-03-03T00:00:00Z");
      // FIRST_LAC_VISIT 1 week: 7 days before the due date is the trigger date → 00:00 on the due date
      assertThat(calculator.compute("FIRST_LAC_VISIT", d("2026-03-02"), NONE).warningAt())
          .isEqualTo("2026-03-09T00:00:00Z");
    }

    @Test
    void aSameDayLimitWarnsAtOnce() {
      // STRATEGY_DISCUSSION at 10:00 Wed 4 Mar 2026 is due that day: the day before and 00:00 that day are both
      // not after the trigger → the trigger instant itself
      Instant trigger = Instant.parse("2026-03-04T10:00:00Z");
      assertThat(calculator.compute("STRATEGY_DISCUSSION", trigger, NONE).warningAt()).isEqualTo(trigger);
      // on Sunday 8 Mar it is due Mon 9 Mar: 1 WD before (Fri 6th) is before the trigger → 00:00 Mon 9 Mar
      assertThat(calculator.compute("STRATEGY_DISCUSSION", Instant.parse("2026-03-08T10:00:00Z"), NONE).warningAt())
          .isEqualTo("2026-03-09T00:00:00Z");
    }
  }

  @Nested
  class SecondEscalation {

    @Test
    void fiveWorkingDaysAfterTheBreachDateAcrossChristmas() {
      // breach at 00:00 Thu 24 Dec 2026; 25 and 28 Dec holidays: 29 (1), 30 (2), 31 (3), 1 Jan holiday,
      // 4 Jan (4), 5 Jan (5) → 00:00 GMT Tue 5 Jan 2027
      assertThat(calculator.secondEscalationAt(Instant.parse("2026-12-24T00:00:00Z")))
          .isEqualTo("2027-01-05T00:00:00Z");
    }

    @Test
    void inSummerItIsMidnightBst() {
      // breach at 00:00 BST Fri 7 May 2027: 10, 11, 12, 13, 14 May → 00:00 BST Fri 14 May
      assertThat(calculator.secondEscalationAt(london("2027-05-07T00:00"))).isEqualTo("2027-05-13T23:00:00Z");
    }

    @Test
    void theNumberOfWorkingDaysIsConfigurable() {
      DueDateCalculator threeDays = new DueDateCalculator(TimescaleCatalogue.loadDefault(), calendar,
          new TimescaleProperties(Map.of(), 3));
      // 24 Dec 2026: 29 (1), 30 (2), 31 (3)
      assertThat(threeDays.secondEscalationAt(Instant.parse("2026-12-24T00:00:00Z")))
          .isEqualTo("2026-12-31T00:00:00Z");
    }
  }

  static Stream<String> everyTimescale() {
    return TimescaleCatalogue.loadDefault().all().stream().map(Timescale::id);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyTimescale")
  void everyEntryGivesAConsistentDeadline(String id) {
    Instant trigger = Instant.parse("2026-06-15T10:30:00Z");
    TimescaleParameters facts = new TimescaleParameters(d("2019-04-01"), d("2025-01-10"), true);
    ComputedDeadline deadline = calculator.compute(id, trigger, facts);
    assertThat(deadline.timescaleId()).isEqualTo(id);
    assertThat(deadline.dueDate()).isAfterOrEqualTo(deadline.triggerDate());
    assertThat(deadline.taskDueAt()).isBeforeOrEqualTo(deadline.breachAt()).isAfter(trigger);
    assertThat(deadline.warningAt()).isAfterOrEqualTo(trigger).isBeforeOrEqualTo(deadline.breachAt());
  }

  private String due(String id, String triggerDate) {
    return calculator.compute(id, d(triggerDate), NONE).dueDate().toString();
  }

  private static LocalDate d(String iso) {
    return LocalDate.parse(iso);
  }

  private static Instant london(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(LondonTime.ZONE).toInstant();
  }
}
