package org.opencsc.engine;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.glassfish.jersey.spi.ExtendedExceptionMapper;

/**
 * Malformed requests that Camunda's engine REST API fails on with a 500, answered 400 in its error
 * format instead: no body, a variable without a value object, or {@code "type": ""} make Camunda's
 * REST resources and VariableValueDto throw NullPointerException or StringIndexOutOfBoundsException.
 */
public class MalformedRequestErrors implements ExtendedExceptionMapper<RuntimeException> {

  @Override
  public boolean isMappable(RuntimeException exception) {
    // Only where Camunda's REST layer itself reads the request, never a failure inside the engine.
    return (exception instanceof NullPointerException || exception instanceof IndexOutOfBoundsException)
        && Arrays.stream(exception.getStackTrace()).limit(4)
            .anyMatch(frame -> frame.getClassName().startsWith("org.camunda.bpm.engine.rest."));
  }

  @Override
  public Response toResponse(RuntimeException exception) {
    return badRequest("body: the request body or a variable in it is missing or malformed; send"
        + " {\"variables\": {\"<name>\": {\"value\": \"NFA\", \"type\": \"String\"}}}");
  }

  static Response badRequest(String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "InvalidRequestException");
    body.put("message", message);
    body.put("code", null);
    return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
  }
}
