package io.sharcs.runner.report;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Opens an HTML file in headless Debian chromium through chromedriver, both given by path so
 * Selenium Manager never looks for (or downloads) a browser or driver, and reports what a reader
 * would meet: console errors, whether every image decoded, which section ids are present, and a
 * full-page screenshot. Tests calling {@link #open} are skipped where chromium or chromedriver is
 * not installed.
 */
public final class BrowserCheck {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  /**
   * What the browser saw.
   *
   * @param consoleErrors the browser log's SEVERE entries
   * @param imageWidths every {@code <img>}'s naturalWidth, in document order (0: not decoded)
   * @param sectionIds the ids of every {@code <section>}, in document order
   * @param screenshot the full-page screenshot written
   */
  public record Result(List<String> consoleErrors, List<Long> imageWidths, List<String> sectionIds,
      Path screenshot) {}

  /** Held so the level set stays (java.util.logging keeps loggers weakly). */
  private static final Logger DEVTOOLS_LOG = Logger.getLogger("org.openqa.selenium.devtools");

  private BrowserCheck() {}

  /** Skips the calling test (a JUnit assumption) unless chromium and chromedriver are here. */
  public static void assumeBrowser() {
    assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "chromium and chromedriver are not installed (apt-get install chromium chromium-driver)");
  }

  /** Loads {@code html}, waits for its images, and saves the screenshot as {@code png}. */
  public static Result open(Path html, Path png) {
    assumeBrowser();
    // Selenium warns that it has no CDP classes for this chromium: no CDP is used here.
    DEVTOOLS_LOG.setLevel(Level.SEVERE);
    // No Selenium Manager, no network: the driver's path is given, the browser's too.
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
    // Chromium leaves its singleton-socket folder in the temporary folder when the driver ends
    // it: both get a folder of their own, deleted after the check.
    Path scratch;
    try {
      scratch = Files.createTempDirectory("sharcs-browser");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort()
        .withEnvironment(Map.of("TMPDIR", scratch.toString())).build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu",
        "--disable-dev-shm-usage", "--hide-scrollbars", "--no-first-run",
        "--disable-extensions", "--disable-background-networking", "--window-size=1280,900");
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriver driver = new ChromeDriver(service, options);
    try {
      driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
      driver.get(html.toUri().toString());
      JavascriptExecutor js = driver;
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (!Boolean.TRUE.equals(js.executeScript(
          "return Array.from(document.images).every(i => i.complete);"))
          && System.nanoTime() < deadline) {
        Thread.onSpinWait();
      }
      @SuppressWarnings("unchecked")
      List<Long> widths = (List<Long>) js.executeScript(
          "return Array.from(document.images).map(i => i.naturalWidth);");
      @SuppressWarnings("unchecked")
      List<String> ids = (List<String>) js.executeScript(
          "return Array.from(document.querySelectorAll('section')).map(s => s.id);");
      List<String> errors = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
          .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
          .map(LogEntry::getMessage).toList();
      // Chrome has no full-page capture over WebDriver: make the window as tall as the page.
      long height = (Long) js.executeScript(
          "return Math.ceil(document.documentElement.scrollHeight);");
      driver.manage().window().setSize(new Dimension(1280, (int) Math.min(height, 16_000)));
      byte[] shot = driver.getScreenshotAs(OutputType.BYTES);
      Files.createDirectories(png.toAbsolutePath().getParent());
      Files.write(png, shot);
      return new Result(errors, List.copyOf(widths), List.copyOf(ids), png);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      driver.quit();
      deleteTree(scratch);
    }
  }

  private static void deleteTree(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // A leftover temporary folder is not worth failing the check for.
    }
  }
}
