package org.opencsc.returns;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.opencsc.children.Sql;

/**
 * The SSDA903 OC2 table: children looked after continuously for at least 12 months at 31 March (a period of
 * care, not only short breaks, that began by 1 April and did not end in the year), with what their health
 * assessments and reviews recorded in the year. Nothing recorded is reported blank, never as 0; a yes/no
 * the system itself keeps (health assessments held, dental checks dated) is 1 or 0.
 */
final class Oc2Query {

  private static final String LATEST_IN_YEAR = """
      FROM health_assessment h WHERE h.child_id = c.id AND h.assessment_date BETWEEN :start AND :end AND %s
      ORDER BY h.assessment_date DESC, h.created_at DESC FETCH FIRST 1 ROWS ONLY""";

  static final String SQL = """
      SELECT c.la_child_id, c.date_of_birth,
        (SELECT h.sdq_score %1$s) AS sdq_score,
        (SELECT h.sdq_reason %1$s) AS sdq_reason,
        (SELECT MAX(CASE WHEN r.convicted THEN 1 ELSE 0 END) FROM lac_review r WHERE r.child_id = c.id
          AND r.review_date BETWEEN :start AND :end AND r.convicted IS NOT NULL) AS convicted,
        (SELECT COUNT(*) FROM health_assessment h WHERE h.child_id = c.id
          AND h.assessment_date BETWEEN :start AND :end) AS assessments,
        (SELECT COUNT(*) FROM health_assessment h WHERE h.child_id = c.id
          AND h.dental_check_date BETWEEN :start AND :end) AS dental_checks,
        (SELECT h.immunisations_up_to_date FROM health_assessment h WHERE h.child_id = c.id
          AND h.assessment_date <= :end AND h.immunisations_up_to_date IS NOT NULL
          ORDER BY h.assessment_date DESC, h.created_at DESC FETCH FIRST 1 ROWS ONLY) AS immunisations,
        (SELECT h.substance_misuse %2$s) AS substance_misuse,
        (SELECT h.intervention_received %2$s) AS intervention_received,
        (SELECT h.intervention_offered %2$s) AS intervention_offered
      FROM child c
      WHERE EXISTS (SELECT 1 FROM lac_episode s WHERE s.child_id = c.id AND s.rne = 'S' AND s.decom <= :start
                    AND s.ls NOT IN ('V3', 'V4')
                    AND NOT EXISTS (SELECT 1 FROM lac_episode x WHERE x.process_instance_id = s.process_instance_id
                                    AND x.dec_date IS NOT NULL AND x.dec_date <= :end AND x.rec <> 'X1'))
      ORDER BY c.la_child_id""".formatted(
      LATEST_IN_YEAR.formatted("(h.sdq_score IS NOT NULL OR h.sdq_reason IS NOT NULL)"),
      LATEST_IN_YEAR.formatted("h.substance_misuse IS NOT NULL"));

  private Oc2Query() {}

  static List<String> row(ResultSet rs, CollectionYear year) throws SQLException {
    LocalDate dob = Sql.date(rs, "date_of_birth");
    boolean underFive = dob != null && Period.between(dob, year.end()).getYears() < 5;
    boolean assessed = rs.getInt("assessments") > 0;
    Object score = rs.getObject("sdq_score");
    String misuse = Ssda903Writer.oneOrZero(rs, "substance_misuse");
    return new ArrayList<>(Arrays.asList(rs.getString("la_child_id"), Ssda903Writer.date(dob),
        score == null ? null : String.valueOf(((Number) score).intValue()),
        score == null ? rs.getString("sdq_reason") : null,
        Ssda903Writer.oneOrZero(rs, "convicted"),
        // health surveillance checks are reported for children under 5 only
        underFive ? (assessed ? "1" : "0") : null,
        Ssda903Writer.oneOrZero(rs, "immunisations"),
        rs.getInt("dental_checks") > 0 ? "1" : "0",
        assessed ? "1" : "0",
        misuse,
        "1".equals(misuse) ? Ssda903Writer.oneOrZero(rs, "intervention_received") : null,
        "1".equals(misuse) ? Ssda903Writer.oneOrZero(rs, "intervention_offered") : null));
  }
}
