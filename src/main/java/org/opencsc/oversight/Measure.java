package org.opencsc.oversight;

import java.util.Map;

/**
 * One timeliness measure over a date range: {@code met} of {@code counted} cases, overall and per team.
 *
 * @param indicator the national indicator it corresponds to, if any (e.g. "NI 68")
 * @param available false when the records the measure needs are not kept; then {@code note} says why
 * @param percent met / counted × 100, rounded to one decimal place; null when nothing was counted
 * @param higherIsBetter false for measures where a high figure is a concern (e.g. re-referrals)
 */
public record Measure(String id, String name, String indicator, String definition, boolean available,
    int counted, int met, Double percent, boolean higherIsBetter, Map<String, Tally> byTeam, String note) {

  /** Counts for one team. */
  public record Tally(int counted, int met) {}
}
