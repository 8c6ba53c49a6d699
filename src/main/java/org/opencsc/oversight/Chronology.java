package org.opencsc.oversight;

import static org.opencsc.children.Sql.date;
import static org.opencsc.children.Sql.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.opencsc.calendar.LondonTime;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * A child's chronology: the significant events of the journey in date order, read from the case
 * records each stage keeps (not from task history, which the audit trail shows).
 */
@Service
public class Chronology {

  private final JdbcTemplate jdbc;

  public Chronology(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public List<ChronologyEvent> forChild(String childId) {
    List<ChronologyEvent> events = new ArrayList<>();
    add(events, childId, "SELECT received_at, source, outcome, decided_by FROM contact WHERE child_id = ?",
        rs -> event(LondonTime.dateOf(instant(rs, "received_at")), "CONTACT",
            "Contact received (source " + rs.getString("source") + ")", rs.getString("decided_by"), rs.getString("outcome")));
    add(events, childId, "SELECT referral_date, primary_need FROM referral WHERE child_id = ?",
        rs -> event(date(rs, "referral_date"), "REFERRAL", "Referral accepted (primary need "
            + rs.getString("primary_need") + ")", null, null));
    add(events, childId, "SELECT closure_date, closure_reason FROM referral WHERE child_id = ? AND closure_date IS NOT NULL",
        rs -> event(date(rs, "closure_date"), "CLOSURE", "Case closed", null, rs.getString("closure_reason")));
    add(events, childId, "SELECT allocated_at, worker_id, team, allocated_by FROM allocation WHERE child_id = ?",
        rs -> event(LondonTime.dateOf(instant(rs, "allocated_at")), "ALLOCATION",
            "Allocated to " + rs.getString("worker_id") + " (" + rs.getString("team") + ") by " + rs.getString("allocated_by"),
            rs.getString("worker_id"), null));
    add(events, childId, "SELECT transferred_at, from_team, to_team, reason FROM transfer WHERE child_id = ?",
        rs -> event(LondonTime.dateOf(instant(rs, "transferred_at")), "TRANSFER",
            "Transferred from " + rs.getString("from_team") + " to " + rs.getString("to_team") + ": " + rs.getString("reason"),
            null, rs.getString("to_team")));
    add(events, childId, "SELECT authorisation_date, completed_by, outcome FROM assessment WHERE child_id = ?",
        rs -> event(date(rs, "authorisation_date"), "ASSESSMENT", "Child and family assessment authorised",
            rs.getString("completed_by"), rs.getString("outcome")));
    add(events, childId, "SELECT discussion_date, decision, recorded_by FROM strategy_discussion WHERE child_id = ?",
        rs -> event(date(rs, "discussion_date"), "STRATEGY_DISCUSSION", "Strategy discussion",
            rs.getString("recorded_by"), rs.getString("decision")));
    add(events, childId, "SELECT authorisation_date, outcome, completed_by FROM section47 WHERE child_id = ?",
        rs -> event(date(rs, "authorisation_date"), "SECTION_47", "Section 47 enquiry concluded",
            rs.getString("completed_by"), rs.getString("outcome")));
    add(events, childId, "SELECT started_at, protection_type, recorded_by FROM immediate_protection WHERE child_id = ?",
        rs -> event(LondonTime.dateOf(instant(rs, "started_at")), "IMMEDIATE_PROTECTION",
            "Immediate protection: " + rs.getString("protection_type"), rs.getString("recorded_by"), null));
    add(events, childId, "SELECT conference_date, outcome, category, chaired_by FROM initial_cp_conference WHERE child_id = ?",
        rs -> event(date(rs, "conference_date"), "CONFERENCE", "Initial child protection conference",
            rs.getString("chaired_by"), outcomeWith(rs.getString("outcome"), rs.getString("category"))));
    add(events, childId, "SELECT start_date, initial_category, previous_plans FROM cp_plan WHERE child_id = ?",
        rs -> event(date(rs, "start_date"), "CP_PLAN", "Child protection plan started (previous plans: "
            + rs.getInt("previous_plans") + ")", null, rs.getString("initial_category")));
    add(events, childId, "SELECT end_date, end_reason FROM cp_plan WHERE child_id = ? AND end_date IS NOT NULL",
        rs -> event(date(rs, "end_date"), "CP_PLAN_ENDED", "Child protection plan ended", null, rs.getString("end_reason")));
    add(events, childId, "SELECT review_date, outcome, chaired_by FROM cp_review WHERE child_id = ?",
        rs -> event(date(rs, "review_date"), "REVIEW", "Child protection review conference",
            rs.getString("chaired_by"), rs.getString("outcome")));
    add(events, childId, "SELECT meeting_date, recorded_by FROM core_group WHERE child_id = ?",
        rs -> event(date(rs, "meeting_date"), "CORE_GROUP", "Core group meeting", rs.getString("recorded_by"), null));
    add(events, childId, "SELECT visit_date, child_seen, seen_alone, recorded_by FROM cp_visit WHERE child_id = ?",
        rs -> event(date(rs, "visit_date"), "VISIT", "Child protection visit", rs.getString("recorded_by"),
            seen(rs.getBoolean("child_seen"), rs.getBoolean("seen_alone"))));
    add(events, childId, "SELECT start_date, agreed_by FROM cin_plan WHERE child_id = ?",
        rs -> event(date(rs, "start_date"), "CIN_PLAN", "Child in need plan agreed", rs.getString("agreed_by"), null));
    add(events, childId, "SELECT end_date, end_outcome FROM cin_plan WHERE child_id = ? AND end_date IS NOT NULL",
        rs -> event(date(rs, "end_date"), "CIN_PLAN_ENDED", "Child in need plan ended", null, rs.getString("end_outcome")));
    add(events, childId, "SELECT review_date, outcome, reviewed_by FROM cin_plan_review WHERE child_id = ?",
        rs -> event(date(rs, "review_date"), "REVIEW", "Child in need plan review", rs.getString("reviewed_by"),
            rs.getString("outcome")));
    add(events, childId, "SELECT decision_date, decision, decided_by FROM legal_gateway WHERE child_id = ?",
        rs -> event(date(rs, "decision_date"), "LEGAL_GATEWAY", "Legal gateway decision", rs.getString("decided_by"),
            rs.getString("decision")));
    add(events, childId, "SELECT issue_date, court, issued_by FROM proceedings WHERE child_id = ?",
        rs -> event(date(rs, "issue_date"), "PROCEEDINGS", "Care proceedings issued", rs.getString("issued_by"), null));
    add(events, childId, "SELECT hearing_date, hearing_type, interim_order, final_order, recorded_by FROM hearing WHERE child_id = ?",
        rs -> event(date(rs, "hearing_date"), "HEARING", "Hearing: " + rs.getString("hearing_type"),
            rs.getString("recorded_by"), rs.getString("final_order") != null ? rs.getString("final_order") : rs.getString("interim_order")));
    add(events, childId, "SELECT decom, rne, ls, place, recorded_by FROM lac_episode WHERE child_id = ?",
        rs -> event(date(rs, "decom"), "PLACEMENT", placementText(rs.getString("rne")) + " (legal status "
            + rs.getString("ls") + ", placement " + rs.getString("place") + ")", rs.getString("recorded_by"), null));
    add(events, childId, "SELECT dec_date, rec, recorded_by FROM lac_episode WHERE child_id = ? AND rec IS NOT NULL",
        rs -> event(date(rs, "dec_date"), "CEASED_CARE", "Ceased to be looked after", rs.getString("recorded_by"),
            rs.getString("rec")));
    add(events, childId, "SELECT review_date, outcome, chaired_by FROM lac_review WHERE child_id = ?",
        rs -> event(date(rs, "review_date"), "LAC_REVIEW", "Looked-after review", rs.getString("chaired_by"),
            rs.getString("outcome")));
    add(events, childId, "SELECT visit_date, child_seen_alone, visited_by FROM lac_visit WHERE child_id = ?",
        rs -> event(date(rs, "visit_date"), "VISIT", "Statutory visit to a looked-after child", rs.getString("visited_by"),
            rs.getBoolean("child_seen_alone") ? "seen alone" : "seen"));
    add(events, childId, "SELECT plan_date, kind, pathway_status, written_by FROM pathway_plan WHERE child_id = ?",
        rs -> event(date(rs, "plan_date"), "PATHWAY_PLAN", "REVIEW".equals(rs.getString("kind"))
            ? "Pathway plan review" : "Pathway plan", rs.getString("written_by"), rs.getString("pathway_status")));
    events.sort(Comparator.comparing(ChronologyEvent::date));
    return events;
  }

  private static String placementText(String rne) {
    return switch (rne) {
      case "S" -> "Started to be looked after";
      case "L" -> "Legal status changed";
      default -> "Placement changed";
    };
  }

  private static String outcomeWith(String outcome, String category) {
    return category == null ? outcome : outcome + " (" + category + ")";
  }

  private static String seen(boolean seen, boolean alone) {
    return !seen ? "child not seen" : alone ? "child seen alone" : "child seen";
  }

  private static ChronologyEvent event(LocalDate date, String kind, String what, String worker, String outcome) {
    return new ChronologyEvent(date, kind, what, worker, outcome);
  }

  private void add(List<ChronologyEvent> events, String childId, String sql, Row row) {
    jdbc.query(sql, rs -> {
      events.add(row.read(rs));
    }, childId);
  }

  @FunctionalInterface
  private interface Row {
    ChronologyEvent read(ResultSet rs) throws SQLException;
  }
}
