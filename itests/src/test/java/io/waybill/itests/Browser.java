package io.waybill.itests;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One headless Chromium (Debian's, driven by Debian's chromedriver; Selenium Manager is never asked for anything)
 * with a fresh profile, plus the few Vaadin-aware reads and waits the tests need.
 */
public final class Browser implements AutoCloseable {

    public static final Duration WAIT = Duration.ofSeconds(20);
    private static final Set<Browser> OPEN = new CopyOnWriteArraySet<>();

    private final String name;
    private final WebDriver driver;
    private final WaybillDistribution waybill;
    private final Path profile;

    private Browser(String name, WaybillDistribution waybill) {
        this.name = name;
        this.waybill = waybill;
        Path target = Path.of(WaybillDistribution.required("waybill.it.instance")).getParent();
        try {
            Files.createDirectories(target.resolve("chrome-profiles"));
            this.profile = Files.createTempDirectory(target.resolve("chrome-profiles"), name + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String chromedriver = executable("webdriver.chrome.driver");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(executable("waybill.it.chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1400,900", "--lang=en-US",
                "--user-data-dir=" + profile);
        // an explicit driver executable: Selenium does not call Selenium Manager at all
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(chromedriver)).usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        OPEN.add(this);
    }

    private static String executable(String property) {
        String path = WaybillDistribution.required(property);
        if (!Files.isExecutable(Path.of(path))) {
            throw new IllegalStateException(path + " (" + property + ") is missing: the browser tests need Debian's "
                    + "chromium and chromium-driver packages (apt-get install chromium chromium-driver), or set -D"
                    + property + "=<path>");
        }
        return path;
    }

    public static Browser open(String name, WaybillDistribution waybill) {
        return new Browser(name, waybill);
    }

    public WebDriver driver() {
        return driver;
    }

    /** Loads a path of the Waybill UI and waits until Vaadin has rendered a view. */
    public void go(String path) {
        driver.get(waybill.baseUrl() + path);
        awaitVaadin();
    }

    /** Waits until the Vaadin client has booted and has no server round trip in flight. */
    public void awaitVaadin() {
        await("Vaadin client ready and idle", () -> Boolean.TRUE.equals(js(
                "const c = window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients;"
                        + "if (!c) return false;"
                        + "const ids = Object.keys(c).filter(k => c[k].isActive);"
                        + "return ids.length > 0 && ids.every(k => !c[k].isActive());")));
    }

    /** Signs in as admin through the login form. */
    public void login(String user, String password) {
        go("/login");
        type(By.cssSelector("#username input"), user);
        type(By.cssSelector("#password input"), password);
        driver.findElement(By.id("login-button")).click();
        awaitVaadin();
    }

    public void type(By input, String text) {
        WebElement field = await("field " + input, () -> driver.findElement(input));
        field.clear();
        field.sendKeys(text);
    }

    public WebElement byId(String id) {
        return await("element #" + id, () -> driver.findElement(By.id(id)));
    }

    public String textOf(String id) {
        return byId(id).getText().strip();
    }

    public String path() {
        return java.net.URI.create(driver.getCurrentUrl()).getPath();
    }

    public Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** The grid's total row count as the server told the client ({@code vaadin-grid.size}). */
    public long gridSize(String gridId) {
        Object size = js("return arguments[0].size;", byId(gridId));
        return size == null ? -1 : ((Number) size).longValue();
    }

    /**
     * The rows the grid has rendered now (body rows that are visible and loaded), each as its non-empty cell texts in
     * column order joined with {@code " | "}.
     */
    @SuppressWarnings("unchecked")
    public List<String> gridRows(String gridId) {
        return (List<String>) js("""
                const grid = arguments[0];
                const rows = new Map();
                for (const content of grid.querySelectorAll('vaadin-grid-cell-content')) {
                  const slot = content.assignedSlot;
                  const cell = slot && slot.parentElement;
                  const row = cell && cell.parentElement;
                  if (!row || !row.parentElement || row.parentElement.id !== 'items') continue;
                  if (row.hidden || row.hasAttribute('loading')) continue;
                  const text = content.textContent.trim();
                  if (!rows.has(row)) rows.set(row, []);
                  if (text) rows.get(row).push({x: cell.getBoundingClientRect().left, text});
                }
                return Array.from(rows.entries())
                  .filter(([row, cells]) => cells.length > 0)
                  .sort((a, b) => a[0].index - b[0].index)
                  .map(([row, cells]) => cells.sort((a, b) => a.x - b.x).map(c => c.text).join(' | '));
                """, byId(gridId));
    }

    /** Polls until the supplier returns a non-null, non-false value; fails naming what was awaited. */
    public <T> T await(String what, Supplier<T> condition) {
        return await(what, WAIT, condition);
    }

    public <T> T await(String what, Duration timeout, Supplier<T> condition) {
        Function<WebDriver, T> f = d -> {
            try {
                T value = condition.get();
                return Boolean.FALSE.equals(value) ? null : value;
            } catch (RuntimeException e) {
                return null;
            }
        };
        try {
            return new WebDriverWait(driver, timeout, Duration.ofMillis(100)).until(f);
        } catch (org.openqa.selenium.TimeoutException e) {
            Path shot = screenshot("timeout-" + what.replaceAll("[^\\w.-]+", "_"));
            throw new AssertionError("Timed out after " + timeout.toSeconds() + " s waiting for: " + what
                    + " (browser at " + driver.getCurrentUrl() + ", screenshot " + shot + ")");
        }
    }

    /** Saves a screenshot to {@code target/screenshots/<name>.png} and returns its path. */
    public Path screenshot(String shotName) {
        Path dir = Path.of(WaybillDistribution.required("waybill.it.screenshots"));
        Path file = dir.resolve(shotName.replaceAll("[^\\w.-]+", "_") + ".png");
        try {
            Files.createDirectories(dir);
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), file, StandardCopyOption.REPLACE_EXISTING);
            WaybillDistribution.log("screenshot %s", file);
        } catch (IOException | RuntimeException e) {
            WaybillDistribution.log("could not save screenshot %s: %s", file, e);
        }
        return file;
    }

    static void screenshotAllOpen(String prefix) {
        for (Browser b : OPEN) {
            b.screenshot(prefix + "-" + b.name);
        }
    }

    @Override
    public void close() {
        OPEN.remove(this);
        try {
            driver.quit();
        } finally {
            WaybillDistribution.deleteTree(profile);
        }
    }
}
