package org.opencsc.frontdoor;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import jakarta.validation.Validator;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.opencsc.api.ApiError.FieldMessage;
import org.opencsc.api.InvalidRequestException;
import org.opencsc.children.Child;
import org.opencsc.children.ChildRepository;
import org.opencsc.children.Contact;
import org.opencsc.children.ContactRepository;
import org.opencsc.engine.EngineServices;
import org.opencsc.security.Roles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Receives a contact: finds or records the child, stores the contact, and starts the child's journey
 * or, when the child already has an open journey, joins it. All in one transaction.
 */
@Service
public class ContactIntake {

  public static final String JOURNEY_PROCESS = "child-journey";
  public static final String NEW_CONTACT_MESSAGE = "NewContact";

  private static final Logger log = LoggerFactory.getLogger(ContactIntake.class);

  private final ChildRepository children;
  private final ContactRepository contacts;
  private final JdbcTemplate jdbc;
  private final EngineServices engine;
  private final Validator validator;

  public ContactIntake(ChildRepository children, ContactRepository contacts, JdbcTemplate jdbc,
      EngineServices engine, Validator validator) {
    this.children = children;
    this.contacts = contacts;
    this.jdbc = jdbc;
    this.engine = engine;
    this.validator = validator;
  }

  /** Checks the request (every problem named by field) before anything is written. */
  public void check(ContactRequest request) {
    List<FieldMessage> errors = validator.validate(request).stream()
        .map(v -> new FieldMessage(v.getPropertyPath().toString(), v.getMessage()))
        .sorted((a, b) -> a.field().compareTo(b.field()))
        .toList();
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    ContactRequestRules.check(request, ClockUtil.getCurrentTime().toInstant());
  }

  @Transactional
  public ContactReceipt receive(ContactRequest request) {
    check(request);
    Instant now = ClockUtil.getCurrentTime().toInstant();
    Optional<Child> known = children.findByLaChildId(request.child().laChildId());
    Child child = known.orElseGet(() -> recordChild(request.child(), now));
    lockChild(child.id());
    if (known.isPresent()) {
      updateCharacteristics(child, request.child());
    } else {
      if (stated(request.child().disabilities())) {
        children.replaceDisabilities(child.id(), request.child().disabilities());
      }
      if (request.child().formerUpn() != null) {
        children.recordFormerUpn(child.id(), request.child().formerUpn());
      }
    }

    Contact contact = new Contact(UUID.randomUUID().toString(), child.id(),
        request.contact().receivedAt().toInstant(), request.contact().source(),
        request.contact().summary(), null, null, null, null, null, null, null);
    contacts.insert(contact, now);

    RuntimeService runtime = engine.runtimeService();
    List<ProcessInstance> open = runtime.createProcessInstanceQuery()
        .processDefinitionKey(JOURNEY_PROCESS).processInstanceBusinessKey(child.id()).list();
    String journeyId;
    boolean joined = !open.isEmpty();
    if (joined) {
      journeyId = open.get(0).getId();
      runtime.createMessageCorrelation(NEW_CONTACT_MESSAGE)
          .processInstanceId(journeyId)
          .setVariablesLocal(Map.of(
              "newContactId", contact.id(),
              "newContactReceivedAt", Date.from(contact.receivedAt())))
          .correlateWithResult();
    } else {
      Map<String, Object> variables = new HashMap<>();
      variables.put("childId", child.id());
      variables.put("laChildId", child.laChildId());
      variables.put("childName", child.displayName());
      variables.put("contactId", contact.id());
      variables.put("contactReceivedAt", Date.from(contact.receivedAt()));
      variables.put("caseTeam", Roles.FRONT_DOOR);
      variables.put("allocatedWorker", null);
      journeyId = runtime.startProcessInstanceByKey(JOURNEY_PROCESS, child.id(), variables).getId();
    }
    contacts.linkToJourney(contact.id(), journeyId);
    log.info("Contact {} received; journey {} ({})", contact.id(), journeyId, joined ? "joined" : "started");
    return new ContactReceipt(child.id(), journeyId, joined, contact.id());
  }

  private Child recordChild(ContactRequest.ChildDetails details, Instant now) {
    Child child = new Child(UUID.randomUUID().toString(), details.laChildId(), details.firstName(),
        details.lastName(), details.dateOfBirth(), details.expectedDateOfBirth(), details.sex(),
        details.ethnicity(), details.upn(), normalisePostcode(details.postcode()), now, details.upnUnknown());
    children.insert(child);
    return child;
  }

  /**
   * A later contact about a known child records what it newly says about the census characteristics:
   * a given (non-empty) list of disabilities replaces the recorded one, since the latest statement is
   * the current one, and a given UPN-unknown reason replaces the recorded reason. What the contact
   * leaves out is kept. No reason can be recorded for a child whose UPN is already on record.
   */
  private void updateCharacteristics(Child child, ContactRequest.ChildDetails details) {
    if (details.upnUnknown() != null) {
      if (child.upn() != null) {
        throw new InvalidRequestException(List.of(new FieldMessage("child.upnUnknown",
            "the child's UPN is already recorded: no reason for an unknown UPN applies")));
      }
      children.recordUpnUnknown(child.id(), details.upnUnknown());
    }
    if (stated(details.disabilities())) {
      children.replaceDisabilities(child.id(), details.disabilities());
    }
    if (details.formerUpn() != null) {
      children.recordFormerUpn(child.id(), details.formerUpn());
    }
  }

  private static boolean stated(List<String> disabilities) {
    return disabilities != null && !disabilities.isEmpty();
  }

  /** Two contacts about one child at once must not open two journeys: one waits for the other. */
  private void lockChild(String childId) {
    jdbc.queryForObject("SELECT id FROM child WHERE id = ? FOR UPDATE", String.class, childId);
  }

  private static String normalisePostcode(String postcode) {
    if (postcode == null) {
      return null;
    }
    String compact = postcode.replace(" ", "").toUpperCase();
    return compact.substring(0, compact.length() - 3) + " " + compact.substring(compact.length() - 3);
  }
}
