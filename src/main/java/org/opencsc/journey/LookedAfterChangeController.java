package org.opencsc.journey;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.opencsc.api.InvalidRequestException;
import org.opencsc.api.NotFoundException;
import org.opencsc.children.ChildRepository;
import org.opencsc.engine.EngineServices;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * POST /api/children/{childId}/looked-after/changes: something changed for a looked-after child
 * (placement, legal status, or the child went missing). The looked-after model then asks the
 * social worker to record it: a new SSDA903 episode, or a missing episode.
 */
@RestController
public class LookedAfterChangeController {

  static final Map<String, String> MESSAGES = Map.of(
      "PLACEMENT_CHANGED", "PlacementChanged",
      "LEGAL_STATUS_CHANGED", "LegalStatusChanged",
      "MISSING_FROM_CARE", "MissingFromCare");

  public record ChangeRequest(String change) {}

  public record ChangeReceipt(String childId, String change, String lookedAfterProcessId) {}

  private final ChildRepository children;
  private final EngineServices engine;

  public LookedAfterChangeController(ChildRepository children, EngineServices engine) {
    this.children = children;
    this.engine = engine;
  }

  @PostMapping(path = "/api/children/{childId}/looked-after/changes", consumes = "application/json")
  @Transactional
  public ResponseEntity<Object> change(@PathVariable String childId, @RequestBody ChangeRequest request) {
    if (children.findById(childId).isEmpty()) {
      throw new NotFoundException("No child with id " + childId);
    }
    String message = request.change() == null ? null : MESSAGES.get(request.change());
    if (message == null) {
      throw InvalidRequestException.of("change", "must be one of " + MESSAGES.keySet());
    }
    List<ProcessInstance> lookedAfter = engine.runtimeService().createProcessInstanceQuery()
        .processDefinitionKey("looked-after").processInstanceBusinessKey(childId).active().list();
    if (lookedAfter.isEmpty()) {
      return ResponseEntity.status(HttpStatus.CONFLICT).body(new org.opencsc.api.ApiError(409, "Conflict",
          "The child is not looked after at the moment", List.of()));
    }
    engine.runtimeService().createMessageCorrelation(message).processInstanceId(lookedAfter.get(0).getId())
        .correlateWithResult();
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(new ChangeReceipt(childId, request.change(), lookedAfter.get(0).getId()));
  }
}
