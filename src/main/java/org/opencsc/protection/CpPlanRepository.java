package org.opencsc.protection;

import static org.opencsc.children.Sql.utc;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The child protection records (Flyway V4__child_protection.sql) that the returns are produced from. */
@Repository
public class CpPlanRepository {

  private final JdbcTemplate jdbc;

  public CpPlanRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public void insertConference(String id, String childId, String processInstanceId, LocalDate strategyDiscussionDate,
      LocalDate conferenceDate, LocalDate icpcDueDate, String outcome, String category, String attendance,
      String decisionReasons, String chairedBy, Instant recordedAt) {
    jdbc.update("""
        INSERT INTO initial_cp_conference (id, child_id, process_instance_id, strategy_discussion_date,
          conference_date, icpc_due_date, outcome, category, attendance, decision_reasons, chaired_by, recorded_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        id, childId, processInstanceId, strategyDiscussionDate, conferenceDate, icpcDueDate, outcome, category,
        attendance, decisionReasons, chairedBy, utc(recordedAt));
  }

  /** NI 65 and the census NumberOfPreviousCPP: plans this child had before. */
  public int countPlans(String childId) {
    Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM cp_plan WHERE child_id = ?", Integer.class, childId);
    return count == null ? 0 : count;
  }

  public void insertPlan(String id, String childId, String processInstanceId, String conferenceId, LocalDate startDate,
      String category, int previousPlans, Instant createdAt) {
    jdbc.update("""
        INSERT INTO cp_plan (id, child_id, process_instance_id, conference_id, start_date, initial_category,
          latest_category, previous_plans, second_or_subsequent, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        id, childId, processInstanceId, conferenceId, startDate, category, category, previousPlans,
        previousPlans > 0, utc(createdAt));
  }

  public Optional<LocalDate> planStart(String planId) {
    return jdbc.queryForList("SELECT start_date FROM cp_plan WHERE id = ?", LocalDate.class, planId).stream()
        .findFirst();
  }

  public void updateLatestCategory(String planId, String category) {
    jdbc.update("UPDATE cp_plan SET latest_category = ? WHERE id = ?", category, planId);
  }

  public void endPlan(String planId, LocalDate endDate, String reason) {
    jdbc.update("UPDATE cp_plan SET end_date = ?, end_reason = ? WHERE id = ? AND end_date IS NULL",
        endDate, reason, planId);
  }

  public void flagTwoYears(String planId, Instant at) {
    jdbc.update("UPDATE cp_plan SET lasted_two_years_flagged_at = ? WHERE id = ?", utc(at), planId);
  }

  public void recordTwoYearReview(String planId, String by, String notes) {
    jdbc.update("UPDATE cp_plan SET two_year_review_by = ?, two_year_review_notes = ? WHERE id = ?",
        by, notes, planId);
  }

  public void insertReview(String id, String planId, String childId, LocalDate reviewDate, String timescaleId,
      LocalDate dueDate, String outcome, String category, boolean legalGateway, String legalGatewayReason,
      String legalGatewaySignedOffBy, String summary, String chairedBy, Instant recordedAt) {
    jdbc.update("""
        INSERT INTO cp_review (id, plan_id, child_id, review_date, timescale_id, due_date, outcome, latest_category,
          legal_gateway, legal_gateway_reason, legal_gateway_signed_off_by, summary, chaired_by, recorded_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        id, planId, childId, reviewDate, timescaleId, dueDate, outcome, category, legalGateway, legalGatewayReason,
        legalGatewaySignedOffBy, summary, chairedBy, utc(recordedAt));
  }

  public void insertCoreGroup(String id, String planId, String childId, LocalDate meetingDate, boolean first,
      String timescaleId, LocalDate dueDate, String progress, String recordedBy, Instant recordedAt) {
    jdbc.update("""
        INSERT INTO core_group (id, plan_id, child_id, meeting_date, first_after_conference, timescale_id, due_date,
          progress, recorded_by, recorded_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        id, planId, childId, meetingDate, first, timescaleId, dueDate, progress, recordedBy, utc(recordedAt));
  }

  public void insertVisit(String id, String planId, String childId, LocalDate visitDate, boolean childSeen,
      boolean seenAlone, LocalDate dueDate, String notes, String recordedBy, Instant recordedAt) {
    jdbc.update("""
        INSERT INTO cp_visit (id, plan_id, child_id, visit_date, child_seen, seen_alone, due_date, notes,
          recorded_by, recorded_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        id, planId, childId, visitDate, childSeen, seenAlone, dueDate, notes, recordedBy, utc(recordedAt));
  }

  /** The latest date already recorded in {@code table} ({@code core_group}, {@code cp_visit}, {@code cp_review}). */
  public Optional<LocalDate> latest(String table, String dateColumn, String planId) {
    if (!List.of("core_group", "cp_visit", "cp_review").contains(table)) {
      throw new IllegalArgumentException(table);
    }
    return Optional.ofNullable(jdbc.queryForObject(
        "SELECT MAX(" + dateColumn + ") FROM " + table + " WHERE plan_id = ?", LocalDate.class, planId));
  }

}
