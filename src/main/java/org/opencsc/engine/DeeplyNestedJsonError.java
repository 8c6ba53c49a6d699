package org.opencsc.engine;

import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/** JSON beyond Jackson's limits (nesting depth, sizes) sent to the engine REST API: 400, not 500. */
public class DeeplyNestedJsonError implements ExceptionMapper<StreamConstraintsException> {

  @Override
  public Response toResponse(StreamConstraintsException exception) {
    return MalformedRequestErrors.badRequest("body", "body: the JSON is nested too deeply or is too large");
  }
}
