package org.opencsc.leavingcare;

import java.time.LocalDate;
import java.time.Period;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.opencsc.calendar.LondonTime;
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
    LocalDate date = Dates.required(variables.apply(dateField), dateField, today);
    if (notBefore != null && (strictlyAfter ? !date.isAfter(notBefore) : date.isBefore(notBefore))) {
      throw new InvalidFieldValue(dateField, strictlyAfter
          ? "must be after the date of the previous pathway plan or review (" + notBefore + ")"
          : "must not be before the needs assessment (" + notBefore + ")");
    }
    String status = code(variables.apply("pathwayStatus"), "pathwayStatus", STATUS_ACTIVITIES.keySet());
    String activity = code(variables.apply("activity"), "activity", ACTIVITIES);
    if (!STATUS_ACTIVITIES.get(status).contains(activity)) {
      throw new InvalidFieldValue("activity", activity + " is not an activity of " + status
          + " (choose one of " + List.copyOf(STATUS_ACTIVITIES.get(status)) + ")");
    }
    String accommodation = code(variables.apply("accommodation"), "accommodation", ACCOMMODATION);
    String inTouch = code(variables.apply("inTouch"), "inTouch", IN_TOUCH);
    boolean stayingPut = Boolean.TRUE.equals(variables.apply("stayingPut"));
    boolean adult = dateOfBirth != null && Period.between(dateOfBirth, date).getYears() >= 18;
    if (stayingPut && adult && !WITH_FORMER_FOSTER_CARERS.equals(accommodation)) {
      throw new InvalidFieldValue("accommodation",
          "a young person staying put after 18 lives with their former foster carers (Z)");
    }
    Object summary = variables.apply("planSummary");
    return new PathwayPlanRecord(date, status, activity, accommodation,
        Boolean.TRUE.equals(variables.apply("accommodationSuitable")), inTouch, stayingPut,
        summary == null ? null : summary.toString());
  }

  /** OC3 ACCOM: the accommodation letter and 1 (suitable) or 2 (not suitable). */
  public String accomCode() {
    return accommodation + (accommodationSuitable ? "1" : "2");
  }

  private static String code(Object value, String field, Set<String> allowed) {
    if (value == null || !allowed.contains(value.toString())) {
      throw new InvalidFieldValue(field, "must be one of " + allowed.stream().sorted().toList());
    }
    return value.toString();
  }

  /** Date values as forms and tests send them. */
  static final class Dates {

    private Dates() {}

    static LocalDate required(Object value, String field, LocalDate today) {
      LocalDate date = optional(value, field);
      if (date == null) {
        throw new InvalidFieldValue(field, "is required");
      }
      if (date.isAfter(today)) {
        throw new InvalidFieldValue(field, "must not be in the future");
      }
      return date;
    }

    static LocalDate optional(Object value, String field) {
      if (value == null || value.toString().isBlank()) {
        return null;
      }
      if (value instanceof java.util.Date d) {
        return LondonTime.dateOf(d);
      }
      if (value instanceof LocalDate d) {
        return d;
      }
      String text = value.toString();
      try {
        return LocalDate.parse(text.substring(0, Math.min(10, text.length())));
      } catch (RuntimeException e) {
        throw new InvalidFieldValue(field, "must be a date (YYYY-MM-DD)");
      }
    }
  }
}
