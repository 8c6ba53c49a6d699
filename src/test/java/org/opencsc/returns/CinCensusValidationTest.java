package org.opencsc.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencsc.returns.ReturnDocuments.child;
import static org.opencsc.returns.ReturnDocuments.childElements;
import static org.opencsc.returns.ReturnDocuments.children;
import static org.opencsc.returns.ReturnDocuments.element;
import static org.opencsc.returns.ReturnDocuments.text;
import static org.opencsc.returns.ReturnDocuments.texts;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.Test;
import org.opencsc.calendar.WorkingDayCalendar;
import org.opencsc.frontdoor.ContactIntake;
import org.opencsc.frontdoor.ContactRequest;
import org.opencsc.support.JourneyDriver;
import org.opencsc.support.JourneyTest;
import org.opencsc.support.StageForms;
import org.opencsc.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A year of work driven through the engine gives a CIN census with no failure of the DfE validation rules
 * ({@link CinCensusValidationRules}), and the rules do find faults in a document that has them.
 *
 * <p>Collection year 2027 (1 April 2026 – 31 March 2027). Bank holidays on the way: Mon 25 May 2026 and
 * Mon 31 August 2026, 25 and 28 December 2026, 1 January 2027.
 * <ul>
 *   <li>Nia: a contact with no further action at the front door. Not a referral, so not in the census.
 *   <li>Ben: referral Mon 15 June 2026, assessment (internal review Mon 22 June; disabilities asked again:
 *       none, replacing the "vision" the contact recorded) authorised Fri 3 July, no further action (RC8).
 *   <li>Cara: referral Mon 1 June 2026, assessment with learning and communication disabilities, child in
 *       need plan from Fri 19 June; Cara died on Sat 5 September; the review of Thu 10 September closes
 *       the case with RC2: the plan ends on the date of death, PersonDeathDate is reported.
 *   <li>Dan: referral Tue 12 May 2026, assessment → strategy discussion Tue 26 May (S47 start), ICPC target
 *       15 working days later = Tue 16 June (27–29 May, 1–5, 8–12, 15–16 June), conference Mon 15 June,
 *       plan under neglect, review conferences Tue 8 September (continue, now emotional abuse) and Tue
 *       2 March 2027 (plan ends, case closed RC7).
 *   <li>Eve: referral Mon 6 July 2026, assessment → strategy discussion Mon 20 July, enquiry finds no
 *       significant harm (ICPC not required), case closed RC7 on Fri 24 July.
 * </ul>
 */
@JourneyTest
class CinCensusValidationTest {

  @Autowired ProcessEngine engine;
  @Autowired JourneyDriver driver;
  @Autowired ContactIntake intake;
  @Autowired TestRestTemplate rest;
  @Autowired WorkingDayCalendar calendar;

