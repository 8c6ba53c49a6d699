package org.opencsc.protection;

import static org.opencsc.children.DfeCodes.REASON_FOR_CLOSURE;

import java.time.LocalDate;
import java.util.Set;
import java.util.function.Function;
import org.opencsc.engine.FormValues;
import org.opencsc.engine.InvalidFieldValue;

/**
 * A strategy discussion as the social worker records it (Working Together to Safeguard Children 2023:
 * social care, police and health, held when there is reasonable cause to suspect significant harm).
 *
 * @param noEnquiryNextStage for NO_SECTION_47 only: CIN_PLAN or CLOSE, proposed by the worker
 * @param closureReason      for NO_SECTION_47 and CLOSE only: CIN census RC1–RC9
 */
public record StrategyDiscussionRecord(
    LocalDate discussionDate,
    boolean policeAttended,
    boolean healthAttended,
    boolean socialCareAttended,
    String otherAgencies,
    String decision,
    String reasons,
    String noEnquiryNextStage,
    String closureReason) {

  public static final String START_SECTION_47 = "START_SECTION_47";
  public static final String NO_SECTION_47 = "NO_SECTION_47";
  public static final Set<String> DECISIONS = Set.of(START_SECTION_47, NO_SECTION_47);
  public static final Set<String> NEXT_STAGES_WITHOUT_ENQUIRY = Set.of("CIN_PLAN", "CLOSE");

  /**
   * Reads and checks the form values.
   *
   * @param previousDiscussion date of an earlier strategy discussion in this enquiry, or null
   * @param enquiryUnderWay    a section 47 enquiry has already been started by an earlier discussion
   */
  public static StrategyDiscussionRecord from(Function<String, Object> variables, LocalDate today,
      LocalDate previousDiscussion, boolean enquiryUnderWay) {
    FormValues form = new FormValues(variables, today);
    LocalDate date = form.pastDate("discussionDate", "record the date the strategy discussion was held");
    if (previousDiscussion != null && date.isBefore(previousDiscussion)) {
      throw new InvalidFieldValue("discussionDate",
          "must not be before the previous strategy discussion on " + previousDiscussion);
    }
    if (!form.flag("socialCareAttended")) {
      throw new InvalidFieldValue("socialCareAttended",
          "children's social care must take part in a strategy discussion");
    }
    String decision = form.code("strategyDecision", DECISIONS);
    String reasons = form.text("strategyReasons", "give the reasons for the decision");
    String nextStage = null;
    String closureReason = null;
    if (NO_SECTION_47.equals(decision)) {
      if (enquiryUnderWay) {
        throw new InvalidFieldValue("strategyDecision", "a section 47 enquiry is already under way: "
            + "continue it and record its outcome (no further action or child in need plan) on the enquiry");
      }
      nextStage = form.code("noEnquiryNextStage", NEXT_STAGES_WITHOUT_ENQUIRY);
      if ("CLOSE".equals(nextStage)) {
        closureReason = form.code("closureReason", REASON_FOR_CLOSURE);
      }
    }
    return new StrategyDiscussionRecord(date, form.flag("policeAttended"), form.flag("healthAttended"), true,
        form.optionalText("otherAgencies"), decision, reasons, nextStage, closureReason);
  }
}
