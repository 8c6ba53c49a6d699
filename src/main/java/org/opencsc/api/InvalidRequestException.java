package org.opencsc.api;

import java.util.List;

/** Bad input found by our own checks; answered with 400 naming every offending field. */
public class InvalidRequestException extends RuntimeException {

  private final transient List<ApiError.FieldMessage> fieldErrors;

  public InvalidRequestException(List<ApiError.FieldMessage> fieldErrors) {
    super("Request has invalid fields");
    this.fieldErrors = List.copyOf(fieldErrors);
  }

  public static InvalidRequestException of(String field, String message) {
    return new InvalidRequestException(List.of(new ApiError.FieldMessage(field, message)));
  }

  public List<ApiError.FieldMessage> fieldErrors() {
    return fieldErrors;
  }
}
