package org.opencsc.timescales;

/**
 * One row of the timescale catalogue ({@code timescales/timescales.yml}).
 *
 * @param id          catalogue id, e.g. {@code ASSESSMENT}
 * @param policy      policy version that produced the rule: {@code WT2023}, {@code LEGACY_NI}, or
 *                    {@code WT2023-LOCAL} when a council override replaced the default
 * @param trigger     the event the period counts from (D), in the spec's words
 * @param period      length of the limit, in {@code unit}
 * @param due         the limit in words, for people
 * @param warning     explicit warning lead before the due date; null means the default rule
 * @param source      the legislation, guidance or local principle behind the rule
 * @param configurable whether a council may override the period (local defaults only, never statutory ones)
 * @param rule        how the period is chosen when it depends on the child or placement
 * @param earliest    earliest permitted day in {@code unit} (e.g. the case management hearing not before day 12)
 * @param alternative the other period a non-standard rule switches to (3 months for established
 *                    long-term placements; 12 months for health reviews from age 5)
 */
public record Timescale(
    String id,
    String policy,
    String trigger,
    int period,
    PeriodUnit unit,
    String due,
    Span warning,
    String source,
    boolean configurable,
    Rule rule,
    Integer earliest,
    Span alternative) {

  public static final String LOCAL_POLICY_SUFFIX = "-LOCAL";

  public Timescale {
    if (rule == null) {
      rule = Rule.STANDARD;
    }
  }

  public enum Rule {
    /** Always {@code period unit}. */
    STANDARD,
    /** CPPCR 2010 reg 28: {@code period unit}, or {@code alternative} once a long-term placement is a year old. */
    LAC_VISIT,
    /** {@code period unit} while the child is under 5 on the trigger date, else {@code alternative}. */
    HEALTH_REVIEW
  }

  /** A length of time such as "6 HOURS" or "3 MONTHS". */
  public record Span(int period, PeriodUnit unit) {
    @Override
    public String toString() {
      return period + " " + unit;
    }
  }

  public Span span() {
    return new Span(period, unit);
  }

  public boolean workingDays() {
    return unit.isWorkingDays();
  }

  /** This entry with a council's own period, marked as a local rule so an auditor can tell. */
  Timescale withLocalPeriod(Span local) {
    // an explicit lead such as "6 hours before" only makes sense while the limit keeps its unit
    Span keptWarning = local.unit() == unit ? warning : null;
    String localDue = local.unit().describe(local.period()) + " (local override; default " + due + ")";
    return new Timescale(id, policy + LOCAL_POLICY_SUFFIX, trigger, local.period(), local.unit(), localDue,
        keptWarning, source, configurable, rule, earliest, alternative);
  }
}
