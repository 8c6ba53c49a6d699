package org.opencsc.journey;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.opencsc.calendar.LondonTime;
import org.opencsc.children.DfeCodes;
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

  public Closures(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public void close(DelegateExecution execution) {
    String childId = (String) execution.getVariable("childId");
    Object given = execution.getVariable("closureReason");
    String reason = given != null && DfeCodes.REASON_FOR_CLOSURE.contains(given.toString()) ? given.toString()
        : "EARLY_HELP".equals(execution.getVariable("nextStage")) ? STEP_DOWN : OTHER;
    LocalDate today = LondonTime.dateOf(ClockUtil.getCurrentTime().toInstant());
    jdbc.update("UPDATE referral SET closure_date = ?, closure_reason = ? WHERE child_id = ? AND closure_date IS NULL",
        today, reason, childId);
    // a closed case is no longer on anyone's caseload
    jdbc.update("UPDATE allocation SET ended_at = ? WHERE child_id = ? AND ended_at IS NULL",
        org.opencsc.children.Sql.utc(ClockUtil.getCurrentTime().toInstant()), childId);
    execution.setVariable("closureReason", reason);
  }
}
