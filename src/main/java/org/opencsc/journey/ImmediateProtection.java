package org.opencsc.journey;

import static org.opencsc.children.Sql.utc;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.opencsc.api.ApiError.FieldMessage;
import org.opencsc.api.InvalidRequestException;
import org.opencsc.api.NotFoundException;
import org.opencsc.calendar.LondonTime;
import org.opencsc.children.Child;
import org.opencsc.children.ChildRepository;
import org.opencsc.engine.EngineServices;
import org.opencsc.frontdoor.ContactIntake;
import org.opencsc.security.Roles;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Police protection or an emergency protection order, at any point: the child goes straight to a
 * strategy discussion and, if removed, becomes looked after (SSDA903 legal status L1 or L2).
 */
@Service
public class ImmediateProtection {

  /** SSDA903 legal status while the child is removed under each power. */
  static final Map<String, String> LEGAL_STATUS = Map.of(
      "POLICE_PROTECTION", "L1",
      "EMERGENCY_PROTECTION_ORDER", "L2");

  public record Receipt(String childId, String journeyId, boolean joinedExistingJourney, String legalStatus) {}

  private final ChildRepository children;
  private final JdbcTemplate jdbc;
  private final EngineServices engine;

  public ImmediateProtection(ChildRepository children, JdbcTemplate jdbc, EngineServices engine) {
    this.children = children;
    this.jdbc = jdbc;
    this.engine = engine;
  }

  @Transactional
  public Receipt record(String childId, ImmediateProtectionRequest request) {
    Child child = children.findById(childId).orElseThrow(() -> new NotFoundException("No child with id " + childId));
    Instant now = ClockUtil.getCurrentTime().toInstant();
    check(request, now);
    jdbc.queryForObject("SELECT id FROM child WHERE id = ? FOR UPDATE", String.class, childId);
    boolean removed = Boolean.TRUE.equals(request.childRemoved());
    String legalStatus = removed ? LEGAL_STATUS.get(request.type()) : null;

    RuntimeService runtime = engine.runtimeService();
    List<ProcessInstance> open = runtime.createProcessInstanceQuery()
        .processDefinitionKey(ContactIntake.JOURNEY_PROCESS).processInstanceBusinessKey(childId).list();
    boolean joined = !open.isEmpty();
    String journeyId;
    Map<String, Object> protection = Map.of("protectionType", request.type(),
        "protectionStartedAt", java.util.Date.from(request.startedAt().toInstant()));
    if (joined) {
      journeyId = open.get(0).getId();
      runtime.createMessageCorrelation("ImmediateProtection").processInstanceId(journeyId)
          .setVariablesLocal(protection).correlateWithResult();
    } else {
      Map<String, Object> variables = new HashMap<>(protection);
      variables.put("childId", child.id());
      variables.put("laChildId", child.laChildId());
      variables.put("childName", child.displayName());
      variables.put("caseTeam", Roles.FRONT_DOOR);
      variables.put("allocatedWorker", null);
      variables.put("nextStage", "STRATEGY");
      journeyId = runtime.createMessageCorrelation("ImmediateProtectionNewCase").processInstanceBusinessKey(childId)
          .setVariables(variables).correlateStartMessage().getId();
    }
    if (removed) {
      Map<String, Object> lookedAfter = new HashMap<>();
      lookedAfter.put("legalStatus", legalStatus);
      lookedAfter.put("placementStart", (request.placementStart() != null ? request.placementStart()
          : LondonTime.dateOf(request.startedAt().toInstant())).toString());
      runtime.createMessageCorrelation("BecameLookedAfter").processInstanceId(journeyId)
          .setVariablesLocal(lookedAfter).correlateWithResult();
    }
    Authentication user = engine.identityService().getCurrentAuthentication();
    jdbc.update("""
        INSERT INTO immediate_protection (id, child_id, protection_type, started_at, child_removed, journey_id,
          recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
        UUID.randomUUID().toString(), childId, request.type(), utc(request.startedAt().toInstant()), removed,
        journeyId, user == null ? null : user.getUserId(), utc(now));
    return new Receipt(childId, journeyId, joined, legalStatus);
  }

  private static void check(ImmediateProtectionRequest request, Instant now) {
    List<FieldMessage> errors = new ArrayList<>();
    if (request.type() == null || !LEGAL_STATUS.containsKey(request.type())) {
      errors.add(new FieldMessage("type", "must be POLICE_PROTECTION or EMERGENCY_PROTECTION_ORDER"));
    }
    if (request.startedAt() == null) {
      errors.add(new FieldMessage("startedAt", "is required"));
    } else if (request.startedAt().toInstant().isAfter(now)) {
      errors.add(new FieldMessage("startedAt", "must not be in the future"));
    }
    if (request.childRemoved() == null) {
      errors.add(new FieldMessage("childRemoved", "is required (true or false)"));
    }
    if (request.placementStart() != null && request.placementStart().isAfter(LondonTime.dateOf(now))) {
      errors.add(new FieldMessage("placementStart", "must not be in the future"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
  }
}
