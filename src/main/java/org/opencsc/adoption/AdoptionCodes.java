package org.opencsc.adoption;

import java.util.Map;
import java.util.Set;

/**
 * SSDA903 codes of the adoption tables (AD1, PlacedAdoption) and the adoption placement types, as the
 * DfE guidance and the sector's validator (csc-validator-be-903) define them.
 */
public final class AdoptionCodes {

  /** NB_ADOPTR: one adopter or a couple. */
  public static final Set<String> NUMBER_OF_ADOPTERS = Set.of("1", "2");

  /** SEX_ADOPTR: M1, F1 (one adopter); MM, FF, MF (a couple). */
  public static final Set<String> SEX_OF_ADOPTERS = Set.of("M1", "F1", "MM", "FF", "MF");
  static final Set<String> SINGLE = Set.of("M1", "F1");
  static final Set<String> SAME_SEX_COUPLE = Set.of("MM", "FF");

  /**
   * LS_ADOPTR: L0 single, L11 married couple of different sexes, L12 married couple of the same sex,
   * L2 civil partners, L3 unmarried couple of different sexes, L4 unmarried couple of the same sex.
   */
  public static final Set<String> ADOPTERS_LEGAL_STATUS = Set.of("L0", "L11", "L12", "L2", "L3", "L4");

  /** Which SEX_ADOPTR each LS_ADOPTR allows (validator rules 514, 517, 519, 520, 524). */
  static final Map<String, Set<String>> SEXES_FOR_LEGAL_STATUS = Map.of(
      "L0", SINGLE,
      "L11", Set.of("MF"),
      "L12", SAME_SEX_COUPLE,
      "L2", Set.of("MM", "FF", "MF"),
      "L3", Set.of("MF"),
      "L4", SAME_SEX_COUPLE);

  /**
   * REASON_PLACED_CEASED: why the decision that the child should be placed for adoption was reversed.
   * RD1 the child's needs changed, RD2 the court did not make a placement order, RD3 prospective adopters
   * could not be found, RD4 any other reason.
   */
  public static final Set<String> REASON_NO_LONGER_PLACED = Set.of("RD1", "RD2", "RD3", "RD4");

  /** REC when care ends with an adoption order: E11 application unopposed, E12 consent dispensed with. */
  public static final Set<String> ADOPTED = Set.of("E11", "E12");

  /** Under what the child is placed: a placement order (ACA 2002 s21) or parental consent (s19). */
  public static final Set<String> PLACEMENT_AUTHORITY = Set.of("PLACEMENT_ORDER", "PARENTAL_CONSENT");

  /** What the social worker records at the match and the placement: go on, or the plan changed. */
  public static final Set<String> MATCH_OUTCOME = Set.of("MATCHED", "NO_LONGER_TO_BE_PLACED");
  public static final Set<String> PLACEMENT_OUTCOME = Set.of("PLACED", "NO_LONGER_TO_BE_PLACED");
  public static final Set<String> ADOPTION_OUTCOME = Set.of("ADOPTION_ORDER", "PLACEMENT_ENDED",
      "NO_LONGER_TO_BE_PLACED");

  /**
   * SSDA903 PLACE for a placement for adoption: A3/A4 with the child's current foster carers, A5/A6 with
   * other adopters; A3/A5 with parental consent, A4/A6 with a placement order.
   */
  public static String placementType(String authority, boolean withCurrentFosterCarers) {
    boolean order = "PLACEMENT_ORDER".equals(authority);
    if (withCurrentFosterCarers) {
      return order ? "A4" : "A3";
    }
    return order ? "A6" : "A5";
  }

  private AdoptionCodes() {}
}
