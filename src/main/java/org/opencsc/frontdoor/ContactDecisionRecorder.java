package org.opencsc.frontdoor;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.opencsc.engine.InvalidFieldValue;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.opencsc.calendar.LondonTime;
import org.opencsc.children.Contact;
import org.opencsc.children.ContactRepository;
import org.opencsc.children.DfeCodes;
import org.opencsc.children.Referral;
import org.opencsc.children.ReferralRepository;
import org.springframework.stereotype.Component;

/** Records a signed-off front-door decision; a referral starts a CIN episode (bean {@code contacts}). */
@Component("contacts")
public class ContactDecisionRecorder {

  private static final java.time.format.DateTimeFormatter RECEIVED_FORMAT =
      java.time.format.DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'at' HH:mm", java.util.Locale.UK);

  public static final Set<String> OUTCOMES = Set.of("NFA", "ADVICE", "EARLY_HELP", "REFERRAL", "STRATEGY");

  private final ContactRepository contacts;
  private final ReferralRepository referrals;

  public ContactDecisionRecorder(ContactRepository contacts, ReferralRepository referrals) {
    this.contacts = contacts;
    this.referrals = referrals;
  }

  public void recordDecision(DelegateExecution execution) {
    String contactId = (String) execution.getVariable("contactId");
    String outcome = (String) execution.getVariable("contactOutcome");
    String primaryNeed = (String) execution.getVariable("primaryNeed");
    checkOutcome(outcome, primaryNeed);
    Contact contact = contacts.findById(contactId)
        .orElseThrow(() -> new IllegalStateException("Unknown contact " + contactId));
    Instant now = ClockUtil.getCurrentTime().toInstant();
    contacts.recordDecision(contactId, outcome, (String) execution.getVariable("decisionReason"),
        primaryNeed, (String) execution.getVariable("authorOf_Task_DecideOnContact"),
        (String) execution.getVariable("signedOffBy_Task_SignOffContactDecision"), now);
    // A strategy discussion is also a referral: the CIN census counts it from the contact date. New
    // concerns about a child whose episode is still open belong to that episode: a second referral would
    // open an overlapping CIN episode (census rule 8820).
    if (("REFERRAL".equals(outcome) || "STRATEGY".equals(outcome)) && !referrals.hasOpenReferral(contact.childId())) {
      referrals.insert(new Referral(UUID.randomUUID().toString(), contact.childId(), contactId,
          LondonTime.dateOf(contact.receivedAt()), contact.source(), primaryNeed, now));
    }
  }

  /** Start listener of {@code contact}: what was reported, read-only, for the decision and sign-off forms. */
  public void showContact(DelegateExecution execution) {
    String contactId = (String) execution.getVariable("contactId");
    Contact contact = contacts.findById(contactId)
        .orElseThrow(() -> new IllegalStateException("Unknown contact " + contactId));
    execution.setVariableLocal("contactSummary", contact.summary());
    execution.setVariableLocal("contactSource", contact.source() == null ? "not recorded" : contact.source());
    execution.setVariableLocal("contactReceivedText", RECEIVED_FORMAT.format(contact.receivedAt().atZone(LondonTime.ZONE)));
  }

  /** Complete listener on the decision task: a bad value is refused before it reaches sign-off. */
  public void check(DelegateTask task) {
    checkOutcome((String) task.getVariable("contactOutcome"), (String) task.getVariable("primaryNeed"));
  }

  static void checkOutcome(String outcome, String primaryNeed) {
    if (outcome == null || !OUTCOMES.contains(outcome)) {
      throw new InvalidFieldValue("contactOutcome", "must be one of " + OUTCOMES);
    }
    boolean referral = "REFERRAL".equals(outcome) || "STRATEGY".equals(outcome);
    if (referral && (primaryNeed == null || primaryNeed.isBlank())) {
      throw new InvalidFieldValue("primaryNeed", "a referral needs the child's primary need (N0 if not yet known)");
    }
    if (primaryNeed != null && !primaryNeed.isBlank() && !DfeCodes.PRIMARY_NEED.contains(primaryNeed)) {
      throw new InvalidFieldValue("primaryNeed", "must be a CIN census need code N0–N9");
    }
  }
}
