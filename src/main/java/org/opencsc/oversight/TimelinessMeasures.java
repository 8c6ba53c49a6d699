package org.opencsc.oversight;

import static org.opencsc.children.Sql.date;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.opencsc.calendar.LondonTime;
import org.opencsc.timescales.DueDateCalculator;
import org.opencsc.timescales.TimescaleParameters;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The timeliness measures of shared/spec/journey.md over any date range (inclusive), per team and
 * overall, computed from the case records and the deadline store. A case counts for the team that
 * held it on the day the measure looks at (see {@link CaseTeams}).
 *
 * <p>Deadline measures (contacts, assessments, ICPCs, CP and looked-after reviews) count the deadlines
 * that fell due in the range, leaving out withdrawn ones and those not yet due; a deadline is met when
 * the work was done on or before the due date (the date the calculator worked out, so bank holidays are
 * already allowed for).
 */
@Service
public class TimelinessMeasures {

  private static final String NOT_WITHDRAWN = "status <> 'WITHDRAWN'";

  private final JdbcTemplate jdbc;
  private final DueDateCalculator calculator;

  public TimelinessMeasures(JdbcTemplate jdbc, DueDateCalculator calculator) {
    this.jdbc = jdbc;
    this.calculator = calculator;
  }

  /** One case the measure looked at: its team and whether it met the measure. */
  private record Observation(String team, boolean met) {}

  List<Measure> measures(LocalDate from, LocalDate to, OversightScope scope, boolean legacy) {
    CaseTeams teams = CaseTeams.load(jdbc);
    LocalDate today = LondonTime.dateOf(ClockUtil.getCurrentTime().toInstant());
    List<Measure> measures = new ArrayList<>();
    measures.add(deadlineMeasure("CONTACTS_DECIDED_IN_1_WD", "Contacts decided within 1 working day", null,
        List.of("CONTACT_DECISION"), from, to, today, teams, scope));
    measures.add(measure("REFERRALS_TO_ASSESSMENT", "Referrals going on to assessment", "NI 68",
        "Referrals received in the range for which a child and family assessment was started (its 45-day clock "
            + "opened from the referral date)", true, referralsToAssessment(from, to, teams), scope));
    measures.add(measure("RE_REFERRALS_IN_12_MONTHS", "Re-referrals within 12 months", null,
        "Referrals received in the range where the child had another referral in the 12 months before "
            + "(on or after the same date a year earlier)", false, reReferrals(from, to, teams), scope));
    measures.add(deadlineMeasure("ASSESSMENTS_IN_45_WD", "Assessments within 45 working days", null,
        List.of("ASSESSMENT"), from, to, today, teams, scope));
    if (legacy) {
      measures.addAll(legacyAssessments(from, to, teams, scope));
    }
    measures.add(deadlineMeasure("ICPC_IN_15_WD", "Initial conferences within 15 working days", null,
        List.of("ICPC"), from, to, today, teams, scope));
    measures.add(measure("CP_PLANS_LASTING_2_YEARS", "Child protection plans lasting 2 years or more", "NI 64",
        "Plans that ended in the range and had lasted two years or more (ended on or after the second "
            + "anniversary of the start)", false, plansLastingTwoYears(from, to, teams), scope));
    measures.add(measure("SECOND_OR_LATER_CP_PLANS", "Second or later child protection plans", "NI 65",
        "Plans that started in the range for a child who had had a plan before", false,
        secondPlans(from, to, teams), scope));
    measures.add(deadlineMeasure("CP_REVIEWS_ON_TIME", "Child protection reviews on time", "NI 67",
        List.of("FIRST_RCPC", "RCPC"), from, to, today, teams, scope));
    measures.add(deadlineMeasure("LAC_REVIEWS_ON_TIME", "Looked-after reviews on time", "NI 66",
        List.of("FIRST_LAC_REVIEW", "SECOND_LAC_REVIEW", "LAC_REVIEW"), from, to, today, teams, scope));
    measures.add(measure("PLACEMENT_INSTABILITY", "Looked-after children with 3 or more placements in the year",
        "NI 62", "Children looked after on the last day of the range who had three or more placements in the "
            + "12 months up to it", false, placementInstability(to, teams), scope));
    measures.add(new Measure("ADOPTIONS_IN_12_MONTHS", "Adoptions within 12 months of the decision", "NI 61",
        "Children adopted who were placed for adoption within 12 months of the decision that they should be",
        false, 0, 0, null, true, Map.of(),
        "Not available: the system does not yet record the agency decision that a child should be placed for "
            + "adoption, nor the date of placement for adoption, so this cannot be computed from the records."));
    return measures;
  }