  @Test
  void aYearOfJourneysDrivenThroughTheEngineGivesACensusThatPassesTheDfeRules() throws Exception {
    String nia = id("NIA");
    String ben = id("BEN");
    String cara = id("CARA");
    String dan = id("DAN");
    String eve = id("EVE");
    contactWithNoFurtherAction(nia);
    assessmentThenNoFurtherAction(ben);
    childInNeedPlanClosedWhenTheChildDied(cara);
    protectionPlanWithReviews(dan);
    enquiryWithoutConference(eve);
    TestClock.reset();

    Document census = census(2027);
    Set<String> ours = Set.of(nia, ben, cara, dan, eve);
    assertThat(CinCensusValidationRules.check(census, ours::contains, calendar)).isEmpty();

    assertThat(children(census, nia)).as("a contact that was not a referral").isEmpty();

    Element benChild = child(census, ben);
    assertThat(texts(benChild, "ChildCharacteristics/Disabilities/Disability")).containsExactly("NONE");
    assertThat(text(benChild, "CINdetails/ReasonForClosure")).isEqualTo("RC8");
    assertThat(childElements(element(benChild, "CINdetails/Assessments"))).containsExactly(
        "AssessmentActualStartDate", "AssessmentInternalReviewDate", "AssessmentAuthorisationDate",
        "FactorsIdentifiedAtAssessment");
    assertThat(text(benChild, "CINdetails/Assessments/AssessmentInternalReviewDate")).isEqualTo("2026-06-22");

    Element caraChild = child(census, cara);
    assertThat(text(caraChild, "ChildIdentifiers/PersonDeathDate")).isEqualTo("2026-09-05");
    assertThat(texts(caraChild, "ChildCharacteristics/Disabilities/Disability")).containsExactly("COMM", "LD");
    assertThat(text(caraChild, "CINdetails/ReasonForClosure")).isEqualTo("RC2");
    assertThat(text(caraChild, "CINdetails/CINclosureDate")).isEqualTo("2026-09-10");
    assertThat(text(caraChild, "CINdetails/CINPlanDates/CINPlanEndDate")).isEqualTo("2026-09-05");

    Element danChild = child(census, dan);
    assertThat(texts(danChild, "CINdetails/DateOfInitialCPC")).as("reported in the Section47 group only").isEmpty();
    assertThat(text(danChild, "CINdetails/Section47/S47ActualStartDate")).isEqualTo("2026-05-26");
    assertThat(text(danChild, "CINdetails/Section47/InitialCPCtarget")).isEqualTo("2026-06-16");
    assertThat(text(danChild, "CINdetails/Section47/DateOfInitialCPC")).isEqualTo("2026-06-15");
    assertThat(texts(danChild, "CINdetails/ChildProtectionPlans/Reviews/CPPreviewDate"))
        .containsExactly("2026-09-08", "2027-03-02");
    assertThat(text(danChild, "CINdetails/ChildProtectionPlans/LatestCategoryOfAbuse")).isEqualTo("EMO");

    Element eveChild = child(census, eve);
    assertThat(text(eveChild, "CINdetails/Section47/ICPCnotRequired")).isEqualTo("true");
    assertThat(text(eveChild, "ChildIdentifiers/UPNunknown")).isEqualTo("UN2");
  }

  @Test
  void theRulesFindEveryFaultOfADocumentThatHasThem() throws Exception {
    Document broken = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(
        new ByteArrayInputStream(BROKEN.getBytes(StandardCharsets.UTF_8)));

    List<String> rules = new ArrayList<>();
    CinCensusValidationRules.check(broken, id -> true, calendar).forEach(f -> rules.add(f.rule()));

    assertThat(rules).contains("1510", "8790", "8585Q", "2884", "8630", "8868", "4001", "8869", "2883", "8820");
    assertThat(rules).as("the ICPC target one working day out").contains("spec");
    assertThat(CinCensusValidationRules.check(broken, "OTHER"::equals, calendar)).isEmpty();
  }

