package org.opencsc.returns;

import java.io.OutputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.springframework.stereotype.Component;

/**
 * Writes the DfE Children in Need census XML (shared/spec/returns.md) child by child onto a stream:
 * {@code <Message>} without a namespace, {@code <Header>}, {@code <Children>}.
 */
@Component
public class CinCensusWriter {

  /** Seconds always written: LocalDateTime.toString() drops them at :00, which the XSD's xs:dateTime refuses. */
  private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

  private final CinCensusRecords records;
  private final XMLOutputFactory factory = XMLOutputFactory.newFactory();

  public CinCensusWriter(CinCensusRecords records) {
    this.records = records;
  }

  public record Source(String laCode, String softwareCode, String release, int serialNo, LocalDateTime generatedAt) {}

  public void write(CollectionYear year, Source source, OutputStream out) {
    try {
      XMLStreamWriter xml = factory.createXMLStreamWriter(out, "UTF-8");
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeStartElement("Message");
      header(xml, year, source);
      xml.writeStartElement("Children");
      records.forEachChild(year, child -> {
        try {
          child(xml, year, child);
        } catch (XMLStreamException e) {
          throw new ReturnWriteException(e);
        }
      });
      xml.writeEndElement();
      xml.writeEndElement();
      xml.writeEndDocument();
      xml.flush();
      xml.close();
    } catch (XMLStreamException e) {
      throw new ReturnWriteException(e);
    }
  }

  private static void header(XMLStreamWriter xml, CollectionYear year, Source source) throws XMLStreamException {
    xml.writeStartElement("Header");
    xml.writeStartElement("CollectionDetails");
    element(xml, "Collection", "CIN");
    element(xml, "Year", String.valueOf(year.year()));
    element(xml, "ReferenceDate", year.referenceDate());
    xml.writeEndElement();
    xml.writeStartElement("Source");
    element(xml, "SourceLevel", "L");
    element(xml, "LEA", source.laCode());
    element(xml, "SoftwareCode", source.softwareCode());
    element(xml, "Release", source.release());
    element(xml, "SerialNo", String.valueOf(source.serialNo()));
    element(xml, "DateTime", DATE_TIME.format(source.generatedAt()));
    xml.writeEndElement();
    xml.writeEndElement();
  }

  private static void child(XMLStreamWriter xml, CollectionYear year, CinCensusRecords.CinChild cin)
      throws XMLStreamException {
    ReturnChild c = cin.child();
    xml.writeStartElement("Child");
    xml.writeStartElement("ChildIdentifiers");
    element(xml, "LAchildID", c.laChildId());
    element(xml, "UPN", c.upn());
    element(xml, "FormerUPN", c.formerUpn());
    element(xml, "UPNunknown", c.upn() == null ? c.upnUnknown() : null);
    element(xml, "PersonBirthDate", c.dateOfBirth());
    element(xml, "ExpectedPersonBirthDate", c.dateOfBirth() == null ? c.expectedDateOfBirth() : null);
    if (year.usesSex()) {
      element(xml, "Sex", c.sex());
    } else {
      element(xml, "GenderCurrent", genderCurrent(c.sex()));
    }
    element(xml, "PersonDeathDate", cin.personDeathDate());
    xml.writeEndElement();
    xml.writeStartElement("ChildCharacteristics");
    element(xml, "Ethnicity", c.ethnicity());
    if (!cin.disabilities().isEmpty()) {
      xml.writeStartElement("Disabilities");
      for (String code : cin.disabilities()) {
        element(xml, "Disability", code);
      }
      xml.writeEndElement();
    }
    xml.writeEndElement();
    for (CinEpisode e : cin.episodes()) {
      episode(xml, e);
    }
    xml.writeEndElement();
  }

  private static void episode(XMLStreamWriter xml, CinEpisode e) throws XMLStreamException {
    xml.writeStartElement("CINdetails");
    element(xml, "CINreferralDate", e.referralDate);
    element(xml, "ReferralSource", e.referralSource);
    element(xml, "PrimaryNeedCode", e.primaryNeed);
    element(xml, "CINclosureDate", e.closureDate);
    element(xml, "ReasonForClosure", e.closureReason);
    element(xml, "DateOfInitialCPC", e.dateOfInitialCpc());
    element(xml, "ReferralNFA", String.valueOf(e.referralNfa()));
    for (CinEpisode.Assessment a : e.assessments) {
      xml.writeStartElement("Assessments");
      element(xml, "AssessmentActualStartDate", a.startDate());
      element(xml, "AssessmentInternalReviewDate", a.internalReviewDate());
      element(xml, "AssessmentAuthorisationDate", a.authorisationDate());
      xml.writeStartElement("FactorsIdentifiedAtAssessment");
      for (String factor : a.factors()) {
        element(xml, "AssessmentFactors", factor);
      }
      xml.writeEndElement();
      xml.writeEndElement();
    }
    for (CinEpisode.CinPlan plan : e.cinPlans) {
      xml.writeStartElement("CINPlanDates");
      element(xml, "CINPlanStartDate", plan.startDate());
      element(xml, "CINPlanEndDate", plan.endDate());
      xml.writeEndElement();
    }
    for (CinEpisode.Section47 s47 : e.section47s) {
      xml.writeStartElement("Section47");
      element(xml, "S47ActualStartDate", s47.startDate());
      element(xml, "InitialCPCtarget", s47.initialCpcTarget());
      element(xml, "DateOfInitialCPC", s47.dateOfInitialCpc());
      element(xml, "ICPCnotRequired", String.valueOf(s47.icpcNotRequired()));
      xml.writeEndElement();
    }
    for (CinEpisode.CpPlan plan : e.cpPlans) {
      xml.writeStartElement("ChildProtectionPlans");
      element(xml, "CPPstartDate", plan.startDate());
      element(xml, "CPPendDate", plan.endDate());
      element(xml, "InitialCategoryOfAbuse", plan.initialCategory());
      element(xml, "LatestCategoryOfAbuse", plan.latestCategory());
      element(xml, "NumberOfPreviousCPP", String.valueOf(plan.previousPlans()));
      xml.writeStartElement("Reviews");
      for (LocalDate review : plan.reviewDates()) {
        element(xml, "CPPreviewDate", review);
      }
      xml.writeEndElement();
      xml.writeEndElement();
    }
    xml.writeEndElement();
  }

  /** GenderCurrent before 2024/25: 1 male, 2 female, 0 not known. */
  private static String genderCurrent(String sex) {
    return switch (sex == null ? "" : sex) {
      case "M" -> "1";
      case "F" -> "2";
      default -> "0";
    };
  }

  /** Optional items are left out rather than written empty. */
  private static void element(XMLStreamWriter xml, String name, Object value) throws XMLStreamException {
    if (value == null || value.toString().isBlank()) {
      return;
    }
    xml.writeStartElement(name);
    xml.writeCharacters(value.toString());
    xml.writeEndElement();
  }
}
