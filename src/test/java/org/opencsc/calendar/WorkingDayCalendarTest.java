package org.opencsc.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Date;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class WorkingDayCalendarTest {

  private final WorkingDayCalendar calendar = new WorkingDayCalendar();

  // England and Wales, checked by hand against gov.uk/bank-holidays (substitute days, not the weekend dates).
  static Stream<Arguments> englandAndWalesBankHolidays() {
    return Stream.of(
        year(2018, "01-01", "03-30", "04-02", "05-07", "05-28", "08-27", "12-25", "12-26"),
        year(2019, "01-01", "04-19", "04-22", "05-06", "05-27", "08-26", "12-25", "12-26"),
        // VE Day 75: early May bank holiday moved to Friday 8 May; Boxing Day (Sat) substituted on the 28th
        year(2020, "01-01", "04-10", "04-13", "05-08", "05-25", "08-31", "12-25", "12-28"),
        year(2021, "01-01", "04-02", "04-05", "05-03", "05-31", "08-30", "12-27", "12-28"),
        // Platinum Jubilee (spring bank holiday moved to 2 June, plus 3 June); State Funeral 19 September
        year(2022, "01-03", "04-15", "04-18", "05-02", "06-02", "06-03", "08-29", "09-19", "12-26", "12-27"),
        // Coronation 8 May
        year(2023, "01-02", "04-07", "04-10", "05-01", "05-08", "05-29", "08-28", "12-25", "12-26"),
        year(2024, "01-01", "03-29", "04-01", "05-06", "05-27", "08-26", "12-25", "12-26"),
        year(2025, "01-01", "04-18", "04-21", "05-05", "05-26", "08-25", "12-25", "12-26"),
        year(2026, "01-01", "04-03", "04-06", "05-04", "05-25", "08-31", "12-25", "12-28"),
        year(2027, "01-01", "03-26", "03-29", "05-03", "05-31", "08-30", "12-27", "12-28"),
        year(2028, "01-03", "04-14", "04-17", "05-01", "05-29", "08-28", "12-25", "12-26"),
        year(2029, "01-01", "03-30", "04-02", "05-07", "05-28", "08-27", "12-25", "12-26"),
        year(2030, "01-01", "04-19", "04-22", "05-06", "05-27", "08-26", "12-25", "12-26"));
  }

  private static Arguments year(int year, String... monthDays) {
    LocalDate[] dates = Arrays.stream(monthDays).map(md -> LocalDate.parse(year + "-" + md)).toArray(LocalDate[]::new);
    return Arguments.of(year, dates);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("englandAndWalesBankHolidays")
  void bankHolidaysMatchTheHandCheckedEnglandAndWalesList(int year, LocalDate[] expected) {
    assertThat(calendar.bankHolidays(year)).containsExactlyInAnyOrder(expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("englandAndWalesBankHolidays")
  void everyBankHolidayIsANonWorkingWeekday(int year, LocalDate[] expected) {
    for (LocalDate holiday : expected) {
      assertThat(calendar.isBankHoliday(holiday)).as(holiday.toString()).isTrue();
      assertThat(calendar.isWorkingDay(holiday)).as(holiday.toString()).isFalse();
    }
  }

  @Test
  void weekendDatesReplacedBySubstituteDaysAreNotThemselvesBankHolidays() {
    assertThat(calendar.isBankHoliday(d("2026-12-26"))).isFalse(); // Saturday; substitute Monday 28th
    assertThat(calendar.isBankHoliday(d("2022-01-01"))).isFalse(); // Saturday; substitute Monday 3rd
  }

  @Test
  void workingDaysAreWeekdaysThatAreNotBankHolidays() {
    assertThat(calendar.isWorkingDay(d("2026-03-02"))).isTrue();  // Monday
    assertThat(calendar.isWorkingDay(d("2026-03-06"))).isTrue();  // Friday
    assertThat(calendar.isWorkingDay(d("2026-03-07"))).isFalse(); // Saturday
    assertThat(calendar.isWorkingDay(d("2026-03-08"))).isFalse(); // Sunday
    assertThat(calendar.isWorkingDay(d("2026-08-31"))).isFalse(); // summer bank holiday (England only)
    assertThat(calendar.isWorkingDay(d("2026-04-06"))).isFalse(); // Easter Monday (England only)
  }

  @Test
  void plusWorkingDaysSkipsWeekendsAndBankHolidays() {
    assertThat(calendar.plusWorkingDays(d("2026-03-02"), 1)).isEqualTo(d("2026-03-03")); // Mon → Tue
    assertThat(calendar.plusWorkingDays(d("2026-03-06"), 1)).isEqualTo(d("2026-03-09")); // Fri → Mon
    // Thu 2 Apr 2026: Good Friday 3rd, weekend, Easter Monday 6th → Tue 7th
    assertThat(calendar.plusWorkingDays(d("2026-04-02"), 1)).isEqualTo(d("2026-04-07"));
    // Wed 23 Dec 2026: 24th (1), 25th and 28th holidays, 29th (2), 30th (3), 31st (4), 1 Jan holiday, 4 Jan (5)
    assertThat(calendar.plusWorkingDays(d("2026-12-23"), 5)).isEqualTo(d("2027-01-04"));
  }

  @Test
  void plusWorkingDaysFromANonWorkingDayStartsCountingAtTheNextWorkingDay() {
    assertThat(calendar.plusWorkingDays(d("2026-03-07"), 1)).isEqualTo(d("2026-03-09")); // Sat → Mon
    assertThat(calendar.plusWorkingDays(d("2026-03-08"), 2)).isEqualTo(d("2026-03-10")); // Sun → Tue
    // Sat 30 May 2026 (no holiday next Monday) vs Sat 23 May 2026 (Monday 25th is spring bank holiday)
    assertThat(calendar.plusWorkingDays(d("2026-05-30"), 1)).isEqualTo(d("2026-06-01"));
    assertThat(calendar.plusWorkingDays(d("2026-05-23"), 1)).isEqualTo(d("2026-05-26"));
    // a bank holiday trigger: Easter Monday 6 Apr 2026 → Tue 7th
    assertThat(calendar.plusWorkingDays(d("2026-04-06"), 1)).isEqualTo(d("2026-04-07"));
  }

  @Test
  void plusZeroWorkingDaysIsTheSameDayOrTheNextWorkingDay() {
    assertThat(calendar.plusWorkingDays(d("2026-03-04"), 0)).isEqualTo(d("2026-03-04")); // Wednesday
    assertThat(calendar.plusWorkingDays(d("2026-03-07"), 0)).isEqualTo(d("2026-03-09")); // Sat → Mon
    assertThat(calendar.plusWorkingDays(d("2026-04-03"), 0)).isEqualTo(d("2026-04-07")); // Good Friday → Tue
  }

  @Test
  void minusWorkingDaysCountsBackStrictlyBeforeTheDate() {
    assertThat(calendar.minusWorkingDays(d("2026-03-09"), 1)).isEqualTo(d("2026-03-06")); // Mon → Fri
    assertThat(calendar.minusWorkingDays(d("2026-04-07"), 1)).isEqualTo(d("2026-04-02")); // over Easter
    assertThat(calendar.minusWorkingDays(d("2027-01-04"), 5)).isEqualTo(d("2026-12-23")); // over Christmas
    assertThat(calendar.minusWorkingDays(d("2026-03-08"), 1)).isEqualTo(d("2026-03-06")); // Sun → Fri
  }

  @Test
  void minusZeroWorkingDaysIsTheSameDayOrThePreviousWorkingDay() {
    assertThat(calendar.minusWorkingDays(d("2026-03-04"), 0)).isEqualTo(d("2026-03-04"));
    assertThat(calendar.minusWorkingDays(d("2026-03-08"), 0)).isEqualTo(d("2026-03-06"));
    assertThat(calendar.minusWorkingDays(d("2026-12-28"), 0)).isEqualTo(d("2026-12-24"));
  }

  @Test
  void negativeWorkingDaysAreRefused() {
    assertThatThrownBy(() -> calendar.plusWorkingDays(d("2026-03-04"), -1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> calendar.minusWorkingDays(d("2026-03-04"), -1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Nested
  class LondonTimeConversions {

    @Test
    void startAndEndOfDayFollowGmtAndBst() {
      assertThat(LondonTime.startOfDay(d("2027-02-03"))).isEqualTo(Instant.parse("2027-02-03T00:00:00Z"));
      assertThat(LondonTime.endOfDay(d("2027-02-03"))).isEqualTo(Instant.parse("2027-02-03T23:59:59Z"));
      assertThat(LondonTime.startOfDay(d("2027-05-06"))).isEqualTo(Instant.parse("2027-05-05T23:00:00Z"));
      assertThat(LondonTime.endOfDay(d("2027-05-06"))).isEqualTo(Instant.parse("2027-05-06T22:59:59Z"));
      // 25 Oct 2026 has 25 hours: the clocks go back at 02:00 BST
      assertThat(LondonTime.endOfDay(d("2026-10-25"))).isEqualTo(Instant.parse("2026-10-25T23:59:59Z"));
    }

    @Test
    void dateOfUsesTheLondonCalendarDay() {
      assertThat(LondonTime.dateOf(Instant.parse("2026-06-30T23:30:00Z"))).isEqualTo(d("2026-07-01"));
      assertThat(LondonTime.dateOf(Date.from(Instant.parse("2026-12-31T23:30:00Z")))).isEqualTo(d("2026-12-31"));
      assertThat(LondonTime.dateOf(java.sql.Date.valueOf("2026-07-01"))).isEqualTo(d("2026-07-01"));
    }

    @Test
    void parseTriggerAcceptsTheEngineAndApiTypes() {
      Instant bstMidnight = Instant.parse("2026-06-30T23:00:00Z");
      assertThat(LondonTime.parseTrigger(d("2026-07-01"))).isEqualTo(bstMidnight);
      assertThat(LondonTime.parseTrigger("2026-07-01")).isEqualTo(bstMidnight);
      assertThat(LondonTime.parseTrigger(Date.from(bstMidnight))).isEqualTo(bstMidnight);
      assertThat(LondonTime.parseTrigger(java.sql.Date.valueOf("2026-07-01"))).isEqualTo(bstMidnight);
      assertThat(LondonTime.parseTrigger(bstMidnight)).isEqualTo(bstMidnight);
      assertThat(LondonTime.parseTrigger(OffsetDateTime.parse("2026-07-01T10:15:00+01:00")))
          .isEqualTo(Instant.parse("2026-07-01T09:15:00Z"));
      assertThat(LondonTime.parseTrigger(ZonedDateTime.parse("2026-07-01T10:15:00+01:00[Europe/London]")))
          .isEqualTo(Instant.parse("2026-07-01T09:15:00Z"));
      assertThat(LondonTime.parseTrigger("2026-07-01T10:15:00Z")).isEqualTo(Instant.parse("2026-07-01T10:15:00Z"));
      assertThat(LondonTime.parseTrigger("2026-07-01T10:15:00.123+01:00"))
          .isEqualTo(Instant.parse("2026-07-01T09:15:00.123Z"));
      assertThat(LondonTime.parseTrigger("2026-07-01T10:15:00+01:00[Europe/London]"))
          .isEqualTo(Instant.parse("2026-07-01T09:15:00Z"));
      // no offset: London wall-clock time
      assertThat(LondonTime.parseTrigger("2026-07-01T10:15")).isEqualTo(Instant.parse("2026-07-01T09:15:00Z"));
    }

    @Test
    void parseTriggerRefusesAnythingElseClearly() {
      assertThatThrownBy(() -> LondonTime.parseTrigger(null))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("trigger is required");
      assertThatThrownBy(() -> LondonTime.parseTrigger(42L))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("java.lang.Long");
      assertThatThrownBy(() -> LondonTime.parseTrigger("01/07/2026"))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("01/07/2026");
      assertThatThrownBy(() -> LondonTime.parseTrigger("2026-02-30"))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ISO-8601");
      assertThatThrownBy(() -> LondonTime.parseTrigger(" "))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("blank");
    }
  }

  private static LocalDate d(String iso) {
    return LocalDate.parse(iso);
  }
}
