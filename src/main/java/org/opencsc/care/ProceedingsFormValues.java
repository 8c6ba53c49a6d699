package org.opencsc.care;

import java.time.LocalDate;
import java.util.function.Function;
import org.opencsc.engine.FormValues;

/** The values of the legal gateway, pre-proceedings and proceedings forms. */
final class ProceedingsFormValues extends FormValues {

  ProceedingsFormValues(Function<String, Object> variables, LocalDate today) {
    super(variables, today);
  }

  /** A date already accepted earlier in the process (no future check), or null. */
  LocalDate dateOrNull(String field) {
    return optionalDate(field);
  }
}
