package org.opencsc.simulation;

import java.time.LocalDate;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code csc.simulation.*}: size (ci, council, england), days, seed, start date, late share (default
 * from rates.yml), an optional referrals-per-year override, and the laChildId prefix of the run.
 */
@ConfigurationProperties(prefix = "csc.simulation")
public class SimulationProperties {

  private String size = "ci";
  private int days = 365;
  private long seed = 1;
  private LocalDate start = LocalDate.of(2027, 4, 1);
  private Double lateShare;
  private Integer referralsPerYear;
  private String prefix;

  public SimulationSettings settings(BranchingRates rates) {
    SimulationSize chosen = SimulationSize.parse(size);
    int referrals = referralsPerYear != null ? referralsPerYear : chosen.referralsPerYear();
    String description = referralsPerYear != null ? referrals + " referrals a year" : chosen.description();
    String runPrefix = prefix != null ? prefix : "SIM" + Long.toString(System.currentTimeMillis() / 1000 % 46_656, 36)
        .toUpperCase(java.util.Locale.ROOT);
    return new SimulationSettings(description, referrals, days, start, seed,
        lateShare != null ? lateShare : rates.probability("late"), runPrefix);
  }

  public String getSize() {
    return size;
  }

  public void setSize(String size) {
    this.size = size;
  }

  public int getDays() {
    return days;
  }

  public void setDays(int days) {
    this.days = days;
  }

  public long getSeed() {
    return seed;
  }

  public void setSeed(long seed) {
    this.seed = seed;
  }

  public LocalDate getStart() {
    return start;
  }

  public void setStart(LocalDate start) {
    this.start = start;
  }

  public Double getLateShare() {
    return lateShare;
  }

  public void setLateShare(Double lateShare) {
    this.lateShare = lateShare;
  }

  public Integer getReferralsPerYear() {
    return referralsPerYear;
  }

  public void setReferralsPerYear(Integer referralsPerYear) {
    this.referralsPerYear = referralsPerYear;
  }

  public String getPrefix() {
    return prefix;
  }

  public void setPrefix(String prefix) {
    this.prefix = prefix;
  }
}
