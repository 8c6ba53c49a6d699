package org.opencsc.calendar;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQueries;
import java.util.Date;

/** Due dates are calendar dates in England, so every date/instant conversion goes through here. */
public final class LondonTime {

  public static final ZoneId ZONE = ZoneId.of("Europe/London");

  private LondonTime() {}

  public static LocalDate dateOf(Instant instant) {
    return instant.atZone(ZONE).toLocalDate();
  }

  public static LocalDate dateOf(Date date) {
    // java.sql.Date has no time part and throws on toInstant()
    if (date instanceof java.sql.Date sqlDate) {
      return sqlDate.toLocalDate();
    }
    return dateOf(date.toInstant());
  }

  public static Instant startOfDay(LocalDate date) {
    return date.atStartOfDay(ZONE).toInstant();
  }

  /** 23:59:59 London: the last whole second on which something due that day is still on time. */
  public static Instant endOfDay(LocalDate date) {
    return startOfDay(date.plusDays(1)).minusSeconds(1);
  }

  /**
   * Reads a trigger as the engine or the API hands it over. A date without a time means the start of
   * that day in London; a date-time without an offset is read as London wall-clock time.
   */
  public static Instant parseTrigger(Object trigger) {
    if (trigger == null) {
      throw new IllegalArgumentException("trigger is required (a date, instant or ISO-8601 string)");
    }
    if (trigger instanceof java.sql.Date sqlDate) {
      return startOfDay(sqlDate.toLocalDate());
    }
    if (trigger instanceof Date date) {
      return date.toInstant();
    }
    if (trigger instanceof Instant instant) {
      return instant;
    }
    if (trigger instanceof LocalDate date) {
      return startOfDay(date);
    }
    if (trigger instanceof LocalDateTime dateTime) {
      return dateTime.atZone(ZONE).toInstant();
    }
    if (trigger instanceof OffsetDateTime dateTime) {
      return dateTime.toInstant();
    }
    if (trigger instanceof ZonedDateTime dateTime) {
      return dateTime.toInstant();
    }
    if (trigger instanceof CharSequence text) {
      return parseIso(text.toString().trim());
    }
    throw new IllegalArgumentException("Unsupported trigger type " + trigger.getClass().getName()
        + ": expected java.util.Date, Instant, LocalDate, OffsetDateTime, ZonedDateTime or an ISO-8601 string");
  }

  private static Instant parseIso(String text) {
    if (text.isEmpty()) {
      throw new IllegalArgumentException("trigger is blank: expected an ISO-8601 date or date-time");
    }
    try {
      if (!text.contains("T")) {
        return startOfDay(LocalDate.parse(text));
      }
      TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parse(text);
      ZoneId zone = parsed.query(TemporalQueries.zone());
      if (zone == null) {
        return LocalDateTime.from(parsed).atZone(ZONE).toInstant();
      }
      return ZonedDateTime.from(parsed).toInstant();
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(
          "trigger '" + text + "' is not an ISO-8601 date (2026-03-02) or date-time (2026-03-02T10:15:00Z)", e);
    }
  }
}
