package org.opencsc.support;

import java.util.HashMap;
import java.util.Map;
import org.camunda.spin.plugin.variable.SpinValues;

/**
 * Stage forms as social workers fill them in Tasklist, shared by the tests that drive a child through
 * those stages. Each call returns a new mutable map, so a test may change a value to try a bad one.
 */
public final class StageForms {

  private StageForms() {}

  /** The initial child protection conference (`initial-child-protection-conference.form`). */
  public static Map<String, Object> conference(String outcome, String date, String category) {
    Map<String, Object> values = new HashMap<>();
    values.put("conferenceDate", date);
    values.put("conferenceAttendance", SpinValues.jsonValue("[\"PARENTS\",\"POLICE\"]").create());
    values.put("icpcOutcome", outcome);
    values.put("cpCategory", category);
    values.put("conferenceDecisionReasons", "Agencies agree on the level of risk");
    return values;
  }

  /** A review child protection conference (`review-child-protection-conference.form`); END closes with RC7. */
  public static Map<String, Object> reviewConference(String date, String outcome, String category) {
    Map<String, Object> values = new HashMap<>();
    values.put("reviewConferenceDate", date);
    values.put("rcpcOutcome", outcome);
    values.put("latestCategory", category);
    values.put("legalGateway", false);
    if ("END".equals(outcome)) {
      values.put("closureReason", "RC7");
    }
    values.put("reviewSummary", "Review of progress against the plan");
    return values;
  }

  /** Proposing accommodation under section 20 (`lac-propose-accommodation.form`). */
  public static Map<String, Object> accommodationProposal(String start) {
    Map<String, Object> values = new HashMap<>();
    values.put("accommodationReasons", "Mother in hospital, no one else to care");
    values.put("alternativesConsidered", "Aunt in Spain; grandparents unwell");
    values.put("proposedStart", start);
    values.put("noObjectionFromParents", true);
    return values;
  }

  /** The first placement, in a children's home (`lac-record-placement.form`; postcode as typed, lower case). */
  public static Map<String, Object> placement(String start) {
    Map<String, Object> values = new HashMap<>();
    values.put("placementStart", start);
    values.put("placementType", "U6");
    values.put("placementProvider", "PR1");
    values.put("placementPostcode", "ch41 1aa");
    values.put("placementUrn", "SC123456");
    values.put("longTermPlacement", false);
    values.put("homePostcode", "CH41 2BB");
    return values;
  }

  /** A move to another placement because the care plan changed (`lac-change-placement.form`). */
  public static Map<String, Object> placementChange(String start, boolean sameCarer) {
    Map<String, Object> values = new HashMap<>();
    values.put("newPlacementStart", start);
    values.put("placementType", "K2");
    values.put("placementProvider", "PR4");
    values.put("placementPostcode", "L1 8JQ");
    values.put("placementUrn", "SC654321");
    values.put("longTermPlacement", false);
    values.put("sameCarer", sameCarer);
    values.put("reasonPlaceChange", "CARPL");
    return values;
  }
}