  /**
   * One child with a fault per rule: wrong UPN check letter (1510), NONE with MOB (8790), closed RC2 with
   * no date of death (8585Q), the conference at both levels (2884), an episode closed before it was
   * referred (8630) that overlaps the first (8820), a closed episode whose enquiry has neither conference
   * nor ICPCnotRequired (8868), open CIN and CP plans together (4001), factor 21 with another (8869), more
   * plans than conferences (2883), and an InitialCPCtarget of 14 working days instead of 15.
   */
  private static final String BROKEN = """
      <Message><Header><CollectionDetails><Collection>CIN</Collection><Year>2027</Year>
      <ReferenceDate>2027-03-31</ReferenceDate></CollectionDetails><Source><SourceLevel>L</SourceLevel>
      <LEA>344</LEA><SoftwareCode>x</SoftwareCode><Release>1</Release><SerialNo>1</SerialNo>
      <DateTime>2027-04-01T09:00:00</DateTime></Source></Header><Children><Child>
      <ChildIdentifiers><LAchildID>BROKEN1</LAchildID><UPN>A344200115001</UPN>
      <PersonBirthDate>2015-06-01</PersonBirthDate><Sex>F</Sex></ChildIdentifiers>
      <ChildCharacteristics><Ethnicity>WBRI</Ethnicity><Disabilities><Disability>NONE</Disability>
      <Disability>MOB</Disability></Disabilities></ChildCharacteristics>
      <CINdetails><CINreferralDate>2026-05-01</CINreferralDate><ReferralSource>5A</ReferralSource>
      <PrimaryNeedCode>N1</PrimaryNeedCode><CINclosureDate>2026-12-01</CINclosureDate>
      <ReasonForClosure>RC2</ReasonForClosure><DateOfInitialCPC>2026-06-01</DateOfInitialCPC>
      <ReferralNFA>false</ReferralNFA>
      <Assessments><AssessmentActualStartDate>2026-05-02</AssessmentActualStartDate>
      <AssessmentAuthorisationDate>2026-05-10</AssessmentAuthorisationDate><FactorsIdentifiedAtAssessment>
      <AssessmentFactors>21</AssessmentFactors><AssessmentFactors>1A</AssessmentFactors>
      </FactorsIdentifiedAtAssessment></Assessments>
      <CINPlanDates><CINPlanStartDate>2026-06-02</CINPlanStartDate></CINPlanDates>
      <Section47><S47ActualStartDate>2026-05-11</S47ActualStartDate><InitialCPCtarget>2026-06-01</InitialCPCtarget>
      <DateOfInitialCPC>2026-06-01</DateOfInitialCPC><ICPCnotRequired>false</ICPCnotRequired></Section47>
      <Section47><S47ActualStartDate>2026-07-01</S47ActualStartDate><InitialCPCtarget>2026-07-22</InitialCPCtarget>
      <ICPCnotRequired>false</ICPCnotRequired></Section47>
      <ChildProtectionPlans><CPPstartDate>2026-06-01</CPPstartDate><InitialCategoryOfAbuse>NEG</InitialCategoryOfAbuse>
      <LatestCategoryOfAbuse>NEG</LatestCategoryOfAbuse><NumberOfPreviousCPP>0</NumberOfPreviousCPP><Reviews/>
      </ChildProtectionPlans>
      <ChildProtectionPlans><CPPstartDate>2026-08-01</CPPstartDate><InitialCategoryOfAbuse>NEG</InitialCategoryOfAbuse>
      <LatestCategoryOfAbuse>NEG</LatestCategoryOfAbuse><NumberOfPreviousCPP>1</NumberOfPreviousCPP><Reviews/>
      </ChildProtectionPlans>
      <ChildProtectionPlans><CPPstartDate>2026-09-01</CPPstartDate><InitialCategoryOfAbuse>NEG</InitialCategoryOfAbuse>
      <LatestCategoryOfAbuse>NEG</LatestCategoryOfAbuse><NumberOfPreviousCPP>2</NumberOfPreviousCPP><Reviews/>
      </ChildProtectionPlans></CINdetails>
      <CINdetails><CINreferralDate>2026-10-01</CINreferralDate><ReferralSource>5A</ReferralSource>
      <PrimaryNeedCode>N1</PrimaryNeedCode><CINclosureDate>2026-09-01</CINclosureDate>
      <ReasonForClosure>RC7</ReasonForClosure><ReferralNFA>true</ReferralNFA></CINdetails>
      </Child></Children></Message>""";

  // --- the journeys ---------------------------------------------------------------------------------------

  private void contactWithNoFurtherAction(String laChildId) {
    TestClock.setLondon("2026-07-01T10:30:00");
    String childId = contact(laChildId, "2026-07-01T09:00:00Z", "2017-02-03", "K344200115001", null, List.of());
    driver.complete("fiona", childId, "Task_DecideOnContact", Map.of(
        "contactOutcome", "NFA", "decisionReason", "Parent asked for school uniform help; signposted"));
    driver.complete("tina", childId, "Task_SignOffContactDecision", Map.of("signOffDecision", "APPROVE"));
  }

