package org.opencsc.care;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.opencsc.calendar.LondonTime;
import org.opencsc.children.Child;
import org.opencsc.children.ChildRepository;
import org.opencsc.children.Referral;
import org.opencsc.children.ReferralRepository;
import org.opencsc.engine.InvalidFieldValue;
import org.springframework.stereotype.Component;

/**
 * The looked-after child's records (bean {@code lookedAfter}), called from {@code looked-after.bpmn}:
 * checks what the worker enters (complete listeners, {@link InvalidFieldValue} naming the field) and
 * writes the SSDA903 episodes, reviews, visits, health assessments, PEPs and missing episodes.
 */
@Component("lookedAfter")
public class LookedAfterRecorder {

  static final String SECTION_20 = "V2";
  /** Looked after for 13 weeks since 14, and 16 or over: an eligible child, a care leaver on leaving. */
  static final long CARE_LEAVER_DAYS = 13 * 7;

  private final ChildRepository children;
  private final ReferralRepository referrals;
  private final EpisodeRepository episodes;
  private final LookedAfterRepository records;

  public LookedAfterRecorder(ChildRepository children, ReferralRepository referrals, EpisodeRepository episodes,
      LookedAfterRepository records) {
    this.children = children;
    this.referrals = referrals;
    this.episodes = episodes;
    this.records = records;
  }

  // --- start ------------------------------------------------------------------------------------

  /** Reads the child's date of birth, home postcode and category of need, and sets the counters. */
  public void prepare(DelegateExecution execution) {
    String childId = childId(execution);
    Child child = children.findById(childId)
        .orElseThrow(() -> new IllegalStateException("No child record " + childId));
    LocalDate dob = child.dateOfBirth() != null ? child.dateOfBirth() : child.expectedDateOfBirth();
    if (dob == null) {
      throw new IllegalStateException("The child's date of birth is needed for health reviews and leaving care");
    }
    execution.setVariable("dateOfBirth", dob.toString());
    if (execution.getVariable("homePostcode") == null && child.postcode() != null) {
      execution.setVariable("homePostcode", child.postcode());
    }
    if (execution.getVariable("categoryOfNeed") == null) {
      List<Referral> known = referrals.findByChild(childId);
      known.stream().map(Referral::primaryNeed).filter(LookedAfterCodes.CATEGORY_OF_NEED::contains)
          .reduce((first, second) -> second).ifPresent(need -> execution.setVariable("categoryOfNeed", need));
    }
    Object legalStatus = execution.getVariable("legalStatus");
    execution.setVariable("legalStatusKnown", legalStatus != null && !legalStatus.toString().isBlank());
    LocalDate placementStart = LookedAfterFields.parseDate(execution.getVariable("placementStart"), "placementStart");
    if (placementStart != null) {
      execution.setVariable("placementStart", placementStart.toString());
    }
    execution.setVariable("longTermPlacement", Boolean.TRUE.equals(execution.getVariable("longTermPlacement")));
    execution.setVariable("accommodatedUnderSection20", false);
    execution.setVariable("lacVisitsMade", 0);
    execution.setVariable("healthAssessmentsHeld", 0);
    execution.setVariable("lacReviewsHeld", 0);
  }

  /** Complete listener on the proposal to accommodate under section 20. */
  public void checkAccommodationProposal(DelegateTask task) {
    LookedAfterFields f = fields(task);
    f.text("accommodationReasons");
    f.text("alternativesConsidered");
    if (!f.yes("noObjectionFromParents")) {
      throw new InvalidFieldValue("noObjectionFromParents", "a child cannot be accommodated under section 20 "
          + "while a person with parental responsibility, able to provide accommodation, objects (Children Act 1989 s20(7))");
    }
    f.pastDateOrLater("proposedStart");
    recordedBy(task);
  }

  /** The service manager agreed: the child is accommodated under section 20 (legal status V2). */
  public void accommodate(DelegateExecution execution) {
    execution.setVariable("legalStatus", SECTION_20);
    execution.setVariable("accommodatedUnderSection20", true);
  }

