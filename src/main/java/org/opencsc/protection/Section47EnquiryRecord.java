package org.opencsc.protection;

import static org.opencsc.children.DfeCodes.REASON_FOR_CLOSURE;

import java.time.LocalDate;
import java.util.Set;
import java.util.function.Function;
import org.opencsc.engine.FormValues;
import org.opencsc.engine.InvalidFieldValue;

/**
 * The section 47 enquiry as the social worker concludes it (Children Act 1989 s47).
 *
 * @param childSeenDate null only when the worker asks for another strategy discussion
 * @param closureReason for NFA only: CIN census RC1–RC9
 */
public record Section47EnquiryRecord(
    LocalDate childSeenDate,
    boolean childSeenAlone,
    String findings,
    String outcome,
    String closureReason) {

  public static final String NFA = "NFA";
  public static final String CIN_PLAN = "CIN_PLAN";
  public static final String ICPC = "ICPC";
  public static final String ANOTHER_STRATEGY_DISCUSSION = "ANOTHER_STRATEGY_DISCUSSION";
  public static final Set<String> OUTCOMES = Set.of(NFA, CIN_PLAN, ICPC, ANOTHER_STRATEGY_DISCUSSION);

  /** @param enquiryStarted date of the strategy discussion that started the enquiry */
  public static Section47EnquiryRecord from(Function<String, Object> variables, LocalDate today,
      LocalDate enquiryStarted) {
    FormValues form = new FormValues(variables, today);
    String outcome = form.code("s47Outcome", OUTCOMES);
    LocalDate seen = ANOTHER_STRATEGY_DISCUSSION.equals(outcome)
        ? form.optionalPastDate("s47ChildSeenDate")
        : form.pastDate("s47ChildSeenDate", "record the date the child was seen in the enquiry");
    if (seen != null && enquiryStarted != null && seen.isBefore(enquiryStarted)) {
      throw new InvalidFieldValue("s47ChildSeenDate",
          "must not be before the enquiry started (strategy discussion on " + enquiryStarted + ")");
    }
    String findings = form.text("s47Findings", "record the findings of the enquiry");
    String closureReason = NFA.equals(outcome) ? form.code("closureReason", REASON_FOR_CLOSURE) : null;
    return new Section47EnquiryRecord(seen, form.flag("s47ChildSeenAlone"), findings, outcome, closureReason);
  }

  /** The journey's next stage after a signed-off outcome. */
  public String nextStage() {
    return switch (outcome) {
      case NFA -> "CLOSE";
      case CIN_PLAN -> "CIN_PLAN";
      case ICPC -> "ICPC";
      default -> throw new IllegalStateException("No next stage for " + outcome);
    };
  }
}
