package org.opencsc.adoption;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.opencsc.calendar.LondonTime;
import org.opencsc.children.Child;
import org.opencsc.children.ChildRepository;
import org.opencsc.engine.FormValues;
import org.opencsc.engine.InvalidFieldValue;
import org.opencsc.security.FourEyesSignOff;
import org.springframework.stereotype.Component;

/**
 * A looked-after child's plan for adoption (bean {@code adoptions}), called from {@code adoption.bpmn}:
 * checks what the social worker enters (complete listeners, {@link InvalidFieldValue} naming the field),
 * writes the {@code adoption} record, and tells the looked-after model when the child is placed for
 * adoption so the SSDA903 episode splits with the adoption placement type.
 */
@Component("adoptions")
public class AdoptionRecorder {

  /** The sign-off refuses whoever recorded the should-be-placed decision (at the start or a correction). */
  /** The decision is recorded on the start form, so its author is kept under this work key for the sign-off. */
  static final String DECISION_AUTHOR = FourEyesSignOff.authorVariable("ShouldBePlacedDecision");
  static final String CHILDREN_IN_CARE = "children-in-care";
  /** As the form's limit and the column {@code adoption.decision_summary}. */
  static final int SUMMARY_LENGTH = 2000;

  private final ChildRepository children;
  private final AdoptionRepository adoptions;

  public AdoptionRecorder(ChildRepository children, AdoptionRepository adoptions) {
    this.children = children;
    this.adoptions = adoptions;
  }

  // --- the decision that the child should be placed for adoption ----------------------------------------

  /** Start form: finds the looked-after child, checks the decision date and opens the adoption record. */
  public void open(DelegateExecution execution) {
    String startedBy = (String) execution.getVariable("adoptionStartedBy");
    if (startedBy == null) {
      throw new AuthorizationException("A plan for adoption must be recorded by a signed-in social worker");
    }
    FormValues f = values(execution::getVariable);
    String laChildId = f.text("laChildId", "give the council's id of the looked-after child");
    Child child = children.findByLaChildId(laChildId)
        .orElseThrow(() -> new InvalidFieldValue("laChildId", "no child has the id " + laChildId));
    if (adoptions.openEpisodeStart(child.id()).isEmpty()) {
      throw new InvalidFieldValue("laChildId", "the child is not looked after: only a looked-after child's plan "
          + "for adoption is recorded here");
    }
    if (adoptions.planInProgress(child.id())) {
      throw new InvalidFieldValue("laChildId", "the child already has a plan for adoption in progress");
    }
    LocalDate decided = decisionDate(f, child);
    String summary = summary(f);
    execution.setProcessBusinessKey(child.id());
    execution.setVariable("childId", child.id());
    execution.setVariable("childName", child.displayName());
    execution.setVariable("laChildId", child.laChildId());
    execution.setVariable("allocatedWorker", startedBy);
    execution.setVariable("caseTeam", CHILDREN_IN_CARE);
    execution.setVariable(DECISION_AUTHOR, startedBy);
    String id = UUID.randomUUID().toString();
    execution.setVariable("adoptionId", id);
    adoptions.insert(id, child.id(), execution.getProcessInstanceId(), decided, summary, startedBy, now());
  }

  /** Complete listener on the correction after the agency decision maker returned the decision. */
  public void checkDecisionCorrection(DelegateTask task) {
    FormValues f = values(task::getVariable);
    decisionDate(f, child(task.getVariable("childId")));
    summary(f);
  }

  public void decisionAgreed(DelegateExecution execution) {
    FormValues f = values(execution::getVariable);
    adoptions.decisionAgreed(id(execution), f.pastDate("shouldBePlacedDate", "give the date of the decision"),
        f.optionalText("decisionSummary"), (String) execution.getVariable("signedOffBy_Task_AgreeShouldBePlacedDecision"),
        now());
  }

  private static String summary(FormValues f) {
    String summary = f.optionalText("decisionSummary");
    if (summary != null && summary.length() > SUMMARY_LENGTH) {
      throw new InvalidFieldValue("decisionSummary", "must be at most " + SUMMARY_LENGTH + " characters");
    }
    return summary;
  }

  private LocalDate decisionDate(FormValues f, Child child) {
    LocalDate decided = f.pastDate("shouldBePlacedDate",
        "give the date the agency decision maker decided the child should be placed for adoption");
    if (child.dateOfBirth() != null && decided.isBefore(child.dateOfBirth())) {
      throw new InvalidFieldValue("shouldBePlacedDate", "must not be before the child's date of birth");
    }
    return decided;
  }

  // --- the match --------------------------------------------------------------------------------------------

