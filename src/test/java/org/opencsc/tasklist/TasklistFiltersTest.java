package org.opencsc.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencsc.support.JourneyDriver;
import org.opencsc.support.JourneyTest;
import org.opencsc.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;

/** The shared Tasklist filters show each role its own work. */
@JourneyTest
class TasklistFiltersTest {

  @Autowired ProcessEngine engine;
  @Autowired JourneyDriver driver;

  String childId;

  @BeforeEach
  void decisionAwaitingSignOff() {
    TestClock.setLondon("2026-11-27T10:30:00");
    childId = driver.contact("F" + UUID.randomUUID().toString().substring(0, 8), "2026-11-27T10:15:00Z").childId();
    driver.complete("fiona", childId, "Task_DecideOnContact",
        Map.of("contactOutcome", "NFA", "decisionReason", "Advice given", "primaryNeed", "N9"));
  }

  @Test
  void everyRoleHasTheFourFilters() {
    assertThat(engine.getFilterService().createFilterQuery().list()).extracting(Filter::getName)
        .contains("My tasks", "My team", "Awaiting my sign-off", "Overdue");
  }

  @Test
  void aManagerSeesTheSignOffAwaitingThemAndAFrontDoorWorkerDoesNot() {
    assertThat(keysIn("Awaiting my sign-off", "tina")).contains("Task_SignOffContactDecision");
    assertThat(keysIn("Awaiting my sign-off", "fiona")).doesNotContain("Task_SignOffContactDecision");
    assertThat(keysIn("My team", "tina")).contains("Task_SignOffContactDecision");
  }

  @Test
  void overdueWorkAppearsOnceItsDueDatePasses() {
    assertThat(idsIn("Overdue", "tina")).doesNotContain(signOffTaskId());
    TestClock.setLondon("2026-12-01T09:00:00");
    assertThat(idsIn("Overdue", "tina")).contains(signOffTaskId());
  }

  @Test
  void myTasksShowsWhatIHaveClaimed() {
    String id = signOffTaskId();
    driver.asUser("mark", () -> engine.getTaskService().claim(id, "mark"));
    assertThat(idsIn("My tasks", "mark")).contains(id);
    assertThat(idsIn("My tasks", "tina")).doesNotContain(id);
  }

  private String signOffTaskId() {
    return driver.task(childId, "Task_SignOffContactDecision").getId();
  }

  private List<String> keysIn(String filterName, String user) {
    return tasksIn(filterName, user).stream().map(Task::getTaskDefinitionKey).toList();
  }

  private List<String> idsIn(String filterName, String user) {
    return tasksIn(filterName, user).stream().map(Task::getId).toList();
  }

  private List<Task> tasksIn(String filterName, String user) {
    Filter filter = engine.getFilterService().createFilterQuery().filterName(filterName).singleResult();
    @SuppressWarnings("unchecked")
    List<Task>[] result = new List[1];
    driver.asUser(user, () -> result[0] = engine.getFilterService().list(filter.getId()));
    return result[0];
  }
}
