package org.opencsc.api;

import java.util.List;

/** The error body promised by the public contract (shared/spec/api.md). */
public record ApiError(int status, String error, String message, List<FieldMessage> fieldErrors) {

  public record FieldMessage(String field, String message) {}
}
