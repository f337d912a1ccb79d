package vn.congvu.it;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through Debian's chromedriver, as an analyst's browser on the ministry's console.
 * Both programs are named by path, so Selenium Manager never runs and nothing is downloaded; the console's certificate
 * comes from the test's CA, which the browser is told to accept.
 */
final class ConsoleBrowser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getProperty("congvu.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("congvu.chromedriver", "/usr/bin/chromedriver"));
    private static final Duration WAIT = Duration.ofSeconds(30);

    /**
     * Reads a console table from the page's DOM in one call: its column keys and labels from the headings, and each
     * row's cells with their text and status (the row of an empty table, "Không có dòng nào", is no row).
     */
    private static final String READ_TABLE = """
            const table = document.querySelector('table.data[data-table="' + arguments[0] + '"]');
            if (!table) { return null; }
            const headings = Array.from(table.querySelectorAll('thead th'));
            return {
              keys: headings.map(th => th.getAttribute('data-key')),
              labels: headings.map(th => th.textContent),
              rows: Array.from(table.querySelectorAll('tbody tr')).filter(tr => !tr.querySelector('td.empty'))
                .map(tr => Array.from(tr.cells).map(td => ({text: td.textContent, status: td.getAttribute('data-status')})))
            };""";

    private final ChromeDriverService service;
    private final ChromeDriver driver;
    private final URI base;
    private final Path screenshots;

    /**
     * @param base        the console's HTTPS address, such as {@code https://127.0.0.1:8443}
     * @param work        the test's folder: the browser's profile and the driver's log go there
     * @param screenshots where {@link #screenshot} writes
     */
    ConsoleBrowser(URI base, Path work, Path screenshots) throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("The console's browser tests need Debian's chromium and chromium-driver ("
                    + CHROMIUM + ", " + CHROMEDRIVER + "): apt-get install chromium chromium-driver, as .ci/run does");
        }
        this.base = base;
        this.screenshots = Files.createDirectories(screenshots);
        service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort()
                .withLogFile(work.resolve("chromedriver.log").toFile()).build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1400,1000",
                "--user-data-dir=" + Files.createDirectories(work.resolve("chromium-profile")));
        options.setAcceptInsecureCerts(true);
        driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(1400, 1000));
    }

    /** Opens a path of the console (with its query) and returns where the browser ended up. */
    URI open(String pathAndQuery) {
        driver.get(base.resolve(pathAndQuery).toString());
        return URI.create(driver.getCurrentUrl());
    }

    URI currentUrl() {
        return URI.create(driver.getCurrentUrl());
    }

    /** Fills the sign-in form on the current page and sends it. */
    void signIn(String user, String password) {
        WebElement name = driver.findElement(By.name("user"));
        name.clear();
        name.sendKeys(user);
        driver.findElement(By.name("password")).sendKeys(password);
        driver.findElement(By.id("sign-in")).click();
    }

    /** Signs in through the sign-in page unless the browser already holds a session. */
    void ensureSignedIn(String user, String password) {
        if (sessionCookie() == null) {
            open("/console/login");
            signIn(user, password);
            awaitPath("/console/login", false);
        }
    }

    void signOut() {
        driver.findElement(By.id("sign-out")).click();
    }

    void forgetSession() {
        driver.manage().deleteAllCookies();
    }

    /** @return the session cookie's value, or null without a session */
    String sessionCookie() {
        Cookie cookie = driver.manage().getCookieNamed("congvu_session");
        return cookie == null ? null : cookie.getValue();
    }

    WebElement find(By by) {
        return driver.findElement(by);
    }

    /** Waits until the page has the element (a form's answer may still be on its way when a click returns). */
    WebElement await(By by) {
        return new WebDriverWait(driver, WAIT).until(browser -> browser.findElement(by));
    }

    /** Waits until the browser is on a page whose path is, or is not, the one given, and returns its address. */
    URI awaitPath(String path, boolean there) {
        return new WebDriverWait(driver, WAIT).until(browser -> {
            URI current = currentUrl();
            return current.getPath().equals(path) == there ? current : null;
        });
    }

    List<WebElement> findAll(By by) {
        return driver.findElements(by);
    }

    /** @return the table of the current page with that {@code data-table} id */
    ConsoleTable table(String id) {
        Object read = ((JavascriptExecutor) driver).executeScript(READ_TABLE, id);
        if (read == null) {
            throw new AssertionError("no table '" + id + "' on " + driver.getCurrentUrl());
        }
        return ConsoleTable.of(id, read);
    }

    /** Waits until the element has the attribute, and returns its value. */
    String awaitAttribute(By by, String attribute) {
        return new WebDriverWait(driver, WAIT).until(browser -> browser.findElement(by).getDomAttribute(attribute));
    }

    /** @return the link's target, resolved against the current page */
    URI link(By by) {
        return currentUrl().resolve(driver.findElement(by).getDomAttribute("href"));
    }

    /** Saves what the window shows (1400 x 1000) as {@code NAME.png}. */
    Path screenshot(String name) throws IOException {
        return Files.write(screenshots.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    }

    /** Saves one element of the page, such as a table's section, as {@code NAME.png}. */
    Path screenshot(String name, By element) throws IOException {
        return Files.write(screenshots.resolve(name + ".png"), driver.findElement(element).getScreenshotAs(OutputType.BYTES));
    }

    /**
     * Saves the page from its top down to the height given (or its end), wider than the window shows, as
     * {@code NAME.png}: taken through Chrome DevTools, which can capture beyond the window.
     */
    Path screenshotPage(String name, int height) throws IOException {
        Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        Map<?, ?> size = (Map<?, ?>) metrics.get("cssContentSize");
        double width = ((Number) size.get("width")).doubleValue();
        double shown = Math.min(((Number) size.get("height")).doubleValue(), height);
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                "captureBeyondViewport", true, "clip", Map.of("x", 0, "y", 0, "width", width, "height", shown, "scale", 1)));
        return Files.write(screenshots.resolve(name + ".png"), Base64.getDecoder().decode((String) shot.get("data")));
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
        }
    }
}
