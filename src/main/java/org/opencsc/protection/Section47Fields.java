package org.opencsc.protection;

import java.time.LocalDate;
import java.util.Set;
import java.util.function.Function;
import org.opencsc.calendar.LondonTime;
import org.opencsc.engine.InvalidFieldValue;

/**
 * Reads and checks values of the strategy discussion and section 47 forms (Camunda Forms send dates
 * as ISO strings, checkboxes as booleans). Every refusal names the form field.
 */
final class Section47Fields {

  /** CIN census ReasonForClosure. */
  static final Set<String> REASONS_FOR_CLOSURE = Set.of(
      "RC1", "RC2", "RC3", "RC4", "RC5", "RC6", "RC7", "RC8", "RC9");

  private Section47Fields() {}

  /** A date that must be given and must not be after {@code today}. */
  static LocalDate requiredPastDate(Function<String, Object> variables, String field, LocalDate today,
      String missingMessage) {
    LocalDate date = optionalDate(variables.apply(field), field);
    if (date == null) {
      throw new InvalidFieldValue(field, missingMessage);
    }
    if (date.isAfter(today)) {
      throw new InvalidFieldValue(field, "must not be in the future");
    }
    return date;
  }

  static LocalDate optionalDate(Object value, String field) {
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

  static String requiredText(Function<String, Object> variables, String field, String missingMessage) {
    Object value = variables.apply(field);
    if (value == null || value.toString().isBlank()) {
      throw new InvalidFieldValue(field, missingMessage);
    }
    return value.toString().trim();
  }

  static String optionalText(Function<String, Object> variables, String field) {
    Object value = variables.apply(field);
    return value == null || value.toString().isBlank() ? null : value.toString().trim();
  }

  static String oneOf(Function<String, Object> variables, String field, Set<String> allowed) {
    Object value = variables.apply(field);
    if (value == null || !allowed.contains(value.toString())) {
      throw new InvalidFieldValue(field, "must be one of " + new java.util.TreeSet<>(allowed));
    }
    return value.toString();
  }

  static boolean ticked(Function<String, Object> variables, String field) {
    Object value = variables.apply(field);
    return Boolean.TRUE.equals(value) || "true".equalsIgnoreCase(String.valueOf(value));
  }
}