  public void checkMatch(DelegateTask task) {
    FormValues f = values(task::getVariable);
    if ("NO_LONGER_TO_BE_PLACED".equals(f.code("matchOutcome", AdoptionCodes.MATCH_OUTCOME))) {
      checkReversal(f);
      return;
    }
    LocalDate matched = f.pastDate("matchDate", "give the date the child was matched with the adopters");
    if (matched.isBefore(decidedOn(f))) {
      throw new InvalidFieldValue("matchDate", "must not be before the decision that the child should be placed "
          + "for adoption (" + decidedOn(f) + ")");
    }
    String number = f.code("numberOfAdopters", AdoptionCodes.NUMBER_OF_ADOPTERS);
    String sex = f.code("sexOfAdopters", AdoptionCodes.SEX_OF_ADOPTERS);
    if ("1".equals(number) != AdoptionCodes.SINGLE.contains(sex)) {
      throw new InvalidFieldValue("sexOfAdopters", "1".equals(number)
          ? "must be M1 or F1 for a single adopter" : "must be MM, FF or MF for a couple");
    }
    String legalStatus = f.code("adoptersLegalStatus", AdoptionCodes.ADOPTERS_LEGAL_STATUS);
    if (!AdoptionCodes.SEXES_FOR_LEGAL_STATUS.get(legalStatus).contains(sex)) {
      throw new InvalidFieldValue("adoptersLegalStatus", legalStatus + " does not fit adopters recorded as " + sex);
    }
  }

  public void recordMatch(DelegateExecution execution) {
    FormValues f = values(execution::getVariable);
    adoptions.matched(id(execution), f.pastDate("matchDate", "give the match date"),
        Integer.parseInt(f.code("numberOfAdopters", AdoptionCodes.NUMBER_OF_ADOPTERS)),
        f.code("sexOfAdopters", AdoptionCodes.SEX_OF_ADOPTERS),
        f.code("adoptersLegalStatus", AdoptionCodes.ADOPTERS_LEGAL_STATUS), f.flag("fosterCarersAdopting"),
        (String) execution.getVariable("authorOf_Task_RecordMatch"),
        (String) execution.getVariable("signedOffBy_Task_SignOffMatch"), now());
  }

  // --- the placement for adoption ---------------------------------------------------------------------

  public void checkPlacement(DelegateTask task) {
    FormValues f = values(task::getVariable);
    if ("NO_LONGER_TO_BE_PLACED".equals(f.code("placementOutcome", AdoptionCodes.PLACEMENT_OUTCOME))) {
      checkReversal(f);
      return;
    }
    LocalDate placed = f.pastDate("datePlacedForAdoption", "give the date the child was placed with the adopters");
    LocalDate matched = f.optionalDate("matchDate");
    if (matched != null && placed.isBefore(matched)) {
      throw new InvalidFieldValue("datePlacedForAdoption", "must not be before the match (" + matched + ")");
    }
    LocalDate careEpisodeStart = adoptions.openEpisodeStart((String) task.getVariable("childId"))
        .orElseThrow(() -> new InvalidFieldValue("datePlacedForAdoption", "the child is no longer looked after"));
    if (placed.isBefore(careEpisodeStart)) {
      throw new InvalidFieldValue("datePlacedForAdoption", "must not be before the start of the child's current "
          + "episode of care (" + careEpisodeStart + ")");
    }
    if ("PLACEMENT_ORDER".equals(f.code("placementAuthority", AdoptionCodes.PLACEMENT_AUTHORITY))) {
      LocalDate order = f.pastDate("placementOrderDate", "give the date the court made the placement order");
      if (order.isAfter(placed)) {
        throw new InvalidFieldValue("placementOrderDate", "must not be after the date the child was placed");
      }
    }
  }

  /** Writes the placement with its SSDA903 placement type (A3-A6) and keeps the type for the message. */
  public void recordPlacement(DelegateExecution execution) {
    FormValues f = values(execution::getVariable);
    String authority = f.code("placementAuthority", AdoptionCodes.PLACEMENT_AUTHORITY);
    String code = AdoptionCodes.placementType(authority, f.flag("fosterCarersAdopting"));
    LocalDate order = "PLACEMENT_ORDER".equals(authority) ? f.optionalDate("placementOrderDate") : null;
    adoptions.placed(id(execution), f.pastDate("datePlacedForAdoption", "give the placement date"), authority,
        order, code, now());
    execution.setVariable("adoptionPlacementType", code);
  }

