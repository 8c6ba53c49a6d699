package org.opencsc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.Documentation;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Static checks on the BPMN models in {@code processes/} and the Camunda Forms in {@code forms/}: they are
 * documentation read by managers and inspectors as well as executable models, so every file must parse, be
 * executable with a history time to live, show every element in its diagram, give every user task a form,
 * a role and a plain-language description with a procedures link, and never hide a duration in a timer.
 */
class ModelFilesTest {

  private static final Path PROCESSES = Path.of("processes");
  private static final Path FORMS = Path.of("forms");

  /** form-js 1.8.7 (bundled with Tasklist 7.24) renders these; newer components would show as blank. */
  private static final Set<String> ALLOWED_COMPONENT_TYPES = Set.of(
      "textfield", "textarea", "number", "datetime", "select", "radio", "checkbox", "checklist", "text");
  private static final int MAX_SCHEMA_VERSION = 16;

  /** An ISO-8601 duration or repeating interval written out literally, e.g. P5D, PT24H, P1W, R3/PT1H. */
  private static final Pattern LITERAL_DURATION = Pattern.compile("(?<![A-Za-z0-9_])P(T?\\d|\\d)");
  private static final Pattern EXPRESSION = Pattern.compile("^\\s*[$#]\\{.+}\\s*$", Pattern.DOTALL);

  private static final ObjectMapper JSON = new ObjectMapper();

  private static List<Path> files(Path dir, String suffix) throws IOException {
    try (Stream<Path> stream = Files.list(dir)) {
      return stream.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().collect(Collectors.toList());
    }
  }

  private static String name(Path file, String suffix) {
    String fileName = file.getFileName().toString();
    return fileName.substring(0, fileName.length() - suffix.length());
  }

  @Test
  void thereAreModelsAndForms() throws IOException {
    assertThat(files(PROCESSES, ".bpmn")).extracting(p -> p.getFileName().toString())
        .contains("child-journey.bpmn", "contact.bpmn", "allocation.bpmn", "assessment.bpmn", "deadline-watch.bpmn");
    assertThat(files(FORMS, ".form")).isNotEmpty();
  }

