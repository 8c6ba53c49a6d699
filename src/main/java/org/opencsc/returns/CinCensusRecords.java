package org.opencsc.returns;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.opencsc.children.ChildCharacteristicCodes;
import org.opencsc.children.Sql;
import org.opencsc.timescales.DueDateCalculator;
import org.opencsc.timescales.TimescaleParameters;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads the CIN census children from the case records a page of children at a time (keyset on the
 * child id), so a national-size return never holds more than one page in memory.
 */
@Component
public class CinCensusRecords {

  static final int PAGE = 500;

  private final NamedParameterJdbcTemplate jdbc;
  private final DueDateCalculator calculator;

  public CinCensusRecords(DataSource dataSource, DueDateCalculator calculator) {
    this.jdbc = ReturnsJdbc.streaming(dataSource);
    this.calculator = calculator;
  }

  /**
   * {@code disabilities}: the child's DfE disability codes in the DfE's order (filled as the page loads);
   * {@code personDeathDate}: recorded when the case closed because the child died, else null.
   */
  public record CinChild(ReturnChild child, LocalDate personDeathDate, List<String> disabilities,
      List<CinEpisode> episodes) {}

  /** Every child with a child in need episode open at some time in the year, in child id order. */
  public void forEachChild(CollectionYear year, Consumer<CinChild> each) {
    String after = "";
    while (true) {
      MapSqlParameterSource page = new MapSqlParameterSource("start", year.start()).addValue("end", year.end())
          .addValue("after", after);
      List<String> ids = jdbc.queryForList("""
          SELECT DISTINCT child_id FROM referral
          WHERE referral_date <= :end AND (closure_date IS NULL OR closure_date >= :start) AND child_id > :after
          ORDER BY child_id FETCH FIRST %d ROWS ONLY""".formatted(PAGE), page, String.class);
      if (ids.isEmpty()) {
        return;
      }
      load(year, ids).forEach(each);
      after = ids.get(ids.size() - 1);
    }
  }

