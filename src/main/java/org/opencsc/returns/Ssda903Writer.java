package org.opencsc.returns;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.opencsc.calendar.LondonTime;
import org.opencsc.children.Sql;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes the SSDA903 children looked after return as a zip of CSVs, one table at a time and row by row
 * straight from the database (shared/spec/returns.md gives the exact header rows).
 */
@Component
public class Ssda903Writer {

  static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  /** Every table of the return with its header row, in the order the DfE lists them. */
  static final List<List<String>> TABLES = List.of(
      List.of("Header", "CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"),
      List.of("Episodes", "CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE", "PLACE_PROVIDER", "DEC", "REC",
          "REASON_PLACE_CHANGE", "HOME_POST", "PL_POST", "URN"),
      List.of("Reviews", "CHILD", "DOB", "REVIEW", "REVIEW_CODE"),
      List.of("UASC", "CHILD", "SEX", "DOB", "DUC"),
      List.of("OC2", "CHILD", "DOB", "SDQ_SCORE", "SDQ_REASON", "CONVICTED", "HEALTH_CHECK", "IMMUNISATIONS",
          "TEETH_CHECK", "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE", "INTERVENTION_RECEIVED", "INTERVENTION_OFFERED"),
      List.of("OC3", "CHILD", "DOB", "IN_TOUCH", "ACTIV", "ACCOM"),
      List.of("AD1", "CHILD", "DOB", "DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR"),
      List.of("PlacedAdoption", "CHILD", "DOB", "DATE_PLACED", "DATE_PLACED_CEASED", "REASON_PLACED_CEASED"),
      List.of("PrevPerm", "CHILD", "DOB", "PREV_PERM", "LA_PERM", "DATE_PERM"),
      List.of("Missing", "CHILD", "DOB", "MISSING", "MIS_START", "MIS_END"),
      List.of("SWEpisodes", "CHILD", "DOB", "SW_ID", "SW_DECOM", "SW_DEC", "SW_REASON"));

  private static final String LOOKED_AFTER_IN_YEAR = """
      EXISTS (SELECT 1 FROM lac_episode e WHERE e.child_id = c.id
              AND e.decom <= :end AND (e.dec_date IS NULL OR e.dec_date >= :start))""";

  /** The review that last answered whether the young woman is a mother, up to the year's end. */
  private static final String LATEST_MOTHER_ANSWER = """
      SELECT r.id FROM lac_review r WHERE r.child_id = c.id AND r.mother IS NOT NULL AND r.review_date <= :end
      ORDER BY r.review_date DESC, r.created_at DESC FETCH FIRST 1 ROWS ONLY""";

  private final NamedParameterJdbcTemplate jdbc;

  public Ssda903Writer(DataSource dataSource) {
    this.jdbc = ReturnsJdbc.streaming(dataSource);
  }

