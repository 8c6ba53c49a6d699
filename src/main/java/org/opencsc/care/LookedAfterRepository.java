package org.opencsc.care;

import static org.opencsc.children.Sql.date;
import static org.opencsc.children.Sql.utc;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Reviews, visits, health assessments, PEPs and missing episodes of looked-after children. */
@Repository
public class LookedAfterRepository {

  private final JdbcTemplate jdbc;

  public LookedAfterRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * {@code convicted}: convicted of an offence since the last review; {@code mother} and {@code childsBirth}:
   * whether the young woman is a mother, and her child's date of birth. Null when not asked or not answered.
   */
  public void insertReview(String childId, String processInstanceId, int number, LocalDate reviewDate,
      String reviewCode, String outcome, String recommendations, Boolean convicted, Boolean mother,
      LocalDate childsBirth, String chairedBy, Instant at) {
    jdbc.update("""
        INSERT INTO lac_review (id, child_id, process_instance_id, review_number, review_date, review_code,
          outcome, recommendations, convicted, mother, mc_dob, chaired_by, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        UUID.randomUUID().toString(), childId, processInstanceId, number, reviewDate, reviewCode, outcome,
        recommendations, convicted, mother, childsBirth, chairedBy, utc(at));
  }

  public void insertVisit(String childId, String processInstanceId, LocalDate visitDate, boolean seenAlone,
      LocalDate placementStart, boolean firstVisitToPlacement, String visitedBy, Instant at) {
    jdbc.update("""
        INSERT INTO lac_visit (id, child_id, process_instance_id, visit_date, child_seen_alone, placement_start,
          first_visit_to_placement, visited_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        UUID.randomUUID().toString(), childId, processInstanceId, visitDate, seenAlone, placementStart,
        firstVisitToPlacement, visitedBy, utc(at));
  }

  public void insertHealthAssessment(String childId, String processInstanceId, String type, HealthFindings h,
      String recordedBy, Instant at) {
    jdbc.update("""
        INSERT INTO health_assessment (id, child_id, process_instance_id, assessment_type, assessment_date,
          dental_check_date, immunisations_up_to_date, sdq_score, sdq_reason, substance_misuse,
          intervention_received, intervention_offered, recorded_by, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        UUID.randomUUID().toString(), childId, processInstanceId, type, h.date(), h.dentalCheck(),
        h.immunisationsUpToDate(), h.sdqScore(), h.sdqReason(), h.substanceMisuse(), h.interventionReceived(),
        h.interventionOffered(), recordedBy, utc(at));
  }

  /** Whether the child is an unaccompanied asylum-seeking child, and when that status ceased or will cease. */
  public void recordUasc(String childId, boolean uasc, LocalDate duc, Instant at) {
    upsertStatus(childId, "uasc = ?, duc = ?, uasc_recorded_at = ?", uasc, duc, utc(at));
  }

  private void upsertStatus(String childId, String assignments, Object... values) {
    Object[] args = java.util.Arrays.copyOf(values, values.length + 1);
    args[values.length] = childId;
    if (jdbc.update("UPDATE lac_child_status SET " + assignments + " WHERE child_id = ?", args) == 0) {
      jdbc.update("INSERT INTO lac_child_status (child_id) VALUES (?)", childId);
      jdbc.update("UPDATE lac_child_status SET " + assignments + " WHERE child_id = ?", args);
    }
  }

  /** The permanence option the child had before this period of care; recorded again, the new answer wins. */
  public void recordPreviousPermanence(String processInstanceId, String childId, String prevPerm, String laPerm,
      LocalDate datePerm, String recordedBy, Instant at) {
    jdbc.update("DELETE FROM lac_previous_permanence WHERE process_instance_id = ?", processInstanceId);
    jdbc.update("""
        INSERT INTO lac_previous_permanence (process_instance_id, child_id, prev_perm, la_perm, date_perm,
          recorded_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)""",
        processInstanceId, childId, prevPerm, laPerm, datePerm, recordedBy, utc(at));
  }

  public void insertCarePlan(String childId, String processInstanceId, LocalDate date, String permanencePlan,
      String recordedBy, Instant at) {
    jdbc.update("""
        INSERT INTO lac_care_plan (id, child_id, process_instance_id, care_plan_date, permanence_plan, recorded_by,
          created_at) VALUES (?, ?, ?, ?, ?, ?, ?)""",
        UUID.randomUUID().toString(), childId, processInstanceId, date, permanencePlan, recordedBy, utc(at));
  }

  public void insertPep(String childId, String processInstanceId, LocalDate pepDate, String setting,
      String recordedBy, Instant at) {
    jdbc.update("""
        INSERT INTO pep (id, child_id, process_instance_id, pep_date, education_setting, recorded_by, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?)""",
        UUID.randomUUID().toString(), childId, processInstanceId, pepDate, setting, recordedBy, utc(at));
  }

  public String insertMissingStart(String childId, String processInstanceId, String type, LocalDate start,
      String recordedBy, Instant at) {
    String id = UUID.randomUUID().toString();
    jdbc.update("""
        INSERT INTO missing_episode (id, child_id, process_instance_id, missing_type, mis_start, recorded_by,
          created_at) VALUES (?, ?, ?, ?, ?, ?, ?)""",
        id, childId, processInstanceId, type, start, recordedBy, utc(at));
    return id;
  }

  public LocalDate missingStart(String missingEpisodeId) {
    return jdbc.query("SELECT mis_start FROM missing_episode WHERE id = ?", (rs, row) -> date(rs, "mis_start"),
        missingEpisodeId).stream().findFirst().orElse(null);
  }

  public void endMissing(String missingEpisodeId, LocalDate end, boolean returnInterviewOffered) {
    jdbc.update("UPDATE missing_episode SET mis_end = ?, return_interview_offered = ? WHERE id = ?",
        end, returnInterviewOffered, missingEpisodeId);
  }
}
