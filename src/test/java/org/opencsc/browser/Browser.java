package org.opencsc.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by Selenium, as a person uses Tasklist: log in, click, type.
 * British English, so form dates read dd/mm/yyyy. Never downloads a browser or a driver.
 */
final class Browser implements AutoCloseable {

  /** target/browser-screenshots (beside target/test-classes, whatever the build directory is called). */
  static final Path SCREENSHOTS = buildDirectory().resolve("browser-screenshots");
  /** form-js 1.8.7 takes typed text 300 ms after the last key (its debounce); with a margin for the re-render. */
  static final Duration TYPED_TEXT_SETTLES_WITHIN = Duration.ofMillis(500);

  final ChromeDriver driver;
  final String baseUrl;
  final WebDriverWait wait;

  Browser(String baseUrl) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--lang=en-GB", "--window-size=1400,1000");
    options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", "en-GB"));
    // form-js takes its date format from the browser's locale, which follows LANG in headless Chromium.
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new java.io.File("/usr/bin/chromedriver")).usingAnyFreePort()
        .withEnvironment(java.util.Map.of("LANG", "en_GB.UTF-8", "LANGUAGE", "en_GB:en")).build();
    this.driver = new ChromeDriver(service, options);
    // Headless Chromium ignores --lang for JavaScript's Intl, where form-js takes its date format from.
    driver.executeCdpCommand("Emulation.setLocaleOverride", java.util.Map.of("locale", "en-GB"));
    this.baseUrl = baseUrl;
    this.wait = new WebDriverWait(driver, Duration.ofSeconds(30));
  }

  private static Path buildDirectory() {
    try {
      return Path.of(Browser.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent();
    } catch (java.net.URISyntaxException | RuntimeException e) {
      return Path.of("target");
    }
  }

  static boolean available() {
    return Files.isExecutable(Path.of("/usr/bin/chromium")) && Files.isExecutable(Path.of("/usr/bin/chromedriver"));
  }

  void open(String path) {
    driver.get(baseUrl + path);
  }

  /** Tasklist's own login form. */
  void logInToTasklist(String user) {
    logIn("tasklist", user);
  }

  /** The login form of a Camunda webapp (tasklist, cockpit, admin). */
  void logIn(String app, String user) {
    open("/camunda/app/" + app + "/default/#/login");
    By name = By.cssSelector("input[ng-model='username']");
    By password = By.cssSelector("input[type='password']");
    wait.until(ExpectedConditions.visibilityOfElementLocated(name));
    wait.until(driver -> typed(name, user) && typed(password, user));
    driver.findElement(By.cssSelector("button[type='submit']")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[cam-widget-header] .navbar-brand")));
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("input[ng-model='username']")));
  }

  /**
   * Types {@code text} unless the field already holds it, and says whether it then does. A page may
   * move the focus while it renders (Tasklist's login focuses the name field a moment after it shows:
   * "fionafiona" and no password), so callers repeat it until true.
   */
  private boolean typed(By field, String text) {
    try {
      if (!holds(field, text)) {
        WebElement input = driver.findElement(field);
        input.clear();
        input.sendKeys(text);
      }
      return holds(field, text);
    } catch (StaleElementReferenceException redrawn) {
      return false;
    }
  }

  private boolean holds(By field, String text) {
    return text.equals(driver.findElement(field).getDomProperty("value"));
  }

  /** Closes Tasklist's notifications (they cover the Complete button). */
  void dismissNotifications() {
    for (WebElement close : driver.findElements(By.cssSelector(".page-notifications button.close"))) {
      if (close.isDisplayed()) {
        close.click();
      }
    }
  }

  WebElement visible(By locator) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(locator));
  }

  /**
   * Clicks as soon as nothing covers the element: Tasklist's dialogs and notices slide in and out,
   * so a click can briefly land on one of them. Waits no longer than any other step.
   */
  void click(By locator) {
    wait.until(d -> {
      WebElement element = ExpectedConditions.elementToBeClickable(locator).apply(d);
      if (element == null) {
        return false;
      }
      ((JavascriptExecutor) d).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
      try {
        element.click();
        return true;
      } catch (org.openqa.selenium.ElementClickInterceptedException coveredForAMoment) {
        return false;
      }
    });
  }

  /** The form-js input whose label starts with {@code label}. */
  By field(String label) {
    return By.xpath("//label[starts-with(normalize-space(.), \"" + label + "\")]/ancestor::div[contains(@class,'fjs-form-field')][1]//*[self::input or self::textarea]");
  }

  /**
   * Types into a form-js field and returns once the form holds the value. form-js passes typed text
   * on to the form 300 ms after the last key, reading the field when it does; a re-render of the form
   * before then (say, the previous field's value arriving) puts the field back to what the form holds,
   * so the text was lost and a required field stayed empty. So the text must outlast that pause.
   */
  void type(String label, String text) {
    By field = field(label);
    visible(field);
    wait.until(d -> typed(field, text) && stillHeldAfter(TYPED_TEXT_SETTLES_WITHIN, field, text));
  }

  private boolean stillHeldAfter(Duration pause, By field, String text) {
    try {
      Thread.sleep(pause.toMillis());
      return holds(field, text);
    } catch (StaleElementReferenceException redrawn) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Types a date into a form-js date field in the format its placeholder shows (dd/mm/yyyy in en-GB). */
  void typeDate(String label, java.time.LocalDate date) {
    WebElement input = visible(field(label));
    String placeholder = String.valueOf(input.getAttribute("placeholder")).toLowerCase();
    String pattern = placeholder.startsWith("mm") ? "MM/dd/yyyy" : "dd/MM/yyyy";
    input.sendKeys(Keys.chord(Keys.CONTROL, "a"), date.format(java.time.format.DateTimeFormatter.ofPattern(pattern)),
        Keys.ENTER, Keys.TAB);
  }

  String datePlaceholder(String label) {
    return visible(field(label)).getAttribute("placeholder");
  }

  /** A form-js select (a searchable drop-down, not a native select): pick the option by its label. */
  void choose(String label, String option) {
    By select = By.xpath("//label[starts-with(normalize-space(.), \"" + label + "\")]/ancestor::div[contains(@class,'fjs-form-field')][1]");
    WebElement container = visible(select);
    click(By.xpath("(//label[starts-with(normalize-space(.), \"" + label + "\")]/ancestor::div[contains(@class,'fjs-form-field')][1]"
        + "//*[contains(@class,'fjs-input-group') or contains(@class,'fjs-select-display') or self::input])[1]"));
    List<WebElement> options = container.findElements(By.xpath(".//*[contains(@class,'fjs-dropdownlist-item')]"));
    for (WebElement candidate : options) {
      if (candidate.getText().trim().startsWith(option)) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].dispatchEvent(new MouseEvent('mousedown', {bubbles: true}));", candidate);
        return;
      }
    }
    throw new IllegalStateException("No option '" + option + "' in " + label + ": "
        + options.stream().map(WebElement::getText).toList());
  }

  void radio(String label, String option) {
    click(By.xpath("//label[starts-with(normalize-space(.), \"" + label + "\")]/ancestor::div[contains(@class,'fjs-form-field')][1]"
        + "//label[contains(normalize-space(.), \"" + option + "\")]"));
  }

  String pageText() {
    return driver.findElement(By.tagName("body")).getText();
  }

  void screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Path file = SCREENSHOTS.resolve(name.replaceAll("[^A-Za-z0-9_-]", "_") + ".png");
      Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
      System.out.println("[browser] screenshot " + file.toAbsolutePath());
    } catch (IOException | RuntimeException e) {
      System.out.println("[browser] no screenshot: " + e);
    }
  }

  @Override
  public void close() {
    driver.quit();
  }
}
