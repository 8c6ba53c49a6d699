package org.opencsc.childinneed;

import java.time.LocalDate;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Child in need plans ({@code cin_plan}) and their reviews ({@code cin_plan_review}), V5__child_in_need.sql. */
@Repository
public class ChildInNeedRepository {

  private final JdbcTemplate jdbc;

  public ChildInNeedRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Stores an authorised plan and returns its id. */
  public String insertPlan(String childId, String processInstanceId, LocalDate startDate, String goals,
      String whoDoesWhat, String agreedBy, String authorisedBy, LocalDate authorisationDate) {
    String id = UUID.randomUUID().toString();
    jdbc.update("""
        INSERT INTO cin_plan (id, child_id, process_instance_id, start_date, goals, who_does_what,
          agreed_by, authorised_by, authorisation_date)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        id, childId, processInstanceId, startDate, goals, whoDoesWhat, agreedBy, authorisedBy, authorisationDate);
    return id;
  }

  public void insertReview(String planId, String childId, int reviewNumber, LocalDate reviewDate, LocalDate dueDate,
      LocalDate childSeenDate, String progress, String outcome, String closureReason, String reviewedBy,
      String signedOffBy, LocalDate signedOffDate) {
    jdbc.update("""
        INSERT INTO cin_plan_review (id, cin_plan_id, child_id, review_number, review_date, due_date,
          child_seen_date, progress, outcome, closure_reason, reviewed_by, signed_off_by, signed_off_date)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        UUID.randomUUID().toString(), planId, childId, reviewNumber, reviewDate, dueDate, childSeenDate,
        progress, outcome, closureReason, reviewedBy, signedOffBy, signedOffDate);
  }

  /** CINPlanEndDate: the plan ended at the review that decided so. */
  public void endPlan(String planId, LocalDate endDate, String endOutcome, String closureReason) {
    int updated = jdbc.update(
        "UPDATE cin_plan SET end_date = ?, end_outcome = ?, closure_reason = ? WHERE id = ? AND end_date IS NULL",
        endDate, endOutcome, closureReason, planId);
    if (updated != 1) {
      throw new IllegalStateException("No open child in need plan " + planId);
    }
  }
}
