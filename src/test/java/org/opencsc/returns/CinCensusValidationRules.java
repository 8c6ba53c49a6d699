package org.opencsc.returns;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import org.opencsc.calendar.WorkingDayCalendar;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The DfE children in need census validation rules that apply to what this system records, checked on a
 * generated census document. Numbers are those of the DfE rule set as implemented by the sector's
 * validator (data-to-insight/csc-validator-be-cin, 2022/23 rules and later updates); rules marked "spec"
 * check the layout and code lists of shared/spec/returns.md, which the DfE schema also enforces.
 * Query rules (suffix Q) are checked too: a realistic return should raise none of them.
 *
 * <p>Left out: FormerUPN rule 1560Q (the front door refuses a former UPN that is not a UPN or equals the UPN) and the
 * DfE list of LA codes (1103 is reduced to the 3-digit format).
 */
final class CinCensusValidationRules {

  record Failure(String rule, String laChildId, String message) {
    @Override
    public String toString() {
      return "rule " + rule + " [" + laChildId + "]: " + message;
    }
  }

  static final Set<String> SOURCES = Set.of("1A", "1B", "1C", "1D", "2A", "2B", "3A", "3B", "3C", "3D", "3E", "3F",
      "4", "5A", "5B", "5C", "5D", "6", "7", "8", "9", "10");
  static final Set<String> NEEDS = Set.of("N0", "N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8", "N9");
  static final Set<String> CLOSURE_REASONS = Set.of("RC1", "RC2", "RC3", "RC4", "RC5", "RC6", "RC7", "RC8", "RC9");
  static final Set<String> DISABILITIES = Set.of(
      "NONE", "MOB", "HAND", "PC", "INC", "COMM", "LD", "HEAR", "VIS", "BEH", "CON", "AUT", "DDA");
  static final Set<String> CATEGORIES = Set.of("NEG", "PHY", "SAB", "EMO", "MUL");
  static final Set<String> ETHNICITY = Set.of("WBRI", "WIRI", "WIRT", "WOTH", "WROM", "MWBC", "MWBA", "MWAS",
      "MOTH", "AIND", "APKN", "ABAN", "AOTH", "BCRB", "BAFR", "BOTH", "CHNE", "OOTH", "REFU", "NOBT");
  static final Set<String> FACTORS = Set.of("1A", "1B", "1C", "2A", "2B", "2C", "3A", "3B", "3C", "4A", "4B", "4C",
      "5A", "5B", "5C", "6A", "6B", "6C", "7A", "8B", "8C", "8D", "8E", "8F", "9A", "10A", "11A", "12A", "13A",
      "14A", "15A", "16A", "17A", "18B", "18C", "19B", "19C", "20", "21", "22A", "23A", "24A");
  static final Set<String> UPN_UNKNOWN = Set.of("UN1", "UN2", "UN3", "UN4", "UN5");
  /** The UPN check letter for remainders 0–22 (DfE UPN guidance; I, O and S are never used). */
  static final String CHECK_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ";

  private final WorkingDayCalendar calendar;
  private final List<Failure> failures = new ArrayList<>();
  private LocalDate censusStart;
  private LocalDate referenceDate;

  private CinCensusValidationRules(WorkingDayCalendar calendar) {
    this.calendar = calendar;
  }

  /** Every failure in the return, for the children {@code include} accepts (by LAchildID). */
  static List<Failure> check(Document census, Predicate<String> include, WorkingDayCalendar calendar) {
    CinCensusValidationRules rules = new CinCensusValidationRules(calendar);
    rules.run(census.getDocumentElement(), include);
    return rules.failures;
  }

