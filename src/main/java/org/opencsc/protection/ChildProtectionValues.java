package org.opencsc.protection;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.camunda.spin.json.SpinJsonNode;
import org.opencsc.calendar.LondonTime;
import org.opencsc.engine.InvalidFieldValue;

/**
 * Reads the values a chair or social worker entered on a child protection form (Camunda Forms send
 * dates as ISO strings, checklists as Json, checkboxes as booleans) and refuses impossible ones,
 * always naming the field.
 */
final class ChildProtectionValues {

  /** journey.md stage 5: what the initial conference can decide. */
  static final Set<String> ICPC_OUTCOMES = Set.of("CP_PLAN", "CIN_PLAN", "NFA");
  /** journey.md stage 6: what a review conference can decide. */
  static final Set<String> RCPC_OUTCOMES = Set.of("CONTINUE", "CIN_PLAN", "END");
  /** CIN census InitialCategoryOfAbuse / LatestCategoryOfAbuse. */
  static final Set<String> CATEGORIES = Set.of("NEG", "PHY", "SAB", "EMO", "MUL");
  /** CIN census ReasonForClosure. */
  static final Set<String> CLOSURE_REASONS = Set.of("RC1", "RC2", "RC3", "RC4", "RC5", "RC6", "RC7", "RC8", "RC9");

  private final Function<String, Object> variables;
  private final LocalDate today;

  ChildProtectionValues(Function<String, Object> variables, LocalDate today) {
    this.variables = variables;
    this.today = today;
  }

  /** A required date, not in the future. */
  LocalDate pastDate(String field, String what) {
    LocalDate date = optionalDate(field);
    if (date == null) {
      throw new InvalidFieldValue(field, "record " + what);
    }
    if (date.isAfter(today)) {
      throw new InvalidFieldValue(field, "must not be in the future (today is " + today + ")");
    }
    return date;
  }

  LocalDate optionalDate(String field) {
    return date(variables.apply(field), field);
  }

  static LocalDate date(Object value, String field) {
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    if (value instanceof java.util.Date d) {
      return LondonTime.dateOf(d);
    }
    if (value instanceof LocalDate d) {
      return d;
    }
    String text = value.toString().trim();
    try {
      return LocalDate.parse(text.substring(0, Math.min(10, text.length())));
    } catch (RuntimeException e) {
      throw new InvalidFieldValue(field, "must be a date (YYYY-MM-DD)");
    }
  }

  /** A required code from {@code allowed}. */
  String code(String field, Set<String> allowed) {
    Object value = variables.apply(field);
    if (value == null || !allowed.contains(value.toString())) {
      throw new InvalidFieldValue(field, "must be one of " + new java.util.TreeSet<>(allowed));
    }
    return value.toString();
  }

  /** An optional code: blank is null, anything else must be in {@code allowed}. */
  String optionalCode(String field, Set<String> allowed) {
    Object value = variables.apply(field);
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    return code(field, allowed);
  }

  boolean flag(String field) {
    Object value = variables.apply(field);
    return Boolean.TRUE.equals(value) || "true".equals(value);
  }

  String text(String field) {
    Object value = variables.apply(field);
    return value == null || value.toString().isBlank() ? null : value.toString();
  }

  String requiredText(String field, String what) {
    String text = text(field);
    if (text == null) {
      throw new InvalidFieldValue(field, "give " + what);
    }
    return text;
  }

  /** A checklist as a comma-separated list of its values. */
  String list(String field) {
    Object value = variables.apply(field);
    List<String> items = new ArrayList<>();
    if (value instanceof SpinJsonNode json && json.isArray()) {
      json.elements().forEach(element -> items.add(element.stringValue()));
    } else if (value instanceof Iterable<?> values) {
      values.forEach(item -> items.add(item.toString()));
    } else if (value != null && !value.toString().isBlank()) {
      for (String item : value.toString().replaceAll("[\\[\\]\"]", "").split(",")) {
        if (!item.isBlank()) {
          items.add(item.trim());
        }
      }
    }
    return items.isEmpty() ? null : String.join(",", items);
  }
}