  // read-only transaction: PostgreSQL only fetches rows in pages (fetch size) inside one
  @Transactional(readOnly = true)
  public void write(CollectionYear year, OutputStream out) {
    MapSqlParameterSource period = new MapSqlParameterSource("start", year.start()).addValue("end", year.end());
    try {
      ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
      Writer writer = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
      for (List<String> table : TABLES) {
        zip.putNextEntry(new ZipEntry(table.get(0) + ".csv"));
        CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT.builder()
            .setHeader(table.subList(1, table.size()).toArray(String[]::new)).get());
        rows(table.get(0), year, period, csv);
        csv.flush();
        zip.closeEntry();
      }
      zip.finish();
      zip.flush();
    } catch (IOException e) {
      throw new ReturnWriteException(e);
    }
  }

  private void rows(String table, CollectionYear year, MapSqlParameterSource period, CSVPrinter csv) {
    switch (table) {
      case "Header" -> jdbc.query("SELECT " + ReturnChild.COLUMNS + ", m.mother, m.mc_dob FROM child c"
          + " LEFT JOIN lac_review m ON m.id = (" + LATEST_MOTHER_ANSWER + ") WHERE " + LOOKED_AFTER_IN_YEAR
          + " ORDER BY c.la_child_id", period, print(csv, rs -> {
            ReturnChild c = ReturnChild.from(rs);
            // MOTHER is asked only of young women; what was recorded last is reported
            String mother = "F".equals(c.sex()) ? oneOrZero(rs, "mother") : null;
            return row(c.laChildId(), c.sex(), date(c.dateOfBirth()), c.ethnicity(), c.upn(), mother,
                "1".equals(mother) ? date(Sql.date(rs, "mc_dob")) : null);
          }));
      case "Episodes" -> jdbc.query("""
          SELECT c.la_child_id, e.* FROM lac_episode e JOIN child c ON c.id = e.child_id
          WHERE e.decom <= :end AND (e.dec_date IS NULL OR e.dec_date >= :start)
          ORDER BY c.la_child_id, e.decom, e.created_at""", period, print(csv, rs -> {
            LocalDate dec = Sql.date(rs, "dec_date");
            // an episode that ends after the year is still open on 31 March
            boolean endedInYear = dec != null && !dec.isAfter(year.end());
            return row(rs.getString("la_child_id"), date(Sql.date(rs, "decom")), rs.getString("rne"),
                rs.getString("ls"), rs.getString("cin"), rs.getString("place"), rs.getString("place_provider"),
                endedInYear ? date(dec) : null, endedInYear ? rs.getString("rec") : null,
                endedInYear ? rs.getString("reason_place_change") : null, rs.getString("home_post"),
                rs.getString("pl_post"), rs.getString("urn"));
          }));
      case "Reviews" -> jdbc.query("""
          SELECT c.la_child_id, c.date_of_birth, r.review_date, r.review_code
          FROM lac_review r JOIN child c ON c.id = r.child_id
          WHERE r.review_date BETWEEN :start AND :end ORDER BY c.la_child_id, r.review_date""", period,
          print(csv, rs -> row(rs.getString("la_child_id"), date(Sql.date(rs, "date_of_birth")),
              date(Sql.date(rs, "review_date")), rs.getString("review_code"))));
      case "Missing" -> jdbc.query("""
          SELECT c.la_child_id, c.date_of_birth, m.missing_type, m.mis_start, m.mis_end
          FROM missing_episode m JOIN child c ON c.id = m.child_id
          WHERE m.mis_start BETWEEN :start AND :end ORDER BY c.la_child_id, m.mis_start""", period,
          print(csv, rs -> {
            LocalDate end = Sql.date(rs, "mis_end");
            return row(rs.getString("la_child_id"), date(Sql.date(rs, "date_of_birth")), rs.getString("missing_type"),
                date(Sql.date(rs, "mis_start")), end != null && !end.isAfter(year.end()) ? date(end) : null);
          }));
      case "OC3" -> jdbc.query("""
          SELECT c.la_child_id, c.date_of_birth, p.in_touch, p.activity, p.accom_code
          FROM leaving_care l JOIN child c ON c.id = l.child_id
          JOIN pathway_plan p ON p.leaving_care_id = l.id
          WHERE p.plan_date = (SELECT MAX(q.plan_date) FROM pathway_plan q
                               WHERE q.leaving_care_id = l.id AND q.plan_date <= :end)
            AND p.plan_date >= :start
          ORDER BY c.la_child_id""", period, print(csv, rs -> {
            LocalDate dob = Sql.date(rs, "date_of_birth");
            return careLeaverBirthdayInYear(dob, year) ? row(rs.getString("la_child_id"), date(dob),
                rs.getString("in_touch"), rs.getString("activity"), rs.getString("accom_code")) : null;
          }));
      case "UASC" -> jdbc.query("""
          SELECT c.la_child_id, c.sex, c.date_of_birth, s.duc FROM child c JOIN lac_child_status s ON s.child_id = c.id
          WHERE s.duc >= :start AND\s""" + LOOKED_AFTER_IN_YEAR + " ORDER BY c.la_child_id", period,
          print(csv, rs -> row(rs.getString("la_child_id"), rs.getString("sex"),
              date(Sql.date(rs, "date_of_birth")), date(Sql.date(rs, "duc")))));
      case "OC2" -> jdbc.query(Oc2Query.SQL, period, print(csv, rs -> Oc2Query.row(rs, year)));
      case "PrevPerm" -> jdbc.query("""
          SELECT c.la_child_id, c.date_of_birth, p.prev_perm, p.la_perm, p.date_perm
          FROM lac_previous_permanence p JOIN child c ON c.id = p.child_id
          WHERE EXISTS (SELECT 1 FROM lac_episode e WHERE e.process_instance_id = p.process_instance_id
                        AND e.rne = 'S' AND e.decom BETWEEN :start AND :end)
          ORDER BY c.la_child_id""", period, print(csv, rs -> row(rs.getString("la_child_id"),
              date(Sql.date(rs, "date_of_birth")), rs.getString("prev_perm"), rs.getString("la_perm"),
              date(Sql.date(rs, "date_perm")))));
      case "SWEpisodes" -> jdbc.query("""
          SELECT c.la_child_id, c.date_of_birth, r.sw_id, a.allocated_at, a.ended_at, a.sw_change_reason
          FROM allocation a JOIN child c ON c.id = a.child_id
          LEFT JOIN social_worker_registration r ON r.user_id = a.worker_id
          WHERE a.allocated_at < :endBefore AND (a.ended_at IS NULL OR a.ended_at >= :swStartAt)
            AND\s""" + LOOKED_AFTER_IN_YEAR + " ORDER BY c.la_child_id, a.allocated_at", swPeriod(year, period),
          print(csv, rs -> {
            LocalDate ended = rs.getObject("ended_at") == null ? null : LondonTime.dateOf(Sql.instant(rs, "ended_at"));
            return row(rs.getString("la_child_id"), date(Sql.date(rs, "date_of_birth")), rs.getString("sw_id"),
                date(LondonTime.dateOf(Sql.instant(rs, "allocated_at"))),
                ended != null && !ended.isAfter(year.end()) ? date(ended) : null, rs.getString("sw_change_reason"));
          }));
      case "AD1", "PlacedAdoption" -> AdoptionRows.write(table, jdbc, period, csv);
      default -> {
        // every table of TABLES has its rows above
      }
    }
  }

  /** Social worker episodes are reported from a year before the collection year (the full previous year). */
  private static MapSqlParameterSource swPeriod(CollectionYear year, MapSqlParameterSource period) {
    return new MapSqlParameterSource(period.getValues())
        .addValue("swStartAt", Sql.utc(LondonTime.startOfDay(year.start().minusYears(1))))
        .addValue("endBefore", Sql.utc(LondonTime.startOfDay(year.end().plusDays(1))));
  }

  /** A recorded yes/no as the return's 1/0; blank when not recorded. */
  static String oneOrZero(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
    Object value = rs.getObject(column);
    if (value == null) {
      return null;
    }
    boolean yes = value instanceof Boolean flag ? flag : ((Number) value).intValue() != 0;
    return yes ? "1" : "0";
  }

  /** OC3 covers care leavers whose 17th to 21st birthday falls in the year. */
  static boolean careLeaverBirthdayInYear(LocalDate dob, CollectionYear year) {
    if (dob == null) {
      return false;
    }
    for (int age = 17; age <= 21; age++) {
      LocalDate birthday = dob.plusYears(age);
      if (!birthday.isBefore(year.start()) && !birthday.isAfter(year.end())) {
        return true;
      }
    }
    return false;
  }

  private interface RowMapper {
    List<String> map(java.sql.ResultSet rs) throws java.sql.SQLException;
  }

  private static RowCallbackHandler print(CSVPrinter csv, RowMapper mapper) {
    return rs -> {
      List<String> values = mapper.map(rs);
      if (values == null) {
        return;
      }
      try {
        csv.printRecord(values);
      } catch (IOException e) {
        throw new ReturnWriteException(e);
      }
    };
  }

  private static List<String> row(String... values) {
    return new ArrayList<>(Arrays.asList(values));
  }

  static String date(LocalDate date) {
    return date == null ? null : DATE.format(date);
  }
}
