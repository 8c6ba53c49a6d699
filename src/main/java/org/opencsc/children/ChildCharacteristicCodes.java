package org.opencsc.children;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** CIN census code lists for the child's disabilities and the reason a UPN is not known (shared/spec/returns.md). */
public final class ChildCharacteristicCodes {

  /** Disability codes in the DfE's order, which is also the order the census lists them in. */
  public static final List<String> DISABILITY = List.of(
      "NONE", "MOB", "HAND", "PC", "INC", "COMM", "LD", "HEAR", "VIS", "BEH", "CON", "AUT", "DDA");

  public static final String NO_DISABILITY = "NONE";

  public static final Set<String> UPN_UNKNOWN = Set.of("UN1", "UN2", "UN3", "UN4", "UN5");

  public static final Comparator<String> DFE_ORDER = Comparator.comparingInt(DISABILITY::indexOf);

  private ChildCharacteristicCodes() {}
}