  /**
   * Sends the looked-after model the same PlacementChanged message as POST /api/children/{id}/looked-after/changes,
   * with the change already filled in: the social worker confirms it there, with the provider and postcode,
   * and the episode splits (RNE P, or T when the child's foster carers adopt).
   */
  public void askLookedAfterToRecordPlacement(DelegateExecution execution) {
    FormValues f = values(execution::getVariable);
    Map<String, Object> change = new HashMap<>();
    change.put("newPlacementStart", f.pastDate("datePlacedForAdoption", "give the placement date").toString());
    change.put("placementType", execution.getVariable("adoptionPlacementType"));
    change.put("sameCarer", f.flag("fosterCarersAdopting"));
    change.put("reasonPlaceChange", "CARPL");
    placementChanged(execution, change);
  }

  // --- how the placement ends ---------------------------------------------------------------------------

  public void checkOutcome(DelegateTask task) {
    FormValues f = values(task::getVariable);
    LocalDate placed = f.optionalDate("datePlacedForAdoption");
    switch (f.code("adoptionOutcome", AdoptionCodes.ADOPTION_OUTCOME)) {
      case "ADOPTION_ORDER" -> {
        LocalDate order = f.pastDate("adoptionOrderDate", "give the date the court made the adoption order");
        if (order.isBefore(placed)) {
          throw new InvalidFieldValue("adoptionOrderDate", "must not be before the placement (" + placed + ")");
        }
        f.code("reasonCareCeased", AdoptionCodes.ADOPTED);
      }
      case "PLACEMENT_ENDED" -> {
        LocalDate ended = f.pastDate("placementEndedDate", "give the date the placement ended");
        if (ended.isBefore(placed)) {
          throw new InvalidFieldValue("placementEndedDate", "must not be before the placement (" + placed + ")");
        }
      }
      default -> checkReversal(f);
    }
  }

  public void recordAdoptionOrder(DelegateExecution execution) {
    FormValues f = values(execution::getVariable);
    adoptions.adopted(id(execution), f.pastDate("adoptionOrderDate", "give the order date"),
        f.code("reasonCareCeased", AdoptionCodes.ADOPTED), now());
  }

  /** The placement broke down without an order: the child moves, and the plan goes back to matching. */
  public void recordPlacementEnded(DelegateExecution execution) {
    FormValues f = values(execution::getVariable);
    LocalDate ended = f.pastDate("placementEndedDate", "give the date the placement ended");
    adoptions.placementEnded(id(execution), ended, now());
    Map<String, Object> change = new HashMap<>();
    change.put("newPlacementStart", ended.toString());
    placementChanged(execution, change);
  }

  // --- the plan changes -------------------------------------------------------------------------------------

  public void recordDecisionReversed(DelegateExecution execution) {
    FormValues f = values(execution::getVariable);
    adoptions.decisionReversed(id(execution), f.pastDate("decisionReversedDate", "give the date"),
        f.code("reasonNoLongerPlaced", AdoptionCodes.REASON_NO_LONGER_PLACED), now());
  }

  private void checkReversal(FormValues f) {
    LocalDate reversed = f.pastDate("decisionReversedDate",
        "give the date of the decision that the child should no longer be placed for adoption");
    if (reversed.isBefore(decidedOn(f))) {
      throw new InvalidFieldValue("decisionReversedDate", "must not be before the decision that the child should "
          + "be placed for adoption (" + decidedOn(f) + ")");
    }
    f.code("reasonNoLongerPlaced", AdoptionCodes.REASON_NO_LONGER_PLACED);
  }

  // --- helpers ----------------------------------------------------------------------------------------------

  private static void placementChanged(DelegateExecution execution, Map<String, Object> change) {
    String childId = (String) execution.getVariable("childId");
    List<ProcessInstance> lookedAfter = execution.getProcessEngineServices().getRuntimeService()
        .createProcessInstanceQuery().processDefinitionKey("looked-after").processInstanceBusinessKey(childId)
        .active().list();
    if (lookedAfter.isEmpty()) {
      throw new IllegalStateException("The child is not looked after: the placement cannot be recorded as an episode");
    }
    execution.getProcessEngineServices().getRuntimeService().createMessageCorrelation("PlacementChanged")
        .processInstanceId(lookedAfter.get(0).getId()).setVariablesLocal(change).correlateWithResult();
  }

  private static LocalDate decidedOn(FormValues f) {
    return f.optionalDate("shouldBePlacedDate");
  }

  private Child child(Object childId) {
    return children.findById((String) childId)
        .orElseThrow(() -> new IllegalStateException("No child record " + childId));
  }

  private static String id(DelegateExecution execution) {
    return (String) execution.getVariable("adoptionId");
  }

  private static FormValues values(java.util.function.Function<String, Object> variables) {
    return new FormValues(variables, LondonTime.dateOf(ClockUtil.getCurrentTime().toInstant()));
  }

  private static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
