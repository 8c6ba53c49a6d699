package org.opencsc.childinneed;

import java.time.LocalDate;
import java.util.function.Function;
import org.opencsc.calendar.LondonTime;
import org.opencsc.engine.InvalidFieldValue;

/**
 * Reads values as Camunda Forms send them (dates as ISO strings) and refuses impossible ones, naming
 * the field, so Tasklist and the engine REST API (400) show the rule's own message.
 */
final class CinFormValues {

  private final Function<String, Object> variables;
  private final LocalDate today;

  CinFormValues(Function<String, Object> variables, LocalDate today) {
    this.variables = variables;
    this.today = today;
  }

  Object raw(String field) {
    return variables.apply(field);
  }

  /** A required date that has happened (today at the latest). */
  LocalDate pastDate(String field, String what) {
    LocalDate date = optionalDate(field);
    if (date == null) {
      throw new InvalidFieldValue(field, "record " + what);
    }
    if (date.isAfter(today)) {
      throw new InvalidFieldValue(field, "must not be in the future");
    }
    return date;
  }

  /** A date already stored by this process (no future check: it was checked when it was entered). */
  LocalDate optionalDate(String field) {
    Object value = variables.apply(field);
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    if (value instanceof java.util.Date date) {
      return LondonTime.dateOf(date);
    }
    if (value instanceof LocalDate date) {
      return date;
    }
    String text = value.toString().trim();
    try {
      return LocalDate.parse(text.substring(0, Math.min(10, text.length())));
    } catch (RuntimeException e) {
      throw new InvalidFieldValue(field, "must be a date (YYYY-MM-DD)");
    }
  }

  String requiredText(String field, String what) {
    Object value = variables.apply(field);
    if (value == null || value.toString().isBlank()) {
      throw new InvalidFieldValue(field, "record " + what);
    }
    return value.toString().trim();
  }

  String text(String field) {
    Object value = variables.apply(field);
    return value == null ? null : value.toString();
  }
}
