package org.opencsc.allocation;

import java.util.Set;

/**
 * SSDA903 SW_REASON: why the child has a new social worker. FCONTA (first contact or re-referral) is
 * what an allocation to a child who has no social worker means; the others are chosen by the manager
 * who changes the worker.
 */
public final class SocialWorkerChange {

  public static final String FIRST_CONTACT_OR_REREFERRAL = "FCONTA";

  public static final Set<String> REASONS = Set.of("MANAGE", "FCONTA", "LEFTRL", "ORGRST", "TSPROC", "ABSENC",
      "CHCHAN", "PCCHAN", "SWDIED", "OTHERS");

  private SocialWorkerChange() {}
}
