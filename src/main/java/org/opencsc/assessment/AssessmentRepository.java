package org.opencsc.assessment;

import java.time.LocalDate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
public class AssessmentRepository {

  private final JdbcTemplate jdbc;

  public AssessmentRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(String id, String childId, String journeyId, AssessmentRecord a,
      String completedBy, String authorisedBy, LocalDate authorisationDate) {
    jdbc.update("""
        INSERT INTO assessment (id, child_id, journey_id, start_date, child_seen_date, child_seen_alone,
          factors, worries, strengths, safety_scale, outcome, analysis, completed_by, authorised_by,
          authorisation_date, internal_review_date)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        id, childId, journeyId, a.startDate(), a.childSeenDate(), a.childSeenAlone(),
        String.join(",", a.factors()), a.worries(), a.strengths(), a.safetyScale(), a.outcome(),
        a.analysis(), completedBy, authorisedBy, authorisationDate, a.internalReviewDate());
  }
}
