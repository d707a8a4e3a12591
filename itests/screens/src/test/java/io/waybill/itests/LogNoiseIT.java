package io.waybill.itests;

import io.waybill.itests.WaybillDistribution.Result;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 13 item 14, log noise: after a browser session that does what produced it (page loads and reloads while the
 * push long poll is open, tab changes, row selection with shift-click and select-all, a modal dialog over the list,
 * the package page, signing out and closing the browser), the karaf.log lines written meanwhile have no
 * {@code ReturnChannelHandler} warning, no {@code EofException} and no {@code Failed to cancel resource} (Atmosphere's
 * disconnect error, filtered in {@code etc/org.ops4j.pax.logging.cfg}: see the comment there), while the session's own
 * lines (sign-in) are in the log, so the logging itself still works. Two orders of its own ({@code NOISE-*}).
 */
@Order(19)
@ExtendWith(WaybillExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LogNoiseIT {

    private static final String STORE = Fixtures.ACME_SHOP;
    private static final String GRID = "packages-grid";
    private static final String PREFIX = "NOISE-";
    private static final List<String> NOISE = List.of("ReturnChannelHandler", "EofException",
            "Failed to cancel resource");

    private WaybillDistribution waybill;
    private Browser browser;
    private int logLinesBefore;

    @BeforeAll
    void setUp(WaybillDistribution waybill) throws IOException {
        this.waybill = waybill;
        logLinesBefore = logLines().size();
        Path file = waybill.importDir("log-noise").resolve("log-noise.csv");
        List<String> rows = List.of(
                "NOISE-001,,2025-08-01 09:00,Nora Quiet,,1 Silent Lane,,Leeds,,LS1 1AA,GB,,,MUG-CER-01,1",
                "NOISE-002,,2025-08-01 09:05,Otto Hush,,Zeil 7,,Frankfurt,,60313,DE,,,NOTE-A5-DOT,1",
                "NOISE-003,,2025-08-01 09:10,Paula Still,,3 Rue Calme,,Paris,,75005,FR,,,MUG-CER-01,1");
        Files.writeString(file, Fixtures.HEADER + "\n" + String.join("\n", rows) + "\n",
                StandardCharsets.UTF_8);
        Result imported = waybill.shell("waybill:import --store " + STORE + " --confirm \"" + file + "\"");
        assertTrue(imported.output().contains("Imported: 3 new"), () -> "import:\n" + imported.output());
        browser = Browser.open("log-noise", waybill);
        browser.driver().manage().window().setSize(new Dimension(1440, 900));
        browser.login("admin", waybill.password());
        browser.await("signed in", () -> !browser.path().startsWith("/login"));
    }

    @AfterAll
    void tearDown() {
        if (browser != null) {
            browser.close();
        }
    }

    private List<String> logLines() throws IOException {
        Path log = waybill.home().resolve("data/log/karaf.log");
        return Files.isRegularFile(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
    }

    private void openFiltered(String tab) {
        browser.go("/delivery/" + tab + "?q=" + PREFIX);
        browser.await("#" + GRID + " shows '" + PREFIX + "'",
                () -> PREFIX.equals(browser.byId(GRID).getAttribute("data-filter")));
        browser.awaitVaadin();
    }

    @Test
    @Order(1)
    void aBrowserSessionOfPageLoadsSelectionsAndDialogs() {
        for (int round = 1; round <= 3; round++) {
            // page loads while the long poll is open: each leaves a push connection behind
            for (String tab : List.of("out_of_stock", "allocated", "tracked", "shipped", "voided")) {
                openFiltered(tab);
            }
            openFiltered("waiting");
            browser.awaitText("package-count", "the three own packages", t -> t.equals("3 packages"));
            browser.await("own rows", () -> browser.gridRows(GRID).stream().filter(r -> r.contains(PREFIX))
                    .count() == 3 ? true : null);

            // selection: one row, a shift-click range, select all, clear
            browser.selectRows(GRID, List.of("NOISE-001"));
            browser.awaitText("selection-count", "one selected", t -> t.startsWith("1 "));
            browser.js("""
                    const box = arguments[0];
                    box.scrollIntoView({block: 'center'});
                    box.querySelector('input').dispatchEvent(new MouseEvent('click',
                        {bubbles: true, composed: true, shiftKey: true}));
                    """, browser.await("box of NOISE-003", () -> browser.inGridRow(GRID, "NOISE-003",
                    "vaadin-checkbox")));
            browser.awaitText("selection-count", "a range selected", t -> t.startsWith("3 "));
            browser.click("selection-clear");
            browser.awaitVaadin();
            browser.click("select-all");
            browser.awaitText("selection-count", "all selected", t -> t.startsWith("3 "));
            browser.click("selection-clear");
            browser.awaitVaadin();

            // a modal dialog over the list while it refreshes, then closed with Escape
            browser.click("saved-views");
            browser.byId("saved-views-dialog");
            browser.driver().findElement(By.tagName("body")).sendKeys(Keys.ESCAPE);
            browser.awaitGone("saved-view-list");

            // the package page, then a reload of it and back
            browser.click(browser.await("the link of NOISE-002", () -> browser.inGridRow(GRID, "NOISE-002", "a")));
            browser.await("the package page", () -> browser.path().startsWith("/package/"));
            browser.awaitVaadin();
            browser.driver().navigate().refresh();
            browser.awaitVaadin();
            browser.driver().navigate().back();
            browser.awaitVaadin();
        }
        browser.click("logout-button");
        browser.await("signed out", () -> browser.path().startsWith("/login"));
        browser.close();
        browser = null;
    }

    @Test
    @Order(2)
    void theLogHasNoneOfTheNoiseOfItem14() throws IOException {
        // the session's lines reached the log (the logging configuration is read and works)
        List<String> lines = logLines();
        List<String> mine = lines.subList(Math.min(logLinesBefore, lines.size()), lines.size());
        assertTrue(mine.stream().anyMatch(l -> l.contains("User 'admin' signed in to the web UI")),
                () -> "the session's sign-in in the log; its last lines:\n" + String.join("\n",
                        mine.subList(Math.max(0, mine.size() - 20), mine.size())));
        List<String> noise = mine.stream().filter(l -> NOISE.stream().anyMatch(l::contains)).toList();
        assertEquals(List.of(), noise, "log noise of issue 13 item 14 after a browser session");
    }
}
