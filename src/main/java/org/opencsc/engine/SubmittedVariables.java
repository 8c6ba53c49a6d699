package org.opencsc.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.dto.VariableValueDto;
import org.camunda.bpm.engine.rest.mapper.JacksonConfigurator;

/**
 * The variables a task completion sent, kept so that an error answer can name the variable at fault:
 * Camunda's REST API reports e.g. "Cannot convert value 'x' of type 'Integer'" or "Unsupported value
 * type 'Foo'" without the variable's name. The body is read once here and handed on unchanged.
 */
public class SubmittedVariables implements ContainerRequestFilter {

  static final String ATTRIBUTE = SubmittedVariables.class.getName();
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Read as Camunda's REST API reads variables (its date format, e.g. "2026-11-27T10:15:00.000+0000"). */
  private static final ObjectMapper CAMUNDA_JSON = JacksonConfigurator.configureObjectMapper(new ObjectMapper());
  /** The types Tasklist's forms send; anything else in a completion is the likeliest culprit. */
  private static final Set<String> FORM_TYPES = Set.of("", "string", "boolean", "integer", "long", "short",
      "double", "date", "null");

  @Context HttpServletRequest servletRequest;

  @Override
  public void filter(ContainerRequestContext request) throws IOException {
    String path = request.getUriInfo().getPath();
    if (!"POST".equals(request.getMethod()) || !(path.endsWith("/complete") || path.endsWith("/submit-form")
        || path.endsWith("/resolve")) || !request.hasEntity()) {
      return;
    }
    byte[] body = request.getEntityStream().readAllBytes();
    request.setEntityStream(new ByteArrayInputStream(body));
    servletRequest.setAttribute(ATTRIBUTE, body);
  }

  record Fault(String variable, String problem) {}

  /** The variable of this request that cannot be read as sent, if the request sent one. */
  static Optional<Fault> faultIn(HttpServletRequest request, ProcessEngine engine) {
    Object body = request == null ? null : request.getAttribute(ATTRIBUTE);
    return body instanceof byte[] bytes ? faultIn(bytes, engine) : Optional.empty();
  }

  /**
   * The variable whose value the engine holds as {@code javaClass} (from a ClassCastException in the
   * case rules, e.g. a number sent where a code is due), if the request sent one.
   */
  static Optional<Fault> holding(HttpServletRequest request, ProcessEngine engine, String javaClass) {
    Object body = request == null ? null : request.getAttribute(ATTRIBUTE);
    if (!(body instanceof byte[] bytes) || engine == null) {
      return Optional.empty();
    }
    try {
      for (Iterator<Map.Entry<String, JsonNode>> it = JSON.readTree(bytes).path("variables").fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> variable = it.next();
        Object value = CAMUNDA_JSON.treeToValue(variable.getValue(), VariableValueDto.class)
            .toTypedValue(engine, CAMUNDA_JSON).getValue();
        if (value != null && value.getClass().getName().equals(javaClass)) {
          return Optional.of(new Fault(variable.getKey(), "has the wrong type for this form (" + value.getClass()
              .getSimpleName() + "); send the values as the form does"));
        }
      }
    } catch (IOException | RuntimeException unreadable) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  static Optional<Fault> faultIn(byte[] body, ProcessEngine engine) {
    JsonNode variables;
    try {
      variables = JSON.readTree(body).path("variables");
    } catch (IOException | RuntimeException notJson) {
      return Optional.empty();
    }
    if (!variables.isObject()) {
      return Optional.empty();
    }
    Fault suspect = null;
    for (Iterator<Map.Entry<String, JsonNode>> it = variables.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> variable = it.next();
      String name = variable.getKey();
      if (!variable.getValue().isObject()) {
        return Optional.of(new Fault(name, "must be an object such as {\"value\": \"NFA\", \"type\": \"String\"}"));
      }
      JsonNode type = variable.getValue().path("type");
      if (type.isTextual() && type.asText().isEmpty()) {
        return Optional.of(new Fault(name, "has an empty type; leave it out or send e.g. \"String\""));
      }
      JsonNode plainValue = variable.getValue().path("value");
      if (type.isMissingNode() && (plainValue.isObject() || plainValue.isArray())) {
        return Optional.of(new Fault(name, "has an object or list as its value; send a plain value with its type"));
      }
      try {
        VariableValueDto value = CAMUNDA_JSON.treeToValue(variable.getValue(), VariableValueDto.class);
        if (engine != null) {
          value.toTypedValue(engine, CAMUNDA_JSON);
        }
      } catch (IOException | RuntimeException unreadable) {
        return Optional.of(new Fault(name, "has a value that does not match its type '" + type.asText("") + "',"
            + " or a type that is not known; send the values as the form does"));
      }
      if (suspect == null && !FORM_TYPES.contains(type.asText("").toLowerCase(Locale.ROOT))) {
        suspect = new Fault(name, "has the type '" + type.asText() + "', which this form does not take; send the"
            + " values as the form does");
      }
    }
    return Optional.ofNullable(suspect);
  }
}
