package org.opencsc.oversight;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.opencsc.support.JourneyDriver;
import org.opencsc.support.JourneyTest;
import org.opencsc.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The dashboard in Debian's headless Chromium, signed in through the Camunda webapp login a team
 * manager uses for Tasklist: the charts are drawn (pixels on every canvas) and the alarms shown for
 * the localities team seeded above its limits.
 */
@JourneyTest
class DashboardBrowserTest {

  @LocalServerPort int port;
  @Autowired JourneyDriver journeys;

  WebDriver browser;

  @BeforeEach
  void openBrowser() {
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--window-size=1400,2200");
    browser = new ChromeDriver(new ChromeDriverService.Builder()
        .usingDriverExecutable(new java.io.File("/usr/bin/chromedriver")).build(), options);
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.quit();
    }
    TestClock.reset();
  }

  @Test
  void aTeamManagerSignedInToTasklistSeesTheChartsDrawnAndTheAlarms() throws Exception {
    CaseloadAlarmsTest.OverLimitSeed.giveLucyElevenCases(journeys);
    TestClock.reset();
    signInToTasklistAs("tina");

    browser.get("http://localhost:" + port + "/dashboard?from=2019-01-01&to=2030-12-31");
    new WebDriverWait(browser, Duration.ofSeconds(30))
        .withMessage(() -> "dashboard status: " + browser.findElement(By.id("status")).getText() + " "
            + ((JavascriptExecutor) browser).executeScript("return performance.getEntriesByType('resource')"
            + ".map(e => e.name + ' ' + e.responseStatus).join('; ')"))
        .until(b -> "true".equals(
        ((JavascriptExecutor) b).executeScript("return document.body.dataset.loaded || null;")));

    Path screenshot = Path.of("target", "dashboard-screenshot.png");
    Files.createDirectories(screenshot.getParent());
    Files.write(screenshot, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));

    for (String canvas : List.of("deadlinesChart", "caseloadChart", "measuresChart")) {
      assertThat(paintedPixels(canvas)).as("pixels drawn on %s", canvas).isGreaterThan(500L);
    }
    assertThat(browser.findElements(By.cssSelector("#alarms li"))).extracting(e -> e.getText())
        .anySatisfy(text -> assertThat(text).contains("Lucy").contains("newly qualified"));
    assertThat(browser.findElement(By.id("notAvailable")).getText()).contains("NI 61").contains("Not available");
  }

  /** Non-transparent pixels on the chart's canvas. */
  private long paintedPixels(String canvasId) {
    Object count = ((JavascriptExecutor) browser).executeScript("""
        const c = document.getElementById(arguments[0]);
        const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        let n = 0;
        for (let i = 3; i < data.length; i += 4) { if (data[i] !== 0) n++; }
        return n;""", canvasId);
    return ((Number) count).longValue();
  }

  /** The Camunda webapp login, as Tasklist's login form posts it (with the webapp's CSRF token). */
  private void signInToTasklistAs(String user) {
    browser.get("http://localhost:" + port + "/camunda/app/tasklist/");
    Object status = ((JavascriptExecutor) browser).executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        const token = (document.cookie.match(/XSRF-TOKEN=([^;]+)/) || [])[1] || '';
        fetch('/camunda/api/admin/auth/user/default/login/tasklist', {
          method: 'POST', credentials: 'same-origin',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-XSRF-TOKEN': token },
          body: 'username=' + arguments[0] + '&password=' + arguments[0]
        }).then(r => done(r.status), e => done(String(e)));""", user);
    assertThat(status).as("Tasklist login").isEqualTo(200L);
  }
}