  // --- placement and episodes -------------------------------------------------------------------

  public void checkPlacement(DelegateTask task) {
    LookedAfterFields f = fields(task);
    f.pastDate("placementStart");
    String ls = f.code("legalStatus", LookedAfterCodes.LEGAL_STATUS);
    if (Boolean.TRUE.equals(task.getVariable("accommodatedUnderSection20")) && !SECTION_20.equals(ls)) {
      throw new InvalidFieldValue("legalStatus", "the service manager agreed accommodation under section 20: V2");
    }
    checkPlacementDetails(f);
    f.code("categoryOfNeed", LookedAfterCodes.CATEGORY_OF_NEED);
    f.postcode("homePostcode");
    checkUasc(f);
    checkPreviousPermanence(f);
    recordedBy(task);
  }

  /** The child starts to be looked after: the first SSDA903 episode (RNE S). */
  public void startEpisode(DelegateExecution execution) {
    LookedAfterFields f = fields(execution);
    LocalDate start = f.pastDate("placementStart");
    String place = f.code("placementType", LookedAfterCodes.PLACEMENT_TYPE);
    Episode episode = new Episode(UUID.randomUUID().toString(), childId(execution), execution.getProcessInstanceId(),
        start, "S", f.code("legalStatus", LookedAfterCodes.LEGAL_STATUS),
        f.code("categoryOfNeed", LookedAfterCodes.CATEGORY_OF_NEED), place, f.provider("placementProvider", place),
        null, null, null, f.postcode("homePostcode"), f.postcode("placementPostcode"), f.optionalUrn("placementUrn"),
        f.yes("longTermPlacement"));
    episodes.insert(episode, by(execution), now());
    recordUasc(execution, f);
    String prevPerm = f.optionalCode("previousPermanence", LookedAfterCodes.PREVIOUS_PERMANENCE);
    if (prevPerm != null) {
      records.recordPreviousPermanence(execution.getProcessInstanceId(), childId(execution), prevPerm,
          f.optionalText("previousPermanenceLa"), f.optionalDate("previousPermanenceDate"), by(execution), now());
    }
    forget(execution, "uasc", "uascCeasedDate");
    execution.setVariable("placementStart", start.toString());
    execution.setVariable("lookedAfterStart", start.toString());
    execution.setVariable("longTermPlacement", episode.longTermPlacement());
  }

  public void checkPlacementChange(DelegateTask task) {
    LookedAfterFields f = fields(task);
    LocalDate start = f.pastDate("newPlacementStart");
    notBeforeOpenEpisode(task.getProcessInstanceId(), start, "newPlacementStart");
    checkPlacementDetails(f);
    f.code("reasonPlaceChange", LookedAfterCodes.REASON_PLACE_CHANGE);
    recordedBy(task);
  }

  /** New placement, same legal status: RNE P, or T when the child stays with the same carer. */
  public void changePlacement(DelegateExecution execution) {
    LookedAfterFields f = fields(execution);
    LocalDate start = f.pastDate("newPlacementStart");
    String rne = f.yes("sameCarer") ? "T" : "P";
    Episode open = openEpisode(execution);
    newEpisode(execution, f, open, start, rne, open.ls(), f.code("reasonPlaceChange", LookedAfterCodes.REASON_PLACE_CHANGE));
  }

  public void checkLegalStatusChange(DelegateTask task) {
    LookedAfterFields f = fields(task);
    LocalDate date = f.pastDate("legalStatusChangeDate");
    Episode open = notBeforeOpenEpisode(task.getProcessInstanceId(), date, "legalStatusChangeDate");
    String ls = f.code("newLegalStatus", LookedAfterCodes.LEGAL_STATUS);
    if (ls.equals(open.ls())) {
      throw new InvalidFieldValue("newLegalStatus", "the child's legal status is already " + ls);
    }
    if (!"NO".equals(f.code("placementChangedToo", LookedAfterCodes.PLACEMENT_CHANGED_TOO))) {
      checkPlacementDetails(f);
      f.code("reasonPlaceChange", LookedAfterCodes.REASON_PLACE_CHANGE);
    }
    recordedBy(task);
  }

