package org.opencsc.assessment;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.opencsc.children.ChildCharacteristicCodes;
import org.opencsc.engine.FormValues;
import org.opencsc.engine.InvalidFieldValue;

/**
 * The child and family assessment as the social worker records it, read from the task's variables
 * (Camunda Forms send dates as ISO strings, numbers as Long or Double, checklists as Json).
 */
public record AssessmentRecord(
    LocalDate startDate,
    LocalDate childSeenDate,
    boolean childSeenAlone,
    List<String> factors,
    String worries,
    String strengths,
    Integer safetyScale,
    String outcome,
    String analysis,
    /** CIN census AssessmentInternalReviewDate: the mid-assessment review with the manager, or null. */
    LocalDate internalReviewDate,
    /** The child's disabilities as asked again at assessment (DfE codes), or null when not asked. */
    List<String> disabilities) {

  public static final Set<String> OUTCOMES = Set.of("NFA", "EARLY_HELP", "CIN_PLAN", "STRATEGY", "LAC");

  /** Reads and checks the values; every problem names its field. */
  public static AssessmentRecord from(Function<String, Object> variables, LocalDate today) {
    FormValues form = new FormValues(variables, today);
    LocalDate start = form.optionalPastDate("assessmentStartDate");
    LocalDate seen = form.pastDate("childSeenDate", "record the date the child was seen");
    LocalDate internalReview = form.optionalPastDate("assessmentInternalReviewDate");
    if (internalReview != null && start != null && internalReview.isBefore(start)) {
      throw new InvalidFieldValue("assessmentInternalReviewDate",
          "must not be before the assessment started on " + start);
    }
    Object scale = form.raw("safetyScale");
    Integer safetyScale = scale == null ? null : ((Number) number(scale)).intValue();
    if (safetyScale == null || safetyScale < 0 || safetyScale > 10) {
      throw new InvalidFieldValue("safetyScale", "give a scaling score from 0 to 10");
    }
    String outcome = form.code("assessmentOutcome", OUTCOMES);
    return new AssessmentRecord(start, seen, form.flag("childSeenAlone"), form.checklist("assessmentFactors"),
        (String) form.raw("worries"), (String) form.raw("strengths"), safetyScale, outcome,
        (String) form.raw("analysis"), internalReview, disabilities(form));
  }

  /** Not asked (absent or nothing ticked) is null: the disabilities recorded before stay as they are. */
  private static List<String> disabilities(FormValues form) {
    List<String> codes = form.checklist("disabilities");
    if (codes.isEmpty()) {
      return null;
    }
    for (String code : codes) {
      if (!ChildCharacteristicCodes.DISABILITY.contains(code)) {
        throw new InvalidFieldValue("disabilities", "'" + code + "' is not a CIN census disability code ("
            + String.join(" ", ChildCharacteristicCodes.DISABILITY) + ")");
      }
    }
    if (codes.contains(ChildCharacteristicCodes.NO_DISABILITY)
        && codes.stream().anyMatch(code -> !code.equals(ChildCharacteristicCodes.NO_DISABILITY))) {
      throw new InvalidFieldValue("disabilities", "NONE (no disability) cannot be ticked with a disability");
    }
    return codes.stream().distinct().sorted(ChildCharacteristicCodes.DFE_ORDER).toList();
  }

  private static Object number(Object value) {
    if (value instanceof Number) {
      return value;
    }
    try {
      return Double.valueOf(value.toString());
    } catch (NumberFormatException e) {
      throw new InvalidFieldValue("safetyScale", "must be a number from 0 to 10");
    }
  }
}
