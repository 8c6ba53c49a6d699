package org.opencsc.childinneed;

import java.time.LocalDate;
import java.util.function.Function;
import org.opencsc.engine.FormValues;

/** The child in need forms' values; a missing one is refused as "record …" what the worker left out. */
final class CinFormValues {

  private final FormValues form;

  CinFormValues(Function<String, Object> variables, LocalDate today) {
    this.form = new FormValues(variables, today);
  }

  /** A required date that has happened (today at the latest). */
  LocalDate pastDate(String field, String what) {
    return form.pastDate(field, "record " + what);
  }

  /** A date already stored by this process (no future check: it was checked when it was entered). */
  LocalDate optionalDate(String field) {
    return form.optionalDate(field);
  }

  String requiredText(String field, String what) {
    return form.text(field, "record " + what);
  }

  /** The value as stored, untrimmed. */
  String text(String field) {
    Object value = form.raw(field);
    return value == null ? null : value.toString();
  }
}
