package org.opencsc.returns;

import java.util.List;
import org.opencsc.api.ApiError;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A return asked for before the council configured what it needs: 503 with the setting named. */
@RestControllerAdvice(assignableTypes = ReturnsController.class)
public class ReturnsErrors {

  @ExceptionHandler(ReturnsNotConfiguredException.class)
  ResponseEntity<ApiError> notConfigured(ReturnsNotConfiguredException e) {
    HttpStatus status = HttpStatus.SERVICE_UNAVAILABLE;
    return ResponseEntity.status(status).body(new ApiError(status.value(), status.getReasonPhrase(), e.getMessage(),
        List.of(new ApiError.FieldMessage("csc.returns.la-code", "is not set"))));
  }
}
