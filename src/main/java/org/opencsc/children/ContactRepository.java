package org.opencsc.children;

import static org.opencsc.children.Sql.instant;
import static org.opencsc.children.Sql.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
public class ContactRepository {

  private final JdbcTemplate jdbc;

  public ContactRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(Contact contact, Instant createdAt) {
    jdbc.update("""
        INSERT INTO contact (id, child_id, received_at, source, summary, created_at)
        VALUES (?, ?, ?, ?, ?, ?)""",
        contact.id(), contact.childId(), utc(contact.receivedAt()), contact.source(),
        contact.summary(), utc(createdAt));
  }

  public void linkToJourney(String contactId, String journeyId) {
    jdbc.update("UPDATE contact SET journey_id = ? WHERE id = ?", journeyId, contactId);
  }

  public void recordDecision(String contactId, String outcome, String reason, String primaryNeed,
      String decidedBy, String signedOffBy, Instant decidedAt) {
    int updated = jdbc.update("""
        UPDATE contact SET outcome = ?, decision_reason = ?, primary_need = ?, decided_by = ?,
          signed_off_by = ?, decided_at = ? WHERE id = ?""",
        outcome, reason, primaryNeed, decidedBy, signedOffBy, utc(decidedAt), contactId);
    if (updated != 1) {
      throw new IllegalStateException("No contact " + contactId + " to record the decision on");
    }
  }

  public Optional<Contact> findById(String id) {
    return jdbc.query("SELECT * FROM contact WHERE id = ?", ContactRepository::map, id)
        .stream().findFirst();
  }

  public List<Contact> findByChild(String childId) {
    return jdbc.query("SELECT * FROM contact WHERE child_id = ? ORDER BY received_at",
        ContactRepository::map, childId);
  }

  private static Contact map(ResultSet rs, int row) throws SQLException {
    return new Contact(
        rs.getString("id"),
        rs.getString("child_id"),
        instant(rs, "received_at"),
        rs.getString("source"),
        rs.getString("summary"),
        rs.getString("journey_id"),
        rs.getString("outcome"),
        rs.getString("decision_reason"),
        rs.getString("primary_need"),
        rs.getString("decided_by"),
        rs.getString("signed_off_by"),
        instant(rs, "decided_at"));
  }
}
