package org.opencsc.children;

import java.util.Set;

/** Code lists of the DfE returns (shared/spec/returns.md) that case records are checked against. */
public final class DfeCodes {

  public static final Set<String> SEX = Set.of("M", "F", "U");

  /** The 20 DfE ethnicity codes. */
  public static final Set<String> ETHNICITY = Set.of(
      "WBRI", "WIRI", "WIRT", "WOTH", "WROM", "MWBC", "MWBA", "MWAS", "MOTH", "AIND",
      "APKN", "ABAN", "AOTH", "BCRB", "BAFR", "BOTH", "CHNE", "OOTH", "REFU", "NOBT");

  /** CIN census ReferralSource. */
  public static final Set<String> REFERRAL_SOURCE = Set.of(
      "1A", "1B", "1C", "1D", "2A", "2B", "3A", "3B", "3C", "3D", "3E", "3F",
      "4", "5A", "5B", "5C", "5D", "6", "7", "8", "9", "10");

  /** CIN census PrimaryNeedCode. */
  public static final Set<String> PRIMARY_NEED = Set.of(
      "N0", "N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8", "N9");

  /** CIN census ReasonForClosure. A stage may accept only some of them (RC8/RC9 follow an assessment). */
  public static final Set<String> REASON_FOR_CLOSURE = Set.of(
      "RC1", "RC2", "RC3", "RC4", "RC5", "RC6", "RC7", "RC8", "RC9");

  private DfeCodes() {}
}
