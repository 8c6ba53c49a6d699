package org.opencsc.returns;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One CIN census {@code CINdetails}: a child in need episode from the referral to its closure, with the
 * assessments, plans and enquiries recorded while it was open.
 */
public final class CinEpisode {

  record Assessment(LocalDate startDate, LocalDate internalReviewDate, LocalDate authorisationDate,
      List<String> factors) {}

  record CinPlan(LocalDate startDate, LocalDate endDate) {}

  record Section47(LocalDate startDate, LocalDate initialCpcTarget, LocalDate dateOfInitialCpc,
      boolean icpcNotRequired) {}

  record CpPlan(String id, LocalDate startDate, LocalDate endDate, String initialCategory, String latestCategory,
      int previousPlans, List<LocalDate> reviewDates) {}

  final LocalDate referralDate;
  final String referralSource;
  final String primaryNeed;
  final LocalDate closureDate;
  final String closureReason;
  final List<LocalDate> initialConferences = new ArrayList<>();
  final List<Assessment> assessments = new ArrayList<>();
  final List<CinPlan> cinPlans = new ArrayList<>();
  final List<Section47> section47s = new ArrayList<>();
  final List<CpPlan> cpPlans = new ArrayList<>();

  CinEpisode(LocalDate referralDate, String referralSource, String primaryNeed, LocalDate closureDate,
      String closureReason) {
    this.referralDate = referralDate;
    this.referralSource = referralSource;
    this.primaryNeed = primaryNeed;
    this.closureDate = closureDate;
    this.closureReason = closureReason;
  }

  boolean covers(LocalDate day) {
    return day != null && !day.isBefore(referralDate) && (closureDate == null || !day.isAfter(closureDate));
  }

  /**
   * The episode's DateOfInitialCPC: only a conference that no section 47 of the episode reports. The DfE
   * rule 2884 refuses the same conference at both levels; the CINdetails level is for a conference held
   * without an enquiry recorded in this episode (e.g. a child moving in from another council).
   */
  LocalDate dateOfInitialCpc() {
    return initialConferences.stream()
        .filter(held -> section47s.stream().noneMatch(s47 -> held.equals(s47.dateOfInitialCpc())))
        .min(LocalDate::compareTo).orElse(null);
  }

  /** A referral that was closed with nothing done under it: no assessment, enquiry or plan. */
  boolean referralNfa() {
    return closureDate != null && assessments.isEmpty() && section47s.isEmpty() && cinPlans.isEmpty()
        && cpPlans.isEmpty();
  }

  /** The episode open on {@code day} (the latest referral if two overlap), or null. */
  static CinEpisode covering(List<CinEpisode> episodes, LocalDate day) {
    CinEpisode found = null;
    for (CinEpisode e : episodes) {
      if (e.covers(day) && (found == null || e.referralDate.isAfter(found.referralDate))) {
        found = e;
      }
    }
    return found;
  }
}