  /** New legal status: RNE L (placement unchanged), U (placement changed, same carer) or B (both changed). */
  public void changeLegalStatus(DelegateExecution execution) {
    LookedAfterFields f = fields(execution);
    LocalDate date = f.pastDate("legalStatusChangeDate");
    String ls = f.code("newLegalStatus", LookedAfterCodes.LEGAL_STATUS);
    String placementChanged = f.code("placementChangedToo", LookedAfterCodes.PLACEMENT_CHANGED_TOO);
    Episode open = openEpisode(execution);
    if ("NO".equals(placementChanged)) {
      episodes.close(open.id(), date, LookedAfterCodes.EPISODE_CHANGE, null);
      episodes.insert(open.next(UUID.randomUUID().toString(), date, "L", ls, open.place(), open.placeProvider(),
          open.plPost(), open.urn(), open.longTermPlacement()), by(execution), now());
    } else {
      newEpisode(execution, f, open, date, "SAME_CARER".equals(placementChanged) ? "U" : "B", ls,
          f.code("reasonPlaceChange", LookedAfterCodes.REASON_PLACE_CHANGE));
    }
    setCurrent(execution, "legalStatus", ls);
    execution.setVariableLocal("newPlacementVisitNeeded", !"NO".equals(placementChanged));
  }

  private void newEpisode(DelegateExecution execution, LookedAfterFields f, Episode open, LocalDate start,
      String rne, String ls, String reasonPlaceChange) {
    String place = f.code("placementType", LookedAfterCodes.PLACEMENT_TYPE);
    boolean longTerm = f.yes("longTermPlacement");
    episodes.close(open.id(), start, LookedAfterCodes.EPISODE_CHANGE, reasonPlaceChange);
    episodes.insert(open.next(UUID.randomUUID().toString(), start, rne, ls, place, f.provider("placementProvider", place),
        f.postcode("placementPostcode"), f.optionalUrn("placementUrn"), longTerm), by(execution), now());
    setCurrent(execution, "placementStart", start.toString());
    setCurrent(execution, "longTermPlacement", longTerm);
  }

  private static void checkPlacementDetails(LookedAfterFields f) {
    String place = f.code("placementType", LookedAfterCodes.PLACEMENT_TYPE);
    f.provider("placementProvider", place);
    f.postcode("placementPostcode");
    f.optionalUrn("placementUrn");
  }

  // --- care plan, notification, PEP, visits, health -----------------------------------------------

  public void checkCarePlan(DelegateTask task) {
    LookedAfterFields f = fields(task);
    LocalDate date = f.pastDate("carePlanDate");
    String plan = f.code("permanencePlan", LookedAfterCodes.PERMANENCE_PLAN);
    f.text("carePlanSummary");
    recordedBy(task);
    records.insertCarePlan(childId(task.getExecution()), task.getProcessInstanceId(), date, plan, by(task), now());
  }

  public void checkPlacementNotification(DelegateTask task) {
    fields(task).pastDate("notificationDate");
    recordedBy(task);
  }

  public void checkPep(DelegateTask task) {
    LookedAfterFields f = fields(task);
    f.pastDate("pepDate");
    f.text("pepSummary");
    recordedBy(task);
  }

  public void recordPep(DelegateExecution execution) {
    LookedAfterFields f = fields(execution);
    records.insertPep(childId(execution), execution.getProcessInstanceId(), f.pastDate("pepDate"),
        f.optionalText("educationSetting"), by(execution), now());
  }

  public void checkVisit(DelegateTask task) {
    LookedAfterFields f = fields(task);
    f.pastDate("visitDate");
    f.text("visitNotes");
    recordedBy(task);
  }

