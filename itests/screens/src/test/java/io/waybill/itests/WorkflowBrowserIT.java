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
import org.openqa.selenium.WebElement;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static io.waybill.itests.WaybillDistribution.total;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The delivery workflow as an operator does it in the browser, on orders of its own (order numbers {@code ITB-*})
 * and a SKU of its own made scarce ({@value #SCARCE}): import a CSV with bad rows (upload, problems grid, confirm),
 * allocate from the Waiting tab (some go out of stock), add stock on the Inventory page, retry from the Out of stock
 * tab, void two with a reason (reason select, confirm step, result summary), and find the VOIDED line with the
 * reason in the package detail's history. One browser session for the class; a screenshot per step.
 */
@Order(6)
@ExtendWith(WaybillExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorkflowBrowserIT {

    static final String STORE = Fixtures.ACME_SHOP;
    static final String SCARCE = "BAG-TOTE-CAN";
    private static final String GRID = "packages-grid";
    private static final String PREFIX = "ITB-";
    /** Size of the check-only file that gives the import figure (discarded, never imported). */
    private static final int BIG_FILE_ORDERS = 1000;
    private static final Duration BATCH_WAIT = Duration.ofSeconds(60);

    static final String HEADER = Fixtures.HEADER;
    /** Data rows 1-10. Valid: ITB-001..006 (ITB-001..004 need one bag each). Bad: rows 3, 5, 6, 8. */
    static final List<String> ROWS = List.of(
            "ITB-001,,2025-02-01 10:00,李小龙,,天河区珠江新城花城大道68号,,广州,广东省,510623,CN,,," + SCARCE + ",1",
            "ITB-002,,2025-02-01 10:05,خالد الفيصل,,شارع التحلية,,جدة,,23431,SA,,," + SCARCE + ",1",
            "ITB-101,,2025-02-01 10:10,Nobody Known,,1 Test Road,,Leeds,,LS1 1AA,UK,,,PEN-GEL-12,1",
            "ITB-003,,2025-02-01 10:15,Grace Hopper,,350 Fifth Avenue,,New York,NY,10118,US,,," + SCARCE + ",1",
            "ITB-102,,2025-02-01 10:20,Zero Quantity,,2 Test Road,,Leeds,,LS1 1AA,GB,,,PEN-GEL-12,0",
            "ITB-103,,2025-02-01 10:25,Ohne Postleitzahl,,Zeil 1,,Frankfurt,,,DE,,,PEN-GEL-12,1",
            "ITB-004,,2025-02-01 10:30,Ada Lovelace,,221B Baker Street,,London,,NW1 6XE,GB,,," + SCARCE + ",1",
            "ITB-104,,2025-02-01 10:35,Tab\u0009Inside,,3 Test Road,,Leeds,,LS1 1AA,GB,,,PEN-GEL-12,1",
            "ITB-005,,2025-02-01 10:40,Marie Curie,,11 Rue Pierre et Marie Curie,,Paris,,75005,FR,,,PEN-GEL-12,2",
            "ITB-006,,2025-02-01 10:45,Hans Zimmer,,Zeil 90,,Frankfurt,,60313,DE,,,NOTE-A5-DOT,1");
    static final List<String> VALID = List.of("ITB-001", "ITB-002", "ITB-003", "ITB-004", "ITB-005", "ITB-006");
    static final List<String> NEED_BAG = List.of("ITB-001", "ITB-002", "ITB-003", "ITB-004");
    /** Problems grid rows: data row, column, a piece of the reason. */
    static final List<String[]> PROBLEMS = List.of(
            new String[] {"3", "country", "'UK'"},
            new String[] {"5", "quantity", "got '0'"},
            new String[] {"6", "postal_code", "DE"},
            new String[] {"8", "buyer_name", "U+0009"});

    private WaybillDistribution waybill;
    private Browser browser;
    private Path orderFile;
    private Path bigFile;
    private final Map<String, String> packages = new LinkedHashMap<>();
    private List<String> outOfStock = List.of();

    @BeforeAll
    void setUp(WaybillDistribution waybill) throws IOException {
        this.waybill = waybill;
        Path dir = Files.createDirectories(waybill.home().resolve("it-files"));
        orderFile = dir.resolve("browser-orders.csv");
        Files.writeString(orderFile, HEADER + "\n" + String.join("\n", ROWS) + "\n", StandardCharsets.UTF_8);
        bigFile = dir.resolve("browser-orders-" + BIG_FILE_ORDERS + ".csv");
        StringBuilder big = new StringBuilder(HEADER).append('\n');
        for (int i = 1; i <= BIG_FILE_ORDERS; i++) {
            big.append(String.format(Locale.ROOT, "ITP-%05d,,2025-03-01 08:00,Buyer %d,,%d Long Road,,Leeds,,"
                    + "LS1 1AA,GB,,,MUG-CER-01,1%n", i, i, i));
        }
        Files.writeString(bigFile, big, StandardCharsets.UTF_8);
        // the scarce SKU: two bags in the first warehouse of the store, none in the others
        for (String w : Fixtures.WAREHOUSES) {
            int n = w.equals("SZ-01") ? 2 : 0;
            Result set = waybill.shell("waybill:stock-set " + w + " " + SCARCE + " " + n);
            assertTrue(set.output().contains(w + " " + SCARCE + ": on hand " + n + ", reserved 0"),
                    () -> "stock-set " + w + " " + SCARCE + " " + n + ":\n" + set.output());
        }
        browser = Browser.open("workflow", waybill);
        browser.login("admin", waybill.password());
        browser.await("signed in", () -> browser.path().startsWith("/delivery/"));
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    @Order(1)
    void checkingALargeFileIsTimedAndDiscardingItImportsNothing() {
        // given
        int packagesBefore = total(waybill.shell("waybill:package-list -n 1"), "packages");
        openImportPage();

        // when
        long t0 = System.nanoTime();
        browser.fileInput("import-upload").sendKeys(bigFile.toString());
        String summary = browser.awaitText("import-summary", "preview of the large file", Duration.ofSeconds(120),
                t -> t.startsWith(String.format(Locale.ENGLISH, "%,d rows", BIG_FILE_ORDERS)));
        double seconds = (System.nanoTime() - t0) / 1e9;
        WaybillDistribution.figure("browser import check of " + BIG_FILE_ORDERS + " rows (file chosen -> preview "
                + "shown)", String.format(Locale.ROOT, "%.1f s", seconds));
        browser.screenshot("30-import-preview-" + BIG_FILE_ORDERS + "-rows");

        // then
        String n = String.format(Locale.ENGLISH, "%,d", BIG_FILE_ORDERS);
        assertEquals(n + " rows, " + n + " valid orders, 0 already captured, 0 problems", summary,
                "preview summary of the large file");
        assertEquals("Import " + n + " orders", browser.textOf("import-confirm"), "confirm button");

        // when: discarded
        browser.click("import-discard");

        // then
        browser.await("preview hidden after discard", () -> !browser.byId("import-preview").isDisplayed());
        assertEquals(packagesBefore, total(waybill.shell("waybill:package-list -n 1"), "packages"),
                "packages after discarding the preview");
    }

    @Test
    @Order(2)
    void importShowsTheProblemsGridAndConfirmImportsTheValidOrders() {
        // given
        int packagesBefore = total(waybill.shell("waybill:package-list -n 1"), "packages");
        openImportPage();

        // when
        long t0 = System.nanoTime();
        browser.fileInput("import-upload").sendKeys(orderFile.toString());
        String summary = browser.awaitText("import-summary", "preview of the file with bad rows",
                t -> t.startsWith(ROWS.size() + " rows"));
        double checkSeconds = (System.nanoTime() - t0) / 1e9;
        List<String> problems = browser.await("problems grid with " + PROBLEMS.size() + " rows", () -> {
            List<String> rows = browser.gridRows("import-errors");
            return rows.size() == PROBLEMS.size() ? rows : null;
        });
        browser.screenshot("31-import-problems");

        // then
        assertEquals(ROWS.size() + " rows, 6 valid orders, 0 already captured, 4 problems", summary,
                "preview summary");
        for (int i = 0; i < PROBLEMS.size(); i++) {
            String[] p = PROBLEMS.get(i);
            String row = problems.get(i);
            assertTrue(row.startsWith(p[0] + " | " + p[1] + " | ") && row.contains(p[2]),
                    () -> "problems grid row should be '" + p[0] + " | " + p[1] + " | ..." + p[2] + "...', got '"
                            + row + "'; all rows: " + problems);
        }
        assertEquals(packagesBefore, total(waybill.shell("waybill:package-list -n 1"), "packages"),
                "nothing imported before the confirm click");

        // when: confirmed
        assertEquals("Import 6 orders", browser.textOf("import-confirm"), "confirm button");
        long t1 = System.nanoTime();
        String result = confirmImport();
        double importSeconds = (System.nanoTime() - t1) / 1e9;
        browser.screenshot("32-import-result");
        WaybillDistribution.figure("browser import of " + ROWS.size() + " rows (file chosen -> problems grid / "
                + "confirm -> result)", String.format(Locale.ROOT, "%.1f s / %.1f s", checkSeconds, importSeconds));

        // then
        assertEquals("6 new, 0 updated, 0 unchanged, 0 cancelled on the marketplace, 0 rejected", result,
                "import result summary");
        Map<String, Map<String, String>> mine = shellPackages();
        assertEquals(VALID, List.copyOf(mine.keySet()), () -> "packages of the imported orders: " + mine.values());
        mine.forEach((order, row) -> packages.put(order, row.get("Package no.")));
        assertEquals(packagesBefore + VALID.size(), total(waybill.shell("waybill:package-list -n 1"), "packages"),
                "packages after the import");
        assertTrue(mine.values().stream().anyMatch(r -> r.get("Buyer").equals("李小龙"))
                        && mine.values().stream().anyMatch(r -> r.get("Buyer").equals("خالد الفيصل")),
                () -> "Chinese and Arabic buyers exactly as in the file: " + mine.values());
    }

    @Test
    @Order(3)
    void allocateFromTheWaitingTabSendsSomeOutOfStock() {
        // given
        openTab("waiting", VALID.size());
        browser.selectRows(GRID, numbers(VALID));
        assertEquals(VALID.size() + " selected", browser.textOf("selection-count"), "selection count");

        // when
        BatchOutcome outcome = runBatch("action-allocate", "Allocate inventory for 6 packages?", "40-allocate");

        // then: two bags for four orders that need one each
        assertEquals("4 done, 2 failed", outcome.summary(), () -> "allocation result; failures: "
                + outcome.failures());
        List<String> failed = new ArrayList<>();
        for (String row : outcome.failures()) {
            String order = orderOf(row.substring(0, Math.min(10, row.length())));
            assertTrue(NEED_BAG.contains(order) && row.contains("Out of stock: " + SCARCE + " missing 1"),
                    () -> "failure rows should be bag orders out of stock naming " + SCARCE + ": "
                            + outcome.failures());
            failed.add(order);
        }
        outOfStock = List.copyOf(failed);
        Map<String, Map<String, String>> mine = shellPackages();
        for (String order : VALID) {
            String expected = outOfStock.contains(order) ? "out_of_stock" : "allocated";
            assertEquals(expected, mine.get(order).get("Status"), () -> order + " after allocation: " + mine.values());
        }
        openTab("out_of_stock", 2);
        List<String> rows = browser.gridRows(GRID);
        browser.screenshot("41-out-of-stock-tab");
        assertTrue(rows.stream().allMatch(r -> r.contains(SCARCE + " \u22121")),
                () -> "the Out of stock tab names the missing SKU in each row: " + rows);
    }

    @Test
    @Order(4)
    void addingStockOnTheInventoryPageAndRetryingAllocatesThem() {
        // given
        if (outOfStock.size() != 2) {
            fail("the allocation step did not leave two packages out of stock: " + outOfStock);
        }
        browser.go("/stock");
        browser.type(By.cssSelector("#stock-filter-sku input"), SCARCE);
        browser.await("stock rows of " + SCARCE, () -> browser.gridRows("stock-grid").size() == 3
                && browser.gridRows("stock-grid").stream().allMatch(r -> r.contains(SCARCE)));
        WebElement change = browser.await("Change button of SZ-01",
                () -> browser.inGridRow("stock-grid", "SZ-01", "vaadin-button"));
        browser.click(change);
        browser.awaitText("stock-dialog-current", "current stock", t -> !t.isEmpty());
        assertEquals("On hand 2, reserved 2, available 0", browser.textOf("stock-dialog-current"),
                "stock of " + SCARCE + " in SZ-01 before the delivery");

        // when
        browser.type(By.cssSelector("#stock-delta input"), "2");
        browser.type(By.cssSelector("#stock-reason input"), "Goods received");
        browser.screenshot("50-stock-adjust-dialog");
        browser.click("stock-adjust");

        // then
        browser.awaitGone("stock-dialog-current");
        String row = browser.await("SZ-01 row with on hand 4, reserved 2, available 2", () -> browser
                .gridRows("stock-grid").stream().filter(r -> r.startsWith("SZ-01 | ") && r.contains(" | 4 | 2 | 2"))
                .findFirst().orElse(null));
        browser.screenshot("51-stock-after-adjust");
        assertTrue(row.contains(SCARCE), row);

        // when: retry from the Out of stock tab
        openTab("out_of_stock", 2);
        browser.selectRows(GRID, numbers(outOfStock));
        assertEquals("2 selected", browser.textOf("selection-count"), "selection count");
        assertEquals("Retry allocation", browser.textOf("action-allocate"), "the allocate button on Out of stock");
        BatchOutcome outcome = runBatch("action-allocate", "Retry allocation for 2 packages?", "52-retry");

        // then
        assertEquals("2 done, 0 failed", outcome.summary(), () -> "retry result; failures: " + outcome.failures());
        browser.await("Out of stock tab empty of this class's packages", () -> browser.gridSize(GRID) == 0);
        Map<String, Map<String, String>> mine = shellPackages();
        assertTrue(VALID.stream().allMatch(o -> "allocated".equals(mine.get(o).get("Status"))),
                () -> "all allocated after the retry: " + mine.values());
    }

    @Test
    @Order(5)
    void voidTwoWithAReasonShowsTheResultAndReleasesTheStock() {
        // given
        List<String> toVoid = List.of("ITB-001", "ITB-002");
        openTab("allocated", VALID.size());
        browser.selectRows(GRID, numbers(toVoid));
        assertEquals("2 selected", browser.textOf("selection-count"), "selection count");
        browser.click("action-void");
        browser.byId("void-reason");

        // when: Next without a reason
        browser.click("void-next");

        // then: the dialog stays on step 1 and says why
        browser.await("void reason marked invalid",
                () -> browser.byId("void-reason").getDomAttribute("invalid") != null);
        browser.screenshot("60-void-without-reason");

        // when: a reason, Next, then the confirm step
        browser.click("void-reason");
        browser.pickOverlayItem("vaadin-select-item", "Buyer cancelled");
        browser.click("void-next");
        String summary = browser.awaitText("void-summary", "confirm step", t -> !t.isEmpty());
        browser.screenshot("61-void-confirm-step");
        assertEquals("Void 2 packages? This releases their reserved stock.", summary, "void confirm step");
        assertEquals("Reason: Buyer cancelled", browser.textOf("void-reason-echo"), "reason echo");
        browser.click("void-confirm");
        String result = browser.awaitText("batch-result-summary", "void result", BATCH_WAIT, t -> !t.isEmpty());
        browser.screenshot("62-void-result");

        // then
        assertEquals("2 done, 0 failed", result, "void result summary");
        browser.click("batch-result-close");
        browser.awaitGone("batch-result-summary");
        Map<String, Map<String, String>> mine = shellPackages();
        assertTrue(toVoid.stream().allMatch(o -> "voided".equals(mine.get(o).get("Status"))),
                () -> toVoid + " voided: " + mine.values());
        Result stock = waybill.shell("waybill:stock-list -w SZ-01 --sku " + SCARCE);
        Map<String, String> row = ShellTables.row(stock, "SKU", SCARCE).orElseThrow();
        assertEquals("4/2/2", row.get("On hand") + "/" + row.get("Reserved") + "/" + row.get("Available"),
                () -> "on hand/reserved/available of " + SCARCE + " in SZ-01 after voiding two bag orders:\n"
                        + stock.output());
    }

    @Test
    @Order(6)
    void packageDetailShowsTheVoidedHistoryLineWithTheReason() {
        // given
        String pkg = numbers(List.of("ITB-001")).get(0);
        openTab("voided", 2);

        // when: the package number in the list opens the detail page
        browser.click(browser.await("link " + pkg, () -> browser.inGridRow(GRID, pkg, "a")));
        browser.await("detail page of " + pkg, () -> browser.path().startsWith("/package/"));
        browser.awaitVaadin();
        String heading = browser.awaitText("detail-package-no", "package number", t -> !t.isEmpty());
        List<String> history = browser.await("history with a Voided line", () -> {
            List<String> rows = browser.gridRows("history-grid");
            return rows.stream().anyMatch(r -> r.contains(" | Voided | ")) ? rows : null;
        });
        browser.screenshot("70-package-detail-voided");

        // then
        assertEquals(pkg, heading, "detail heading");
        assertEquals("Voided", browser.textOf("detail-status"), "status badge");
        assertTrue(browser.textOf("detail-address").contains("李小龙"), () -> "ship-to exactly as imported: "
                + browser.textOf("detail-address"));
        String voided = history.stream().filter(r -> r.contains(" | Voided | ")).findFirst().orElseThrow();
        assertTrue(voided.contains(" | admin | Voided | Allocated \u2192 Voided | Buyer cancelled"),
                () -> "Voided history line with actor, change and reason, got '" + voided + "'; all: " + history);
        assertTrue(history.stream().anyMatch(r -> r.contains(" | admin | Inventory allocated | ")),
                () -> "Inventory allocated line by admin in the history: " + history);
        Result shell = waybill.shell("waybill:package-show " + pkg);
        assertTrue(shell.output().lines().anyMatch(l -> l.matches(".*\\s+admin\\s+VOIDED\\s+ALLOCATED -> VOIDED\\s+"
                + "\\(Buyer cancelled\\)\\s*")), () -> "the shell shows the same VOIDED entry:\n" + shell.output());
    }

    // ---------------------------------------------------------------- helpers

    private record BatchOutcome(String summary, List<String> failures) {
    }

    /** Clicks a batch action, checks the confirm question, confirms and reads the result dialog, then closes it. */
    private BatchOutcome runBatch(String buttonId, String question, String shot) {
        browser.click(buttonId);
        assertEquals(question, browser.awaitText("confirm-text", "confirm question", t -> !t.isEmpty()),
                "confirm dialog question");
        browser.screenshot(shot + "-confirm");
        long t0 = System.nanoTime();
        browser.click("confirm-button");
        String summary = browser.awaitText("batch-result-summary", "batch result", BATCH_WAIT, t -> !t.isEmpty());
        WaybillDistribution.figure("browser batch " + buttonId + " (confirm -> result dialog)",
                String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - t0) / 1e9));
        // an invisible Flow component is not sent to the browser at all: no failures, no grid element
        List<String> failures = browser.driver().findElements(By.id("batch-result-failures")).stream()
                .anyMatch(WebElement::isDisplayed)
                ? browser.await("failure rows", () -> {
                    List<String> rows = browser.gridRows("batch-result-failures");
                    return rows.isEmpty() ? null : rows;
                })
                : List.of();
        browser.screenshot(shot + "-result");
        browser.click("batch-result-close");
        browser.awaitGone("batch-result-summary");
        return new BatchOutcome(summary, failures);
    }

    /**
     * Clicks "Import n orders" and returns the result summary. Seen in one of the first runs: the Vaadin client
     * resynchronised right after the upload ("Resynchronizing UI by client's request" in karaf.log) and the click
     * was lost, leaving the preview with its button enabled. An operator would click again; so does the test, once,
     * saying so in the build output (the preview can be confirmed only once, and the import count is checked).
     */
    private String confirmImport() {
        browser.click("import-confirm");
        try {
            return browser.awaitText("import-result-summary", "import result", Duration.ofSeconds(15),
                    t -> t.contains(" new"));
        } catch (AssertionError lost) {
            boolean retry = browser.driver().findElement(By.id("import-preview")).isDisplayed()
                    && browser.byId("import-confirm").isEnabled();
            List<String> resyncs = waybill.karafLogTail(400).lines()
                    .filter(l -> l.contains("Resynchronizing UI")).toList();
            WaybillDistribution.log("UI NOTE: no import result 15 s after clicking 'Import'; preview still shown "
                    + "with the button enabled: %s; Vaadin resyncs in karaf.log: %d%s", retry, resyncs.size(),
                    resyncs.isEmpty() ? "" : " (last: " + resyncs.get(resyncs.size() - 1) + ")");
            if (!retry) {
                throw lost;
            }
            browser.click("import-confirm");
            return browser.awaitText("import-result-summary", "import result after a second click",
                    t -> t.contains(" new"));
        }
    }

    @Test
    @Order(7)
    void anOrderWithAnUnknownSkuWaitsOnTheSkuNotMatchedTabUntilItIsMappedThere() throws IOException {
        // given: an order whose SKU neither the catalogue nor the store's aliases know, imported through the shell
        Path file = waybill.importDir("workflow-browser").resolve("browser-unmatched.csv");
        Files.writeString(file, HEADER + "\nITB-201,,2025-02-02 09:00,Rosa Unmatched,,4 Test Road,,Leeds,,LS1 1AA,GB,"
                + ",,SHOP-PEN-77,2\n", StandardCharsets.UTF_8);
        Result imported = waybill.shell("waybill:import --store " + STORE + " --confirm \"" + file + "\"");
        assertTrue(imported.output().contains("will be held: SKU not matched 'SHOP-PEN-77'")
                && imported.output().contains("Imported: 1 new"), () -> "import of the held order:\n"
                + imported.output());

        // when: the SKU not matched tab lists it with the platform SKU; Map SKU maps it to PEN-GEL-12
        openTab("sku_unmatched", 1);
        List<String> rows = browser.gridRows(GRID);
        assertTrue(rows.get(0).contains("SHOP-PEN-77 x2 (SKU not matched)"), () -> "the held row: " + rows);
        browser.selectRows(GRID, List.of("ITB-201"));
        browser.click("action-map-sku");
        browser.await("map dialog", () -> browser.byId("map-sku-confirm").isDisplayed());
        browser.type(By.cssSelector("#map-sku-sku input"), "PEN-GEL-12");
        browser.screenshot("70-map-sku");
        browser.click("map-sku-confirm");

        // then: the package joined Waiting for Delivery as PEN-GEL-12, the tab is empty
        Map<String, String> row = browser.await("ITB-201 released", () -> {
            Map<String, String> r = shellPackages().get("ITB-201");
            return r != null && "waiting".equals(r.get("Status")) ? r : null;
        });
        assertTrue(row.get("SKUs").contains("PEN-GEL-12 x2"), () -> "lines after mapping: " + row);
        openTab("sku_unmatched", 0);
        browser.screenshot("71-sku-unmatched-empty");
    }

    private void openImportPage() {
        browser.go("/orders/import");
        browser.byId("import-store").findElement(By.cssSelector("input")).click();
        browser.pickOverlayItem("vaadin-combo-box-item", "(" + STORE + ")");
        browser.await("upload enabled after choosing the store",
                () -> browser.byId("import-upload").getDomAttribute("disabled") == null);
    }

    /** Opens a Delivery Management tab filtered to this class's orders and waits for the expected row count. */
    private void openTab(String slug, int expectedRows) {
        browser.go("/delivery/" + slug);
        // the field sends its value 400 ms after the last key (lazy mode); waiting for the grid size alone is not
        // enough where the unfiltered count happens to be the same (Out of stock), so wait for the view to say it
        // applied this filter (the grid's data-filter attribute)
        browser.filter("filter-text", GRID, PREFIX);
        browser.await("tab " + slug + " with " + expectedRows + " " + PREFIX + " rows (grid size "
                        + "and rendered rows)", () -> browser.gridSize(GRID) == expectedRows
                        && browser.gridRows(GRID).stream().filter(r -> r.contains(" | " + PREFIX)).count()
                        == expectedRows);
        browser.screenshot("tab-" + slug);
    }

    private Map<String, Map<String, String>> shellPackages() {
        Result r = waybill.shell("waybill:package-list --store " + STORE + " -n 1000");
        Map<String, Map<String, String>> mine = new LinkedHashMap<>();
        for (Map<String, String> row : ShellTables.rows(r)) {
            if (row.getOrDefault("Order no.", "").startsWith(PREFIX)) {
                mine.put(row.get("Order no."), row);
            }
        }
        return mine;
    }

    private List<String> numbers(List<String> orders) {
        List<String> numbers = new ArrayList<>();
        for (String o : orders) {
            String n = packages.get(o);
            if (n == null) {
                fail("no package known for order " + o + ": the import step failed earlier");
            }
            numbers.add(n);
        }
        return numbers;
    }

    private String orderOf(String packageNo) {
        return packages.entrySet().stream().filter(e -> e.getValue().equals(packageNo)).map(Map.Entry::getKey)
                .findFirst().orElse("?" + packageNo);
    }
}