  private void run(Element message, Predicate<String> include) {
    Element details = child(child(message, "Header"), "CollectionDetails");
    String year = text(details, "Year");
    referenceDate = date(details, "ReferenceDate");
    // 100: ReferenceDate must be 31 March of the collection year
    if (referenceDate == null || year == null || !referenceDate.equals(LocalDate.of(Integer.parseInt(year), 3, 31))) {
      fail("100", "-", "Reference Date is incorrect: " + referenceDate + " for year " + year);
      return;
    }
    censusStart = referenceDate.minusYears(1).plusDays(1);
    // 1103 (format only): the 3-digit LA code
    String lea = text(child(child(message, "Header"), "Source"), "LEA");
    if (lea == null || !lea.matches("\\d{3}")) {
      fail("1103", "-", "LEA is not a 3-digit local authority code: " + lea);
    }
    Set<String> ids = new HashSet<>();
    Set<String> upns = new HashSet<>();
    int plansStarting = 0;
    int conferences = 0;
    for (Element c : children(child(message, "Children"), "Child")) {
      Element identifiers = child(c, "ChildIdentifiers");
      String id = text(identifiers, "LAchildID");
      if (id == null || !include.test(id)) {
        continue;
      }
      // spec: LAchildID is unique within the return
      if (!ids.add(id)) {
        fail("spec", id, "more than one Child with this LAchildID");
      }
      String upn = text(identifiers, "UPN");
      if (upn != null && !upns.add(upn)) {
        fail("spec", id, "UPN " + upn + " is used by more than one child");
      }
      ChildFacts child = childFacts(id, identifiers, child(c, "ChildCharacteristics"));
      for (Element e : children(c, "CINdetails")) {
        episode(child, e);
        for (Element p : children(e, "ChildProtectionPlans")) {
          LocalDate start = date(p, "CPPstartDate");
          if (inYear(start)) {
            plansStarting++;
          }
        }
        if (inYear(date(e, "DateOfInitialCPC"))) {
          conferences++;
        }
        for (Element s : children(e, "Section47")) {
          if (inYear(date(s, "DateOfInitialCPC"))) {
            conferences++;
          }
        }
      }
      overlaps(child, children(c, "CINdetails"));
    }
    // 2883 (LA level): no more child protection plans starting than initial conferences held
    if (plansStarting > conferences) {
      fail("2883", "-", plansStarting + " child protection plans start in the year but " + conferences
          + " initial conferences are reported");
    }
  }

  private record ChildFacts(String id, LocalDate birth, LocalDate expectedBirth, LocalDate death) {}

  private ChildFacts childFacts(String id, Element identifiers, Element characteristics) {
    String upn = text(identifiers, "UPN");
    String unknown = text(identifiers, "UPNunknown");
    LocalDate birth = date(identifiers, "PersonBirthDate");
    LocalDate expected = date(identifiers, "ExpectedPersonBirthDate");
    LocalDate death = date(identifiers, "PersonDeathDate");
    if (upn != null) {
      upn(id, upn);
      // spec: UPNunknown only for a child without a UPN
      if (unknown != null) {
        fail("spec", id, "both UPN and UPNunknown are given");
      }
    }
    if (unknown != null && !UPN_UNKNOWN.contains(unknown)) {
      fail("spec", id, "UPNunknown " + unknown + " is not one of " + UPN_UNKNOWN);
    }
    // 8770Q: a UPN or the reason it is missing for a child more than 5 years old
    if (upn == null && unknown == null && birth != null && Period.between(birth, referenceDate).getYears() >= 5) {
      fail("8770Q", id, "UPN or reason UPN missing expected for a child who is more than 5 years old");
    }
    // 8525: date of birth or expected date of birth, not both
    if ((birth == null) == (expected == null)) {
      fail("8525", id, "Either Date of Birth or Expected Date of Birth must be provided (but not both)");
    }
    // spec (2024/25 onwards): Sex M, F or U; GenderCurrent 0, 1, 2, 9 before
    String sex = text(identifiers, "Sex");
    String gender = text(identifiers, "GenderCurrent");
    if (sex == null ? gender == null || !Set.of("0", "1", "2", "9").contains(gender)
        : !Set.of("M", "F", "U").contains(sex)) {
      fail("spec", id, "Sex/GenderCurrent missing or not a DfE code: " + (sex == null ? gender : sex));
    }
    if (death != null) {
      // 8545Q: the date of death falls within the census year
      if (!inYear(death)) {
        fail("8545Q", id, "Child's date of death should be within the census year: " + death);
      }
      if (birth != null && death.isBefore(birth)) {
        fail("spec", id, "PersonDeathDate " + death + " is before PersonBirthDate " + birth);
      }
    }
    String ethnicity = text(characteristics, "Ethnicity");
    if (ethnicity == null || !ETHNICITY.contains(ethnicity)) {
      fail("spec", id, "Ethnicity missing or not a DfE code: " + ethnicity);
    }
    Element disabilities = child(characteristics, "Disabilities");
    if (disabilities != null) {
      List<String> codes = texts(disabilities, "Disability");
      for (String code : codes) {
        if (!DISABILITIES.contains(code)) {
          fail("spec", id, "Disability code " + code + " is not a CIN census code");
        }
      }
      // 8790: NONE cannot be given with other disabilities
      if (codes.contains("NONE") && codes.size() > 1) {
        fail("8790", id, "Disability information includes both None and other values");
      }
      if (new HashSet<>(codes).size() != codes.size()) {
        fail("spec", id, "a disability code is repeated");
      }
    }
    return new ChildFacts(id, birth, expected, death);
  }

