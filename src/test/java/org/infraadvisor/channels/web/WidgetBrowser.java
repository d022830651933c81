package org.infraadvisor.channels.web;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import org.infraadvisor.testsupport.TestFolders;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The widget's browser tests' machinery: one real headless Chromium per test class, empty storage before each test,
 * no console errors after it, and helpers that wait on conditions only. Screenshots go to {@code target/screenshots}.
 */
abstract class WidgetBrowser {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @Inject
    EmbeddedServer server;
    @Inject
    @Client("/")
    HttpClient http;

    ChromeDriver driver;
    WebDriverWait wait;
    Path profile;

    /** The service's settings for a browser test: the test folders, progressive advice on or off. */
    static Map<String, String> serviceProperties(boolean progress) {
        Map<String, String> props = new HashMap<>();
        TestFolders.properties().forEach((k, v) -> props.put(k, String.valueOf(v)));
        props.put("advisor.progress.enabled", String.valueOf(progress));
        return props;
    }

    @BeforeAll
    void startBrowser() throws IOException {
        assertThat(Path.of("/usr/bin/chromium")).as("Debian's chromium (apt-get install chromium chromium-driver)").exists();
        assertThat(Path.of("/usr/bin/chromedriver")).as("Debian's chromium-driver").exists();
        profile = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "chrome-profile-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile, "--window-size=1280,900", "--lang=en-US");
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        wait.ignoring(StaleElementReferenceException.class); // the widget replaces the card when the advice changes
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @BeforeEach
    void emptyStorage() {
        driver.manage().window().setSize(new Dimension(1280, 900));
        driver.get(url("/favicon.svg"));
        driver.executeScript("localStorage.clear(); sessionStorage.clear();");
        driver.manage().logs().get(LogType.BROWSER); // drop what earlier pages logged
    }

    @AfterEach
    void noConsoleErrors() {
        List<LogEntry> errors = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue()).toList();
        assertThat(errors).as("browser console errors and warnings (CSP violations, script errors)").isEmpty();
    }

    String url(String path) {
        return server.getURL().toString().replaceAll("/$", "") + path;
    }

    String storageKey(String flow) {
        return "infra-advisor:" + url("") + ":" + flow;
    }

    void openDemo() {
        driver.get(url("/"));
        waitFor(".iaw-turn[data-qid] .iaw-question");
        waitFor(".iaw-composer .iaw-choice, .iaw-composer input, .iaw-composer textarea");
    }

    WebElement waitFor(String css) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    void click(String css) {
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(css))).click();
    }

    String text(String css) {
        return driver.findElement(By.cssSelector(css)).getText();
    }

    boolean activeMatches(String css) {
        return Boolean.TRUE.equals(driver.executeScript("return document.activeElement && document.activeElement.matches(arguments[0])", css));
    }

    /** The question the widget is asking now: the last turn without an answer. */
    String currentQuestion() {
        waitIdle();
        return (String) driver.executeScript(
                "const t = [...document.querySelectorAll('.iaw-turn[data-qid]')].filter(t => !t.querySelector('.iaw-user'));"
                        + "return t.length ? t[t.length - 1].dataset.qid : null;");
    }

    String firstChoice() {
        return waitFor(".iaw-composer .iaw-choice").getAttribute("data-value");
    }

    void typeNumber(String value) {
        WebElement input = waitFor(".iaw-composer input.iaw-input");
        input.sendKeys(value);
        click(".iaw-composer .iaw-send");
    }

    void waitIdle() {
        wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "const c = document.querySelector('.iaw-composer');"
                        + "return !!c && !c.classList.contains('iaw-is-busy') && !!c.querySelector('button, input, textarea');")));
    }

    void waitForAnswerCount(int n) {
        wait.until(d -> d.findElements(By.cssSelector(".iaw-user")).size() == n);
        waitIdle();
    }

    void screenshot(WebElement element, String name) {
        try {
            File shot = element.getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
