package org.opencsc.children;

import java.time.LocalDate;
import java.util.Set;

/**
 * The child's date of death (CIN census PersonDeathDate), asked for when a case closes because the
 * child died: ReasonForClosure RC2, or care ceased with SSDA903 reason E2.
 */
public final class DeathDate {

  /** Form field that carries the date on every closing form. */
  public static final String FIELD = "personDeathDate";

  public static final String DIED = "RC2";

  public static final Set<String> DIED_REASONS = Set.of(DIED, "E2");

  /** Why a closure because the child died is refused without the date (CIN census rule: RC2 needs it). */
  public static final String NEEDED = "is needed when the case closes because the child died";

  private DeathDate() {}

  /** Why {@code death} cannot be right for this child, or null when it can. */
  public static String problem(LocalDate death, LocalDate dateOfBirth, LocalDate today) {
    if (death.isAfter(today)) {
      return "must not be in the future (today is " + today + ")";
    }
    if (dateOfBirth != null && death.isBefore(dateOfBirth)) {
      return "must not be before the child's date of birth " + dateOfBirth;
    }
    return null;
  }
}
