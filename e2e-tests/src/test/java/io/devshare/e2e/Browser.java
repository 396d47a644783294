package io.devshare.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.function.Function;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.devshare.testsupport.EventSamples;
import io.devshare.testsupport.Tokens;

/**
 * A person at a real Chromium (Debian's {@code chromium} and {@code chromium-driver}, installed by
 * {@code deploy/local/browser.sh}), headless, with a fresh profile: every browser is a new person with no cookies.
 * Screenshots go to {@code e2e-tests/target/screenshots/<journey>/}.
 */
final class Browser implements AutoCloseable {

    static final String CHROMIUM = System.getProperty("devshare.chromium", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("devshare.chromedriver", "/usr/bin/chromedriver");
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final ChromeDriver driver;
    private final Path shots;
    private int shot;

    Browser(String journey, int width, int height) {
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM)
                .addArguments(
                        "--headless=new",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-dev-shm-usage",
                        "--disable-quic",
                        "--no-first-run",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--window-size=" + width + "," + height);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(CHROMEDRIVER).toFile())
                .usingAnyFreePort()
                .build();
        this.driver = new ChromeDriver(service, options);
        this.shots =
                EventSamples.repoRoot().resolve("e2e-tests/target/screenshots").resolve(journey);
    }

    Browser(String journey) {
        this(journey, 1280, 900);
    }

    void open(String url) {
        driver.get(url);
    }

    /**
     * Signs in on Keycloak's pages, where the console sent the browser. With organizations enabled Keycloak asks for
     * the username first, then for the password.
     */
    void signIn(String username) {
        signIn(username, null);
    }

    /**
     * Signs in a person of several organizations, who picks {@code organization} (its alias) on Keycloak's "Select an
     * organization" step between the username and the password.
     */
    void signIn(String username, String organization) {
        find(By.id("username")).sendKeys(username);
        if (driver.findElements(By.id("password")).isEmpty()) {
            driver.findElement(By.id("kc-login")).click();
        }
        if (organization != null) {
            click(By.id("organization-" + organization));
        }
        find(By.id("password")).sendKeys(Tokens.PASSWORD);
        driver.findElement(By.id("kc-login")).click();
        await(d -> d.getCurrentUrl().contains("/realms/") ? null : true);
    }

    WebElement find(By by) {
        return await(d -> d.findElements(by).isEmpty() ? null : d.findElement(by));
    }

    void type(String id, String text) {
        WebElement field = find(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    void click(By by) {
        find(by).click();
    }

    /** The page's text; read again when htmx or a navigation replaced the element while it was read. */
    String text() {
        return textOf(By.tagName("body"));
    }

    /** An element's text, read again when htmx swapped the element while it was read. */
    String textOf(By by) {
        for (int attempt = 1; ; attempt++) {
            try {
                return find(by).getText();
            } catch (StaleElementReferenceException e) {
                if (attempt == 5) {
                    throw e;
                }
            }
        }
    }

    String url() {
        return driver.getCurrentUrl();
    }

    String source() {
        return driver.getPageSource();
    }

    /** Waits until the page's text contains {@code s}. */
    void awaitText(String s) {
        awaitText(s, PATIENCE);
    }

    void awaitText(String s, Duration within) {
        new WebDriverWait(driver, within)
                .ignoring(StaleElementReferenceException.class)
                .withMessage(() -> "page never showed \"" + s + "\"; it shows:\n" + text())
                .until(d -> text().contains(s));
    }

    <T> T await(Function<WebDriver, T> condition) {
        // htmx swaps parts of the page every 2 s: an element found a moment ago may be gone; look again.
        return new WebDriverWait(driver, PATIENCE)
                .ignoring(StaleElementReferenceException.class)
                .until(condition::apply);
    }

    Object script(String js, Object... args) {
        return driver.executeScript(js, args);
    }

    Object asyncScript(String js, Object... args) {
        return driver.executeAsyncScript(js, args);
    }

    /** Saves a screenshot as {@code NN-name.png}; answers its path. */
    Path screenshot(String name) {
        try {
            Files.createDirectories(shots);
            Path target = shots.resolve(String.format("%02d-%s.png", ++shot, name));
            Path taken = driver.getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(taken, target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
