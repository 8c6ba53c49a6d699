package org.opencsc.frontdoor;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** Body of POST /api/contacts, as named in shared/spec/api.md. */
public record ContactRequest(
    @NotNull(message = "is required") @Valid ChildDetails child,
    @NotNull(message = "is required") @Valid ContactDetails contact) {

  public record ChildDetails(
      @NotBlank(message = "is required")
      @Pattern(regexp = "[A-Za-z0-9_-]{1,20}", message = "must be 1 to 20 letters, digits, '-' or '_'")
      String laChildId,
      @Size(max = 100, message = "must be at most 100 characters") String firstName,
      @Size(max = 100, message = "must be at most 100 characters") String lastName,
      LocalDate dateOfBirth,
      LocalDate expectedDateOfBirth,
      @NotBlank(message = "is required") String sex,
      String ethnicity,
      @Pattern(regexp = "[A-HJ-NP-RT-Z][0-9]{11}[0-9A-Z]",
          message = "must be a 13-character UPN: a letter (not I, O or S) then 12 digits, or 11 digits and a letter")
      String upn,
      @Pattern(regexp = "[A-Za-z]{1,2}[0-9][0-9A-Za-z]? ?[0-9][A-Za-z]{2}", message = "is not a UK postcode")
      String postcode,
      /** CIN census disability codes (NONE, or any of MOB HAND PC INC COMM LD HEAR VIS BEH CON AUT DDA). */
      List<String> disabilities,
      /** Why the UPN is not known (UN1–UN5); only when no UPN is given. */
      String upnUnknown,
      /** A UPN the child had before the current one (CIN census FormerUPN). */
      @Pattern(regexp = "[A-HJ-NP-RT-Z][0-9]{11}[0-9A-Z]",
          message = "must be a 13-character UPN: a letter (not I, O or S) then 12 digits, or 11 digits and a letter")
      String formerUpn) {

    /** The details without the census characteristics added later (disabilities, UPN-unknown reason). */
    public ChildDetails(String laChildId, String firstName, String lastName, LocalDate dateOfBirth,
        LocalDate expectedDateOfBirth, String sex, String ethnicity, String upn, String postcode) {
      this(laChildId, firstName, lastName, dateOfBirth, expectedDateOfBirth, sex, ethnicity, upn, postcode,
          null, null, null);
    }

    /** The details without a former UPN. */
    public ChildDetails(String laChildId, String firstName, String lastName, LocalDate dateOfBirth,
        LocalDate expectedDateOfBirth, String sex, String ethnicity, String upn, String postcode,
        List<String> disabilities, String upnUnknown) {
      this(laChildId, firstName, lastName, dateOfBirth, expectedDateOfBirth, sex, ethnicity, upn, postcode,
          disabilities, upnUnknown, null);
    }
  }

  public record ContactDetails(
      @NotNull(message = "is required") OffsetDateTime receivedAt,
      String source,
      @NotBlank(message = "is required")
      @Size(max = 4000, message = "must be at most 4000 characters") String summary) {}
}
