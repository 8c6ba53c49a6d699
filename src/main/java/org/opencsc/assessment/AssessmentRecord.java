package org.opencsc.assessment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.opencsc.engine.InvalidFieldValue;
import org.camunda.spin.json.SpinJsonNode;

/**
 * The child and family assessment as the social worker records it, read from the task's variables
 * (Camunda Forms send dates as ISO strings, numbers as Long or Double, checklists as Json).
 */
public record AssessmentRecord(
    LocalDate startDate,
    LocalDate childSeenDate,
    boolean childSeenAlone,
    List<String> factors,
    String worries,
    String strengths,
    Integer safetyScale,
    String outcome,
    String analysis) {

  public static final Set<String> OUTCOMES = Set.of("NFA", "EARLY_HELP", "CIN_PLAN", "STRATEGY", "LAC");

  /** Reads and checks the values; every problem names its field. */
  public static AssessmentRecord from(java.util.function.Function<String, Object> variables, LocalDate today) {
    LocalDate start = date(variables.apply("assessmentStartDate"), "assessmentStartDate", today);
    LocalDate seen = date(variables.apply("childSeenDate"), "childSeenDate", today);
    if (seen == null) {
      throw new InvalidFieldValue("childSeenDate", "record the date the child was seen");
    }
    Object scale = variables.apply("safetyScale");
    Integer safetyScale = scale == null ? null : ((Number) number(scale)).intValue();
    if (safetyScale == null || safetyScale < 0 || safetyScale > 10) {
      throw new InvalidFieldValue("safetyScale", "give a scaling score from 0 to 10");
    }
    String outcome = (String) variables.apply("assessmentOutcome");
    if (outcome == null || !OUTCOMES.contains(outcome)) {
      throw new InvalidFieldValue("assessmentOutcome", "must be one of " + OUTCOMES);
    }
    return new AssessmentRecord(start, seen, Boolean.TRUE.equals(variables.apply("childSeenAlone")),
        factors(variables.apply("assessmentFactors")), (String) variables.apply("worries"),
        (String) variables.apply("strengths"), safetyScale, outcome, (String) variables.apply("analysis"));
  }


  private static Object number(Object value) {
    if (value instanceof Number) {
      return value;
    }
    try {
      return Double.valueOf(value.toString());
    } catch (NumberFormatException e) {
      throw new InvalidFieldValue("safetyScale", "must be a number from 0 to 10");
    }
  }

  private static LocalDate date(Object value, String field, LocalDate today) {
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    LocalDate date;
    if (value instanceof java.util.Date d) {
      date = org.opencsc.calendar.LondonTime.dateOf(d);
    } else {
      try {
        date = LocalDate.parse(value.toString().substring(0, Math.min(10, value.toString().length())));
      } catch (RuntimeException e) {
        throw new InvalidFieldValue(field, "must be a date (YYYY-MM-DD)");
      }
    }
    if (date.isAfter(today)) {
      throw new InvalidFieldValue(field, "must not be in the future");
    }
    return date;
  }

  private static List<String> factors(Object value) {
    List<String> codes = new ArrayList<>();
    if (value instanceof SpinJsonNode json && json.isArray()) {
      json.elements().forEach(element -> codes.add(element.stringValue()));
    } else if (value instanceof Iterable<?> items) {
      items.forEach(item -> codes.add(item.toString()));
    } else if (value != null && !value.toString().isBlank()) {
      for (String code : value.toString().replaceAll("[\\[\\]\"]", "").split(",")) {
        if (!code.isBlank()) {
          codes.add(code.trim());
        }
      }
    }
    return codes;
  }
}