  /** 1510 and 1550, with the format the UPN rules assume: a letter (not I, O, S), 11 digits, a digit or letter. */
  private void upn(String id, String upn) {
    if (!upn.matches("[A-HJ-NP-RT-Z][0-9]{11}[0-9A-HJ-NP-RT-Z]")) {
      fail("1550", id, "UPN " + upn + " is not a letter, 11 digits and a digit or letter (not I, O or S)");
      return;
    }
    if (!Character.isDigit(upn.charAt(12))) {
      return;   // a temporary UPN: the check letter rule applies to permanent ones
    }
    int sum = 0;
    for (int i = 1; i < 13; i++) {
      sum += (upn.charAt(i) - '0') * (i + 1);
    }
    // 1510: the check letter at character 1
    if (upn.charAt(0) != CHECK_LETTERS.charAt(sum % 23)) {
      fail("1510", id, "UPN invalid (wrong check letter at character 1): " + upn);
    }
  }

  private void episode(ChildFacts child, Element e) {
    String id = child.id();
    LocalDate referral = date(e, "CINreferralDate");
    LocalDate closure = date(e, "CINclosureDate");
    String reason = text(e, "ReasonForClosure");
    String nfa = text(e, "ReferralNFA");
    String source = text(e, "ReferralSource");
    String need = text(e, "PrimaryNeedCode");
    if (referral == null) {
      fail("spec", id, "CINreferralDate missing");
      return;
    }
    // spec: the episode was open during the year
    if (referral.isAfter(referenceDate) || (closure != null && closure.isBefore(censusStart))) {
      fail("spec", id, "CIN episode " + referral + "–" + closure + " is not open in the census year");
    }
    // 8866: source of referral present and valid
    if (source == null || !SOURCES.contains(source)) {
      fail("8866", id, "Source of Referral is missing or an invalid code: " + source);
    }
    // 8650: primary need code valid where present
    if (need != null && !NEEDS.contains(need)) {
      fail("8650", id, "Primary Need Code invalid: " + need);
    }
    // spec: ReferralNFA is always given, as true/false (or 1/0)
    if (nfa == null || !Set.of("true", "false", "1", "0").contains(nfa)) {
      fail("spec", id, "ReferralNFA missing or not a boolean: " + nfa);
    }
    boolean referralNfa = "true".equals(nfa) || "1".equals(nfa);
    // 8610: a referral that led to further action has a primary need code
    if (!referralNfa && need == null) {
      fail("8610", id, "Primary Need code is missing for a referral which led to further action.");
    }
    // 8606: referral at most 280 days before the (expected) date of birth
    LocalDate born = child.birth() != null ? child.birth() : child.expectedBirth();
    if (born != null && referral.isBefore(born.minusDays(280))) {
      fail("8606", id, "Child referral date is more than 40 weeks before DOB or expected DOB");
    }
    if (child.death() != null && referral.isAfter(child.death())) {
      // 8555: not referred after death
      fail("8555", id, "Child cannot be referred after its recorded date of death");
    }
    if (closure != null) {
      // 8620: closure date within the census year
      if (!inYear(closure)) {
        fail("8620", id, "CIN Closure Date present and does not fall within the Census year: " + closure);
      }
      // 8630: closure on or after referral
      if (closure.isBefore(referral)) {
        fail("8630", id, "CIN Closure Date is before CIN Referral Date for the same CIN episode");
      }
      // spec: a closed episode has its reason
      if (reason == null) {
        fail("spec", id, "CINclosureDate without ReasonForClosure");
      }
    } else if (reason != null) {
      fail("spec", id, "ReasonForClosure without CINclosureDate");
    }
    // 8640: reason for closure code
    if (reason != null && !CLOSURE_REASONS.contains(reason)) {
      fail("8640", id, "CIN Reason for closure code invalid: " + reason);
    }
    // 8585Q: died as the closure reason needs a date of death
    if ("RC2".equals(reason) && child.death() == null) {
      fail("8585Q", id, "CIN episode shows Died as the Closure Reason, however child has no recorded Date of Death");
    }
    List<Element> assessments = children(e, "Assessments");
    List<Element> plans = children(e, "CINPlanDates");
    List<Element> s47s = children(e, "Section47");
    List<Element> cpps = children(e, "ChildProtectionPlans");
    LocalDate cinIcpc = date(e, "DateOfInitialCPC");
    // 2990: closed after assessment with no further action, so nothing else happened
    if ("RC8".equals(reason) && (!s47s.isEmpty() || !cpps.isEmpty() || cinIcpc != null || !plans.isEmpty())) {
      fail("2990", id, "Activity is recorded against a case marked as 'Case closed after assessment, no further action'");
    }
    // 4000: no CIN plan for a referral with no further action
    if (referralNfa && !plans.isEmpty()) {
      fail("4000", id, "CIN Plan details provided for a referral with no further action");
    }
    assessments(id, referral, closure, assessments);
    cinPlans(child, referral, plans, cpps);
    section47s(id, referral, closure, cinIcpc, s47s);
    childProtectionPlans(id, referral, closure, cpps);
  }

