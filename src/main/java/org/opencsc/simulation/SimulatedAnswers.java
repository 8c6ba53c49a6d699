package org.opencsc.simulation;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import org.camunda.spin.plugin.variable.SpinValues;

/**
 * What a simulated worker enters on each task's Camunda Form: every value the task's complete listener
 * checks (see the recorders in assessment, protection, childinneed, care, leavingcare, deadlines), with the
 * decisions drawn from the branching rates. Dates are the day the work is done.
 */
public class SimulatedAnswers {

  /** Sign-off tasks: APPROVE, or RETURN for more work. */
  static final Set<String> SIGN_OFFS = Set.of("Task_SignOffContactDecision", "Task_SignOffAssessment",
      "Task_SignOffSection47Outcome", "Task_SignOffNoSection47Decision", "Task_SignOffLegalGateway",
      "Task_SignOffChildInNeedPlan", "Task_SignOffChildInNeedReview", "Task_SignOffAccommodation",
      "Task_SignOffCeasingCare", "Task_SignOffPathwayPlan", "Task_SignOffPathwayPlanReview");

  /** What the worker knows when filling in the form. */
  public record TaskContext(String taskKey, LocalDate today, Random random, int occurrence,
      Function<String, Object> variable) {}

  private final BranchingRates rates;

  public SimulatedAnswers(BranchingRates rates) {
    this.rates = rates;
  }

