package org.opencsc.children;

import java.time.Instant;
import java.time.LocalDate;

/** A child known to children's social care. One child = one case. */
public record Child(
    String id,
    String laChildId,
    String firstName,
    String lastName,
    LocalDate dateOfBirth,
    LocalDate expectedDateOfBirth,
    String sex,
    String ethnicity,
    String upn,
    String postcode,
    Instant createdAt,
    /** CIN census UPNunknown reason (UN1–UN5) for a child without a UPN, or null. */
    String upnUnknown) {

  public Child(String id, String laChildId, String firstName, String lastName, LocalDate dateOfBirth,
      LocalDate expectedDateOfBirth, String sex, String ethnicity, String upn, String postcode, Instant createdAt) {
    this(id, laChildId, firstName, lastName, dateOfBirth, expectedDateOfBirth, sex, ethnicity, upn, postcode,
        createdAt, null);
  }

  /** How the child is named in Tasklist lists and forms: name and the council's child id. */
  public String displayName() {
    String name = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).trim();
    if (name.isEmpty()) {
      name = dateOfBirth == null ? "Unborn child" : "Name not known";
    }
    return name + " (" + laChildId + ")";
  }
}
