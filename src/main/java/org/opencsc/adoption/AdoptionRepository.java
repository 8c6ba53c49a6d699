package org.opencsc.adoption;

import static org.opencsc.children.Sql.utc;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Plans for adoption (table {@code adoption}), one row per adoption process. */
@Repository
public class AdoptionRepository {

  private final JdbcTemplate jdbc;

  public AdoptionRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(String id, String childId, String processInstanceId, LocalDate decisionDate,
      String decisionSummary, String recordedBy, Instant at) {
    jdbc.update("""
        INSERT INTO adoption (id, child_id, process_instance_id, status, decision_date, decision_summary,
          decision_recorded_by, created_at, updated_at)
        VALUES (?, ?, ?, 'AWAITING_DECISION', ?, ?, ?, ?, ?)""",
        id, childId, processInstanceId, decisionDate, decisionSummary, recordedBy, utc(at), utc(at));
  }

  public void decisionAgreed(String id, LocalDate decisionDate, String decisionSummary, String agreedBy, Instant at) {
    jdbc.update("""
        UPDATE adoption SET status = 'TO_BE_PLACED', decision_date = ?, decision_summary = ?, decision_agreed_by = ?,
          decision_agreed_at = ?, updated_at = ? WHERE id = ?""",
        decisionDate, decisionSummary, agreedBy, utc(at), utc(at), id);
  }

  public void matched(String id, LocalDate matchDate, int numberOfAdopters, String sex, String legalStatus,
      boolean fosterCarersAdopting, String recordedBy, String agreedBy, Instant at) {
    jdbc.update("""
        UPDATE adoption SET status = 'MATCHED', match_date = ?, number_of_adopters = ?, sex_of_adopters = ?,
          adopters_legal_status = ?, foster_carers_adopting = ?, match_recorded_by = ?, match_agreed_by = ?,
          placement_ended_date = NULL, updated_at = ? WHERE id = ?""",
        matchDate, numberOfAdopters, sex, legalStatus, fosterCarersAdopting, recordedBy, agreedBy, utc(at), id);
  }

  public void placed(String id, LocalDate placedDate, String authority, LocalDate placementOrderDate,
      String placementCode, Instant at) {
    jdbc.update("""
        UPDATE adoption SET status = 'PLACED', placed_date = ?, placement_authority = ?, placement_order_date = ?,
          placement_code = ?, updated_at = ? WHERE id = ?""",
        placedDate, authority, placementOrderDate, placementCode, utc(at), id);
  }

  public void placementEnded(String id, LocalDate endedDate, Instant at) {
    jdbc.update("UPDATE adoption SET status = 'TO_BE_PLACED', placement_ended_date = ?, updated_at = ? WHERE id = ?",
        endedDate, utc(at), id);
  }

  public void adopted(String id, LocalDate orderDate, String reasonCareCeased, Instant at) {
    jdbc.update("""
        UPDATE adoption SET status = 'ADOPTED', adoption_order_date = ?, reason_care_ceased = ?, updated_at = ?
        WHERE id = ?""", orderDate, reasonCareCeased, utc(at), id);
  }

  public void decisionReversed(String id, LocalDate reversedDate, String reason, Instant at) {
    jdbc.update("""
        UPDATE adoption SET status = 'NO_LONGER_TO_BE_PLACED', decision_reversed_date = ?, reason_reversed = ?,
          updated_at = ? WHERE id = ?""", reversedDate, reason, utc(at), id);
  }

  /** Whether the child has a plan for adoption that has not ended (adopted or no longer to be placed). */
  public boolean planInProgress(String childId) {
    Integer open = jdbc.queryForObject("""
        SELECT COUNT(*) FROM adoption WHERE child_id = ? AND status NOT IN ('ADOPTED', 'NO_LONGER_TO_BE_PLACED')""",
        Integer.class, childId);
    return open != null && open > 0;
  }

  /** The start date of the child's open SSDA903 episode (the child is looked after now), or empty. */
  public Optional<LocalDate> openEpisodeStart(String childId) {
    return jdbc.queryForList("SELECT decom FROM lac_episode WHERE child_id = ? AND dec_date IS NULL",
        java.sql.Date.class, childId).stream().findFirst().map(java.sql.Date::toLocalDate);
  }
}
