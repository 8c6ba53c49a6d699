package org.opencsc.simulation;

import java.time.LocalDate;

/**
 * One run: how many referrals a year, how many days from which start date, the seed of every random
 * draw, the share of work done late, and the run's prefix for the children's laChildId (every check is
 * scoped to the children with that prefix).
 */
public record SimulationSettings(String description, int referralsPerYear, int days, LocalDate start, long seed,
    double lateShare, String laChildIdPrefix) {

  public SimulationSettings {
    if (referralsPerYear < 1) {
      throw new IllegalArgumentException("referralsPerYear must be at least 1");
    }
    if (days < 1) {
      throw new IllegalArgumentException("days must be at least 1");
    }
    if (lateShare < 0 || lateShare > 1) {
      throw new IllegalArgumentException("lateShare must be between 0 and 1");
    }
    if (!laChildIdPrefix.matches("[A-Za-z0-9]{1,10}")) {
      throw new IllegalArgumentException("laChildIdPrefix must be 1 to 10 letters or digits");
    }
  }

  public static SimulationSettings of(SimulationSize size, int days, LocalDate start, long seed, double lateShare,
      String laChildIdPrefix) {
    return new SimulationSettings(size.description(), size.referralsPerYear(), days, start, seed, lateShare,
        laChildIdPrefix);
  }

  public LocalDate end() {
    return start.plusDays(days);
  }
}