  /** The form values, or an exception naming the task when the simulator does not know it. */
  public Map<String, Object> answer(TaskContext task) {
    Map<String, Object> v = new HashMap<>();
    String today = task.today().toString();
    Random r = task.random();
    if (SIGN_OFFS.contains(task.taskKey())) {
      signOff(v, r);
      return v;
    }
    switch (task.taskKey()) {
      case "Task_DecideOnContact" -> {
        v.put("contactOutcome", rates.pick("contactOutcome", r));
        v.put("decisionReason", "Simulated front-door decision");
        v.put("primaryNeed", rates.pick("primaryNeed", r));
      }
      case "Task_AllocateSocialWorker" -> {
        v.put("allocatedWorker", r.nextDouble() < 0.7 ? "sam" : "lucy");
        v.put("overLimitReason", "Simulation: caseload limits are not modelled");
      }
      case "Task_CarryOutAssessment" -> {
        v.put("assessmentStartDate", today);
        v.put("childSeenDate", today);
        v.put("childSeenAlone", r.nextBoolean());
        v.put("assessmentFactors", SpinValues.jsonValue("[\"1B\",\"3A\"]").create());
        v.put("worries", "Simulated worries");
        v.put("strengths", "Simulated strengths");
        v.put("safetyScale", (long) r.nextInt(11));
        v.put("assessmentOutcome", rates.pick("assessmentOutcome", r));
        v.put("analysis", "Simulated analysis");
      }
      case "Task_HoldStrategyDiscussion" -> strategyDiscussion(task, v, today);
      case "Task_CarryOutSection47Enquiry" -> {
        String outcome = rates.pick("s47Outcome", r);
        v.put("s47Outcome", outcome);
        v.put("s47ChildSeenDate", today);
        v.put("s47ChildSeenAlone", true);
        v.put("s47Findings", "Simulated findings");
        if ("NFA".equals(outcome)) {
          v.put("closureReason", "RC8");
        }
      }
      case "Task_HoldInitialConference" -> {
        String outcome = rates.pick("icpcOutcome", r);
        v.put("conferenceDate", today);
        v.put("conferenceAttendance", SpinValues.jsonValue("[\"PARENTS\",\"POLICE\",\"HEALTH\"]").create());
        v.put("icpcOutcome", outcome);
        v.put("cpCategory", rates.pick("cpCategory", r));
        v.put("conferenceDecisionReasons", "Simulated conference decision");
        if ("NFA".equals(outcome)) {
          v.put("closureReason", "RC8");
        }
      }
      case "Task_HoldFirstCoreGroup", "Task_HoldCoreGroup" -> {
        v.put("coreGroupDate", today);
        v.put("coreGroupProgress", "Simulated progress");
      }
      case "Task_VisitChild", "Task_VisitChildInNewPlacement", "Task_VisitChildAfterLegalChange" -> {
        // child-protection and looked-after visits share the key; each reads its own fields
        v.put("visitDate", today);
        v.put("visitChildSeen", true);
        v.put("visitChildSeenAlone", true);
        v.put("childSeenAlone", true);
        v.put("visitNotes", "Simulated visit");
      }
      case "Task_HoldReviewConference" -> {
        String outcome = rates.pick("rcpcOutcome", r);
        boolean legalGateway = "CONTINUE".equals(outcome) && rates.chance("legalGatewayAtReview", r);
        v.put("reviewConferenceDate", today);
        v.put("rcpcOutcome", outcome);
        v.put("latestCategory", rates.pick("cpCategory", r));
        v.put("legalGateway", legalGateway);
        if (legalGateway) {
          v.put("legalGatewayReason", "Simulated: the plan is not working");
        }
        v.put("reviewSummary", "Simulated review");
        if ("END".equals(outcome)) {
          v.put("closureReason", "RC7");
        }
      }
      case "Task_ReviewTwoYearPlan" -> v.put("twoYearReviewNotes", "Simulated two-year review");
      case "Task_AgreeChildInNeedPlan" -> {
        v.put("cinPlanStartDate", today);
        v.put("planGoals", "Simulated goals");
        v.put("planActions", "Simulated actions");
      }
      case "Task_ReviewChildInNeedPlan" -> {
        String outcome = rates.pick("cinReviewOutcome", r);
        v.put("cinReviewDate", today);
        v.put("childLastSeenDate", today);
        v.put("reviewProgress", "Simulated progress");
        v.put("cinOutcome", outcome);
        if ("CLOSE".equals(outcome)) {
          v.put("closureReason", "RC7");
        }
      }
      case "Task_ActOnNewConcerns" -> {
        v.put("actionTaken", "Simulated: visited the child");
        v.put("nextStep", "CONTINUE_PLAN");
        v.put("nextStepReason", "Simulated");
      }
      case "Task_PrepareLegalGatewayReferral" -> {
        v.put("legalConcerns", "Simulated concerns");
        v.put("supportAlreadyTried", "Simulated support");
      }
      case "Task_GiveLegalAdvice" -> {
        v.put("thresholdMet", "MET");
        v.put("legalAdvice", "Simulated advice");
        v.put("recommendedRoute", rates.pick("legalRoute", r));
      }
      case "Task_DecideLegalRoute" -> {
        signOff(v, r);
        v.put("legalDecision", rates.pick("legalRoute", r));
        v.put("legalDecisionReason", "Simulated legal planning meeting");
      }
      case "Task_SendLetterBeforeProceedings" -> v.put("letterSentDate", today);
      case "Task_HoldPreProceedingsMeeting" -> {
        v.put("preProceedingsMeetingDate", today);
        v.put("parentsAttended", true);
        v.put("representativesAttended", true);
        v.put("preProceedingsPlan", "Simulated plan");
      }
      case "Task_ReviewPreProceedings" -> {
        v.put("preProceedingsDecision", rates.pick("preProceedingsDecision", r));
        v.put("preProceedingsReason", "Simulated review");
      }
      case "Task_IssueProceedings" -> {
        v.put("issueDate", today);
        v.put("court", "Family Court at Liverpool");
        v.put("applicationType", "CARE_ORDER");
      }
      case "Task_AttendCaseManagementHearing" -> {
        v.put("cmhDate", today);
        v.put("cmhDirections", "Simulated directions");
      }
      case "Task_RecordHearingOutcome" -> hearing(task, v, today);
      case "Task_ProposeAccommodation" -> {
        v.put("accommodationReasons", "Simulated reasons");
        v.put("alternativesConsidered", "Simulated alternatives");
        v.put("proposedStart", today);
        v.put("noObjectionFromParents", true);
      }
      case "Task_RecordPlacement" -> placement(task, v, today);
      case "Task_WriteCarePlan" -> {
        v.put("carePlanDate", today);
        v.put("permanencePlan", "RETURN_HOME");
        v.put("carePlanSummary", "Simulated care plan");
      }
      case "Task_NotifyPlacement" -> v.put("notificationDate", today);
      case "Task_HoldPersonalEducationPlan" -> {
        v.put("pepDate", today);
        v.put("educationSetting", "Simulated school");
        v.put("pepSummary", "Simulated PEP");
      }
      case "Task_ArrangeHealthAssessment" -> {
        v.put("healthAssessmentDate", today);
        v.put("dentalCheckDate", today);
        v.put("immunisationsUpToDate", true);
      }
      case "Task_ChairLookedAfterReview" -> {
        v.put("reviewDate", today);
        v.put("reviewCode", "PN1");
        v.put("lacReviewOutcome", rates.pick("lacReviewOutcome", r));
        v.put("reviewRecommendations", "Simulated recommendations");
      }
      case "Task_CeaseCare" -> {
        v.put("ceaseDate", today);
        v.put("reasonEpisodeCeased", "E4A");
        v.put("ceaseCareReasons", "Simulated: home with support");
      }
      case "Task_AllocatePersonalAdviser" -> {
        v.put("personalAdviser", "pat");
        v.put("overLimitReason", "Simulation: caseload limits are not modelled");
      }
      case "Task_AssessNeeds" -> {
        v.put("needsAssessmentDate", today);
        v.put("needs", "Simulated needs");
      }
      case "Task_WritePathwayPlan" -> pathwayPlan(v, "pathwayPlanDate", today);
      case "Task_ReviewPathwayPlan" -> pathwayPlan(v, "reviewDate", today);
      case "Task_OfferSupportTo25" -> v.put("supportTo25Requested", "NO");
      case "Task_RecordBreachReasonAndPlan" -> {
        v.put("breachReason", "Simulated: worker off sick");
        v.put("recoveryPlan", "Simulated: reallocated this week");
      }
      case "Task_ReviewOverdueWork" -> v.put("serviceManagerAction", "Simulated: agreed with the team manager");
      default -> throw new IllegalArgumentException("The simulator has no answers for " + task.taskKey());
    }
    return v;
  }

