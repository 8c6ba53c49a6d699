package org.opencsc.engine;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.rest.util.EngineUtil;
import org.glassfish.jersey.spi.ExtendedExceptionMapper;

/**
 * Malformed requests that Camunda's engine REST API fails on with a 500, answered 400 in its error
 * format instead: no body, a variable without a value object, or {@code "type": ""} make Camunda's
 * REST resources and VariableValueDto throw NullPointerException or StringIndexOutOfBoundsException.
 */
public class MalformedRequestErrors implements ExtendedExceptionMapper<RuntimeException> {

  @Context HttpServletRequest request;

  @Override
  public boolean isMappable(RuntimeException exception) {
    // Only where Camunda's REST layer itself reads the request, never a failure inside the engine.
    return (exception instanceof NullPointerException || exception instanceof IndexOutOfBoundsException)
        && Arrays.stream(exception.getStackTrace()).limit(4)
            .anyMatch(frame -> frame.getClassName().startsWith("org.camunda.bpm.engine.rest."));
  }

  @Override
  public Response toResponse(RuntimeException exception) {
    Optional<SubmittedVariables.Fault> fault;
    try {
      fault = SubmittedVariables.faultIn(request, EngineUtil.lookupProcessEngine(null));
    } catch (RuntimeException noRequestOrEngine) {
      fault = Optional.empty();
    }
    if (fault.isPresent()) {
      return badRequest(fault.get().variable(), "variable '" + fault.get().variable() + "' " + fault.get().problem());
    }
    return badRequest("body", "body: the request body or a variable in it is missing or malformed; send"
        + " {\"variables\": {\"<name>\": {\"value\": \"NFA\", \"type\": \"String\"}}}");
  }

  static Response badRequest(String field, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "InvalidRequestException");
    body.put("message", message);
    body.put("field", field);
    body.put("code", null);
    return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
  }
}
