package org.opencsc.care;

import java.time.LocalDate;
import java.util.Set;
import java.util.function.Function;
import org.opencsc.calendar.LondonTime;
import org.opencsc.engine.InvalidFieldValue;

/**
 * Reads the values of the legal gateway, pre-proceedings and proceedings forms as Camunda Forms
 * send them (dates as ISO strings, checkboxes as booleans) and refuses impossible ones, naming the
 * field, whichever client completes the task.
 */
final class ProceedingsFormValues {

  private final Function<String, Object> variables;
  private final LocalDate today;

  ProceedingsFormValues(Function<String, Object> variables, LocalDate today) {
    this.variables = variables;
    this.today = today;
  }

  Object raw(String field) {
    return variables.apply(field);
  }

  /** Required text. */
  String text(String field, String whatToWrite) {
    Object value = variables.apply(field);
    if (value == null || value.toString().isBlank()) {
      throw new InvalidFieldValue(field, whatToWrite);
    }
    return value.toString().trim();
  }

  /** Optional text, null when blank. */
  String optionalText(String field) {
    Object value = variables.apply(field);
    return value == null || value.toString().isBlank() ? null : value.toString().trim();
  }

  /** Required code from a list. */
  String code(String field, Set<String> allowed) {
    Object value = variables.apply(field);
    if (value == null || !allowed.contains(value.toString())) {
      throw new InvalidFieldValue(field, "must be one of " + new java.util.TreeSet<>(allowed));
    }
    return value.toString();
  }

  boolean flag(String field) {
    Object value = variables.apply(field);
    return Boolean.TRUE.equals(value) || "true".equals(value);
  }

  /** A required date that has already happened (today or earlier). */
  LocalDate pastDate(String field, String whatToRecord) {
    LocalDate date = dateOrNull(field);
    if (date == null) {
      throw new InvalidFieldValue(field, whatToRecord);
    }
    if (date.isAfter(today)) {
      throw new InvalidFieldValue(field, "must not be in the future");
    }
    return date;
  }

  /** A date already accepted earlier in the process (no future check), or null. */
  LocalDate dateOrNull(String field) {
    return toDate(variables.apply(field), field);
  }

  static LocalDate toDate(Object value, String field) {
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
}