  private void assessmentThenNoFurtherAction(String laChildId) {
    TestClock.setLondon("2026-06-15T11:00:00");
    String childId = contact(laChildId, "2026-06-15T09:30:00Z", "2016-09-20", "K344200116002", null, List.of("VIS"));
    referAndAllocate(childId);
    TestClock.setLondon("2026-07-03T15:00:00");
    Map<String, Object> assessment = assessment("2026-06-16", "2026-06-17", "NFA", "[\"21\"]");
    assessment.put("assessmentInternalReviewDate", "2026-06-22");
    assessment.put("disabilities", SpinValues.jsonValue("[\"NONE\"]").create());
    driver.complete("sam", childId, "Task_CarryOutAssessment", assessment);
    driver.complete("tina", childId, "Task_SignOffAssessment", Map.of("signOffDecision", "APPROVE"));
  }

  private void childInNeedPlanClosedWhenTheChildDied(String laChildId) {
    TestClock.setLondon("2026-06-01T11:00:00");
    String childId = contact(laChildId, "2026-06-01T09:30:00Z", "2014-04-11", "C344200114003", null, List.of());
    referAndAllocate(childId);
    TestClock.setLondon("2026-06-12T15:00:00");
    Map<String, Object> assessment = assessment("2026-06-02", "2026-06-03", "CIN_PLAN", "[\"5A\",\"6A\"]");
    assessment.put("disabilities", SpinValues.jsonValue("[\"LD\",\"COMM\"]").create());
    driver.complete("sam", childId, "Task_CarryOutAssessment", assessment);
    driver.complete("tina", childId, "Task_SignOffAssessment", Map.of("signOffDecision", "APPROVE"));

    TestClock.setLondon("2026-06-19T16:00:00");
    driver.complete("sam", childId, "Task_AgreeChildInNeedPlan", Map.of("cinPlanStartDate", "2026-06-19",
        "planGoals", "Respite care and a communication aid at school",
        "planActions", "Sam: respite referral by 26 June; school SENCo: communication aid by September"));
    driver.complete("tina", childId, "Task_SignOffChildInNeedPlan", Map.of("signOffDecision", "APPROVE"));

    TestClock.setLondon("2026-09-10T14:00:00");
    Map<String, Object> review = new HashMap<>();
    review.put("cinReviewDate", "2026-09-10");
    review.put("childLastSeenDate", "2026-09-01");
    review.put("reviewProgress", "Cara died in hospital after a seizure; the family is supported by the hospice");
    review.put("cinOutcome", "CLOSE");
    review.put("closureReason", "RC2");
    review.put("personDeathDate", "2026-09-05");
    driver.complete("sam", childId, "Task_ReviewChildInNeedPlan", review);
    driver.complete("mark", childId, "Task_SignOffChildInNeedReview", Map.of("signOffDecision", "APPROVE"));
  }

  private void protectionPlanWithReviews(String laChildId) {
    TestClock.setLondon("2026-05-12T11:00:00");
    String childId = contact(laChildId, "2026-05-12T09:15:00Z", "2019-01-15", null, "UN1", List.of("NONE"));
    referAndAllocate(childId);
    TestClock.setLondon("2026-05-22T15:00:00");
    driver.complete("sam", childId, "Task_CarryOutAssessment",
        assessment("2026-05-13", "2026-05-14", "STRATEGY", "[\"16A\",\"1B\"]"));
    driver.complete("tina", childId, "Task_SignOffAssessment", Map.of("signOffDecision", "APPROVE"));

    TestClock.setLondon("2026-05-26T11:00:00");
    driver.complete("sam", childId, "Task_HoldStrategyDiscussion", discussion("2026-05-26"));
    TestClock.setLondon("2026-06-02T09:00:00");
    driver.complete("sam", childId, "Task_CarryOutSection47Enquiry", enquiry("ICPC", "2026-05-27", null));
    driver.complete("mark", childId, "Task_SignOffSection47Outcome", Map.of("signOffDecision", "APPROVE"));

    TestClock.setLondon("2026-06-15T14:00:00");
    Map<String, Object> conference = new HashMap<>();
    conference.put("conferenceDate", "2026-06-15");
    conference.put("conferenceAttendance", SpinValues.jsonValue("[\"PARENTS\",\"POLICE\"]").create());
    conference.put("icpcOutcome", "CP_PLAN");
    conference.put("cpCategory", "NEG");
    conference.put("conferenceDecisionReasons", "Agencies agree the child is suffering neglect");
    driver.complete("ian", childId, "Task_HoldInitialConference", conference);

    TestClock.setLondon("2026-09-08T14:00:00");
    driver.complete("ian", childId, "Task_HoldReviewConference", StageForms.reviewConference("2026-09-08", "CONTINUE", "EMO"));
    TestClock.setLondon("2027-03-02T14:00:00");
    driver.complete("ian", childId, "Task_HoldReviewConference", StageForms.reviewConference("2027-03-02", "END", "EMO"));
  }

