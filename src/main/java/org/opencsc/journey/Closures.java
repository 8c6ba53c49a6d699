package org.opencsc.journey;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.opencsc.calendar.LondonTime;
import org.opencsc.children.Child;
import org.opencsc.children.ChildRepository;
import org.opencsc.children.DeathDate;
import org.opencsc.children.DfeCodes;
import org.opencsc.children.Sql;
import org.opencsc.engine.FormValues;
import org.opencsc.engine.InvalidFieldValue;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Ends the child's CIN episode when the journey closes or steps down (bean {@code closures}). The
 * reason is the CIN census ReasonForClosure the deciding stage recorded and had signed off.
 */
@Component("closures")
public class Closures {

  /** Stepped down to early help after social care involvement. */
  static final String STEP_DOWN = "RC9";
  /** Services ceased for any other reason, including the child no longer being in need. */
  static final String OTHER = "RC7";

  private final JdbcTemplate jdbc;
  private final ChildRepository children;

  public Closures(JdbcTemplate jdbc, ChildRepository children) {
    this.jdbc = jdbc;
    this.children = children;
  }

  public void close(DelegateExecution execution) {
    String childId = (String) execution.getVariable("childId");
    Object given = execution.getVariable("closureReason");
    String reason = given != null && DfeCodes.REASON_FOR_CLOSURE.contains(given.toString()) ? given.toString()
        : "EARLY_HELP".equals(execution.getVariable("nextStage")) ? STEP_DOWN : OTHER;
    LocalDate today = LondonTime.dateOf(ClockUtil.getCurrentTime().toInstant());
    if (DeathDate.DIED.equals(reason)) {
      recordDeath(execution, childId, today);
    }
    jdbc.update("UPDATE referral SET closure_date = ?, closure_reason = ? WHERE child_id = ? AND closure_date IS NULL",
        today, reason, childId);
    // a closed case is no longer on anyone's caseload
    jdbc.update("UPDATE allocation SET ended_at = ? WHERE child_id = ? AND ended_at IS NULL",
        org.opencsc.children.Sql.utc(ClockUtil.getCurrentTime().toInstant()), childId);
    execution.setVariable("closureReason", reason);
  }

  /**
   * CIN census PersonDeathDate from the closing form of whichever stage closed the case (returned to the
   * journey as {@code personDeathDate}); a closure because the child died is refused without it.
   */
  private void recordDeath(DelegateExecution execution, String childId, LocalDate today) {
    LocalDate death = FormValues.parseDate(execution.getVariable(DeathDate.FIELD), DeathDate.FIELD);
    if (death == null) {
      throw new InvalidFieldValue(DeathDate.FIELD, DeathDate.NEEDED);
    }
    LocalDate dateOfBirth = children.findById(childId).map(Child::dateOfBirth).orElse(null);
    LocalDate referral = jdbc.query(
        "SELECT MAX(referral_date) AS referral_date FROM referral WHERE child_id = ? AND closure_date IS NULL",
        (rs, row) -> Sql.date(rs, "referral_date"), childId).stream().findFirst().orElse(null);
    String problem = DeathDate.problem(death, dateOfBirth, today);
    if (problem == null && referral != null && death.isBefore(referral)) {
      // CIN census rule 8555: a child cannot be referred after their recorded death
      problem = "must not be before the referral on " + referral;
    }
    if (problem != null) {
      throw new InvalidFieldValue(DeathDate.FIELD, problem);
    }
    children.recordDeathDate(childId, death);
  }
}
