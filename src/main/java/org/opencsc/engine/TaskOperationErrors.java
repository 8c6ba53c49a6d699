package org.opencsc.engine;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
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
 */
public class TaskOperationErrors implements ExtendedExceptionMapper<RestException> {

  /** Chosen before Camunda's own RestException handler (rank 5000 by default). */
  public static final int PRIORITY = 1000;

  private static final Pattern VARIABLE = Pattern.compile("variable '([^']+)'");
  private static final Pattern TASK_ID = Pattern.compile("^Cannot (?:complete|submit) task(?: form)? ([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})");

  @Override
  public boolean isMappable(RestException exception) {
    return exception.getStatus() == Response.Status.INTERNAL_SERVER_ERROR && answer(exception) != null;
  }

  @Override
  public Response toResponse(RestException exception) {
    Answer answer = answer(exception);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", answer.type());
    body.put("message", answer.message());
    body.put("code", null);
    return Response.status(answer.status()).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
  }

  record Answer(Response.Status status, String type, String message) {}

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
        String field = variable.find() ? variable.group(1) + ": " : "";
        return new Answer(Response.Status.BAD_REQUEST, "InvalidRequestException",
            field + "a submitted variable has the wrong type for this form; send the values as the form does");
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
