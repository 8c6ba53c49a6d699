package org.opencsc.api;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageConversionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Turns failures of the project's /api into the contract's JSON error body. */
@RestControllerAdvice(basePackages = "org.opencsc")
public class ApiExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

  @ExceptionHandler(InvalidRequestException.class)
  ResponseEntity<ApiError> invalid(InvalidRequestException e) {
    return respond(HttpStatus.BAD_REQUEST, e.getMessage(), e.fieldErrors());
  }

  @ExceptionHandler(MethodArgumentNotValidException.class)
  ResponseEntity<ApiError> beanValidation(MethodArgumentNotValidException e) {
    List<ApiError.FieldMessage> fields = e.getBindingResult().getFieldErrors().stream()
        .map(f -> new ApiError.FieldMessage(f.getField(), f.getDefaultMessage()))
        .sorted((a, b) -> a.field().compareTo(b.field()))
        .collect(Collectors.toList());
    return respond(HttpStatus.BAD_REQUEST, "Request has invalid fields", fields);
  }

  // HttpMessageConversionException too: Jackson reports e.g. a repeated property of a record as an
  // InvalidDefinitionException, which Spring does not count as "not readable" (it answered 500).
  @ExceptionHandler({HttpMessageNotReadableException.class, HttpMessageConversionException.class})
  ResponseEntity<ApiError> unreadable(HttpMessageConversionException e) {
    boolean syntaxError = e.getMostSpecificCause() instanceof JsonParseException;
    if (!syntaxError && e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      String field = mapping.getPath().stream()
          .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
          .collect(Collectors.joining(".")).replace(".[", "[");
      String message = mapping instanceof InvalidFormatException format
          ? "has the wrong format or type (" + format.getTargetType().getSimpleName() + " expected)"
          : "cannot be read";
      return respond(HttpStatus.BAD_REQUEST, "Request body is not valid",
          List.of(new ApiError.FieldMessage(field, message)));
    }
    return respond(HttpStatus.BAD_REQUEST, "Request body is not valid JSON",
        List.of(new ApiError.FieldMessage("body", "is not valid JSON")));
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ResponseEntity<ApiError> missingParameter(MissingServletRequestParameterException e) {
    return respond(HttpStatus.BAD_REQUEST, "A required parameter is missing",
        List.of(new ApiError.FieldMessage(e.getParameterName(), "is required")));
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ApiError> typeMismatch(MethodArgumentTypeMismatchException e) {
    return respond(HttpStatus.BAD_REQUEST, "A parameter has the wrong format",
        List.of(new ApiError.FieldMessage(e.getName(), "has the wrong format")));
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<ApiError> mediaType(HttpMediaTypeNotSupportedException e) {
    return respond(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Send application/json",
        List.of(new ApiError.FieldMessage("Content-Type", "must be application/json")));
  }

  @ExceptionHandler(ForbiddenException.class)
  ResponseEntity<ApiError> forbidden(ForbiddenException e) {
    return respond(HttpStatus.FORBIDDEN, e.getMessage(), List.of());
  }

  @ExceptionHandler(org.camunda.bpm.engine.AuthorizationException.class)
  ResponseEntity<ApiError> notAuthorized(org.camunda.bpm.engine.AuthorizationException e) {
    return respond(HttpStatus.FORBIDDEN, e.getMessage(), List.of());
  }

  @ExceptionHandler(NotFoundException.class)
  ResponseEntity<ApiError> notFound(NotFoundException e) {
    return respond(HttpStatus.NOT_FOUND, e.getMessage(), List.of());
  }

  /** A message the case is not waiting for, e.g. a placement change while the placement is still being recorded. */
  @ExceptionHandler(MismatchingMessageCorrelationException.class)
  ResponseEntity<ApiError> notAtThisStage(MismatchingMessageCorrelationException e) {
    return respond(HttpStatus.CONFLICT,
        "The child's case is not at a stage where this can be recorded now; reload the case and try again", List.of());
  }

  @ExceptionHandler({OptimisticLockingException.class, DataIntegrityViolationException.class})
  ResponseEntity<ApiError> conflict(RuntimeException e) {
    log.info("Conflicting update refused: {}", e.getClass().getSimpleName());
    return respond(HttpStatus.CONFLICT,
        "The record was changed by someone else at the same time; reload and try again", List.of());
  }

  /**
   * PostgreSQL down or restarting: nothing was written and the caller may try again. The engine wraps
   * the driver's error in its own exception, so those are looked through; any other engine failure is
   * left to Spring's default handling, as before.
   */
  @ExceptionHandler({CannotCreateTransactionException.class, DataAccessResourceFailureException.class,
      TransientDataAccessResourceException.class, RecoverableDataAccessException.class,
      ProcessEngineException.class, org.apache.ibatis.exceptions.PersistenceException.class,
      org.springframework.transaction.TransactionSystemException.class})
  ResponseEntity<ApiError> databaseUnavailable(RuntimeException e) {
    if (!DatabaseUnavailable.causedBy(e)) {
      throw e;
    }
    log.warn("Database not available: {}", e.getClass().getSimpleName());
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "5")
        .body(new ApiError(HttpStatus.SERVICE_UNAVAILABLE.value(), HttpStatus.SERVICE_UNAVAILABLE.getReasonPhrase(),
            DatabaseUnavailable.MESSAGE, List.of()));
  }

  private static ResponseEntity<ApiError> respond(
      HttpStatus status, String message, List<ApiError.FieldMessage> fields) {
    return ResponseEntity.status(status)
        .body(new ApiError(status.value(), status.getReasonPhrase(), message, fields));
  }
}