  private Measure deadlineMeasure(String id, String name, String indicator, List<String> timescaleIds,
      LocalDate from, LocalDate to, LocalDate today, CaseTeams teams, OversightScope scope) {
    List<Observation> seen = new ArrayList<>();
    String ids = String.join(",", timescaleIds.stream().map(t -> "'" + t + "'").toList());
    jdbc.query("SELECT child_id, due_date, met_date FROM deadline WHERE timescale_id IN (" + ids + ") AND "
        + NOT_WITHDRAWN + " AND due_date BETWEEN ? AND ?", rs -> {
      LocalDate due = date(rs, "due_date");
      LocalDate met = date(rs, "met_date");
      if (met != null || due.isBefore(today)) {
        seen.add(new Observation(teams.on(rs.getString("child_id"), due).team(), met != null && !met.isAfter(due)));
      }
    }, from, to);
    return measure(id, name, indicator, "Deadlines (" + String.join(", ", timescaleIds) + ") that fell due in the "
        + "range, met on or before the due date", true, seen, scope);
  }

  private List<Observation> referralsToAssessment(LocalDate from, LocalDate to, CaseTeams teams) {
    List<Observation> seen = new ArrayList<>();
    jdbc.query("""
        SELECT r.child_id, r.referral_date, (SELECT COUNT(*) FROM deadline d WHERE d.child_id = r.child_id
          AND d.timescale_id = 'ASSESSMENT' AND d.trigger_date = r.referral_date) AS assessments
        FROM referral r WHERE r.referral_date BETWEEN ? AND ?""", rs -> {
      seen.add(new Observation(teams.on(rs.getString("child_id"), date(rs, "referral_date")).team(),
          rs.getInt("assessments") > 0));
    }, from, to);
    return seen;
  }

  private List<Observation> reReferrals(LocalDate from, LocalDate to, CaseTeams teams) {
    Map<String, List<LocalDate>> referralDates = new HashMap<>();
    jdbc.query("SELECT child_id, referral_date FROM referral WHERE referral_date <= ?", rs -> {
      referralDates.computeIfAbsent(rs.getString("child_id"), id -> new ArrayList<>()).add(date(rs, "referral_date"));
    }, to);
    List<Observation> seen = new ArrayList<>();
    referralDates.forEach((childId, dates) -> {
      for (LocalDate referral : dates) {
        if (!referral.isBefore(from)) {
          LocalDate yearBefore = referral.minusMonths(12);
          boolean again = dates.stream().anyMatch(d -> d.isBefore(referral) && !d.isBefore(yearBefore));
          seen.add(new Observation(teams.on(childId, referral).team(), again));
        }
      }
    });
    return seen;
  }

  private List<Observation> plansLastingTwoYears(LocalDate from, LocalDate to, CaseTeams teams) {
    List<Observation> seen = new ArrayList<>();
    jdbc.query("SELECT child_id, start_date, end_date FROM cp_plan WHERE end_date BETWEEN ? AND ?", rs -> {
      LocalDate end = date(rs, "end_date");
      seen.add(new Observation(teams.on(rs.getString("child_id"), end).team(),
          !end.isBefore(date(rs, "start_date").plusYears(2))));
    }, from, to);
    return seen;
  }

  private List<Observation> secondPlans(LocalDate from, LocalDate to, CaseTeams teams) {
    List<Observation> seen = new ArrayList<>();
    jdbc.query("SELECT child_id, start_date, second_or_subsequent FROM cp_plan WHERE start_date BETWEEN ? AND ?", rs -> {
      seen.add(new Observation(teams.on(rs.getString("child_id"), date(rs, "start_date")).team(),
          rs.getBoolean("second_or_subsequent")));
    }, from, to);
    return seen;
  }

