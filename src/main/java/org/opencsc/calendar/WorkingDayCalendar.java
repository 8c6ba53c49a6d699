package org.opencsc.calendar;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Year;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Working days in England and Wales: Monday to Friday, excluding bank holidays (substitute days and
 * one-off holidays included), as used by the DfE census rules.
 *
 * <p>Bank holidays come from jollyday. jollyday's England and Wales list was checked by hand against
 * gov.uk/bank-holidays for 2018–2030 (see WorkingDayCalendarTest) and needed no correction, so there is
 * no local override list; if a new one-off holiday is announced before jollyday carries it, that test is
 * where it will show.
 */
@Component
public class WorkingDayCalendar {

  // "eng" is required: with "en" jollyday silently drops Easter Monday and the August bank holiday.
  private static final String ENGLAND = "eng";

  private final HolidayManager holidays =
      HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.UNITED_KINGDOM));
  private final Map<Integer, Set<LocalDate>> byYear = new ConcurrentHashMap<>();

  public boolean isBankHoliday(LocalDate date) {
    return bankHolidays(date.getYear()).contains(date);
  }

  public boolean isWorkingDay(LocalDate date) {
    return !isWeekend(date) && !isBankHoliday(date);
  }

  /** The weekdays taken as bank holidays in England and Wales that year (substitute days, not the weekend dates they replace). */
  public Set<LocalDate> bankHolidays(int year) {
    return byYear.computeIfAbsent(year, this::load);
  }

  /** The n-th working day strictly after {@code date}; for n = 0, {@code date} itself if it is a working day, else the next one. */
  public LocalDate plusWorkingDays(LocalDate date, int n) {
    requireNotNegative(n);
    if (n == 0) {
      return isWorkingDay(date) ? date : plusWorkingDays(date, 1);
    }
    LocalDate day = date;
    for (int counted = 0; counted < n; ) {
      day = day.plusDays(1);
      if (isWorkingDay(day)) {
        counted++;
      }
    }
    return day;
  }

  /** The n-th working day strictly before {@code date}; for n = 0, {@code date} itself if it is a working day, else the previous one. */
  public LocalDate minusWorkingDays(LocalDate date, int n) {
    requireNotNegative(n);
    if (n == 0) {
      return isWorkingDay(date) ? date : minusWorkingDays(date, 1);
    }
    LocalDate day = date;
    for (int counted = 0; counted < n; ) {
      day = day.minusDays(1);
      if (isWorkingDay(day)) {
        counted++;
      }
    }
    return day;
  }

  private Set<LocalDate> load(int year) {
    // getDate() is the observed date, i.e. the substitute Monday/Tuesday when the holiday falls at a weekend.
    TreeSet<LocalDate> dates = holidaysFromJollyday(year).stream()
        .map(Holiday::getDate)
        .filter(date -> date.getYear() == year && !isWeekend(date))
        .collect(Collectors.toCollection(TreeSet::new));
    return Collections.unmodifiableSortedSet(dates);
  }

  private Set<Holiday> holidaysFromJollyday(int year) {
    // the manager is shared and cached by jollyday; its thread-safety is not documented
    synchronized (holidays) {
      return holidays.getHolidays(Year.of(year), ENGLAND);
    }
  }

  private static boolean isWeekend(LocalDate date) {
    DayOfWeek day = date.getDayOfWeek();
    return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
  }

  private static void requireNotNegative(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("number of working days must not be negative, was " + n);
    }
  }
}
