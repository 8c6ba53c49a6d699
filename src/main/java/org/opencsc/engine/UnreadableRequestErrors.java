package org.opencsc.engine;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A request body whose JSON does not fit the engine REST API's request (a variable that is a plain
 * string instead of {"value": ..., "type": ...}, a list where an object is due): Camunda answers 400
 * with an empty message; this answer names the variable or field, from Jackson's path to it. Body
 * that is not JSON at all is answered as the body's fault.
 */
public class UnreadableRequestErrors implements ExceptionMapper<JsonMappingException> {

  @Override
  public Response toResponse(JsonMappingException mapping) {
    List<JsonMappingException.Reference> path = mapping.getPath();
    if (path.size() >= 2 && "variables".equals(path.get(0).getFieldName()) && path.get(1).getFieldName() != null) {
      String variable = path.get(1).getFieldName();
      return MalformedRequestErrors.badRequest(variable, "variable '" + variable + "' cannot be read; send it as"
          + " {\"value\": \"NFA\", \"type\": \"String\"}");
    }
    String field = path.stream()
        .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
        .collect(Collectors.joining(".")).replace(".[", "[");
    return MalformedRequestErrors.badRequest(field.isEmpty() ? "body" : field,
        (field.isEmpty() ? "body" : field) + ": cannot be read; check the request's JSON against the API");
  }

  /** Not JSON at all (Camunda answers its parser's message as plain text). */
  public static class NotJson implements ExceptionMapper<JsonParseException> {

    @Override
    public Response toResponse(JsonParseException exception) {
      return MalformedRequestErrors.badRequest("body", "body: is not valid JSON");
    }
  }
}
