package cn.fupin.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A person at the dashboard: Debian's headless Chromium driven through its chromedriver. Without Chromium the
 * browser tests fail, unless {@code FUPIN_E2E_SKIP_BROWSER=true} says to skip them.
 */
final class Browser implements AutoCloseable {

    static final String SKIP = "FUPIN_E2E_SKIP_BROWSER";
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final ChromeDriver driver;

    private Browser(ChromeDriver driver) {
        this.driver = driver;
    }

    static Browser start() {
        Path chromium = Path.of(System.getenv().getOrDefault("FUPIN_CHROMIUM", "/usr/bin/chromium"));
        Path chromedriver = Path.of(System.getenv().getOrDefault("FUPIN_CHROMEDRIVER", "/usr/bin/chromedriver"));
        if (!Files.isExecutable(chromium) || !Files.isExecutable(chromedriver)) {
            Assumptions.assumeFalse("true".equals(System.getenv(SKIP)),
                    () -> SKIP + " is set and " + chromium + " or " + chromedriver + " is missing");
            throw new IllegalStateException("the browser tests need " + chromium + " and " + chromedriver
                    + " (Debian: apt-get install chromium chromium-driver); set " + SKIP + "=true to skip them");
        }
        Path target = directory(Path.of("target", "browser").toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.toFile())
                .withLogFile(target.resolve("chromedriver.log").toFile())
                .build();
        ChromeOptions options = new ChromeOptions().setBinary(chromium.toFile()).addArguments(
                "--headless=new",
                "--no-sandbox", // Chromium refuses to run as root (CI) with its sandbox
                "--disable-dev-shm-usage",
                "--window-size=1280,3000",
                "--lang=zh-CN",
                "--user-data-dir=" + target.resolve("profile-" + ProcessHandle.current().pid()));
        return new Browser(new ChromeDriver(service, options));
    }

    private static Path directory(Path path) {
        try {
            return Files.createDirectories(path);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    void open(String url) {
        driver.get(url);
    }

    String currentUrl() {
        return driver.getCurrentUrl();
    }

    /**
     * Types the user's name and password into Keycloak's own login form, once it is shown, and returns the
     * address of the login page (the authorization request).
     */
    String logInOnKeycloak(String username, String password) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(250))
                .until(() -> !driver.findElements(By.id("kc-login")).isEmpty());
        String loginPage = driver.getCurrentUrl();
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("kc-login")).click();
        return loginPage;
    }

    /**
     * Waits until the dashboard shows the overview of the area for the year and is no longer loading; an error
     * message on the page fails at once.
     */
    void awaitShown(String areaCode, int year) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            String message = text(By.id("message"));
            if (!message.isEmpty()) {
                throw new IllegalStateException("the dashboard says: " + message);
            }
            assertThat(attribute(By.id("overview"), "data-area-code") + " " + attribute(By.id("main"), "data-year")
                    + " busy=" + attribute(By.id("main"), "aria-busy"))
                    .as("on %s", driver.getCurrentUrl())
                    .isEqualTo(areaCode + " " + year + " busy=false");
        });
    }

    /** The area whose overview is shown. */
    String currentArea() {
        return attribute(By.id("overview"), "data-area-code");
    }

    void click(By by) {
        driver.findElement(by).click();
    }

    String text(By by) {
        List<WebElement> found = driver.findElements(by);
        return found.isEmpty() ? "" : found.getFirst().getText();
    }

    List<String> texts(By by) {
        return driver.findElements(by).stream().map(WebElement::getText).toList();
    }

    /** Where each link of the page leads (absolute). */
    List<String> links() {
        return driver.findElements(By.cssSelector("a[href]")).stream().map(link -> link.getDomProperty("href"))
                .toList();
    }

    /** Waits until the page's text holds each of {@code texts}. */
    void awaitText(String... texts) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> assertThat(
                text(By.tagName("body"))).as("on %s", driver.getCurrentUrl()).contains(texts));
    }

    /** A count as shown (1,234), as a number. */
    long number(By by) {
        String shown = text(by);
        assertThat(shown).as("%s", by).matches("[\\d,]+");
        return Long.parseLong(shown.replace(",", ""));
    }

    private String attribute(By by, String name) {
        return driver.findElement(by).getDomAttribute(name);
    }

    /** The window as a person sees it now, as a PNG file; also its size in CSS pixels. */
    Screenshot screenshot(Path file) {
        try {
            Files.write(directory(file.toAbsolutePath().getParent()).resolve(file.getFileName()),
                    driver.getScreenshotAs(OutputType.BYTES));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        Number width = (Number) driver.executeScript("return window.innerWidth * window.devicePixelRatio");
        Number height = (Number) driver.executeScript("return window.innerHeight * window.devicePixelRatio");
        return new Screenshot(file, width.intValue(), height.intValue());
    }

    record Screenshot(Path file, int width, int height) {
    }

    @Override
    public void close() {
        driver.quit();
    }
}
