package org.opencsc.allocation;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Caseload limits from shared/spec/journey.md, configurable per team ({@code csc.caseload.*}).
 *
 * @param teamLimits cases per worker by team group id
 * @param nqswLimit protected caseload of a newly qualified social worker in their first year
 * @param managerActionAbove a manager must act on any worker above this many cases
 */
@ConfigurationProperties(prefix = "csc.caseload")
public record CaseloadProperties(Map<String, Integer> teamLimits, int nqswLimit, int managerActionAbove) {

  public int limitForTeam(String team) {
    Integer limit = teamLimits.get(team);
    if (limit == null) {
      throw new IllegalStateException("No caseload limit configured for team " + team);
    }
    return limit;
  }
}