  private void enquiryWithoutConference(String laChildId) {
    TestClock.setLondon("2026-07-06T11:00:00");
    String childId = contact(laChildId, "2026-07-06T09:15:00Z", "2012-10-30", null, "UN2", List.of());
    referAndAllocate(childId);
    TestClock.setLondon("2026-07-17T15:00:00");
    driver.complete("sam", childId, "Task_CarryOutAssessment",
        assessment("2026-07-07", "2026-07-08", "STRATEGY", "[\"18B\"]"));
    driver.complete("tina", childId, "Task_SignOffAssessment", Map.of("signOffDecision", "APPROVE"));
    TestClock.setLondon("2026-07-20T11:00:00");
    driver.complete("sam", childId, "Task_HoldStrategyDiscussion", discussion("2026-07-20"));
    TestClock.setLondon("2026-07-24T10:00:00");
    driver.complete("sam", childId, "Task_CarryOutSection47Enquiry", enquiry("NFA", "2026-07-21", "RC7"));
    driver.complete("mark", childId, "Task_SignOffSection47Outcome", Map.of("signOffDecision", "APPROVE"));
  }

  private String contact(String laChildId, String receivedAt, String dateOfBirth, String upn, String upnUnknown,
      List<String> disabilities) {
    return intake.receive(new ContactRequest(
        new ContactRequest.ChildDetails(laChildId, "Child", "Example", LocalDate.parse(dateOfBirth), null, "F",
            "WBRI", upn, "CH41 1AA", disabilities.isEmpty() ? null : disabilities, upnUnknown),
        new ContactRequest.ContactDetails(OffsetDateTime.parse(receivedAt), "5A", "School reports concerns")))
        .childId();
  }

  private void referAndAllocate(String childId) {
    driver.referForAllocation(childId);
    driver.allocate(childId, "sam");
  }

  private static Map<String, Object> assessment(String start, String seen, String outcome, String factors) {
    Map<String, Object> values = new HashMap<>();
    values.put("assessmentStartDate", start);
    values.put("childSeenDate", seen);
    values.put("childSeenAlone", true);
    values.put("assessmentFactors", SpinValues.jsonValue(factors).create());
    values.put("worries", "What the referral raised");
    values.put("strengths", "Family engages with the school");
    values.put("safetyScale", 5L);
    values.put("assessmentOutcome", outcome);
    values.put("analysis", "Analysis of the child's needs");
    return values;
  }

  private static Map<String, Object> discussion(String date) {
    Map<String, Object> values = new HashMap<>();
    values.put("discussionDate", date);
    values.put("socialCareAttended", true);
    values.put("policeAttended", true);
    values.put("healthAttended", true);
    values.put("strategyDecision", "START_SECTION_47");
    values.put("strategyReasons", "Concerns of significant harm");
    return values;
  }

  private static Map<String, Object> enquiry(String outcome, String childSeen, String closureReason) {
    Map<String, Object> values = new HashMap<>();
    values.put("s47Outcome", outcome);
    values.put("s47ChildSeenDate", childSeen);
    values.put("s47ChildSeenAlone", true);
    values.put("s47Findings", "Findings of the enquiry");
    if (closureReason != null) {
      values.put("closureReason", closureReason);
    }
    return values;
  }

  // --- reading the census --------------------------------------------------------------------------------

  private Document census(int year) throws Exception {
    byte[] body = rest.withBasicAuth("audrey", "audrey")
        .getForEntity("/api/returns/cin-census?year=" + year, byte[].class).getBody();
    return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(body));
  }

  private static String id(String name) {
    return name + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  }
}
