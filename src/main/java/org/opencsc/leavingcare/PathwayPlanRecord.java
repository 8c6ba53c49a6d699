package org.opencsc.leavingcare;

import java.time.LocalDate;
import java.time.Period;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.opencsc.engine.FormValues;
import org.opencsc.engine.InvalidFieldValue;

/**
 * A pathway plan or pathway plan review as the personal adviser records it (Camunda Forms send dates as
 * ISO strings, checkboxes as booleans). Codes are those of the SSDA903 OC3 table (care leavers) where
 * there is one; every refused value names its field.
 */
public record PathwayPlanRecord(
    LocalDate date,
    String pathwayStatus,
    String activity,
    String accommodation,
    boolean accommodationSuitable,
    String inTouch,
    boolean stayingPut,
    String summary) {

  /** The journey's headline status (journey.md {@code pathwayStatus}) and the OC3 ACTIV codes it covers. */
  public static final Map<String, Set<String>> STATUS_ACTIVITIES = statusActivities();

  /** SSDA903 OC3 ACTIV: main activity. */
  public static final Set<String> ACTIVITIES = Set.of("F1", "P1", "F2", "P2", "F4", "P4", "F5", "P5", "G4", "G5", "G6");

  /** SSDA903 OC3 ACCOM without the suitability digit (the digit is 1 suitable, 2 not suitable). */
  public static final Set<String> ACCOMMODATION = Set.of(
      "B", "C", "D", "E", "G", "H", "K", "R", "S", "T", "U", "V", "W", "X", "Y", "Z");

  /** OC3 ACCOM "Z": with former foster carers — where a staying put arrangement lives after 18. */
  public static final String WITH_FORMER_FOSTER_CARERS = "Z";

  /** SSDA903 OC3 IN_TOUCH. */
  public static final Set<String> IN_TOUCH = Set.of("YES", "NO", "DIED", "REFU", "NREQ", "RHOM");

  private static Map<String, Set<String>> statusActivities() {
    Map<String, Set<String>> map = new LinkedHashMap<>();
    map.put("IN_EDUCATION", Set.of("F1", "P1", "F2", "P2"));
    map.put("IN_TRAINING_OR_EMPLOYMENT", Set.of("F4", "P4", "F5", "P5"));
    map.put("NEET", Set.of("G4", "G5", "G6"));
    return Map.copyOf(map);
  }

  /**
   * Reads and checks the values. {@code dateField} is {@code pathwayPlanDate} or {@code reviewDate};
   * the date must not be in the future and must come after {@code notBefore} (exclusive when
   * {@code strictlyAfter}).
   */
  public static PathwayPlanRecord from(Function<String, Object> variables, String dateField, LocalDate today,
      LocalDate notBefore, boolean strictlyAfter, LocalDate dateOfBirth) {
    FormValues form = new FormValues(variables, today);
    LocalDate date = form.pastDate(dateField, "is required");
    if (notBefore != null && (strictlyAfter ? !date.isAfter(notBefore) : date.isBefore(notBefore))) {
      throw new InvalidFieldValue(dateField, strictlyAfter
          ? "must be after the date of the previous pathway plan or review (" + notBefore + ")"
          : "must not be before the needs assessment (" + notBefore + ")");
    }
    String status = form.code("pathwayStatus", STATUS_ACTIVITIES.keySet());
    String activity = form.code("activity", ACTIVITIES);
    if (!STATUS_ACTIVITIES.get(status).contains(activity)) {
      throw new InvalidFieldValue("activity", activity + " is not an activity of " + status
          + " (choose one of " + List.copyOf(STATUS_ACTIVITIES.get(status)) + ")");
    }
    String accommodation = form.code("accommodation", ACCOMMODATION);
    String inTouch = form.code("inTouch", IN_TOUCH);
    boolean stayingPut = form.flag("stayingPut");
    boolean adult = dateOfBirth != null && Period.between(dateOfBirth, date).getYears() >= 18;
    if (stayingPut && adult && !WITH_FORMER_FOSTER_CARERS.equals(accommodation)) {
      throw new InvalidFieldValue("accommodation",
          "a young person staying put after 18 lives with their former foster carers (Z)");
    }
    return new PathwayPlanRecord(date, status, activity, accommodation, form.flag("accommodationSuitable"),
        inTouch, stayingPut, form.optionalText("planSummary"));
  }

  /** OC3 ACCOM: the accommodation letter and 1 (suitable) or 2 (not suitable). */
  public String accomCode() {
    return accommodation + (accommodationSuitable ? "1" : "2");
  }
}
