package org.opencsc.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencsc.returns.ReturnDocuments.child;
import static org.opencsc.returns.ReturnDocuments.childElements;
import static org.opencsc.returns.ReturnDocuments.element;
import static org.opencsc.returns.ReturnDocuments.text;
import static org.opencsc.returns.ReturnDocuments.texts;

import java.io.ByteArrayInputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.Test;
import org.opencsc.children.ChildRepository;
import org.opencsc.support.Api;
import org.opencsc.support.JourneyDriver;
import org.opencsc.support.JourneyTest;
import org.opencsc.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The census's Disabilities and UPNunknown come from what the contact recorded: one child recorded in
 * Tasklist with the record-contact start form (checklist values arrive as Json), one through the API.
 */
@JourneyTest
class CinCensusChildCharacteristicsTest {

  @Autowired ProcessEngine engine;
  @Autowired JourneyDriver driver;
  @Autowired ChildRepository children;
  @Autowired TestRestTemplate rest;

  @Test
  void disabilitiesTickedOnTheStartFormAndTheUpnUnknownReasonAreInTheCensusInTheDfeOrder() throws Exception {
    String laChildId = newLaChildId();
    TestClock.setLondon("2026-11-27T10:30:00");
    Map<String, Object> form = startForm(laChildId);
    form.put("disabilities", SpinValues.jsonValue("[\"VIS\", \"AUT\", \"MOB\"]").create());
    form.put("upnUnknown", "UN1");
    driver.asUser("fiona", () -> engine.getFormService().submitStartForm(engine.getRepositoryService()
        .createProcessDefinitionQuery().processDefinitionKey("record-contact").latestVersion().singleResult()
        .getId(), form));
    String childId = children.findByLaChildId(laChildId).orElseThrow().id();
    driver.referForAllocation(childId);
    TestClock.reset();

    Element child = child(census(), laChildId);
    assertThat(childElements(element(child, "ChildIdentifiers")))
        .containsExactly("LAchildID", "UPNunknown", "PersonBirthDate", "Sex");
    assertThat(text(child, "ChildIdentifiers/UPNunknown")).isEqualTo("UN1");
    assertThat(childElements(element(child, "ChildCharacteristics"))).containsExactly("Ethnicity", "Disabilities");
    assertThat(texts(child, "ChildCharacteristics/Disabilities/Disability")).containsExactly("MOB", "VIS", "AUT");
  }

  @Test
  void aChildWithAUpnAFormerUpnAndNoDisabilityHasThemAllAndNoUpnUnknown() throws Exception {
    String laChildId = newLaChildId();
    TestClock.setLondon("2026-11-27T10:30:00");
    Api.Reply reply = new Api(rest, "fiona").post("/api/contacts", Api.contact(laChildId, "2026-11-27T10:15:00Z")
        .replace("\"postcode\": \"CH41 1AA\"",
            "\"postcode\": \"CH41 1AA\", \"disabilities\": [\"NONE\"], \"formerUpn\": \"B987654321098\""));
    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    driver.referForAllocation(reply.json().get("childId").asText());
    TestClock.reset();

    Element child = child(census(), laChildId);
    assertThat(childElements(element(child, "ChildIdentifiers")))
        .containsExactly("LAchildID", "UPN", "FormerUPN", "PersonBirthDate", "Sex");
    assertThat(text(child, "ChildIdentifiers/UPN")).isEqualTo("A123456789012");
    assertThat(text(child, "ChildIdentifiers/FormerUPN")).isEqualTo("B987654321098");
    assertThat(texts(child, "ChildIdentifiers/UPNunknown")).isEmpty();
    assertThat(texts(child, "ChildCharacteristics/Disabilities/Disability")).containsExactly("NONE");
  }

  private Document census() throws Exception {
    byte[] body = rest.withBasicAuth("audrey", "audrey").getForEntity("/api/returns/cin-census?year=2027", byte[].class)
        .getBody();
    return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(body));
  }

  /** As Camunda Forms submit the record-contact start form. */
  private static Map<String, Object> startForm(String laChildId) {
    Map<String, Object> form = new HashMap<>();
    form.put("laChildId", laChildId);
    form.put("firstName", "Cara");
    form.put("lastName", "Example");
    form.put("dateOfBirth", "2022-03-09");
    form.put("sex", "F");
    form.put("ethnicity", "WBRI");
    form.put("receivedDate", "2026-11-27");
    form.put("receivedTime", "09:05");
    form.put("source", "1A");
    form.put("summary", "Health visitor reports the family has no heating");
    return form;
  }

  private static String newLaChildId() {
    return "D" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }
}