  @TestFactory
  Stream<DynamicTest> everyProcessModel() throws IOException {
    return files(PROCESSES, ".bpmn").stream()
        .map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> checkModel(file)));
  }

  @TestFactory
  Stream<DynamicTest> everyForm() throws IOException {
    return files(FORMS, ".form").stream()
        .map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> checkForm(file)));
  }

  @Test
  void everyFormIsUsedByAUserTaskOrAStartEvent() throws IOException {
    Set<String> used = new HashSet<>();
    for (Path file : files(PROCESSES, ".bpmn")) {
      BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
      for (UserTask task : model.getModelElementsByType(UserTask.class)) {
        used.add(task.getCamundaFormRef());
      }
      for (org.camunda.bpm.model.bpmn.instance.StartEvent start
          : model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.StartEvent.class)) {
        if (start.getCamundaFormRef() != null) {
          used.add(start.getCamundaFormRef());
        }
      }
    }
    assertThat(files(FORMS, ".form")).extracting(f -> name(f, ".form")).allSatisfy(
        id -> assertThat(used).as("form %s is used by a user task or start event", id).contains(id));
  }

  private void checkModel(Path file) {
    BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
    Bpmn.validateModel(model);
    String where = file.getFileName().toString();

    Collection<Process> processes = model.getModelElementsByType(Process.class);
    assertThat(processes).as("%s declares a process", where).isNotEmpty();
    for (Process process : processes) {
      assertThat(process.isExecutable()).as("%s: process %s is executable", where, process.getId()).isTrue();
      assertThat(process.getCamundaHistoryTimeToLiveString())
          .as("%s: process %s has camunda:historyTimeToLive", where, process.getId())
          .isNotBlank();
      assertThat(process.getName()).as("%s: process %s has a plain-language name", where, process.getId())
          .isNotBlank();
    }

    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      String id = where + ": user task " + task.getId();
      assertThat(task.getName()).as("%s has a name", id).isNotBlank();
      String documentation = documentation(task);
      assertThat(documentation).as("%s has documentation with a procedures link", id).contains("manual.link(");
      assertThat(hasText(task.getCamundaCandidateGroups()) || hasText(task.getCamundaAssignee()))
          .as("%s has candidate groups or an assignee", id).isTrue();
      assertThat(task.getCamundaFormRef()).as("%s has a camunda:formRef", id).isNotBlank();
      assertThat(task.getCamundaFormRefBinding()).as("%s binds its form by deployment", id).isEqualTo("deployment");
      assertThat(FORMS.resolve(task.getCamundaFormRef() + ".form"))
          .as("%s: form file forms/%s.form exists", id, task.getCamundaFormRef()).isRegularFile();
      String dueDate = task.getCamundaDueDate();
      if (dueDate != null) {
        assertThat(dueDate).as("%s: due date is an expression", id).matches(EXPRESSION);
        assertThat(LITERAL_DURATION.matcher(dueDate).find())
            .as("%s: due date %s has no literal duration", id, dueDate).isFalse();
      }
    }

    for (TimerEventDefinition timer : model.getModelElementsByType(TimerEventDefinition.class)) {
      List<String> definitions = new ArrayList<>();
      if (timer.getTimeDate() != null) {
        definitions.add(timer.getTimeDate().getTextContent());
      }
      if (timer.getTimeDuration() != null) {
        definitions.add(timer.getTimeDuration().getTextContent());
      }
      if (timer.getTimeCycle() != null) {
        definitions.add(timer.getTimeCycle().getTextContent());
      }
      String owner = where + ": timer in " + ((BaseElement) timer.getParentElement()).getId();
      assertThat(definitions).as("%s is defined", owner).isNotEmpty();
      for (String definition : definitions) {
        assertThat(definition).as("%s uses an expression", owner).matches(EXPRESSION);
        assertThat(LITERAL_DURATION.matcher(definition).find())
            .as("%s: %s contains no literal ISO-8601 duration", owner, definition).isFalse();
      }
    }

    for (ExclusiveGateway gateway : model.getModelElementsByType(ExclusiveGateway.class)) {
      assertThat(gateway.getName()).as("%s: gateway %s is labelled", where, gateway.getId()).isNotBlank();
      if (gateway.getOutgoing().size() > 1) {
        assertThat(gateway.getDefault()).as("%s: gateway %s has no default flow", where, gateway.getId()).isNull();
        for (SequenceFlow flow : gateway.getOutgoing()) {
          assertThat(flow.getConditionExpression())
              .as("%s: flow %s out of %s has a condition", where, flow.getId(), gateway.getId()).isNotNull();
          assertThat(flow.getName())
              .as("%s: flow %s out of %s is labelled", where, flow.getId(), gateway.getId()).isNotBlank();
        }
      }
    }

    Set<String> drawnShapes = model.getModelElementsByType(BpmnShape.class).stream()
        .filter(shape -> shape.getBpmnElement() != null)
        .map(shape -> shape.getBpmnElement().getId())
        .collect(Collectors.toSet());
    Set<String> drawnEdges = model.getModelElementsByType(BpmnEdge.class).stream()
        .filter(edge -> edge.getBpmnElement() != null)
        .map(edge -> ((BaseElement) edge.getBpmnElement()).getId())
        .collect(Collectors.toSet());
    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      assertThat(drawnShapes).as("%s: %s is drawn in the diagram", where, node.getId()).contains(node.getId());
    }
    for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
      assertThat(drawnEdges).as("%s: flow %s is drawn in the diagram", where, flow.getId()).contains(flow.getId());
    }
  }

  private static String documentation(ModelElementInstance element) {
    return element.getChildElementsByType(Documentation.class).stream()
        .map(Documentation::getTextContent)
        .collect(Collectors.joining("\n"));
  }

  private static boolean hasText(String value) {
    return value != null && !value.isBlank();
  }

  private void checkForm(Path file) throws IOException {
    JsonNode form = JSON.readTree(file.toFile());
    String where = file.getFileName().toString();
    assertThat(form.path("id").asText()).as("%s: id equals the file name", where).isEqualTo(name(file, ".form"));
    assertThat(form.path("type").asText()).as("%s: type", where).isEqualTo("default");
    assertThat(form.path("schemaVersion").isInt()).as("%s: schemaVersion is a number", where).isTrue();
    assertThat(form.path("schemaVersion").asInt())
        .as("%s: schemaVersion at most %s (form-js in Tasklist 7.24)", where, MAX_SCHEMA_VERSION)
        .isLessThanOrEqualTo(MAX_SCHEMA_VERSION);
    assertThat(form.path("executionPlatform").asText()).as("%s: executionPlatform", where)
        .isEqualTo("Camunda Platform");

    List<JsonNode> components = new ArrayList<>();
    collectComponents(form.path("components"), components);
    assertThat(components).as("%s has components", where).isNotEmpty();
    assertThat(components.get(0).path("type").asText()).as("%s starts with an explanatory text", where)
        .isEqualTo("text");

    Set<String> ids = new HashSet<>();
    for (JsonNode component : components) {
      String type = component.path("type").asText();
      String id = component.path("id").asText();
      assertThat(ALLOWED_COMPONENT_TYPES).as("%s: component %s type %s renders in Tasklist", where, id, type)
          .contains(type);
      assertThat(id).as("%s: every component has an id", where).isNotBlank();
      assertThat(ids.add(id)).as("%s: component id %s is unique", where, id).isTrue();
      if (!"text".equals(type)) {
        assertThat(component.path("key").asText()).as("%s: component %s has a key", where, id).isNotBlank();
      }
    }
  }

  private static void collectComponents(JsonNode list, List<JsonNode> into) {
    for (JsonNode component : list) {
      into.add(component);
      if (component.has("components")) {
        collectComponents(component.get("components"), into);
      }
    }
  }
}
