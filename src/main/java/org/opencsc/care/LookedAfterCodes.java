package org.opencsc.care;

import java.util.Set;

/** SSDA903 code lists used by the looked-after model (shared/spec/returns.md, collection year 2025/26). */
public final class LookedAfterCodes {

  /** LS: legal status. */
  public static final Set<String> LEGAL_STATUS = Set.of(
      "C1", "C2", "D1", "E1", "V2", "V3", "V4", "J1", "J2", "J3", "L1", "L2", "L3");

  /** CIN: category of need on the episode. */
  public static final Set<String> CATEGORY_OF_NEED = Set.of("N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8");

  /** PLACE: placement type (2025/26). */
  public static final Set<String> PLACEMENT_TYPE = Set.of(
      "A3", "A4", "A5", "A6", "K1", "K2", "K3", "P1", "P3", "R1", "R2", "R3", "R5", "S1",
      "T0", "T1", "T2", "T3", "T4", "U1", "U2", "U3", "U4", "U5", "U6", "Z11", "Z12", "Z13", "Z14");

  /** Placement types whose PLACE_PROVIDER must be blank. */
  public static final Set<String> NO_PROVIDER = Set.of("T0", "T1", "T2", "T3", "Z11", "Z12", "Z13", "Z14");

  /** PLACE_PROVIDER. */
  public static final Set<String> PROVIDER = Set.of("PR0", "PR1", "PR2", "PR3", "PR4", "PR5");

  /** REC: reason episode ceased. X1 (episode ends, a new one begins the same day) is set by the system. */
  public static final String EPISODE_CHANGE = "X1";
  public static final Set<String> REASON_CEASED = Set.of(
      "E11", "E12", "E13", "E14", "E15", "E16", "E17", "E2", "E3", "E4A", "E4B", "E41", "E45", "E46",
      "E47", "E48", "E5", "E6", "E7", "E8", "E9");

  /** REASON_PLACE_CHANGE. */
  public static final Set<String> REASON_PLACE_CHANGE = Set.of(
      "CARPL", "CLOSE", "ALLEG", "STAND", "APPRR", "CREQB", "CREQO", "CHILD", "LAREQ", "PLACE", "CUSTOD", "OTHER");

  /** REVIEW_CODE: how the child took part in the review. */
  public static final Set<String> REVIEW_CODE = Set.of("PN0", "PN1", "PN2", "PN3", "PN4", "PN5", "PN6", "PN7");

  /** MISSING: M missing, A away from placement without authorisation. */
  public static final Set<String> MISSING = Set.of("M", "A");

  /**
   * lacReviewOutcome: CONTINUE (plan and placement go on), PLAN_FOR_RETURN_HOME (the plan is to leave
   * care by returning home), PERMANENCE_PLAN_CHANGED (a new permanence plan, e.g. long-term fostering or
   * adoption), CEASE (care is to end now: the social worker records it and a manager signs it off).
   */
  public static final Set<String> REVIEW_OUTCOME = Set.of("CONTINUE", "PLAN_FOR_RETURN_HOME",
      "PERMANENCE_PLAN_CHANGED", "CEASE");

  /** placementChangedToo on a legal status change: NO (RNE L), SAME_CARER (U), NEW_CARER (B). */
  public static final Set<String> PLACEMENT_CHANGED_TOO = Set.of("NO", "SAME_CARER", "NEW_CARER");

  /**
   * Reasons care ceased after which a young person aged 16 or over can be a care leaver (former relevant
   * child). Not after adoption (E11, E12), death (E2), transfer to another authority (E3), a child
   * arrangements or special guardianship order (E41, E45-E48), a move abroad (E16) or an age assessment
   * finding the young person is an adult (E15).
   */
  public static final Set<String> CARE_LEAVER_REASONS = Set.of(
      "E13", "E14", "E17", "E4A", "E4B", "E5", "E6", "E7", "E8", "E9");

  /** Answers of the yes/no questions the SSDA903 reports as 1/0 (left blank: not recorded yet). */
  public static final Set<String> YES_NO = Set.of("YES", "NO");

  /**
   * PREV_PERM: the child's permanence option before this period of care. P1 adoption, P2 special
   * guardianship order, P3 residence order, P4 child arrangements order naming with whom the child
   * lives, Z1 none or not known.
   */
  public static final Set<String> PREVIOUS_PERMANENCE = Set.of("P1", "P2", "P3", "P4", "Z1");

  /** SDQ_REASON: why there is no strengths and difficulties questionnaire score (SDQ1-SDQ5). */
  public static final Set<String> SDQ_REASON = Set.of("SDQ1", "SDQ2", "SDQ3", "SDQ4", "SDQ5");

  /** The highest total difficulties score of the strengths and difficulties questionnaire. */
  public static final int SDQ_MAX = 40;

  /** permanencePlan on the care plan (Annex A list 8). */
  public static final Set<String> PERMANENCE_PLAN = Set.of("RETURN_HOME", "FAMILY_AND_FRIENDS", "ADOPTION",
      "LONG_TERM_FOSTERING", "RESIDENTIAL", "INDEPENDENCE");

  /** CIN census ReasonForClosure for the case when care ends and the case closes. */
  public static String closureReason(String reasonCeased) {
    return switch (reasonCeased) {
      case "E11", "E12" -> "RC1";
      case "E2" -> "RC2";
      case "E41" -> "RC3";
      case "E45", "E46", "E47", "E48" -> "RC4";
      case "E3" -> "RC5";
      case "E7" -> "RC6";
      default -> "RC7";
    };
  }

  private LookedAfterCodes() {}
}