  /** A regular statutory visit: the next visit is counted from this one. */
  public void recordVisit(DelegateExecution execution) {
    LocalDate visitDate = insertVisit(execution, false);
    execution.setVariable("lastVisitDate", visitDate.toString());
    execution.setVariable("lacVisitsMade", count(execution, "lacVisitsMade") + 1);
  }

  /** The first visit after a change of placement (within a week of the placement starting). */
  public void recordNewPlacementVisit(DelegateExecution execution) {
    insertVisit(execution, true);
  }

  private LocalDate insertVisit(DelegateExecution execution, boolean firstToPlacement) {
    LookedAfterFields f = fields(execution);
    LocalDate visitDate = f.pastDate("visitDate");
    records.insertVisit(childId(execution), execution.getProcessInstanceId(), visitDate, f.yes("childSeenAlone"),
        LookedAfterFields.parseDate(execution.getVariable("placementStart"), "placementStart"),
        firstToPlacement || count(execution, "lacVisitsMade") == 0, by(execution), now());
    return visitDate;
  }

  public void checkHealthAssessment(DelegateTask task) {
    LookedAfterFields f = fields(task);
    f.pastDate("healthAssessmentDate");
    f.optionalPastDate("dentalCheckDate");
    healthFindings(f);
    recordedBy(task);
  }

  public void recordHealthAssessment(DelegateExecution execution) {
    LookedAfterFields f = fields(execution);
    int held = count(execution, "healthAssessmentsHeld");
    LocalDate date = f.pastDate("healthAssessmentDate");
    records.insertHealthAssessment(childId(execution), execution.getProcessInstanceId(), held == 0 ? "INITIAL" : "REVIEW",
        healthFindings(f), by(execution), now());
    forget(execution, "sdqScore", "sdqReason", "substanceMisuse", "substanceInterventionReceived",
        "substanceInterventionOffered");
    execution.setVariable("lastHealthAssessmentDate", date.toString());
    execution.setVariable("healthAssessmentsHeld", held + 1);
  }

  // --- reviews ------------------------------------------------------------------------------------

  public void checkReview(DelegateTask task) {
    LookedAfterFields f = fields(task);
    f.pastDate("reviewDate");
    f.code("reviewCode", LookedAfterCodes.REVIEW_CODE);
    f.code("lacReviewOutcome", LookedAfterCodes.REVIEW_OUTCOME);
    f.text("reviewRecommendations");
    f.optionalYesNo("convicted");
    checkMotherhood(f, task.getExecution());
    checkUasc(f);
    recordedBy(task);
  }

  /**
   * Records the review (SSDA903 Reviews) and works out {@code reviewTransfer}: LOCALITIES at the first
   * review of a child accommodated under section 20; CHILDREN_IN_CARE at the second review when the plan
   * is for the child to remain looked after; otherwise NONE.
   */
  public void recordReview(DelegateExecution execution) {
    LookedAfterFields f = fields(execution);
    int number = count(execution, "lacReviewsHeld") + 1;
    LocalDate date = f.pastDate("reviewDate");
    String outcome = f.code("lacReviewOutcome", LookedAfterCodes.REVIEW_OUTCOME);
    Boolean mother = checkMotherhood(f, execution);
    records.insertReview(childId(execution), execution.getProcessInstanceId(), number, date,
        f.code("reviewCode", LookedAfterCodes.REVIEW_CODE), outcome, f.optionalText("reviewRecommendations"),
        f.optionalYesNo("convicted"), mother, Boolean.TRUE.equals(mother) ? f.optionalDate("motherChildDateOfBirth")
            : null, by(execution), now());
    recordUasc(execution, f);
    forget(execution, "convicted", "mother", "motherChildDateOfBirth", "uasc", "uascCeasedDate");
    execution.setVariable("lacReviewsHeld", number);
    execution.setVariable("lastReviewDate", date.toString());
    String ls = openEpisode(execution).ls();
    String transfer = "NONE";
    if (number == 1 && SECTION_20.equals(ls)) {
      transfer = "LOCALITIES";
    } else if (number == 2 && ("CONTINUE".equals(outcome) || "PERMANENCE_PLAN_CHANGED".equals(outcome))) {
      transfer = "CHILDREN_IN_CARE";
    }
    execution.setVariable("reviewTransfer", transfer);
  }

