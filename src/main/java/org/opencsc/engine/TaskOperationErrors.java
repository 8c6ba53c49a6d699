package org.opencsc.engine;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.util.EngineUtil;
import org.glassfish.jersey.spi.ExtendedExceptionMapper;

/**
 * The engine REST API answers 500 to every engine failure of a task operation. Three of them are the
 * client's, not the server's, and get the answer the public contract promises (409, 404, 400) in the
 * engine REST error format; the engine rolled the command back, so nothing was written:
 * <ul>
 *   <li>someone else changed or completed the task at the same moment (optimistic locking, or the
 *       task was completed by the other request while this one ran) → 409;</li>
 *   <li>the task does not exist (any more) → 404;</li>
 *   <li>a submitted variable has a type the case rules cannot read (a number where a code is due, a
 *       "Json"/"Object" value that does not parse, a type with no serializer such as "Xml") → 400.</li>
 * </ul>
 * Camunda's own 400 for a task operation ("Cannot convert value ...", "Unsupported value type ...")
 * does not say which variable is at fault; the answer names it, from the variables the request sent
 * ({@link SubmittedVariables}), in the message and in a {@code field} entry.
 */
public class TaskOperationErrors implements ExtendedExceptionMapper<RestException> {

  /** Chosen before Camunda's own RestException handler (rank 5000 by default). */
  public static final int PRIORITY = 1000;

  private static final Pattern VARIABLE = Pattern.compile("variable '([^']+)'");
  private static final Pattern CAST_FROM = Pattern.compile("class (\\S+) cannot be cast");
  /** The case rules' own refusal names the variable first: "Cannot complete task <id>: contactOutcome: must be ...". */
  private static final Pattern RULE_FIELD = Pattern.compile("^Cannot (?:complete|submit) task(?: form)? \\S+: ([A-Za-z_][\\w.]*): ");
  private static final Pattern TASK_ID = Pattern.compile("^Cannot (?:complete|submit) task(?: form)? ([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})");

  @Context HttpServletRequest request;

  @Override
  public boolean isMappable(RestException exception) {
    if (exception.getStatus() == Response.Status.BAD_REQUEST) {
      return ruleField(exception) != null || fault().isPresent();
    }
    return exception.getStatus() == Response.Status.INTERNAL_SERVER_ERROR && answer(exception) != null;
  }

  @Override
  public Response toResponse(RestException exception) {
    String ruleField = exception.getStatus() == Response.Status.BAD_REQUEST ? ruleField(exception) : null;
    Optional<SubmittedVariables.Fault> fault = ruleField != null ? Optional.empty()
        : wronglyTyped(exception).or(this::fault);
    Answer answer = ruleField != null
        ? new Answer(Response.Status.BAD_REQUEST, exception.getClass().getSimpleName(), exception.getMessage(), ruleField)
        : exception.getStatus() == Response.Status.BAD_REQUEST
            ? new Answer(Response.Status.BAD_REQUEST, "InvalidRequestException", "")
            : answer(exception);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", answer.type());
    if (answer.status() == Response.Status.BAD_REQUEST && answer.field() == null && fault.isPresent()) {
      body.put("message", "variable '" + fault.get().variable() + "' " + fault.get().problem());
      body.put("field", fault.get().variable());
    } else {
      body.put("message", answer.message());
      if (answer.field() != null) {
        body.put("field", answer.field());
      }
    }
    body.put("code", null);
    return Response.status(answer.status()).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
  }

  /** A value the case rules could not use as the type they expect: the variable holding that Java type. */
  private Optional<SubmittedVariables.Fault> wronglyTyped(Throwable thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
      Matcher from = t instanceof ClassCastException ? CAST_FROM.matcher(String.valueOf(t.getMessage())) : null;
      if (from != null && from.find()) {
        try {
          return SubmittedVariables.holding(request, EngineUtil.lookupProcessEngine(null), from.group(1));
        } catch (RuntimeException noRequestOrEngine) {
          return Optional.empty();
        }
      }
    }
    return Optional.empty();
  }

  private static String ruleField(RestException exception) {
    Matcher field = RULE_FIELD.matcher(String.valueOf(exception.getMessage()));
    return field.find() ? field.group(1) : null;
  }

  private Optional<SubmittedVariables.Fault> fault() {
    try {
      return SubmittedVariables.faultIn(request, EngineUtil.lookupProcessEngine(null));
    } catch (RuntimeException noRequestOrEngine) {
      return Optional.empty();
    }
  }

  record Answer(Response.Status status, String type, String message, String field) {
    Answer(Response.Status status, String type, String message) {
      this(status, type, message, null);
    }
  }

  static Answer answer(Throwable thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof OptimisticLockingException) {
        return new Answer(Response.Status.CONFLICT, "OptimisticLockingException",
            "Someone else changed or completed this task at the same time; reload it and try again");
      }
      if (t instanceof NotFoundException
          || (t instanceof NullValueException && String.valueOf(t.getMessage()).startsWith("Cannot find task"))) {
        return new Answer(Response.Status.NOT_FOUND, "NotFoundException",
            "The task does not exist: it was completed or removed meanwhile; reload the task list");
      }
      String message = String.valueOf(t.getMessage());
      if (t instanceof ClassCastException || message.contains("Cannot deserialize object in variable")
          || message.contains("Cannot find serializer for value")) {
        Matcher variable = VARIABLE.matcher(String.valueOf(thrown.getMessage()));
        String field = variable.find() ? variable.group(1) : null;
        return new Answer(Response.Status.BAD_REQUEST, "InvalidRequestException",
            (field == null ? "" : "variable '" + field + "': ")
                + "a submitted variable has the wrong type for this form; send the values as the form does", field);
      }
    }
    if (completedMeanwhile(thrown)) {
      return new Answer(Response.Status.CONFLICT, "OptimisticLockingException",
          "Someone else completed this task at the same time; reload the task list");
    }
    return null;
  }

  /**
   * Two completions of one task at the same moment do not always end in an OptimisticLockingException:
   * the second can read the process as the first left it and fail on the next step's expression. Its
   * command was rolled back; if the task it named is gone, the first completion won.
   */
  private static boolean completedMeanwhile(Throwable thrown) {
    Matcher taskId = TASK_ID.matcher(String.valueOf(thrown.getMessage()));
    if (!taskId.find()) {
      return false;
    }
    try {
      ProcessEngine engine = EngineUtil.lookupProcessEngine(null);
      // Looked up without the user's authorizations: whether the task exists, not whether they may see it.
      return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
          .execute(context -> context.getTaskManager().findTaskById(taskId.group(1)) == null);
    } catch (RuntimeException noEngineToAsk) {
      return false;
    }
  }
}
