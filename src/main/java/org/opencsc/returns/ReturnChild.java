package org.opencsc.returns;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import org.opencsc.children.Sql;

/** The child's identifiers and characteristics as every return reports them (table {@code child}). */
public record ReturnChild(String id, String laChildId, String upn, LocalDate dateOfBirth,
    LocalDate expectedDateOfBirth, String sex, String ethnicity, String upnUnknown, String formerUpn) {

  static final String COLUMNS = "c.id, c.la_child_id, c.upn, c.date_of_birth, c.expected_date_of_birth, c.sex,"
      + " c.ethnicity, c.upn_unknown, c.former_upn";

  static ReturnChild from(ResultSet rs) throws SQLException {
    return new ReturnChild(rs.getString("id"), rs.getString("la_child_id"), rs.getString("upn"),
        Sql.date(rs, "date_of_birth"), Sql.date(rs, "expected_date_of_birth"), rs.getString("sex"),
        rs.getString("ethnicity"), rs.getString("upn_unknown"), rs.getString("former_upn"));
  }

  /** Age in whole years on {@code day}, or null when the child is not yet born or has no date of birth. */
  public Integer ageOn(LocalDate day) {
    if (dateOfBirth == null || dateOfBirth.isAfter(day)) {
      return null;
    }
    return java.time.Period.between(dateOfBirth, day).getYears();
  }
}
