package org.opencsc.care;

import static org.opencsc.children.Sql.utc;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The legal gateway, pre-proceedings, proceedings and hearing records (tables {@code legal_gateway},
 * {@code proceedings}, {@code hearing}, Flyway V6): what the returns and Annex A need about the legal track.
 */
@Repository
public class ProceedingsRepository {

  private final JdbcTemplate jdbc;

  public ProceedingsRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void insertLegalGateway(String id, String childId, String processInstanceId, String concerns,
      String supportTried, String preparedBy, String thresholdMet, String legalAdvice, String recommendedRoute,
      String advisedBy, String decision, String decisionReason, String decidedBy, LocalDate decisionDate,
      Instant recordedAt) {
    jdbc.update("""
        INSERT INTO legal_gateway (id, child_id, process_instance_id, concerns, support_tried, prepared_by,
          threshold_met, legal_advice, recommended_route, advised_by, decision, decision_reason, decided_by,
          decision_date, pre_proceedings_meetings, recorded_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)""",
        id, childId, processInstanceId, concerns, supportTried, preparedBy, thresholdMet, legalAdvice,
        recommendedRoute, advisedBy, decision, decisionReason, decidedBy, decisionDate, utc(recordedAt));
  }

  void recordPreProceedingsReview(String legalGatewayId, LocalDate letterSentDate, LocalDate meetingDate,
      boolean parentsAttended, boolean representativesAttended, String outcome, String reviewedBy,
      LocalDate reviewDate) {
    jdbc.update("""
        UPDATE legal_gateway SET letter_sent_date = ?,
          first_meeting_date = COALESCE(first_meeting_date, ?), latest_meeting_date = ?,
          pre_proceedings_meetings = pre_proceedings_meetings + 1,
          parents_attended = ?, representatives_attended = ?,
          pre_proceedings_outcome = ?, pre_proceedings_reviewed_by = ?, pre_proceedings_review_date = ?
        WHERE id = ?""",
        letterSentDate, meetingDate, meetingDate, parentsAttended, representativesAttended, outcome, reviewedBy,
        reviewDate, legalGatewayId);
  }

  void insertProceedings(String id, String childId, String processInstanceId, String legalGatewayId,
      LocalDate issueDate, String court, String applicationType, LocalDate twentySixWeekDate,
      LocalDate cmhEarliestDate, LocalDate cmhDueDate, String issuedBy, Instant recordedAt) {
    jdbc.update("""
        INSERT INTO proceedings (id, child_id, process_instance_id, legal_gateway_id, issue_date, court,
          application_type, twenty_six_week_date, cmh_earliest_date, cmh_due_date, issued_by, recorded_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        id, childId, processInstanceId, legalGatewayId, issueDate, court, applicationType, twentySixWeekDate,
        cmhEarliestDate, cmhDueDate, issuedBy, utc(recordedAt));
  }

  void recordCaseManagementHearing(String proceedingsId, LocalDate cmhDate, boolean byDay18) {
    jdbc.update("UPDATE proceedings SET cmh_date = ?, cmh_by_day_18 = ? WHERE id = ?", cmhDate, byDay18,
        proceedingsId);
  }

  void recordFinalOrder(String proceedingsId, LocalDate finalHearingDate, String finalOrder, long durationDays,
      boolean within26Weeks, LocalDate concludedOn) {
    jdbc.update("""
        UPDATE proceedings SET final_hearing_date = ?, final_order = ?, duration_days = ?, within_26_weeks = ?,
          concluded_on = ?
        WHERE id = ?""", finalHearingDate, finalOrder, durationDays, within26Weeks, concludedOn, proceedingsId);
  }

  void insertHearing(String id, String proceedingsId, String childId, LocalDate hearingDate, String hearingType,
      String interimOrder, boolean childRemovedFromHome, String finalOrder, String notes, String recordedBy,
      Instant recordedAt) {
    jdbc.update("""
        INSERT INTO hearing (id, proceedings_id, child_id, hearing_date, hearing_type, interim_order,
          child_removed_from_home, final_order, notes, recorded_by, recorded_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        id, proceedingsId, childId, hearingDate, hearingType, interimOrder, childRemovedFromHome, finalOrder,
        notes, recordedBy, utc(recordedAt));
  }

  public List<Map<String, Object>> legalGateways(String childId) {
    return jdbc.queryForList("SELECT * FROM legal_gateway WHERE child_id = ? ORDER BY recorded_at", childId);
  }

  public List<Map<String, Object>> proceedings(String childId) {
    return jdbc.queryForList("SELECT * FROM proceedings WHERE child_id = ? ORDER BY issue_date", childId);
  }

  public List<Map<String, Object>> hearings(String childId) {
    return jdbc.queryForList("SELECT * FROM hearing WHERE child_id = ? ORDER BY hearing_date, recorded_at",
        childId);
  }
}