  /**
   * A new placement starts with every episode that is not a legal status change only (RNE L); a
   * placement counts for the year when it was in force on any day of the 12 months up to {@code to}.
   */
  private List<Observation> placementInstability(LocalDate to, CaseTeams teams) {
    LocalDate yearStart = to.minusMonths(12).plusDays(1);
    Map<String, List<Object[]>> episodes = new TreeMap<>();
    jdbc.query("SELECT child_id, decom, rne, dec_date FROM lac_episode WHERE decom <= ? ORDER BY child_id, decom", rs -> {
      episodes.computeIfAbsent(rs.getString("child_id"), id -> new ArrayList<>())
          .add(new Object[] {date(rs, "decom"), rs.getString("rne"), date(rs, "dec_date")});
    }, to);
    List<Observation> seen = new ArrayList<>();
    episodes.forEach((childId, rows) -> {
      Object[] last = rows.get(rows.size() - 1);
      LocalDate lastEnd = (LocalDate) last[2];
      if (lastEnd != null && !lastEnd.isAfter(to)) {
        return;
      }
      int placements = 0;
      for (int i = 0; i < rows.size(); i++) {
        if ("L".equals(rows.get(i)[1])) {
          continue; // a legal status change only: the same placement goes on
        }
        int end = i;
        while (end + 1 < rows.size() && "L".equals(rows.get(end + 1)[1])) {
          end++;
        }
        // the placement ends with its last episode: it counts if it was in force after the year began
        LocalDate placementEnd = (LocalDate) rows.get(end)[2];
        if (placementEnd == null || placementEnd.isAfter(yearStart)) {
          placements++;
        }
      }
      seen.add(new Observation(teams.on(childId, to).team(), placements >= 3));
    });
    return seen;
  }

  /** Legacy NI 59 (initial assessment in 7 WD of referral) and NI 60 (core assessment in 35 WD of its start). */
  private List<Measure> legacyAssessments(LocalDate from, LocalDate to, CaseTeams teams, OversightScope scope) {
    List<Observation> initial = new ArrayList<>();
    List<Observation> core = new ArrayList<>();
    jdbc.query("""
        SELECT a.child_id, a.start_date, a.authorisation_date, (SELECT MAX(r.referral_date) FROM referral r
          WHERE r.child_id = a.child_id AND r.referral_date <= a.authorisation_date) AS referral_date
        FROM assessment a WHERE a.authorisation_date BETWEEN ? AND ?""", rs -> {
      LocalDate done = date(rs, "authorisation_date");
      String team = teams.on(rs.getString("child_id"), done).team();
      LocalDate referral = date(rs, "referral_date");
      LocalDate start = date(rs, "start_date");
      if (referral != null) {
        initial.add(new Observation(team, !done.isAfter(due("INITIAL_ASSESSMENT", referral))));
      }
      if (start != null) {
        core.add(new Observation(team, !done.isAfter(due("CORE_ASSESSMENT", start))));
      }
    }, from, to);
    return List.of(
        measure("LEGACY_NI_59", "Initial assessments within 7 working days (legacy)", "NI 59",
            "Assessments authorised in the range, within 7 working days of the referral (catalogue row "
                + "INITIAL_ASSESSMENT, policy LEGACY_NI)", true, initial, scope),
        measure("LEGACY_NI_60", "Core assessments within 35 working days (legacy)", "NI 60",
            "Assessments authorised in the range, within 35 working days of their start (catalogue row "
                + "CORE_ASSESSMENT, policy LEGACY_NI)", true, core, scope));
  }

  private LocalDate due(String timescaleId, LocalDate trigger) {
    return calculator.compute(timescaleId, trigger, TimescaleParameters.none()).dueDate();
  }

  private static Measure measure(String id, String name, String indicator, String definition,
      boolean higherIsBetter, List<Observation> observations, OversightScope scope) {
    Map<String, Measure.Tally> byTeam = new TreeMap<>();
    int counted = 0;
    int met = 0;
    for (Observation o : observations) {
      if (!scope.seesTeam(o.team())) {
        continue;
      }
      counted++;
      met += o.met() ? 1 : 0;
      Measure.Tally t = byTeam.getOrDefault(o.team(), new Measure.Tally(0, 0));
      byTeam.put(o.team(), new Measure.Tally(t.counted() + 1, t.met() + (o.met() ? 1 : 0)));
    }
    Double percent = counted == 0 ? null : Math.round(1000.0 * met / counted) / 10.0;
    return new Measure(id, name, indicator, definition, true, counted, met, percent, higherIsBetter, byTeam, null);
  }
}
