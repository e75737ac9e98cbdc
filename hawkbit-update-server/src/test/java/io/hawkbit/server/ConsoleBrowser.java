package io.hawkbit.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium, headless, driven by its chromedriver: no browser or driver is downloaded. Where either is
 * missing the calling test class is skipped with a message saying so.
 */
final class ConsoleBrowser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    final ChromeDriver driver;
    private final String base;

    private ConsoleBrowser(ChromeDriver driver, String base) {
        this.driver = driver;
        this.base = base;
    }

    /** A browser at 1280x800 with a fresh profile in {@code profile}; skips the test class without Chromium. */
    static ConsoleBrowser start(int port, Path profile) {
        boolean available = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!available) {
            System.err.println("*** SKIPPING the console browser tests: " + CHROMIUM + " or " + CHROMEDRIVER
                    + " is missing (apt-get install chromium chromium-driver; .ci/run does) ***");
        }
        Assumptions.assumeTrue(
                available,
                "Console browser tests skipped: install Debian's chromium and chromium-driver (" + CHROMIUM + ", "
                        + CHROMEDRIVER + ")");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-dev-shm-usage",
                "--user-data-dir=" + profile.toAbsolutePath(),
                "--window-size=1280,800");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(1280, 800));
        driver.manage().timeouts().implicitlyWait(Duration.ZERO);
        return new ConsoleBrowser(driver, "http://localhost:" + port);
    }

    void open(String path) {
        driver.get(base + path);
    }

    void signIn(String user, String password) {
        driver.manage().deleteAllCookies();
        open("/ui/login");
        type(By.id("username"), user);
        type(By.id("password"), password);
        driver.findElement(By.id("sign-in")).click();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !driver.getCurrentUrl().contains("/ui/login"));
    }

    void type(By field, String text) {
        WebElement element = driver.findElement(field);
        element.clear();
        element.sendKeys(text);
    }

    /** The element once it is there (htmx swaps and redirects take their time). */
    WebElement waitFor(By by) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !driver.findElements(by).isEmpty());
        return driver.findElement(by);
    }

    boolean has(By by) {
        return !driver.findElements(by).isEmpty();
    }

    String text(By by) {
        return waitFor(by).getText();
    }

    /** Saves the page as {@code docs/console/<name>.png} of the repository, for docs/console.md. */
    void screenshot(String name) {
        File shot = driver.getScreenshotAs(OutputType.FILE);
        Path module = Path.of("").toAbsolutePath();
        Path docs = (Files.isDirectory(module.resolve("../docs"))
                        ? module.resolve("../docs")
                        : module.resolve("target"))
                .resolve("console")
                .normalize();
        try {
            Files.createDirectories(docs);
            Files.copy(shot.toPath(), docs.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(docs.resolve(name + ".png")).isNotEmptyFile();
    }

    @Override
    public void close() {
        driver.quit();
    }
}