  private void signOff(Map<String, Object> v, Random r) {
    if (rates.chance("signOffReturned", r)) {
      v.put("signOffDecision", "RETURN");
      v.put("signOffComments", "Simulated: please add more detail");
    } else {
      v.put("signOffDecision", "APPROVE");
    }
  }

  private void strategyDiscussion(TaskContext task, Map<String, Object> v, String today) {
    boolean enquiryUnderWay = task.variable().apply("s47StartDate") != null;
    String decision = enquiryUnderWay ? "START_SECTION_47" : rates.pick("strategyDecision", task.random());
    v.put("discussionDate", today);
    v.put("socialCareAttended", true);
    v.put("policeAttended", true);
    v.put("healthAttended", true);
    v.put("otherAgencies", "School");
    v.put("strategyDecision", decision);
    v.put("strategyReasons", "Simulated strategy discussion");
    if ("NO_SECTION_47".equals(decision)) {
      String next = rates.pick("noEnquiryNextStage", task.random());
      v.put("noEnquiryNextStage", next);
      if ("CLOSE".equals(next)) {
        v.put("closureReason", "RC8");
      }
    }
  }

  /** The first hearing makes an interim order; each later one is final with the rates' chance. */
  private void hearing(TaskContext task, Map<String, Object> v, String today) {
    v.put("hearingDate", today);
    v.put("hearingNotes", "Simulated hearing");
    boolean last = task.occurrence() > 1 && rates.chance("finalHearingAfterFirst", task.random());
    if (last) {
      v.put("finalHearing", true);
      v.put("proceedingsOutcome", rates.pick("finalOrder", task.random()));
      return;
    }
    v.put("finalHearing", false);
    String first = task.occurrence() == 1 ? rates.pick("firstHearing", task.random()) : "NONE";
    switch (first) {
      case "ICO_REMOVED" -> {
        v.put("interimOrder", "INTERIM_CARE_ORDER");
        v.put("childRemovedFromHome", true);
      }
      case "ICO_AT_HOME" -> {
        v.put("interimOrder", "INTERIM_CARE_ORDER");
        v.put("childRemovedFromHome", false);
      }
      default -> {
        v.put("interimOrder", first);
        v.put("childRemovedFromHome", false);
      }
    }
  }

  /** The legal status the journey already knows (court order), else section 20 (V2). */
  private static void placement(TaskContext task, Map<String, Object> v, String today) {
    Object legalStatus = task.variable().apply("legalStatus");
    Object section20 = task.variable().apply("accommodatedUnderSection20");
    v.put("placementStart", today);
    v.put("legalStatus", Boolean.TRUE.equals(section20) || legalStatus == null || legalStatus.toString().isBlank()
        ? "V2" : legalStatus.toString());
    v.put("placementType", "U1");
    v.put("placementProvider", "PR1");
    v.put("placementPostcode", "CH41 1AA");
    v.put("placementUrn", "SC123456");
    v.put("longTermPlacement", false);
    Object home = task.variable().apply("homePostcode");
    v.put("homePostcode", home == null ? "CH41 2BB" : home);
    Object need = task.variable().apply("categoryOfNeed");
    v.put("categoryOfNeed", need == null ? "N1" : need);
  }

  private static void pathwayPlan(Map<String, Object> v, String dateField, String today) {
    v.put(dateField, today);
    v.put("pathwayStatus", "IN_EDUCATION");
    v.put("activity", "F2");
    v.put("accommodation", "D");
    v.put("accommodationSuitable", true);
    v.put("stayingPut", false);
    v.put("inTouch", "YES");
    v.put("planSummary", "Simulated pathway plan");
  }
}
