package io.waybill.itests;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
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

    /**
     * Clicks an element after scrolling it to the middle of its scroll container (the views scroll inside the app
     * layout, where a plain Selenium click on an element below the fold is "intercepted"); waits for Vaadin to be idle
     * before (a click during a server round trip may be lost when the client resynchronises) and after.
     */
    public void click(WebElement element) {
        awaitVaadin();
        js("arguments[0].scrollIntoView({block: 'center', inline: 'nearest'});", element);
        element.click();
        awaitVaadin();
    }

    public void click(String id) {
        click(byId(id));
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
        // a field below a dialog's or page's visible part (long forms) is not interactable until scrolled in
        js("arguments[0].scrollIntoView({block: 'center', inline: 'nearest'});", field);
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

    /**
     * The first element matching {@code css} inside the cells of the rendered grid row whose cell texts (joined with
     * {@code " | "}) contain {@code rowText}: the row's selection checkbox ({@code vaadin-checkbox}), a button or a
     * link in it. Null when no such row is rendered.
     */
    public WebElement inGridRow(String gridId, String rowText, String css) {
        return (WebElement) js("""
                const [grid, text, css] = arguments;
                const rows = new Map();
                for (const content of grid.querySelectorAll('vaadin-grid-cell-content')) {
                  const slot = content.assignedSlot;
                  const cell = slot && slot.parentElement;
                  const row = cell && cell.parentElement;
                  if (!row || !row.parentElement || row.parentElement.id !== 'items') continue;
                  if (row.hidden || row.hasAttribute('loading')) continue;
                  if (!rows.has(row)) rows.set(row, []);
                  rows.get(row).push(content);
                }
                for (const [row, contents] of rows) {
                  const joined = contents.map(c => c.textContent.trim()).filter(t => t).join(' | ');
                  if (!joined.includes(text)) continue;
                  for (const c of contents) {
                    const e = c.matches(css) ? c : c.querySelector(css);
                    if (e) return e;
                  }
                }
                return null;
                """, byId(gridId), rowText, css);
    }

    /**
     * Ticks the selection checkbox of the rendered row containing each text (a multi-select grid), one server round
     * trip at a time, until all of them are ticked at once (a list refresh by push may re-render rows meanwhile).
     */
    public void selectRows(String gridId, List<String> rowTexts) {
        for (int attempt = 1; ; attempt++) {
            for (String text : rowTexts) {
                WebElement box = await("selection checkbox of the row with '" + text + "' in #" + gridId,
                        () -> inGridRow(gridId, text, "vaadin-checkbox"));
                if (!isChecked(box)) {
                    // the row may sit below the grid's visible part (its own scroller): click() scrolls it in
                    click(box);
                }
            }
            List<String> unticked = rowTexts.stream()
                    .filter(t -> !isChecked(inGridRow(gridId, t, "vaadin-checkbox"))).toList();
            if (unticked.isEmpty()) {
                return;
            }
            if (attempt == 3) {
                throw new AssertionError("rows " + unticked + " of #" + gridId + " do not stay selected after "
                        + attempt + " attempts (screenshot " + screenshot("unselected-rows") + ")");
            }
            WaybillDistribution.log("rows %s of #%s lost their selection; ticking them again", unticked, gridId);
        }
    }

    private boolean isChecked(WebElement box) {
        return box != null && Boolean.TRUE.equals(js("return arguments[0].checked;", box));
    }

    /** Picks the item whose text contains {@code label} from an open overlay list ({@code vaadin-select-item}, ...). */
    public void pickOverlayItem(String itemTag, String label) {
        WebElement item = await("a displayed " + itemTag + " '" + label + "'", () -> driver
                .findElements(By.cssSelector(itemTag)).stream()
                .filter(e -> e.isDisplayed() && String.valueOf(e.getDomProperty("textContent")).contains(label))
                .findFirst().orElse(null));
        item.click();
        awaitVaadin();
    }

    /** The {@code <input type=file>} of a {@code vaadin-upload} (in its light or shadow DOM). */
    /**
     * Types {@code text} into the search field {@code fieldId} and waits until the grid {@code gridId} says (its
     * {@code data-filter} attribute, set by the view when it applies a filter) that it shows that filter: the lazy
     * value change arrives on the server some 400 ms after the last key, so this waits on the condition, never a time.
     */
    public void filter(String fieldId, String gridId, String text) {
        WebElement search = byId(fieldId).findElement(By.cssSelector("input"));
        search.sendKeys(text, Keys.ENTER);
        await("#" + gridId + " filtered to '" + text + "'", () -> text.equals(byId(gridId).getAttribute("data-filter")));
        awaitVaadin();
    }

    /**
     * Picks a language in the header's switch and waits for the page the switch reloads (a marker set on the old
     * page's window is gone) to be ready.
     */
    public void switchLanguage(String label) {
        js("window.wbBeforeLanguageSwitch = true;");
        click("language-switch");
        pickOverlayItem("vaadin-select-item", label);
        await("the page reloaded in " + label, () -> Boolean.TRUE.equals(
                js("return !window.wbBeforeLanguageSwitch && document.readyState === 'complete';")));
        awaitVaadin();
    }

    public WebElement fileInput(String uploadId) {
        return await("file input of #" + uploadId, () -> (WebElement) js(
                "const u = arguments[0];"
                        + "return u.querySelector('input[type=file]')"
                        + " || (u.shadowRoot && u.shadowRoot.querySelector('input[type=file]'));", byId(uploadId)));
    }

    /** Waits until the element with the id is displayed and its text satisfies the check; returns the text. */
    public String awaitText(String id, String what, java.util.function.Predicate<String> check) {
        return awaitText(id, what, WAIT, check);
    }

    public String awaitText(String id, String what, Duration timeout, java.util.function.Predicate<String> check) {
        return await("#" + id + " " + what, timeout, () -> {
            WebElement e = driver.findElement(By.id(id));
            String text = e.getText().strip();
            return e.isDisplayed() && check.test(text) ? text : null;
        });
    }

    /** Waits until no element with the id is in the page (a closed dialog's content). */
    public void awaitGone(String id) {
        await("#" + id + " gone", () -> driver.findElements(By.id(id)).stream().noneMatch(WebElement::isDisplayed));
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
            String label = "timeout-" + what.replaceAll("[^\\w.-]+", "_");
            Path shot = screenshot(label);
            throw new AssertionError("Timed out after " + timeout.toSeconds() + " s waiting for: " + what
                    + " (browser at " + driver.getCurrentUrl() + ", screenshot " + shot + "; on the page: "
                    + overlays() + "; Karaf threads: " + waybill.busyThreads(label) + ")");
        }
    }

    /** The texts of the dialogs and notifications open in the page (a timeout's message), or "none". */
    private String overlays() {
        try {
            Object texts = js("""
                    const out = [];
                    for (const o of document.querySelectorAll('vaadin-dialog-overlay[opened], vaadin-notification-card')) {
                      const t = (o.innerText || '').replace(/\\s+/g, ' ').trim();
                      if (t) out.push(o.localName.replace('vaadin-', '') + ' "' + t.substring(0, 120) + '"');
                    }
                    const poll = window.Vaadin && window.Vaadin.Flow && Object.values(window.Vaadin.Flow.clients)
                        .map(c => c.isActive && c.isActive()).join(',');
                    out.push('client active: ' + poll);
                    return out.join(' | ');
                    """);
            return String.valueOf(texts);
        } catch (RuntimeException e) {
            return "(page not readable: " + e.getClass().getSimpleName() + ")";
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
