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

  public void insertReview(String childId, String processInstanceId, int number, LocalDate reviewDate,
      String reviewCode, String outcome, String recommendations, String chairedBy, Instant at) {
    jdbc.update("""
        INSERT INTO lac_review (id, child_id, process_instance_id, review_number, review_date, review_code,
          outcome, recommendations, chaired_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        UUID.randomUUID().toString(), childId, processInstanceId, number, reviewDate, reviewCode, outcome,
        recommendations, chairedBy, utc(at));
  }

  public void insertVisit(String childId, String processInstanceId, LocalDate visitDate, boolean seenAlone,
      LocalDate placementStart, boolean firstVisitToPlacement, String visitedBy, Instant at) {
    jdbc.update("""
        INSERT INTO lac_visit (id, child_id, process_instance_id, visit_date, child_seen_alone, placement_start,
          first_visit_to_placement, visited_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        UUID.randomUUID().toString(), childId, processInstanceId, visitDate, seenAlone, placementStart,
        firstVisitToPlacement, visitedBy, utc(at));
  }

  public void insertHealthAssessment(String childId, String processInstanceId, String type, LocalDate date,
      LocalDate dentalCheck, boolean immunisationsUpToDate, String recordedBy, Instant at) {
    jdbc.update("""
        INSERT INTO health_assessment (id, child_id, process_instance_id, assessment_type, assessment_date,
          dental_check_date, immunisations_up_to_date, recorded_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        UUID.randomUUID().toString(), childId, processInstanceId, type, date, dentalCheck, immunisationsUpToDate,
        recordedBy, utc(at));
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
