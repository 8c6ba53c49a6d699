package org.opencsc.children;

import static org.opencsc.children.Sql.date;
import static org.opencsc.children.Sql.instant;
import static org.opencsc.children.Sql.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
public class ChildRepository {

  private final JdbcTemplate jdbc;

  public ChildRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(Child child) {
    jdbc.update("""
        INSERT INTO child (id, la_child_id, first_name, last_name, date_of_birth,
          expected_date_of_birth, sex, ethnicity, upn, postcode, created_at, upn_unknown)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        child.id(), child.laChildId(), child.firstName(), child.lastName(), child.dateOfBirth(),
        child.expectedDateOfBirth(), child.sex(), child.ethnicity(), child.upn(), child.postcode(),
        utc(child.createdAt()), child.upnUnknown());
  }

  /** A UPN the child had before (CIN census FormerUPN); the latest one given replaces the recorded one. */
  public void recordFormerUpn(String childId, String formerUpn) {
    jdbc.update("UPDATE child SET former_upn = ? WHERE id = ?", formerUpn, childId);
  }

  public void recordUpnUnknown(String childId, String reason) {
    jdbc.update("UPDATE child SET upn_unknown = ? WHERE id = ?", reason, childId);
  }

  /** The child's CIN census disability codes, in the DfE's order; empty when none has been recorded. */
  public List<String> disabilitiesOf(String childId) {
    return jdbc.queryForList("SELECT code FROM child_disability WHERE child_id = ?", String.class, childId)
        .stream().sorted(ChildCharacteristicCodes.DFE_ORDER).toList();
  }

  /** The latest statement of the child's disabilities replaces the one recorded before. */
  public void replaceDisabilities(String childId, Collection<String> codes) {
    jdbc.update("DELETE FROM child_disability WHERE child_id = ?", childId);
    jdbc.batchUpdate("INSERT INTO child_disability (child_id, code) VALUES (?, ?)",
        codes.stream().distinct().map(code -> new Object[] {childId, code}).toList());
  }

  /** CIN census PersonDeathDate, recorded when the case closed because the child died. */
  public void recordDeathDate(String childId, LocalDate personDeathDate) {
    jdbc.update("UPDATE child SET person_death_date = ? WHERE id = ?", personDeathDate, childId);
  }

  public Optional<LocalDate> deathDateOf(String childId) {
    return jdbc.query("SELECT person_death_date FROM child WHERE id = ?",
        (rs, row) -> Sql.date(rs, "person_death_date"), childId).stream().filter(Objects::nonNull)
        .findFirst();
  }

  public Optional<Child> findById(String id) {
    return jdbc.query("SELECT * FROM child WHERE id = ?", ChildRepository::map, id)
        .stream().findFirst();
  }

  public Optional<Child> findByLaChildId(String laChildId) {
    return jdbc.query("SELECT * FROM child WHERE la_child_id = ?", ChildRepository::map, laChildId)
        .stream().findFirst();
  }

  private static Child map(ResultSet rs, int row) throws SQLException {
    return new Child(
        rs.getString("id"),
        rs.getString("la_child_id"),
        rs.getString("first_name"),
        rs.getString("last_name"),
        date(rs, "date_of_birth"),
        date(rs, "expected_date_of_birth"),
        rs.getString("sex"),
        rs.getString("ethnicity"),
        rs.getString("upn"),
        rs.getString("postcode"),
        instant(rs, "created_at"),
        rs.getString("upn_unknown"));
  }
}
