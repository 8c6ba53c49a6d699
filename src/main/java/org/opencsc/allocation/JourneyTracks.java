package org.opencsc.allocation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * Starts a parallel track of the child's journey (bean {@code journeyTracks}): a child can be on
 * several tracks at once, e.g. a child protection plan and care proceedings. The stage model sends
 * the message; the journey's event sub-process for that message calls the track's model.
 */
@Component("journeyTracks")
public class JourneyTracks {

  public static final String JOURNEY_PROCESS = "child-journey";
  /** Variables passed with the message when the sending process has them. */
  static final List<String> PASSED_ON = List.of("legalStatus", "placementStart", "placementType",
      "longTermPlacement", "trackReason");

  public void start(DelegateExecution execution, String message) {
    String childId = (String) execution.getVariable("childId");
    RuntimeService runtime = execution.getProcessEngineServices().getRuntimeService();
    List<ProcessInstance> journeys = runtime.createProcessInstanceQuery()
        .processDefinitionKey(JOURNEY_PROCESS).processInstanceBusinessKey(childId).list();
    if (journeys.isEmpty()) {
      // a stage model run on its own (tests, or a case migrated in without a journey)
      return;
    }
    Map<String, Object> variables = new HashMap<>();
    for (String name : PASSED_ON) {
      Object value = execution.getVariable(name);
      if (value != null) {
        variables.put(name, value);
      }
    }
    if (runtime.createMessageCorrelation(message).processInstanceId(journeys.get(0).getId())
        .setVariablesLocal(variables).correlateAllWithResult().isEmpty()) {
      throw new MismatchingMessageCorrelationException(message,
          "the child's journey has no track for this message; it would be lost");
    }
  }
}
