package org.opencsc.protection;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.opencsc.engine.FormValues;

/**
 * The values a chair or social worker entered on a child protection form, with the stage's code lists.
 * A missing date is refused as "record …", missing text as "give …".
 */
final class ChildProtectionValues {

  /** journey.md stage 5: what the initial conference can decide. */
  static final Set<String> ICPC_OUTCOMES = Set.of("CP_PLAN", "CIN_PLAN", "NFA");
  /** journey.md stage 6: what a review conference can decide. */
  static final Set<String> RCPC_OUTCOMES = Set.of("CONTINUE", "CIN_PLAN", "END");
  /** CIN census InitialCategoryOfAbuse / LatestCategoryOfAbuse. */
  static final Set<String> CATEGORIES = Set.of("NEG", "PHY", "SAB", "EMO", "MUL");

  private final FormValues form;

  ChildProtectionValues(Function<String, Object> variables, LocalDate today) {
    this.form = new FormValues(variables, today);
  }

  /** A required date, not in the future. */
  LocalDate pastDate(String field, String what) {
    return form.pastDate(field, "record " + what);
  }

  LocalDate optionalDate(String field) {
    return form.optionalDate(field);
  }

  static LocalDate date(Object value, String field) {
    return FormValues.parseDate(value, field);
  }

  String code(String field, Set<String> allowed) {
    return form.code(field, allowed);
  }

  String optionalCode(String field, Set<String> allowed) {
    return form.optionalCode(field, allowed);
  }

  boolean flag(String field) {
    return form.flag(field);
  }

  String text(String field) {
    return form.optionalText(field);
  }

  String requiredText(String field, String what) {
    return form.text(field, "give " + what);
  }

  /** A checklist as a comma-separated list of its values, null when nothing is ticked. */
  String list(String field) {
    List<String> items = form.checklist(field);
    return items.isEmpty() ? null : String.join(",", items);
  }
}