  private void assessments(String id, LocalDate referral, LocalDate closure, List<Element> assessments) {
    List<LocalDate[]> periods = new ArrayList<>();
    for (Element a : assessments) {
      LocalDate start = date(a, "AssessmentActualStartDate");
      LocalDate review = date(a, "AssessmentInternalReviewDate");
      LocalDate authorised = date(a, "AssessmentAuthorisationDate");
      // spec: the start date is given and not before the referral
      if (start == null) {
        fail("spec", id, "AssessmentActualStartDate missing");
        continue;
      }
      if (start.isBefore(referral)) {
        fail("spec", id, "Assessment starts " + start + " before the referral " + referral);
      }
      // 8608: start not after authorisation
      if (authorised != null && start.isAfter(authorised)) {
        fail("8608", id, "Assessment Start Date cannot be later than its End Date");
      }
      // 8736: an assessment not completed started within the census year
      if (authorised == null && !inYear(start)) {
        fail("8736", id, "For an Assessment that has not been completed, the start date must fall within the census year");
      }
      // 8867: a closed episode has every assessment authorised
      if (closure != null && authorised == null) {
        fail("8867", id, "CIN episode is shown as closed, however Assessment is not shown as completed");
      }
      // spec (census guide): the internal review falls while the assessment is in progress
      if (review != null && (review.isBefore(start) || (authorised != null && review.isAfter(authorised)))) {
        fail("spec", id, "AssessmentInternalReviewDate " + review + " is outside the assessment " + start + "–"
            + authorised);
      }
      Element factors = child(a, "FactorsIdentifiedAtAssessment");
      List<String> codes = factors == null ? List.of() : texts(factors, "AssessmentFactors");
      for (String code : codes) {
        // 8617: 8A is not a valid code; spec: the DfE factor list
        if ("8A".equals(code)) {
          fail("8617", id, "Code 8A has been returned. This code is not a valid code.");
        } else if (!FACTORS.contains(code)) {
          fail("spec", id, "Assessment factor " + code + " is not a DfE code");
        }
      }
      // 8869: factor 21 (no factors) stands alone
      if (codes.contains("21") && codes.size() > 1) {
        fail("8869", id, "The assessment factors code '21' cannot be used in conjunction with any other assessment factors.");
      }
      periods.add(new LocalDate[] {start, authorised});
    }
    // 8863: an assessment does not start while another is ongoing in the same episode
    for (int i = 0; i < periods.size(); i++) {
      for (int j = 0; j < periods.size(); j++) {
        LocalDate[] a = periods.get(i);
        LocalDate[] b = periods.get(j);
        LocalDate bEnd = b[1] != null ? b[1] : referenceDate;
        if (i != j && !a[0].isBefore(b[0]) && !a[0].isAfter(bEnd) && !(a[0].equals(b[0]) && Objects.equals(a[1], b[1]))) {
          fail("8863", id, "An Assessment is shown as starting when there is another Assessment ongoing");
        }
      }
    }
  }

