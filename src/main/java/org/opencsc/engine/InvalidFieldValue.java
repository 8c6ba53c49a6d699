package org.opencsc.engine;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A value entered on a task or start form that the case rules refuse. A form-validation exception,
 * so Tasklist shows the message and the engine REST API answers 400, naming the field.
 */
public class InvalidFieldValue extends FormFieldValidationException {

  private final String field;

  public InvalidFieldValue(String field, String message) {
    super(field, field + ": " + message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
