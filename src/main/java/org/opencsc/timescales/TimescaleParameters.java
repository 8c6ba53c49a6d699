package org.opencsc.timescales;

import java.time.LocalDate;

/**
 * Facts about the child or placement that some timescales depend on.
 *
 * @param dateOfBirth        needed for HEALTH_REVIEW (6 or 12 months by age)
 * @param placementStart     start of the current placement, for LAC_VISIT
 * @param longTermPlacement  the placement is intended to last until the child is 18 (LAC_VISIT)
 */
public record TimescaleParameters(LocalDate dateOfBirth, LocalDate placementStart, boolean longTermPlacement) {

  public static TimescaleParameters none() {
    return new TimescaleParameters(null, null, false);
  }
}