  private void cinPlans(ChildFacts child, LocalDate referral, List<Element> plans, List<Element> cpps) {
    String id = child.id();
    int open = 0;
    for (Element p : plans) {
      LocalDate start = date(p, "CINPlanStartDate");
      LocalDate end = date(p, "CINPlanEndDate");
      // 4010: start present and on or before the reference date
      if (start == null || start.isAfter(referenceDate)) {
        fail("4010", id, "CIN Plan start date is missing or out of data collection period");
        continue;
      }
      if (start.isBefore(referral)) {
        fail("spec", id, "CIN plan starts " + start + " before the referral " + referral);
      }
      if (end != null && end.isBefore(start)) {
        fail("spec", id, "CIN plan ends " + end + " before it starts " + start);
      }
      if (child.death() != null) {
        // 4008 / 4009: no CIN plan starting or ending after the child's death
        if (start.isAfter(child.death())) {
          fail("4008", id, "CIN Plan shown as starting after the child's Date of Death.");
        }
        if (end != null && end.isAfter(child.death())) {
          fail("4009", id, "CIN Plan shown as ending after the child's Date of Death.");
        }
      }
      if (end == null) {
        open++;
      }
      for (Element cpp : cpps) {
        // 4001: an open CIN plan and an open child protection plan in the same episode
        if (end == null && date(cpp, "CPPendDate") == null) {
          fail("4001", id, "A CIN Plan cannot run concurrently with a Child Protection Plan");
        }
        LocalDate cppEnd = date(cpp, "CPPendDate");
        Element reviews = child(cpp, "Reviews");
        for (LocalDate review : reviews == null ? List.<LocalDate>of() : dates(reviews, "CPPreviewDate")) {
          // 4003: no CPP review while a CIN plan is open, unless the review ends the CPP
          if (!review.isBefore(start) && end != null && review.isBefore(end) && !review.equals(cppEnd)) {
            fail("4003", id, "A CPP review date is shown as being held at the same time as an open CIN Plan.");
          }
        }
      }
    }
    // 4004: only one open CIN plan in an episode
    if (open > 1) {
      fail("4004", id, "This child is showing more than one open CIN Plan, i.e. with no End Date");
    }
  }

  private void section47s(String id, LocalDate referral, LocalDate closure, LocalDate cinIcpc, List<Element> s47s) {
    int open = 0;
    for (Element s : s47s) {
      LocalDate start = date(s, "S47ActualStartDate");
      LocalDate target = date(s, "InitialCPCtarget");
      LocalDate icpc = date(s, "DateOfInitialCPC");
      String notRequired = text(s, "ICPCnotRequired");
      boolean notNeeded = "true".equals(notRequired) || "1".equals(notRequired);
      // 8615: start present and not after the initial conference
      if (start == null || (icpc != null && start.isAfter(icpc))) {
        fail("8615", id, "Section 47 Enquiry Start Date must be present and cannot be later than the date of the initial Child Protection Conference");
        continue;
      }
      // 2889: not before the referral
      if (start.isBefore(referral)) {
        fail("2889", id, "The S47 start date cannot be before the referral date.");
      }
      // spec: InitialCPCtarget = 15 working days after the S47 start (England and Wales bank holidays)
      LocalDate expected = calendar.plusWorkingDays(start, 15);
      if (!expected.equals(target)) {
        fail("spec", id, "InitialCPCtarget " + target + " is not 15 working days after " + start + " (" + expected + ")");
      }
      // 8715: the initial conference falls within the census year
      if (icpc != null && !inYear(icpc)) {
        fail("8715", id, "Date of Initial Child Protection Conference must fall within the census year");
      }
      // 2884: the conference is reported at one level only
      if (icpc != null && icpc.equals(cinIcpc)) {
        fail("2884", id, "An initial child protection conference is recorded at both the S47 and CIN Details level");
      }
      // 8868: a closed episode has each enquiry finished by a conference or ICPCnotRequired, not both
      if (closure != null && (icpc == null) != notNeeded) {
        fail("8868", id, "CIN episode is shown as closed, however Section 47 enquiry is not shown as completed by ICPC date or ICPC not required flag");
      }
      if (icpc == null && !notNeeded) {
        open++;
      }
    }
    // 8839: at most one open enquiry in an episode
    if (open > 1) {
      fail("8839", id, "Within one CINDetails group there are 2 or more open S47 Assessments");
    }
  }

