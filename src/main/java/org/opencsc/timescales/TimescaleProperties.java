package org.opencsc.timescales;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Council settings for timescales.
 *
 * @param overrides                    local periods for configurable entries, e.g.
 *                                     {@code csc.timescales.overrides.CORE_GROUP=8 WEEKS}
 * @param secondEscalationWorkingDays  working days after a breach before it escalates to the service manager
 */
@ConfigurationProperties(prefix = "csc.timescales")
public record TimescaleProperties(Map<String, String> overrides, @DefaultValue("5") int secondEscalationWorkingDays) {

  public TimescaleProperties {
    overrides = overrides == null ? Map.of() : Map.copyOf(overrides);
    if (secondEscalationWorkingDays < 1) {
      throw new IllegalArgumentException(
          "csc.timescales.second-escalation-working-days must be at least 1, was " + secondEscalationWorkingDays);
    }
  }

  public static TimescaleProperties defaults() {
    return new TimescaleProperties(Map.of(), 5);
  }
}
