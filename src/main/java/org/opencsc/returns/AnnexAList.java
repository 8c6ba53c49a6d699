package org.opencsc.returns;

import java.util.List;

/**
 * One list of Ofsted's Annex A: its sheet name, the columns after the common ones, and the query that
 * selects {@code la_child_id, sex, ethnicity, date_of_birth} then those columns in order (null when the
 * journey does not record the list yet: the sheet is written with its header row only).
 */
record AnnexAList(String sheet, List<String> columns, String sql) {

  static final List<String> COMMON = List.of("Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age");

  static final String CHILD = "c.la_child_id, c.sex, c.ethnicity, c.date_of_birth";

  /** The eleven lists in Ofsted's order. Parameters: from, to (dates), fromAt, toBefore (instants), yearAgo. */
  static final List<AnnexAList> ALL = List.of(
      new AnnexAList("List 1 Contacts", List.of("Contact date", "Contact source", "Contact outcome"), """
          SELECT %s, k.received_at, k.source, k.outcome FROM contact k JOIN child c ON c.id = k.child_id
          WHERE k.received_at >= :fromAt AND k.received_at < :toBefore ORDER BY k.received_at, c.la_child_id"""),
      new AnnexAList("List 2 Early help", List.of("Date of decision to step down to early help", "Decided by"), """
          SELECT %s, k.decided_at, k.decided_by FROM contact k JOIN child c ON c.id = k.child_id
          WHERE k.outcome = 'EARLY_HELP' AND k.decided_at >= :fromAt AND k.decided_at < :toBefore
          ORDER BY k.decided_at, c.la_child_id"""),
      new AnnexAList("List 3 Referrals", List.of("Referral date", "Referral source", "Referral NFA?",
          "Referrals in the last 12 months", "Allocated team", "Allocated worker"), """
          SELECT %s, r.referral_date, r.source,
            CASE WHEN r.closure_date IS NOT NULL AND NOT EXISTS (SELECT 1 FROM assessment a WHERE a.child_id = r.child_id
              AND a.authorisation_date BETWEEN r.referral_date AND r.closure_date) THEN 'Yes' ELSE 'No' END,
            (SELECT COUNT(*) FROM referral r2 WHERE r2.child_id = r.child_id AND r2.referral_date > :yearAgo
              AND r2.referral_date <= :to),
            (SELECT a.team FROM allocation a WHERE a.child_id = r.child_id AND a.allocated_at >= r.accepted_at
              ORDER BY a.allocated_at FETCH FIRST 1 ROWS ONLY),
            (SELECT a.worker_id FROM allocation a WHERE a.child_id = r.child_id AND a.allocated_at >= r.accepted_at
              ORDER BY a.allocated_at FETCH FIRST 1 ROWS ONLY)
          FROM referral r JOIN child c ON c.id = r.child_id
          WHERE r.referral_date BETWEEN :from AND :to ORDER BY r.referral_date, c.la_child_id"""),
      new AnnexAList("List 4 Assessments", List.of("Assessment start date", "Date child seen",
          "Assessment authorisation date", "Assessment outcome", "Team", "Worker"), """
          SELECT %s, a.start_date, a.child_seen_date, a.authorisation_date, a.outcome,
            (SELECT l.team FROM allocation l WHERE l.child_id = a.child_id AND l.worker_id = a.completed_by
              ORDER BY l.allocated_at DESC FETCH FIRST 1 ROWS ONLY),
            a.completed_by
          FROM assessment a JOIN child c ON c.id = a.child_id
          WHERE a.authorisation_date BETWEEN :from AND :to OR a.start_date BETWEEN :from AND :to
          ORDER BY a.authorisation_date, c.la_child_id"""),
      new AnnexAList("List 5 Section 47 and ICPC", List.of("Strategy discussion date", "Strategy decision",
          "Section 47 start date", "ICPC not required?", "ICPC date", "Resulted in a child protection plan?",
          "Section 47 enquiries in the last 12 months", "ICPCs in the last 12 months"), """
          SELECT %s, sd.discussion_date, sd.decision, s.s47_actual_start_date,
            CASE WHEN s.id IS NULL THEN NULL WHEN s.icpc_not_required THEN 'Yes' ELSE 'No' END,
            (SELECT MIN(i.conference_date) FROM initial_cp_conference i WHERE i.child_id = sd.child_id
              AND i.conference_date >= sd.discussion_date),
            CASE WHEN EXISTS (SELECT 1 FROM cp_plan p JOIN initial_cp_conference i ON i.id = p.conference_id
              WHERE p.child_id = sd.child_id AND i.conference_date >= sd.discussion_date) THEN 'Yes' ELSE 'No' END,
            (SELECT COUNT(*) FROM section47 s2 WHERE s2.child_id = sd.child_id
              AND s2.s47_actual_start_date > :yearAgo AND s2.s47_actual_start_date <= :to),
            (SELECT COUNT(*) FROM initial_cp_conference i2 WHERE i2.child_id = sd.child_id
              AND i2.conference_date > :yearAgo AND i2.conference_date <= :to)
          FROM strategy_discussion sd JOIN child c ON c.id = sd.child_id
          LEFT JOIN section47 s ON s.process_instance_id = sd.process_instance_id
          WHERE sd.discussion_date BETWEEN :from AND :to ORDER BY sd.discussion_date, c.la_child_id"""),
      new AnnexAList("List 6 Children in need", List.of("CIN plan start date", "Primary need",
          "Date child last seen", "Case closure date", "Reason for closure"), """
          SELECT %s, p.start_date,
            (SELECT r.primary_need FROM referral r WHERE r.child_id = p.child_id AND r.referral_date <= p.start_date
              ORDER BY r.referral_date DESC FETCH FIRST 1 ROWS ONLY),
            (SELECT MAX(v.child_seen_date) FROM cin_plan_review v WHERE v.cin_plan_id = p.id),
            p.end_date, p.closure_reason
          FROM cin_plan p JOIN child c ON c.id = p.child_id
          WHERE p.start_date <= :to AND (p.end_date IS NULL OR p.end_date >= :from)
          ORDER BY p.start_date, c.la_child_id"""),
      new AnnexAList("List 7 Child protection", List.of("Plan start date", "Initial category of abuse",
          "Latest category of abuse", "Date of last visit", "Child seen alone at last visit?",
          "Date of latest review conference", "Plan end date", "Number of previous plans"), """
          SELECT %s, p.start_date, p.initial_category, p.latest_category,
            (SELECT MAX(v.visit_date) FROM cp_visit v WHERE v.plan_id = p.id AND v.visit_date <= :to),
            (SELECT CASE WHEN v.seen_alone THEN 'Yes' ELSE 'No' END FROM cp_visit v WHERE v.plan_id = p.id
              AND v.visit_date <= :to ORDER BY v.visit_date DESC FETCH FIRST 1 ROWS ONLY),
            (SELECT MAX(r.review_date) FROM cp_review r WHERE r.plan_id = p.id AND r.review_date <= :to),
            p.end_date, p.previous_plans
          FROM cp_plan p JOIN child c ON c.id = p.child_id
          WHERE p.start_date <= :to AND (p.end_date IS NULL OR p.end_date >= :from)
          ORDER BY p.start_date, c.la_child_id"""),
      new AnnexAList("List 8 Children in care", List.of("Legal status", "Date of latest review",
          "Date of last visit", "Date of last health assessment", "Date of last dental check",
          "Placements in the last 12 months", "Placement type", "Placement provider", "Placement postcode",
          "Missing episodes in the last 12 months", "Permanence plan"), """
          SELECT %s, e.ls,
            (SELECT MAX(r.review_date) FROM lac_review r WHERE r.child_id = e.child_id AND r.review_date <= :to),
            (SELECT MAX(v.visit_date) FROM lac_visit v WHERE v.child_id = e.child_id AND v.visit_date <= :to),
            (SELECT MAX(h.assessment_date) FROM health_assessment h WHERE h.child_id = e.child_id
              AND h.assessment_date <= :to),
            (SELECT MAX(h.dental_check_date) FROM health_assessment h WHERE h.child_id = e.child_id
              AND h.dental_check_date <= :to),
            (SELECT COUNT(*) FROM lac_episode p WHERE p.child_id = e.child_id AND p.rne IN ('S', 'P', 'T', 'U', 'B')
              AND p.decom > :yearAgo AND p.decom <= :to),
            e.place, e.place_provider, e.pl_post,
            (SELECT COUNT(*) FROM missing_episode m WHERE m.child_id = e.child_id AND m.mis_start > :yearAgo
              AND m.mis_start <= :to),
            (SELECT p.permanence_plan FROM lac_care_plan p WHERE p.child_id = e.child_id AND p.care_plan_date <= :to
              ORDER BY p.care_plan_date DESC, p.created_at DESC FETCH FIRST 1 ROWS ONLY)
          FROM lac_episode e JOIN child c ON c.id = e.child_id
          WHERE e.decom <= :to AND (e.dec_date IS NULL OR e.dec_date >= :from)
            AND e.decom = (SELECT MAX(x.decom) FROM lac_episode x WHERE x.child_id = e.child_id AND x.decom <= :to)
          ORDER BY c.la_child_id"""),
      new AnnexAList("List 9 Care leavers", List.of("Date became eligible", "Date of latest pathway plan or review",
          "In touch", "Accommodation", "Activity"), """
          SELECT %s, l.eligibility_date, p.plan_date, p.in_touch, p.accom_code, p.activity
          FROM leaving_care l JOIN child c ON c.id = l.child_id
          LEFT JOIN pathway_plan p ON p.leaving_care_id = l.id AND p.plan_date = (SELECT MAX(q.plan_date)
            FROM pathway_plan q WHERE q.leaving_care_id = l.id AND q.plan_date <= :to)
          WHERE l.eligibility_date <= :to AND (l.support_ended_on IS NULL OR l.support_ended_on >= :from)
          ORDER BY c.la_child_id"""),
      AdoptionAnnexA.LIST_10,
      AdoptionAnnexA.LIST_11);

  String query() {
    return sql == null ? null : sql.formatted(CHILD);
  }
}