  private List<CinChild> load(CollectionYear year, List<String> ids) {
    MapSqlParameterSource p = new MapSqlParameterSource("ids", ids);
    Map<String, CinChild> children = new LinkedHashMap<>();
    jdbc.query("SELECT " + ReturnChild.COLUMNS + ", c.person_death_date FROM child c WHERE c.id IN (:ids) "
        + "ORDER BY c.id", p, rs -> {
          children.put(rs.getString("id"), new CinChild(ReturnChild.from(rs), Sql.date(rs, "person_death_date"),
              new ArrayList<>(), new ArrayList<>()));
        });
    jdbc.query("SELECT child_id, code FROM child_disability WHERE child_id IN (:ids)", p, rs -> {
      children.get(rs.getString("child_id")).disabilities().add(rs.getString("code"));
    });
    children.values().forEach(child -> child.disabilities().sort(ChildCharacteristicCodes.DFE_ORDER));
    jdbc.query("SELECT * FROM referral WHERE child_id IN (:ids) ORDER BY child_id, referral_date", p, rs -> {
      CinEpisode episode = new CinEpisode(Sql.date(rs, "referral_date"), rs.getString("source"),
          rs.getString("primary_need"), Sql.date(rs, "closure_date"), rs.getString("closure_reason"));
      if (year.overlaps(episode.referralDate, episode.closureDate)) {
        children.get(rs.getString("child_id")).episodes().add(episode);
      }
    });
    Map<String, List<CinEpisode>> episodes = new HashMap<>();
    children.forEach((id, child) -> episodes.put(id, child.episodes()));

    jdbc.query("SELECT child_id, start_date, internal_review_date, authorisation_date, factors FROM assessment "
        + "WHERE child_id IN (:ids) ORDER BY child_id, authorisation_date", p, rs -> {
          LocalDate start = Sql.date(rs, "start_date");
          LocalDate authorised = Sql.date(rs, "authorisation_date");
          CinEpisode e = CinEpisode.covering(episodes.get(rs.getString("child_id")), start != null ? start : authorised);
          if (e != null) {
            e.assessments.add(new CinEpisode.Assessment(start, Sql.date(rs, "internal_review_date"), authorised,
                codes(rs.getString("factors"))));
          }
        });
    jdbc.query("SELECT child_id, start_date, end_date FROM cin_plan WHERE child_id IN (:ids) "
        + "ORDER BY child_id, start_date", p, rs -> {
          LocalDate start = Sql.date(rs, "start_date");
          CinEpisode e = CinEpisode.covering(episodes.get(rs.getString("child_id")), start);
          if (e != null) {
            e.cinPlans.add(new CinEpisode.CinPlan(start, Sql.date(rs, "end_date")));
          }
        });
    Map<String, List<LocalDate>> conferences = new HashMap<>();
    jdbc.query("SELECT child_id, conference_date FROM initial_cp_conference WHERE child_id IN (:ids) "
        + "ORDER BY child_id, conference_date", p, rs -> {
          LocalDate held = Sql.date(rs, "conference_date");
          conferences.computeIfAbsent(rs.getString("child_id"), k -> new ArrayList<>()).add(held);
          CinEpisode e = CinEpisode.covering(episodes.get(rs.getString("child_id")), held);
          if (e != null) {
            e.initialConferences.add(held);
          }
        });
    jdbc.query("SELECT child_id, s47_actual_start_date, icpc_not_required FROM section47 WHERE child_id IN (:ids) "
        + "ORDER BY child_id, s47_actual_start_date", p, rs -> {
          String childId = rs.getString("child_id");
          LocalDate start = Sql.date(rs, "s47_actual_start_date");
          CinEpisode e = CinEpisode.covering(episodes.get(childId), start);
          if (e != null) {
            e.section47s.add(new CinEpisode.Section47(start, icpcTarget(start),
                firstOnOrAfter(conferences.get(childId), start, e), rs.getBoolean("icpc_not_required")));
          }
        });
    Map<String, List<LocalDate>> reviews = new HashMap<>();
    jdbc.query("SELECT plan_id, review_date FROM cp_review WHERE child_id IN (:ids) ORDER BY plan_id, review_date",
        p, rs -> {
          reviews.computeIfAbsent(rs.getString("plan_id"), k -> new ArrayList<>()).add(Sql.date(rs, "review_date"));
        });
    jdbc.query("SELECT * FROM cp_plan WHERE child_id IN (:ids) ORDER BY child_id, start_date", p, rs -> {
      LocalDate start = Sql.date(rs, "start_date");
      CinEpisode e = CinEpisode.covering(episodes.get(rs.getString("child_id")), start);
      if (e != null) {
        String planId = rs.getString("id");
        e.cpPlans.add(new CinEpisode.CpPlan(planId, start, Sql.date(rs, "end_date"), rs.getString("initial_category"),
            rs.getString("latest_category"), rs.getInt("previous_plans"), reviews.getOrDefault(planId, List.of())));
      }
    });
    return children.values().stream().filter(c -> !c.episodes().isEmpty()).toList();
  }

  /** The DfE's InitialCPCtarget: 15 working days after the strategy discussion that started the enquiry. */
  private LocalDate icpcTarget(LocalDate s47Start) {
    return calculator.compute("ICPC", s47Start, TimescaleParameters.none()).dueDate();
  }

  private static LocalDate firstOnOrAfter(List<LocalDate> dates, LocalDate from, CinEpisode within) {
    if (dates == null) {
      return null;
    }
    return dates.stream().filter(d -> !d.isBefore(from) && within.covers(d)).min(LocalDate::compareTo).orElse(null);
  }

  private static List<String> codes(String commaSeparated) {
    if (commaSeparated == null || commaSeparated.isBlank()) {
      return List.of();
    }
    return Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }
}
