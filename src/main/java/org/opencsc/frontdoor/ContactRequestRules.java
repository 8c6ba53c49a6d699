package org.opencsc.frontdoor;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.opencsc.api.ApiError.FieldMessage;
import org.opencsc.api.InvalidRequestException;
import org.opencsc.calendar.LondonTime;
import org.opencsc.children.ChildCharacteristicCodes;
import org.opencsc.children.DfeCodes;

/** The checks that need today's date or the DfE code lists, beyond the annotations. */
final class ContactRequestRules {

  /** The working-day calendar and the returns are kept from this date. */
  static final LocalDate EARLIEST_CONTACT = LocalDate.of(2018, 1, 1);

  private ContactRequestRules() {}

  static void check(ContactRequest request, Instant now) {
    List<FieldMessage> errors = new ArrayList<>();
    LocalDate today = LondonTime.dateOf(now);
    ContactRequest.ChildDetails child = request.child();
    if (child.dateOfBirth() == null && child.expectedDateOfBirth() == null) {
      errors.add(new FieldMessage("child.dateOfBirth", "is required (or expectedDateOfBirth for an unborn child)"));
    }
    if (child.dateOfBirth() != null && child.dateOfBirth().isAfter(today)) {
      errors.add(new FieldMessage("child.dateOfBirth", "must not be in the future"));
    }
    if (child.dateOfBirth() != null && child.dateOfBirth().isBefore(today.minusYears(26))) {
      errors.add(new FieldMessage("child.dateOfBirth", "is more than 25 years ago: not a child or care leaver"));
    }
    if (child.dateOfBirth() != null && child.expectedDateOfBirth() != null) {
      errors.add(new FieldMessage("child.expectedDateOfBirth", "give either dateOfBirth or expectedDateOfBirth, not both"));
    }
    if (child.expectedDateOfBirth() != null && child.expectedDateOfBirth().isBefore(today.minusMonths(1))) {
      errors.add(new FieldMessage("child.expectedDateOfBirth", "is in the past: record the date of birth instead"));
    }
    if (child.sex() != null && !child.sex().isBlank() && !DfeCodes.SEX.contains(child.sex())) {
      errors.add(new FieldMessage("child.sex", "must be one of M, F, U"));
    }
    if (child.ethnicity() != null && !DfeCodes.ETHNICITY.contains(child.ethnicity())) {
      errors.add(new FieldMessage("child.ethnicity", "is not a DfE ethnicity code (e.g. WBRI, NOBT)"));
    }
    checkDisabilities(child.disabilities(), errors);
    if (child.upnUnknown() != null) {
      if (!ChildCharacteristicCodes.UPN_UNKNOWN.contains(child.upnUnknown())) {
        errors.add(new FieldMessage("child.upnUnknown", "must be one of UN1, UN2, UN3, UN4, UN5"));
      } else if (child.upn() != null) {
        errors.add(new FieldMessage("child.upnUnknown", "give either upn or upnUnknown, not both"));
      }
    }
    if (child.formerUpn() != null && child.formerUpn().equals(child.upn())) {
      errors.add(new FieldMessage("child.formerUpn", "must differ from the child's current upn"));
    }
    ContactRequest.ContactDetails contact = request.contact();
    if (contact.receivedAt() != null) {
      if (contact.receivedAt().toInstant().isAfter(now)) {
        errors.add(new FieldMessage("contact.receivedAt", "must not be in the future"));
      }
      if (LondonTime.dateOf(contact.receivedAt().toInstant()).isBefore(EARLIEST_CONTACT)) {
        errors.add(new FieldMessage("contact.receivedAt", "must be on or after 2018-01-01"));
      }
    }
    if (contact.source() != null && !DfeCodes.REFERRAL_SOURCE.contains(contact.source())) {
      errors.add(new FieldMessage("contact.source", "is not a CIN census referral source code (1A–10)"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
  }

  private static void checkDisabilities(List<String> disabilities, List<FieldMessage> errors) {
    if (disabilities == null) {
      return;
    }
    for (String code : disabilities) {
      if (code == null || !ChildCharacteristicCodes.DISABILITY.contains(code)) {
        errors.add(new FieldMessage("child.disabilities", "'" + code + "' is not a CIN census disability code ("
            + String.join(" ", ChildCharacteristicCodes.DISABILITY) + ")"));
        return;
      }
    }
    if (disabilities.contains(ChildCharacteristicCodes.NO_DISABILITY)
        && disabilities.stream().anyMatch(code -> !code.equals(ChildCharacteristicCodes.NO_DISABILITY))) {
      errors.add(new FieldMessage("child.disabilities", "NONE cannot be given with a disability"));
    }
  }
}