  // --- missing from care ----------------------------------------------------------------------------

  public void checkMissing(DelegateTask task) {
    LookedAfterFields f = fields(task);
    f.code("missingType", LookedAfterCodes.MISSING);
    f.pastDate("missingStart");
    recordedBy(task);
  }

  public void recordMissingStart(DelegateExecution execution) {
    LookedAfterFields f = fields(execution);
    String id = records.insertMissingStart(childId(execution), execution.getProcessInstanceId(),
        f.code("missingType", LookedAfterCodes.MISSING), f.pastDate("missingStart"), by(execution), now());
    execution.setVariableLocal("missingEpisodeId", id);
  }

  public void checkReturn(DelegateTask task) {
    LookedAfterFields f = fields(task);
    LocalDate end = f.pastDate("missingEnd");
    LocalDate start = records.missingStart((String) task.getVariable("missingEpisodeId"));
    if (start != null && end.isBefore(start)) {
      throw new InvalidFieldValue("missingEnd", "must not be before the child went missing (" + start + ")");
    }
    recordedBy(task);
  }

  public void recordMissingEnd(DelegateExecution execution) {
    LookedAfterFields f = fields(execution);
    records.endMissing((String) execution.getVariable("missingEpisodeId"), f.pastDate("missingEnd"),
        f.yes("returnInterviewOffered"));
  }

  // --- ceasing care and leaving care ------------------------------------------------------------------

  public void checkCeasing(DelegateTask task) {
    LookedAfterFields f = fields(task);
    LocalDate date = f.pastDate("ceaseDate");
    notBeforeOpenEpisode(task.getProcessInstanceId(), date, "ceaseDate");
    f.code("reasonEpisodeCeased", LookedAfterCodes.REASON_CEASED);
    f.text("ceaseCareReasons");
  }

  /**
   * Closes the open episode (DEC, REC) and sets {@code nextStage}: LEAVING_CARE when the young person is
   * 16 or over, was looked after for at least 13 weeks since 14 (short-break episodes V3/V4 do not count)
   * and leaves care for a reason after which they are a care leaver; otherwise CLOSE with
   * {@code closureReason} (CIN census RC code).
   */
  public void ceaseCare(DelegateExecution execution) {
    LookedAfterFields f = fields(execution);
    LocalDate date = f.pastDate("ceaseDate");
    String rec = f.code("reasonEpisodeCeased", LookedAfterCodes.REASON_CEASED);
    episodes.close(openEpisode(execution).id(), date, rec, null);
    LocalDate dob = LookedAfterFields.parseDate(execution.getVariable("dateOfBirth"), "dateOfBirth");
    boolean careLeaver = dob != null && !date.isBefore(dob.plusYears(16))
        && LookedAfterCodes.CARE_LEAVER_REASONS.contains(rec)
        && daysLookedAfterSince(childId(execution), dob.plusYears(14), date) >= CARE_LEAVER_DAYS;
    execution.setVariable("nextStage", careLeaver ? "LEAVING_CARE" : "CLOSE");
    execution.setVariable("closureReason", careLeaver ? null : LookedAfterCodes.closureReason(rec));
  }

  private long daysLookedAfterSince(String childId, LocalDate from, LocalDate until) {
    long days = 0;
    for (Episode e : episodes.forChild(childId)) {
      if ("V3".equals(e.ls()) || "V4".equals(e.ls())) {
        continue;
      }
      LocalDate start = e.decom().isBefore(from) ? from : e.decom();
      LocalDate end = e.dec() == null || e.dec().isAfter(until) ? until : e.dec();
      if (end.isAfter(start)) {
        days += ChronoUnit.DAYS.between(start, end);
      }
    }
    return days;
  }

