package org.opencsc.simulation;

import java.util.Locale;

/** How many referrals a simulated year brings. */
public enum SimulationSize {
  /** Small enough for CI: a few dozen referrals in a year. */
  CI(60, "CI: 60 referrals a year"),
  /** Wirral (issue 7): 909 referrals a quarter; 3,093 open cases. */
  COUNCIL(909 * 4, "one council (Wirral: 909 referrals a quarter, 3,093 open cases)"),
  /** England, DfE Children in need 2025: 632,830 referrals in the year. */
  ENGLAND(632_830, "England (DfE 2025: 632,830 referrals a year)");

  private final int referralsPerYear;
  private final String description;

  SimulationSize(int referralsPerYear, String description) {
    this.referralsPerYear = referralsPerYear;
    this.description = description;
  }

  public int referralsPerYear() {
    return referralsPerYear;
  }

  public String description() {
    return description;
  }

  public static SimulationSize parse(String value) {
    try {
      return valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("csc.simulation.size must be ci, council or england, not " + value);
    }
  }
}
