package org.opencsc.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opencsc.calendar.LondonTime;
import org.opencsc.support.Api;
import org.opencsc.support.JourneyDriver;
import org.opencsc.support.JourneyTest;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The working day in Tasklist, in a real (headless) browser: the front door records a contact and
 * decides on it, the manager signs off and is refused on her own work, a social worker is shown what
 * is wrong with an assessment, an auditor reads a child's audit trail and cannot work a task.
 * A failing test leaves a screenshot in target/browser-screenshots/.
 */
@JourneyTest
class TasklistBrowserTest {

  @LocalServerPort int port;
  @Autowired TestRestTemplate rest;
  @Autowired JourneyDriver journeys;
  @Autowired TaskService tasks;

  Browser browser;

  /** Runs before @AfterEach closes the browser, so a failure's page can still be captured. */
  @RegisterExtension
  final AfterTestExecutionCallback screenshotOnFailure = context -> {
    if (context.getExecutionException().isPresent() && browser != null) {
      browser.screenshot(context.getRequiredTestClass().getSimpleName() + "-" + context.getDisplayName());
      System.out.println("[browser] page text at failure:\n" + browser.pageText());
    }
  };

  @BeforeEach
  void startBrowser() {
    assumeTrue(Browser.available(), "Debian chromium and chromium-driver are not installed");
    browser = new Browser("http://localhost:" + port);
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void frontDoorWorkerRecordsAContactInTasklistAndDecidesIt() {
    String laChildId = newLaChildId();
    browser.logInToTasklist("fiona");
    assertThat(browser.driver.getTitle()).as("branded title").contains("Children's social care");
    assertThat(browser.driver.findElements(By.cssSelector(".ce-eol-banner")))
        .as("no Camunda 8 migration banner").allSatisfy(banner -> assertThat(banner.isDisplayed()).isFalse());

    browser.click(By.cssSelector(".start-process-action a"));
    browser.click(By.xpath("//a[contains(normalize-space(.), 'Record a contact about a child')]"));
    browser.type("Council's child id", laChildId);
    browser.type("First name", "Bea");
    browser.type("Last name", "Browser");
    assertThat(browser.datePlaceholder("Date of birth")).as("UK dates in forms").isEqualTo("dd/mm/yyyy");
    browser.typeDate("Date of birth", LocalDate.of(2015, 6, 1));
    browser.choose("Sex", "Female");
    browser.typeDate("Date the contact was received", LondonTime.dateOf(java.time.Instant.now()).minusDays(1));
    browser.type("Time received", "09:30");
    browser.choose("Who made the contact?", "2A");
    browser.type("What was reported", "School reports a bruise on the child's arm");
    browser.click(By.xpath("//button[normalize-space(.)='Start']"));

    String childId = awaitChild(laChildId);
    String decision = journeys.task(childId, "Task_DecideOnContact").getId();
    openTask(decision);
    claimIfOffered();
    browser.choose("What happens next for the child?", "Referral to children's social care");
    browser.type("Reason for the decision", "An unexplained bruise needs an assessment");
    browser.choose("Child's primary need", "N1");
    complete();

    awaitTask(childId, "Task_SignOffContactDecision");
    assertThat(journeys.tasks(childId, "Task_DecideOnContact")).isEmpty();
  }

  @Test
  void managerSignsOffAndIsRefusedOnHerOwnDecision() {
    String other = journeys.contact(newLaChildId(), "2026-01-05T10:00:00Z").childId();
    journeys.complete("fiona", other, "Task_DecideOnContact", Map.of(
        "contactOutcome", "NFA", "decisionReason", "Advice given by the school"));
    browser.logInToTasklist("tina");
    openTask(journeys.task(other, "Task_SignOffContactDecision").getId());
    claimIfOffered();
    browser.radio("Your decision", "Approve the decision");
    complete();
    awaitNoTask(other, "Task_SignOffContactDecision");

    String own = journeys.contact(newLaChildId(), "2026-01-05T10:00:00Z").childId();
    // Managers may not work front-door tasks (Camunda authorization), so the record that Tina made this
    // decision is set up as the engine records an assignee's work done by the system: no signed-in user.
    String ownDecision = journeys.task(own, "Task_DecideOnContact").getId();
    tasks.setAssignee(ownDecision, "tina");
    tasks.complete(ownDecision, Map.of("contactOutcome", "NFA", "decisionReason", "No role for social care"));
    openTask(journeys.task(own, "Task_SignOffContactDecision").getId());
    claimIfOffered();
    browser.wait.until(d -> browser.pageText().contains("Four-eyes rule: tina did this work and cannot sign it off"));
    assertThat(journeys.tasks(own, "Task_SignOffContactDecision")).as("still waiting for another manager").hasSize(1);
  }

  @Test
  void socialWorkerIsShownWhatIsWrongWithTheAssessment() {
    String childId = journeys.contact(newLaChildId(), "2026-01-05T10:00:00Z").childId();
    journeys.referForAllocation(childId);
    journeys.allocate(childId, "sam");
    browser.logInToTasklist("sam");
    openTask(journeys.task(childId, "Task_CarryOutAssessment").getId());
    claimIfOffered();
    LocalDate today = LondonTime.dateOf(java.time.Instant.now());
    browser.typeDate("Date the assessment started", today.minusDays(3));
    browser.typeDate("Date the child was seen", today.plusDays(5));
    browser.type("What are we worried about?", "Bruising; father's drinking");
    browser.type("What is working well?", "Grandmother visits daily");
    browser.type("Scaling", "11");
    browser.type("Analysis", "Needs a plan");
    browser.choose("Outcome of the assessment", "Child in need plan");
    // form-js checks min/max itself: the message shows and Tasklist keeps Complete disabled.
    browser.wait.until(d -> browser.pageText().contains("Field must have maximum value of 10"));
    assertThat(browser.driver.findElement(By.xpath("//button[normalize-space(.)='Complete']")).isEnabled()).isFalse();
    assertThat(journeys.tasks(childId, "Task_CarryOutAssessment")).hasSize(1);

    browser.type("Scaling", "6");
    complete();
    browser.wait.until(d -> browser.pageText().contains("future"));
    assertThat(journeys.tasks(childId, "Task_CarryOutAssessment")).as("refused: the child seen in the future").hasSize(1);

    browser.typeDate("Date the child was seen", today.minusDays(1));
    complete();
    awaitNoTask(childId, "Task_CarryOutAssessment");
  }

  @Test
  void auditorReadsAChildsAuditTrailAndCannotWorkATask() {
    String laChildId = newLaChildId();
    String childId = journeys.contact(laChildId, "2026-01-05T10:00:00Z").childId();
    browser.logIn("cockpit", "audrey");
    browser.open("/audit.html");
    browser.visible(By.id("laChildId")).sendKeys(laChildId);
    browser.click(By.cssSelector("#search button[type='submit']"));
    browser.wait.until(d -> d.findElement(By.id("trail")).isDisplayed());
    assertThat(browser.driver.findElements(By.cssSelector("#trail tbody tr"))).isNotEmpty();

    // Auditors read; Tasklist does not let them in (signed in through Cockpit, Tasklist is forbidden),
    // and the engine refuses them the task itself.
    browser.open("/camunda/app/tasklist/default/");
    browser.wait.until(d -> browser.pageText().contains("Forbidden") || browser.pageText().contains("Login Failed")
        || !d.findElements(By.cssSelector("input[ng-model='username']")).isEmpty());
    assertThat(browser.driver.findElements(By.cssSelector(".start-process-action a"))).as("no task list").isEmpty();
    String decision = journeys.task(childId, "Task_DecideOnContact").getId();
    Api.Reply refused = new Api(rest, "audrey").post("/engine-rest/task/" + decision + "/complete",
        "{\"variables\": {\"contactOutcome\": {\"value\": \"NFA\"}, \"decisionReason\": {\"value\": \"x\"}}}");
    assertThat(refused.status()).as(refused.body()).isIn(403, 404);
    assertThat(journeys.tasks(childId, "Task_DecideOnContact")).as("the auditor changed nothing").hasSize(1);
  }

  @Test
  void theManagersDashboardRendersWithTheTasklistLogin() {
    assumeTrue(new Api(rest, "tina").get("/dashboard.html").status() == 200, "no dashboard page in this build");
    journeys.contact(newLaChildId(), "2026-01-05T10:00:00Z");
    browser.logInToTasklist("tina");
    browser.open("/dashboard");
    browser.wait.until(d -> !d.findElement(By.id("status")).getText().startsWith("Loading"));
    assertThat(browser.driver.findElement(By.tagName("h1")).getText()).startsWith("Oversight");
    assertThat(browser.driver.findElement(By.id("status")).getText()).as("the dashboard read its data")
        .startsWith("As of");
    assertThat(browser.driver.findElement(By.id("deadlinesChart")).isDisplayed()).isTrue();
  }

  private void openTask(String taskId) {
    browser.open("/camunda/app/tasklist/default/#/?task=" + taskId);
    browser.visible(By.cssSelector(".task-details, [cam-tasklist-task]"));
  }

  /** Claims the task if Tasklist offers it; the form stays disabled if the engine refuses the claim. */
  private void claimIfOffered() {
    By claim = By.cssSelector("button.claim");
    try {
      browser.wait.withTimeout(java.time.Duration.ofSeconds(10)).until(d ->
          d.findElements(claim).stream().anyMatch(org.openqa.selenium.WebElement::isDisplayed)
              || (!d.findElements(By.cssSelector(".fjs-form")).isEmpty()
                  && d.findElements(By.cssSelector(".disabled-form")).isEmpty()));
      if (browser.driver.findElements(claim).stream().anyMatch(org.openqa.selenium.WebElement::isDisplayed)) {
        browser.click(claim);
        browser.wait.withTimeout(java.time.Duration.ofSeconds(10)).until(d ->
            d.findElements(By.cssSelector(".disabled-form")).isEmpty()
                || !d.findElements(By.cssSelector(".page-notifications .alert")).isEmpty());
      }
    } catch (org.openqa.selenium.TimeoutException refusedOrAlreadyMine) {
      // the caller checks what happened
    } finally {
      browser.wait.withTimeout(java.time.Duration.ofSeconds(30));
    }
  }

  private void complete() {
    browser.dismissNotifications();
    browser.click(By.xpath("//button[normalize-space(.)='Complete']"));
  }

  private String awaitChild(String laChildId) {
    Api fiona = new Api(rest, "fiona");
    for (int i = 0; i < 60; i++) {
      Api.Reply found = fiona.get("/api/children?laChildId=" + laChildId);
      if (found.status() == 200 && found.json().size() == 1) {
        return found.json().get(0).get("childId").asText();
      }
      sleep();
    }
    throw new AssertionError("The contact recorded in Tasklist did not arrive: " + browser.pageText());
  }

  private void awaitTask(String childId, String taskKey) {
    for (int i = 0; i < 60 && journeys.tasks(childId, taskKey).isEmpty(); i++) {
      sleep();
    }
    assertThat(journeys.tasks(childId, taskKey)).as("%s open", taskKey).hasSize(1);
  }

  private void awaitNoTask(String childId, String taskKey) {
    for (int i = 0; i < 60 && !journeys.tasks(childId, taskKey).isEmpty(); i++) {
      sleep();
    }
    assertThat(journeys.tasks(childId, taskKey)).as("%s completed", taskKey).isEmpty();
  }

  private static void sleep() {
    try {
      Thread.sleep(500);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String newLaChildId() {
    return "B" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }
}
