package org.opencsc.leavingcare;

import static org.opencsc.children.Sql.utc;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Tables {@code leaving_care} and {@code pathway_plan} (V8__leaving_care.sql). */
@Repository
public class LeavingCareRepository {

  private final JdbcTemplate jdbc;

  public LeavingCareRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public String open(String childId, String processInstanceId, LocalDate dateOfBirth, LocalDate eligibilityDate,
      Instant now) {
    String id = UUID.randomUUID().toString();
    jdbc.update("""
        INSERT INTO leaving_care (id, child_id, process_instance_id, date_of_birth, eligibility_date, created_at)
        VALUES (?, ?, ?, ?, ?, ?)""", id, childId, processInstanceId, dateOfBirth, eligibilityDate, utc(now));
    return id;
  }

  public void allocateAdviser(String id, String adviser, Instant at, String allocatedBy, String overLimitReason) {
    jdbc.update("""
        UPDATE leaving_care SET personal_adviser = ?, adviser_allocated_at = ?, adviser_allocated_by = ?,
          over_limit_reason = ? WHERE id = ?""", adviser, utc(at), allocatedBy, overLimitReason, id);
  }

  /** Young people a personal adviser supports now (one case = one young person). */
  public int openCaseCount(String adviser) {
    Integer count = jdbc.queryForObject(
        "SELECT COUNT(*) FROM leaving_care WHERE personal_adviser = ? AND support_ended_on IS NULL",
        Integer.class, adviser);
    return count == null ? 0 : count;
  }

  public void recordNeedsAssessment(String id, LocalDate date, String needs, String assessedBy) {
    jdbc.update("UPDATE leaving_care SET needs_assessment_date = ?, needs = ?, needs_assessed_by = ? WHERE id = ?",
        date, needs, assessedBy, id);
  }

  public void recordPlan(String leavingCareId, String childId, String kind, PathwayPlanRecord plan,
      String writtenBy, String signedOffBy, LocalDate signedOffDate) {
    jdbc.update("""
        INSERT INTO pathway_plan (id, leaving_care_id, child_id, kind, plan_date, pathway_status, activity,
          accommodation, accommodation_suitable, accom_code, in_touch, staying_put, summary, written_by,
          signed_off_by, signed_off_date)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        UUID.randomUUID().toString(), leavingCareId, childId, kind, plan.date(), plan.pathwayStatus(),
        plan.activity(), plan.accommodation(), plan.accommodationSuitable(), plan.accomCode(), plan.inTouch(),
        plan.stayingPut(), plan.summary(), writtenBy, signedOffBy, signedOffDate);
    jdbc.update("UPDATE leaving_care SET staying_put = ? WHERE id = ?", plan.stayingPut(), leavingCareId);
  }

  public void recordSupportTo25(String id, boolean requested) {
    jdbc.update("UPDATE leaving_care SET support_to_25 = ? WHERE id = ?", requested, id);
  }

  public void endSupport(String id, LocalDate endedOn, String reason) {
    jdbc.update("UPDATE leaving_care SET support_ended_on = ?, support_end_reason = ? WHERE id = ?",
        endedOn, reason, id);
  }
}