  private void childProtectionPlans(String id, LocalDate referral, LocalDate closure, List<Element> cpps) {
    for (Element p : cpps) {
      LocalDate start = date(p, "CPPstartDate");
      LocalDate end = date(p, "CPPendDate");
      if (start == null) {
        fail("spec", id, "CPPstartDate missing");
        continue;
      }
      // 1105: plan start on or after the referral
      if (start.isBefore(referral)) {
        fail("1105", id, "The child protection plan start date cannot be before the referral date");
      }
      if (end != null && end.isBefore(start)) {
        fail("spec", id, "CPPendDate " + end + " is before CPPstartDate " + start);
      }
      // spec: a closed episode has no plan still open, nor one ending after it
      if (closure != null && (end == null || end.isAfter(closure))) {
        fail("spec", id, "child protection plan " + start + "–" + end + " outlasts the episode closed " + closure);
      }
      for (String field : List.of("InitialCategoryOfAbuse", "LatestCategoryOfAbuse")) {
        String category = text(p, field);
        if (category == null || !CATEGORIES.contains(category)) {
          fail("spec", id, field + " missing or not a DfE category: " + category);
        }
      }
      String previous = text(p, "NumberOfPreviousCPP");
      if (previous == null || !previous.matches("\\d+")) {
        fail("spec", id, "NumberOfPreviousCPP missing or not a count: " + previous);
      }
      Element reviews = child(p, "Reviews");
      for (LocalDate review : reviews == null ? List.<LocalDate>of() : dates(reviews, "CPPreviewDate")) {
        // spec: reviews are held while the plan is open
        if (review.isBefore(start) || (end != null && review.isAfter(end))) {
          fail("spec", id, "CPPreviewDate " + review + " outside the plan " + start + "–" + end);
        }
      }
    }
  }

  /** 8820: a child's episodes do not overlap (one may start on the day the previous one closed). */
  private void overlaps(ChildFacts child, List<Element> episodes) {
    Map<Element, LocalDate[]> periods = new HashMap<>();
    for (Element e : episodes) {
      LocalDate referral = date(e, "CINreferralDate");
      if (referral != null) {
        LocalDate closure = date(e, "CINclosureDate");
        String nfa = text(e, "ReferralNFA");
        boolean open = closure == null && ("false".equals(nfa) || "0".equals(nfa));
        periods.put(e, new LocalDate[] {referral, closure != null ? closure : open ? referenceDate : null});
      }
    }
    periods.forEach((a, pa) -> periods.forEach((b, pb) -> {
      if (a != b && pb[1] != null && !pa[0].isBefore(pb[0]) && !pa[0].isAfter(pb[1])
          && !(pa[0].equals(pb[1]) && !pa[0].equals(pb[0]))) {
        fail("8820", child.id(), "The dates on the CIN episodes for this child overlap");
      }
    }));
  }

  private boolean inYear(LocalDate day) {
    return day != null && !day.isBefore(censusStart) && !day.isAfter(referenceDate);
  }

  private void fail(String rule, String laChildId, String message) {
    failures.add(new Failure(rule, laChildId, message));
  }

  // --- reading the document ----------------------------------------------------------------------------

  private static Element child(Element parent, String name) {
    if (parent == null) {
      return null;
    }
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(name)) {
        return e;
      }
    }
    return null;
  }

  private static List<Element> children(Element parent, String name) {
    List<Element> found = new ArrayList<>();
    if (parent == null) {
      return found;
    }
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(name)) {
        found.add(e);
      }
    }
    return found;
  }

  private static String text(Element parent, String name) {
    Element e = child(parent, name);
    return e == null || e.getTextContent().isBlank() ? null : e.getTextContent().trim();
  }

  private static List<String> texts(Element parent, String name) {
    return children(parent, name).stream().map(e -> e.getTextContent().trim()).toList();
  }

  private static LocalDate date(Element parent, String name) {
    String text = text(parent, name);
    return text == null ? null : LocalDate.parse(text);
  }

  private static List<LocalDate> dates(Element parent, String name) {
    return texts(parent, name).stream().map(LocalDate::parse).toList();
  }
}
