package org.opencsc.protection;

import static org.opencsc.children.Sql.utc;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Tables {@code strategy_discussion} and {@code section47} (V3__section47.sql). */
@Repository
public class Section47Repository {

  private final JdbcTemplate jdbc;

  public Section47Repository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * One row per strategy discussion, identified by its STRATEGY_DISCUSSION deadline: a discussion
   * corrected after a manager returned the decision updates its row instead of adding another.
   */
  public void saveStrategyDiscussion(String childId, String processInstanceId, String deadlineId,
      StrategyDiscussionRecord d, String recordedBy, Instant at) {
    int updated = jdbc.update("""
        UPDATE strategy_discussion SET discussion_date = ?, police_attended = ?, health_attended = ?,
          social_care_attended = ?, other_agencies = ?, decision = ?, reasons = ?, next_stage = ?,
          closure_reason = ?, recorded_by = ?, recorded_at = ?
        WHERE deadline_id = ?""",
        d.discussionDate(), d.policeAttended(), d.healthAttended(), d.socialCareAttended(), d.otherAgencies(),
        d.decision(), d.reasons(), d.noEnquiryNextStage(), d.closureReason(), recordedBy, utc(at), deadlineId);
    if (updated == 0) {
      jdbc.update("""
          INSERT INTO strategy_discussion (id, child_id, process_instance_id, deadline_id, discussion_date,
            police_attended, health_attended, social_care_attended, other_agencies, decision, reasons,
            next_stage, closure_reason, recorded_by, recorded_at)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
          UUID.randomUUID().toString(), childId, processInstanceId, deadlineId, d.discussionDate(),
          d.policeAttended(), d.healthAttended(), d.socialCareAttended(), d.otherAgencies(), d.decision(),
          d.reasons(), d.noEnquiryNextStage(), d.closureReason(), recordedBy, utc(at));
    }
  }

  public void recordDecisionSignedOff(String deadlineId, String signedOffBy, LocalDate on) {
    jdbc.update("UPDATE strategy_discussion SET decision_signed_off_by = ?, decision_signed_off_on = ? "
        + "WHERE deadline_id = ?", signedOffBy, on, deadlineId);
  }

  /** The latest discussion date of this enquiry other than the discussion {@code exceptDeadlineId}. */
  public LocalDate previousDiscussionDate(String processInstanceId, String exceptDeadlineId) {
    return jdbc.queryForObject("""
        SELECT MAX(discussion_date) FROM strategy_discussion
        WHERE process_instance_id = ? AND (deadline_id IS NULL OR deadline_id <> ?)""",
        LocalDate.class, processInstanceId, exceptDeadlineId == null ? "" : exceptDeadlineId);
  }

  public int countDiscussions(String processInstanceId) {
    Integer count = jdbc.queryForObject(
        "SELECT COUNT(*) FROM strategy_discussion WHERE process_instance_id = ?", Integer.class, processInstanceId);
    return count == null ? 0 : count;
  }

  public void insertSection47(String childId, String processInstanceId, LocalDate actualStartDate,
      LocalDate initialCpcTarget, LocalDate latestDiscussion, int discussions, Section47EnquiryRecord e,
      String completedBy, String authorisedBy, LocalDate authorisationDate) {
    jdbc.update("""
        INSERT INTO section47 (id, child_id, process_instance_id, s47_actual_start_date, initial_cpc_target,
          latest_strategy_discussion_date, strategy_discussions, child_seen_date, child_seen_alone, findings,
          outcome, icpc_not_required, closure_reason, completed_by, authorised_by, authorisation_date)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        UUID.randomUUID().toString(), childId, processInstanceId, actualStartDate, initialCpcTarget,
        latestDiscussion, discussions, e.childSeenDate(), e.childSeenAlone(), e.findings(), e.outcome(),
        !Section47EnquiryRecord.ICPC.equals(e.outcome()), e.closureReason(), completedBy, authorisedBy,
        authorisationDate);
  }
}
