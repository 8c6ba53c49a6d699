package org.opencsc.returns;

import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVPrinter;
import org.opencsc.children.Sql;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The SSDA903 adoption tables, row by row from the records of the adoption model (table {@code adoption}):
 * AD1 for every child adopted in the year (an episode ended with REC E11 or E12, as the DfE guidance and
 * the sector's validator expect: AD1 is completed only for adopted children), PlacedAdoption for every
 * child looked after in the year with a decision that they should be placed for adoption that had not been
 * reversed before the year began.
 */
final class AdoptionRows {

  static final String AD1 = """
      SELECT c.la_child_id, c.date_of_birth, a.decision_date, a.match_date, a.foster_carers_adopting,
        a.number_of_adopters, a.sex_of_adopters, a.adopters_legal_status
      FROM adoption a JOIN child c ON c.id = a.child_id
      WHERE a.match_date IS NOT NULL AND a.status IN ('PLACED', 'ADOPTED')
        AND EXISTS (SELECT 1 FROM lac_episode e WHERE e.child_id = a.child_id AND e.rec IN ('E11', 'E12')
                    AND e.dec_date BETWEEN :start AND :end)
        AND NOT EXISTS (SELECT 1 FROM adoption b WHERE b.child_id = a.child_id AND b.match_date IS NOT NULL
                        AND b.status IN ('PLACED', 'ADOPTED') AND b.decision_date > a.decision_date)
      ORDER BY c.la_child_id""";

  static final String PLACED_ADOPTION = """
      SELECT c.la_child_id, c.date_of_birth, a.decision_date, a.decision_reversed_date, a.reason_reversed
      FROM adoption a JOIN child c ON c.id = a.child_id
      WHERE a.decision_agreed_at IS NOT NULL AND a.decision_date <= :end
        AND (a.decision_reversed_date IS NULL OR a.decision_reversed_date >= :start)
        AND EXISTS (SELECT 1 FROM lac_episode e WHERE e.child_id = a.child_id
                    AND e.decom <= :end AND (e.dec_date IS NULL OR e.dec_date >= :start))
      ORDER BY c.la_child_id, a.decision_date""";

  private AdoptionRows() {}

  /** Prints the AD1 or PlacedAdoption rows of the year ({@code period}: start, end). */
  static void write(String table, NamedParameterJdbcTemplate jdbc, MapSqlParameterSource period, CSVPrinter csv) {
    LocalDate end = (LocalDate) period.getValue("end");
    switch (table) {
      case "AD1" -> jdbc.query(AD1, period, (RowCallbackHandler) rs -> print(csv, ad1(rs)));
      case "PlacedAdoption" -> jdbc.query(PLACED_ADOPTION, period,
          (RowCallbackHandler) rs -> print(csv, placedAdoption(rs, end)));
      default -> throw new IllegalArgumentException("Not an adoption table: " + table);
    }
  }

  static List<String> ad1(ResultSet rs) throws SQLException {
    Object fosterCarers = rs.getObject("foster_carers_adopting");
    return Arrays.asList(rs.getString("la_child_id"), date(rs, "date_of_birth"), date(rs, "decision_date"),
        date(rs, "match_date"), fosterCarers == null ? null : (rs.getBoolean("foster_carers_adopting") ? "1" : "0"),
        rs.getString("number_of_adopters"), rs.getString("sex_of_adopters"), rs.getString("adopters_legal_status"));
  }

  /** DATE_PLACED_CEASED and its reason only when the decision was reversed by the end of the year. */
  static List<String> placedAdoption(ResultSet rs, LocalDate end) throws SQLException {
    LocalDate reversed = Sql.date(rs, "decision_reversed_date");
    boolean reversedInYear = reversed != null && !reversed.isAfter(end);
    return Arrays.asList(rs.getString("la_child_id"), date(rs, "date_of_birth"), date(rs, "decision_date"),
        reversedInYear ? Ssda903Writer.date(reversed) : null, reversedInYear ? rs.getString("reason_reversed") : null);
  }

  private static String date(ResultSet rs, String column) throws SQLException {
    return Ssda903Writer.date(Sql.date(rs, column));
  }

  private static void print(CSVPrinter csv, List<String> values) {
    try {
      csv.printRecord(values);
    } catch (IOException e) {
      throw new ReturnWriteException(e);
    }
  }
}