  /** The 16th birthday (00:00 London), a fact about the child; now if the child is already 16. */
  public Date sixteenthBirthday(DelegateExecution execution) {
    LocalDate dob = LookedAfterFields.parseDate(execution.getVariable("dateOfBirth"), "dateOfBirth");
    Instant birthday = LondonTime.startOfDay(dob.plusYears(16));
    Instant now = now();
    return Date.from(birthday.isAfter(now) ? birthday : now);
  }

  // --- what the SSDA903 asks about the child (all optional: blank = not recorded yet) -----------------

  /** uasc (YES/NO) and uascCeasedDate (DUC: the date the status ceased or will cease, needed with YES). */
  private static Boolean checkUasc(LookedAfterFields f) {
    Boolean uasc = f.optionalYesNo("uasc");
    LocalDate duc = f.optionalDate("uascCeasedDate");
    if (uasc == null && duc != null) {
      throw new InvalidFieldValue("uasc", "say whether the child is an unaccompanied asylum-seeking child");
    }
    if (Boolean.TRUE.equals(uasc) && duc == null) {
      throw new InvalidFieldValue("uascCeasedDate", "enter the date the child's UASC status ceases "
          + "(usually their 18th birthday)");
    }
    LocalDate dob = LookedAfterFields.parseDate(f.raw("dateOfBirth"), "dateOfBirth");
    if (duc != null && dob != null && (!duc.isAfter(dob) || duc.isAfter(dob.plusYears(18)))) {
      throw new InvalidFieldValue("uascCeasedDate", "must be after the child's date of birth and no later than "
          + "their 18th birthday (" + dob.plusYears(18) + ")");
    }
    return uasc;
  }

  private void recordUasc(DelegateExecution execution, LookedAfterFields f) {
    Boolean uasc = checkUasc(f);
    if (uasc != null) {
      records.recordUasc(childId(execution), uasc, f.optionalDate("uascCeasedDate"), now());
    }
  }

  /** previousPermanence (PREV_PERM) with, for an order, previousPermanenceLa (LA_PERM) and previousPermanenceDate. */
  private static void checkPreviousPermanence(LookedAfterFields f) {
    String prevPerm = f.optionalCode("previousPermanence", LookedAfterCodes.PREVIOUS_PERMANENCE);
    String la = f.optionalText("previousPermanenceLa");
    LocalDate date = f.optionalPastDate("previousPermanenceDate");
    if (prevPerm == null || "Z1".equals(prevPerm)) {
      if (la != null) {
        throw new InvalidFieldValue("previousPermanenceLa", "only for a previous adoption or order (P1-P4)");
      }
      if (date != null) {
        throw new InvalidFieldValue("previousPermanenceDate", "only for a previous adoption or order (P1-P4)");
      }
    }
    if (la != null && !la.matches("\\d{3}")) {
      throw new InvalidFieldValue("previousPermanenceLa", "must be the 3-digit code of the local authority "
          + "that made the order, e.g. 344");
    }
  }

  /** mother (YES/NO, a young woman only) and motherChildDateOfBirth (MC_DOB, needed with YES). */
  private Boolean checkMotherhood(LookedAfterFields f, DelegateExecution execution) {
    Boolean mother = f.optionalYesNo("mother");
    LocalDate childsBirth = f.optionalPastDate("motherChildDateOfBirth");
    if (mother == null && childsBirth == null) {
      return null;
    }
    if (mother == null) {
      throw new InvalidFieldValue("mother", "say whether the young woman is a mother");
    }
    Child child = children.findById(childId(execution)).orElseThrow();
    if (!"F".equals(child.sex())) {
      throw new InvalidFieldValue("mother", "is asked only about a young woman (the child's sex is recorded as "
          + child.sex() + ")");
    }
    if (!mother) {
      if (childsBirth != null) {
        throw new InvalidFieldValue("motherChildDateOfBirth", "only for a young woman who is a mother");
      }
      return false;
    }
    if (childsBirth == null) {
      throw new InvalidFieldValue("motherChildDateOfBirth", "enter her child's date of birth");
    }
    if (child.dateOfBirth() != null && !childsBirth.isAfter(child.dateOfBirth())) {
      throw new InvalidFieldValue("motherChildDateOfBirth", "must be after the young woman's own date of birth");
    }
    return mother;
  }

  /**
   * The OC2 findings of a health assessment: sdqScore (0-40) or, without a score, sdqReason (SDQ1-SDQ5);
   * substanceMisuse (YES/NO) and, only with YES, substanceInterventionReceived and substanceInterventionOffered.
   * An unanswered immunisations checkbox (absent, not false) stays unrecorded.
   */
  private static HealthFindings healthFindings(LookedAfterFields f) {
    Integer score = f.optionalWholeNumber("sdqScore", 0, LookedAfterCodes.SDQ_MAX);
    String reason = f.optionalCode("sdqReason", LookedAfterCodes.SDQ_REASON);
    if (score != null && reason != null) {
      throw new InvalidFieldValue("sdqReason", "leave blank when the SDQ score is recorded");
    }
    Boolean misuse = f.optionalYesNo("substanceMisuse");
    Boolean received = f.optionalYesNo("substanceInterventionReceived");
    Boolean offered = f.optionalYesNo("substanceInterventionOffered");
    if (!Boolean.TRUE.equals(misuse) && (received != null || offered != null)) {
      throw new InvalidFieldValue(received != null ? "substanceInterventionReceived" : "substanceInterventionOffered",
          "only when the child is identified as having a substance misuse problem");
    }
    Boolean immunisations = f.raw("immunisationsUpToDate") == null ? null : f.yes("immunisationsUpToDate");
    return new HealthFindings(f.pastDate("healthAssessmentDate"), f.optionalPastDate("dentalCheckDate"),
        immunisations, score, reason, misuse, received, offered);
  }

  // --- helpers ----------------------------------------------------------------------------------------

  private Episode openEpisode(DelegateExecution execution) {
    return episodes.open(execution.getProcessInstanceId())
        .orElseThrow(() -> new IllegalStateException("No open episode of care for this child"));
  }

  private Episode notBeforeOpenEpisode(String processInstanceId, LocalDate date, String field) {
    Optional<Episode> open = episodes.open(processInstanceId);
    if (open.isEmpty()) {
      throw new IllegalStateException("No open episode of care for this child");
    }
    if (date.isBefore(open.get().decom())) {
      throw new InvalidFieldValue(field, "must not be before the current episode began (" + open.get().decom() + ")");
    }
    return open.get();
  }

  /**
   * Removes answers to questions that are asked afresh each time (form values live on in the process):
   * a conviction recorded at one review must not be recorded again at the next.
   */
  private static void forget(DelegateExecution execution, String... names) {
    for (String name : names) {
      execution.removeVariable(name);
    }
  }

  /** Sets a fact about the current placement for the whole looked-after period. */
  private static void setCurrent(DelegateExecution execution, String name, Object value) {
    execution.getProcessInstance().setVariable(name, value);
    if (execution.hasVariableLocal(name)) {
      execution.setVariableLocal(name, value);
    }
  }

  private static void recordedBy(DelegateTask task) {
    Authentication auth = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    String user = auth != null && auth.getUserId() != null ? auth.getUserId() : task.getAssignee();
    task.getExecution().setVariableLocal("recordedBy", user);
  }

  private static String by(VariableScope scope) {
    Object user = scope.getVariable("recordedBy");
    return user == null ? null : user.toString();
  }

  private static int count(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    return value == null ? 0 : ((Number) value).intValue();
  }

  private static String childId(DelegateExecution execution) {
    Object childId = execution.getVariable("childId");
    return childId != null ? childId.toString() : execution.getProcessBusinessKey();
  }

  private static LookedAfterFields fields(VariableScope scope) {
    return new LookedAfterFields(scope::getVariable, LondonTime.dateOf(now()));
  }

  private static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
