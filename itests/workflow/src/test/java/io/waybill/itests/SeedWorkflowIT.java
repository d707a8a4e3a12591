package io.waybill.itests;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The seed document walked once, end to end, by an operator in Chromium (issue 5 "Done means"), on orders of its own
 * ({@code E2E-*}) in the Shopify store {@value #STORE}, with two SKUs whose stock it counts on the Inventory page:
 * <ol start="0">
 *   <li>orders arrive: one typed into the manual order form, three from a CSV file uploaded on the import page;</li>
 *   <li>Waiting for Delivery → select → Allocate Inventory → allocated (stock reserved);</li>
 *   <li>Batch upload to the store's carrier (the pool carrier kar hot-deployed, the store's default shipping method)
 *       → tracking numbers in the list;</li>
 *   <li>(from here in Simplified Chinese) print the picking list and the labels: the PDFs hold every package and
 *       tracking number (pdftotext, zbarimg) → marked printed;</li>
 *   <li>execute delivery on the scan station with an MT-SICS scale on a socat pty: one package with "execute
 *       delivery and continue scanning", one with automatic delivery, the third by batch delivery;</li>
 *   <li>Sync delivery status: manual synchronisation against a WireMock stub of Shopify's GraphQL Admin API
 *       replaying the plugin's recorded bodies → synced, the stub got the tracking numbers;</li>
 *   <li>Batch Void of the manual order (allocated) with a reason and the confirm step → voided, stock released;</li>
 * </ol>
 * and finally the package detail page shows every transition of a shipped and synced package. Each Chinese page is
 * also checked for English UI text left untranslated. A screenshot per step, a figure per step.
 */
@Order(14)
@ExtendWith(WaybillExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SeedWorkflowIT {

    static final String STORE = "ACME-SHOP";
    static final String WAREHOUSE = "SZ-01";
    static final String SOCKS = "SOCK-WOOL-3P";
    static final String EARBUDS = "EARBUD-BT5";
    /** Available stock of each SKU after the count on the Inventory page (on hand = reserved by others + this). */
    static final int COUNTED = 10;
    static final String PREFIX = "E2E-";
    static final String MANUAL = "E2E-M01";
    static final String SCALE = "e2e-scale";
    static final String SHOPIFY_ALIAS = "e2e-shopify";
    private static final String GRID = "packages-grid";
    private static final Duration LIMIT = Duration.ofSeconds(90);
    private static final Pattern POOL_ROW = Pattern.compile("(?m)^carrier\\s*\\|\\s*pool\\s*\\|.*");
    private static final Pattern S10 = Pattern.compile("RR\\d{9}CN");
    private static final Path RECORDED = Path.of("..", "platform-plugins", "shopify", "src", "test", "resources",
            "io", "waybill", "platform", "shopify", "internal");
    private static final Path BUNDLES = Path.of("..", "ui-bundle", "src", "main", "resources", "io", "waybill", "ui",
            "internal", "i18n");

    /**
     * The CSV orders, with Shopify order ids (the sync needs them): E2E-101 one pair of socks, E2E-102 two earbuds,
     * E2E-103 one of each (two rows). With the manual order's pair of socks: 3 socks and 3 earbuds in all.
     */
    static final List<String> CSV_ORDERS = List.of("E2E-101", "E2E-102", "E2E-103");
    static final List<String> CSV_ROWS = List.of(
            "E2E-101,gid://shopify/Order/7700000101,2025-04-01 09:00,Grace Hopper,,350 Fifth Avenue,,New York,NY,"
                    + "10118,US,+1 212 555 0101,,"
                    + SOCKS + ",1",
            "E2E-102,gid://shopify/Order/7700000102,2025-04-01 09:05,李小龙,,天河区珠江新城花城大道68号,,广州,广东省,"
                    + "510623,CN,+86 20 5555 0102,," + EARBUDS + ",2",
            "E2E-103,gid://shopify/Order/7700000103,2025-04-01 09:10,Lukas Müller,,Unter den Linden 77,,Berlin,,10117,"
                    + "DE,+49 30 901820,," + SOCKS + ",1",
            "E2E-103,gid://shopify/Order/7700000103,2025-04-01 09:10,Lukas Müller,,Unter den Linden 77,,Berlin,,10117,"
                    + "DE,+49 30 901820,," + EARBUDS + ",1");
    private WaybillDistribution waybill;
    private Path files;
    private Browser browser;
    private WireMockServer shopify;
    private SerialScale scale;
    private Path deployedKar;
    private String autoSyncBefore;
    private String settingsBefore;
    /** Reserved units of each SKU in the warehouse by packages that are not this class's (demo packages). */
    private final Map<String, Integer> reservedByOthers = new LinkedHashMap<>();
    /** order no. -> package no. */
    private final Map<String, String> packages = new LinkedHashMap<>();
    /** package no. -> tracking no. */
    private final Map<String, String> tracking = new LinkedHashMap<>();
    private final List<String> shipped = new ArrayList<>();
    private Properties english;
    private Properties chinese;

    @BeforeAll
    void setUp(WaybillDistribution waybill) throws IOException {
        this.waybill = waybill;
        files = Files.createDirectories(waybill.home().resolve("it-files/seed"));
        english = bundle("messages_en.properties");
        chinese = bundle("messages_zh_CN.properties");

        // delivery settings as found; manual synchronisation is what step 5 shows, so Shopify must not auto-sync
        settingsBefore = waybill.shell("waybill:settings show").output();
        Matcher auto = Pattern.compile("(?m)^\\s+shopify: (yes|no)\\s*$").matcher(settingsBefore);
        autoSyncBefore = auto.find() ? auto.group(1) : null;
        if ("yes".equals(autoSyncBefore)) {
            waybill.shell("waybill:settings auto-sync shopify false");
        }

        // the store's marketplace: Shopify's GraphQL Admin API, replayed from the plugin's recorded bodies
        shopify = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        shopify.start();
        shopify.stubFor(post(urlEqualTo(Fixtures.SHOPIFY_GRAPHQL)).withRequestBody(containing("WaybillFulfillmentState"))
                .willReturn(recorded("fulfillment-state-open.json")));
        shopify.stubFor(post(urlEqualTo(Fixtures.SHOPIFY_GRAPHQL)).withRequestBody(containing("fulfillmentCreate"))
                .willReturn(recorded("fulfillment-create.json")));
        Result install = waybill.shell("feature:install waybill-platform-shopify");
        assertEquals(0, install.exitCode(), () -> "feature:install waybill-platform-shopify:\n" + install.output());
        Result cfg = waybill.shell(String.join("\n",
                "config:edit --factory --alias " + SHOPIFY_ALIAS + " io.waybill.platform.shopify",
                "config:property-set storeCode " + STORE,
                "config:property-set shop acme-global",
                "config:property-set .accessToken shpat_e2e_test_token",
                "config:property-set baseUrl " + shopify.baseUrl(),
                "config:update"));
        assertEquals(0, cfg.exitCode(), () -> "Shopify configuration:\n" + cfg.output());

        // the carrier: the pool carrier kar dropped into deploy/ (hot deploy)
        Path kar = Path.of(WaybillDistribution.required("waybill.it.poolKar"));
        Path target = waybill.deployDir().resolve(kar.getFileName());
        if (!Files.exists(target)) {
            Files.copy(kar, target, StandardCopyOption.REPLACE_EXISTING);
            deployedKar = target;
        }
        waybill.shellUntil("waybill:plugin-list", r -> POOL_ROW.matcher(WaybillDistribution.registeredPlugins(r.output())).find(), LIMIT);

        // the packing station's scale on a serial line
        scale = SerialScale.start(waybill, Files.createDirectories(files.resolve("scale")), SCALE);

        browser = Browser.open("seed", waybill);
        browser.login("admin", waybill.password());
        browser.await("signed in", () -> browser.path().startsWith("/delivery/"));
    }

    @AfterAll
    void tearDown() throws IOException {
        if (browser != null) {
            browser.close();
        }
        if (scale != null) {
            scale.close();
        }
        if (autoSyncBefore != null) {
            waybill.shell("waybill:settings auto-sync shopify " + "yes".equals(autoSyncBefore));
        }
        Result list = waybill.shell("config:list \"(storeCode=" + STORE + ")\"");
        Matcher pid = Pattern.compile("(?m)^Pid:\\s+(\\S+)").matcher(list.output());
        while (pid.find()) {
            waybill.shell("config:delete " + pid.group(1));
        }
        if (deployedKar != null && Files.deleteIfExists(deployedKar)) {
            waybill.shellUntil("waybill:plugin-list", r -> r.exitCode() == 0 && !POOL_ROW.matcher(r.output()).find(),
                    LIMIT);
        }
        if (shopify != null) {
            shopify.stop();
        }
        String settingsAfter = waybill.shell("waybill:settings show").output();
        if (!settingsAfter.equals(settingsBefore)) {
            WaybillDistribution.log("delivery settings differ after %s:%nbefore:%n%s%nafter:%n%s",
                    getClass().getSimpleName(), settingsBefore, settingsAfter);
        }
        assertEquals(settingsBefore, settingsAfter, "delivery settings restored after the seed workflow");
    }

    // ---------------------------------------------------------------- 0. orders arrive

    @Test
    @Order(1)
    void step0OrdersArriveByHandAndFromAFileWithStockCountedOnTheInventoryPage() throws IOException {
        long t0 = System.nanoTime();

        // the stock count on the Inventory page: available exactly COUNTED of each SKU in the first warehouse
        browser.go("/stock");
        for (String sku : List.of(SOCKS, EARBUDS)) {
            int[] before = openStockDialog(sku);
            reservedByOthers.put(sku, before[1]);
            WebElement onHand = browser.byId("stock-onhand").findElement(By.cssSelector("input"));
            onHand.sendKeys(Keys.chord(Keys.CONTROL, "a"), String.valueOf(before[1] + COUNTED));
            browser.screenshot("seed-00-stock-count-" + sku);
            browser.click("stock-set");
            browser.awaitGone("stock-dialog-current");
            awaitStockRow(sku, before[1] + COUNTED, before[1], COUNTED);
        }
        browser.screenshot("seed-01-stock-counted");

        // one order typed in by hand (a phone order)
        browser.go("/orders/new");
        browser.click(browser.byId("manual-store").findElement(By.cssSelector("input")));
        browser.pickOverlayItem("vaadin-combo-box-item", "(" + STORE + ")");
        browser.type(By.cssSelector("#manual-order-no input"), MANUAL);
        browser.type(By.cssSelector("#manual-name input"), "王小明");
        browser.type(By.cssSelector("#manual-line1 input"), "浦东新区世纪大道100号");
        browser.type(By.cssSelector("#manual-city input"), "上海");
        browser.type(By.cssSelector("#manual-state input"), "上海市");
        browser.type(By.cssSelector("#manual-postal input"), "200120");
        browser.type(By.cssSelector("#manual-phone input"), "+86 21 5555 0166");
        browser.type(By.cssSelector("#manual-country input"), "China");
        browser.click(browser.await("the item 'CN · China'", () -> browser.driver()
                .findElements(By.cssSelector("vaadin-combo-box-item")).stream()
                .filter(e -> e.isDisplayed() && "CN · China".equals(e.getText().strip())).findFirst().orElse(null)));
        browser.type(By.cssSelector("#manual-sku-1 input"), SOCKS);
        browser.pickOverlayItem("vaadin-combo-box-item", SOCKS);
        browser.screenshot("seed-02-manual-order-form");
        browser.click("manual-save");
        String manual = browser.awaitText("manual-result-summary", "manual order saved", t -> t.contains(" new"));
        browser.screenshot("seed-03-manual-order-saved");
        assertEquals("1 new, 0 updated, 0 unchanged, 0 cancelled on the marketplace, 0 rejected", manual,
                "manual order result");

        // three more from the store's order export, uploaded on the import page
        Path csv = files.resolve("seed-orders.csv");
        Files.writeString(csv, Fixtures.HEADER + "\n" + String.join("\n", CSV_ROWS) + "\n",
                StandardCharsets.UTF_8);
        browser.go("/orders/import");
        browser.click(browser.byId("import-store").findElement(By.cssSelector("input")));
        browser.pickOverlayItem("vaadin-combo-box-item", "(" + STORE + ")");
        browser.await("upload enabled after choosing the store",
                () -> browser.byId("import-upload").getDomAttribute("disabled") == null);
        browser.fileInput("import-upload").sendKeys(csv.toString());
        String preview = browser.awaitText("import-summary", "preview", t -> t.contains(" rows"));
        browser.screenshot("seed-04-import-preview");
        assertEquals("4 rows, 3 valid orders, 0 already captured, 0 problems", preview, "import preview");
        browser.click("import-confirm");
        String imported = browser.awaitText("import-result-summary", "import result", t -> t.contains(" new"));
        browser.screenshot("seed-05-import-result");
        assertEquals("3 new, 0 updated, 0 unchanged, 0 cancelled on the marketplace, 0 rejected", imported,
                "import result");

        // then: four packages waiting for delivery
        Map<String, Map<String, String>> mine = shellPackages();
        assertEquals(Set.of(MANUAL, "E2E-101", "E2E-102", "E2E-103"), mine.keySet(), () -> "packages: " + mine);
        mine.forEach((order, row) -> {
            assertEquals("waiting", row.get("Status"), () -> order + " after capture: " + row);
            packages.put(order, row.get("Package no."));
        });
        assertTrue(mine.get(MANUAL).get("Buyer").equals("王小明"), () -> "buyer as typed: " + mine.get(MANUAL));
        figure(0, "orders arrive (stock count, manual order, CSV import)", t0);
    }

    // ---------------------------------------------------------------- 1. allocate inventory

    @Test
    @Order(2)
    void step1AllocateInventoryFromWaitingForDelivery() {
        require(4);
        long t0 = System.nanoTime();
        openTab("waiting", 4);
        browser.selectRows(GRID, List.copyOf(packages.values()));
        assertEquals("4 selected", browser.textOf("selection-count"), "selection count");
        assertEquals("Allocate Inventory", browser.textOf("action-allocate"), "the seed's button");

        String result = runBatch("action-allocate", "Allocate inventory for 4 packages?", "seed-10-allocate");

        assertEquals("4 done, 0 failed", result, "allocation result");
        Map<String, Map<String, String>> mine = shellPackages();
        mine.forEach((o, r) -> assertEquals("allocated", r.get("Status"), () -> o + " after allocation: " + r));
        openTab("allocated", 4);
        browser.screenshot("seed-11-allocated-tab");
        // 3 socks and 3 earbuds reserved
        assertStock(SOCKS, COUNTED, 3);
        assertStock(EARBUDS, COUNTED, 3);
        figure(1, "allocate inventory (4 packages)", t0);
    }

    // ---------------------------------------------------------------- 2. tracking numbers

    @Test
    @Order(3)
    void step2BatchUploadToTheStoresCarrierGivesTrackingNumbers() {
        require(4);
        long t0 = System.nanoTime();
        // the carrier is the store's default shipping method
        browser.go("/settings/shipping");
        String method = browser.await("shipping method of " + STORE + " with the pool carrier", () -> browser
                .gridRows("shipping-grid").stream().filter(r -> r.startsWith(STORE + " | ") && r.contains(" | pool"))
                .findFirst().orElse(null));
        browser.screenshot("seed-20-shipping-method");
        assertEquals(STORE + " | STANDARD | pool | RR | Yes", method, "the store's default shipping method");

        List<String> upload = csvPackages();
        openTab("allocated", 4);
        browser.selectRows(GRID, upload);
        assertEquals("Batch upload", browser.textOf("action-upload"), "the seed's button");
        browser.click("action-upload");
        assertEquals("Upload 3 packages to their carriers?", browser.awaitText("confirm-text", "confirm question",
                t -> !t.isEmpty()), "confirm dialog question");
        browser.click("confirm-button");
        assertEquals("3 queued, 0 refused", browser.awaitText("batch-result-summary", "upload queued", LIMIT,
                t -> !t.isEmpty()), "upload result (queued)");
        // the dialog follows the packages to their carrier's answer
        browser.awaitText("upload-outcome-text", "outcome", Duration.ofSeconds(60),
                "3 tracked, 0 failed, 0 waiting"::equals);
        browser.awaitText("upload-outcome-state", "complete", "Every package has an outcome."::equals);
        browser.screenshot("seed-21-upload-result");
        browser.click("batch-result-close");
        browser.awaitGone("batch-result-summary");

        // the carrier's answers arrive through the job queue; the Tracked tab lists the numbers
        openTab("tracked", 3, Duration.ofSeconds(60));
        List<String> rows = browser.gridRows(GRID);
        browser.screenshot("seed-22-tracked-tab");
        for (String pkg : upload) {
            String row = rows.stream().filter(r -> r.contains(pkg)).findFirst().orElseThrow(
                    () -> new AssertionError(pkg + " in the Tracked tab: " + rows));
            Matcher tn = S10.matcher(row);
            assertTrue(tn.find(), () -> "an S10 tracking number in the row of " + pkg + ": " + row);
            tracking.put(pkg, tn.group());
        }
        Map<String, Map<String, String>> mine = shellPackages();
        for (String pkg : upload) {
            Map<String, String> r = byPackage(mine, pkg);
            assertEquals("tracked", r.get("Status"), () -> pkg + ": " + r);
            assertEquals(tracking.get(pkg), r.get("Tracking no."), () -> "the list shows the carrier's number: " + r);
        }
        assertEquals(3, Set.copyOf(tracking.values()).size(), () -> "distinct numbers: " + tracking);
        assertEquals("allocated", mine.get(MANUAL).get("Status"), "the manual order stays allocated");
        figure(2, "batch upload -> tracking numbers shown (3 packages)", t0);
    }

    // ---------------------------------------------------------------- 3. print (in Chinese from here)

    @Test
    @Order(4)
    void step3InChinesePrintThePickingListAndTheLabelsAndMarkThemPrinted() throws IOException {
        requireTracked();
        long t0 = System.nanoTime();
        switchToChinese();
        List<String> pkgs = csvPackages();

        // picking list
        openTab("tracked", 3);
        assertUntranslatedNone("tracked tab");
        browser.selectRows(GRID, pkgs);
        assertEquals("已选择 3 个", browser.textOf("selection-count"), "selection count in Chinese");
        assertEquals("打印提货单", browser.textOf("action-print-picking"), "the seed's button");
        browser.click("action-print-picking");
        assertEquals("为 3 个包裹打印提货单？", browser.awaitText("confirm-text", "confirm", t -> !t.isEmpty()));
        browser.click("confirm-button");
        Path picking = fetchPdf("picking-list");
        browser.screenshot("seed-30-picking-list");
        browser.click("print-close");
        browser.awaitGone("print-frame");
        String pickingText = pdfText(picking);
        List<String> pickingCodes = decode(picking, "seed-picking");
        for (String pkg : pkgs) {
            assertTrue(pickingText.contains(pkg), () -> pkg + " in the picking list text:\n" + pickingText);
            assertTrue(pickingCodes.contains(pkg), () -> pkg + " decoded from the picking list: " + pickingCodes);
        }
        for (String sku : List.of(SOCKS, EARBUDS)) {
            assertTrue(pickingText.contains(sku), () -> sku + " in the picking list:\n" + pickingText);
        }

        // labels
        browser.selectRows(GRID, pkgs);
        assertEquals("打印物流商面单", browser.textOf("action-print-labels"), "the seed's button");
        browser.click("action-print-labels");
        assertEquals("为 3 个包裹打印物流商面单？", browser.awaitText("confirm-text", "confirm", t -> !t.isEmpty()));
        browser.screenshot("seed-31-labels-confirm");
        browser.click("confirm-button");
        Path labels = fetchPdf("labels");
        assertEquals("面单打印成功了吗？", browser.textOf("print-question"));
        browser.screenshot("seed-32-labels");
        String labelText = pdfText(labels);
        List<String> labelCodes = decode(labels, "seed-labels");
        for (String pkg : pkgs) {
            String tn = tracking.get(pkg);
            assertTrue(labelCodes.contains(tn), () -> tn + " of " + pkg + " decoded from the labels: " + labelCodes);
            assertTrue(labelText.contains(pkg) || labelText.contains(tn), () -> pkg + " on its label:\n" + labelText);
        }
        assertTrue(labelText.contains("李小龙") && labelText.contains("Grace Hopper"),
                () -> "recipients on the labels:\n" + labelText);
        browser.click("print-confirm-yes");
        String marked = browser.awaitText("batch-result-summary", "marked printed", LIMIT, t -> !t.isEmpty());
        browser.screenshot("seed-33-marked-printed");
        assertEquals("成功 3 个，失败 0 个", marked, "mark printed result");
        browser.click("batch-result-close");
        browser.awaitGone("batch-result-summary");

        openTab("printed", 3);
        browser.screenshot("seed-34-printed-tab");
        assertUntranslatedNone("printed tab");
        Map<String, Map<String, String>> mine = shellPackages();
        pkgs.forEach(p -> assertEquals("printed", byPackage(mine, p).get("Status"), p + " after printing"));
        figure(3, "print picking list + labels, mark printed (3 packages)", t0);
    }

    // ---------------------------------------------------------------- 4. execute delivery

    @Test
    @Order(5)
    void step4ExecuteDeliveryOnTheScanStationWithTheScaleAndByBatch() {
        requireTracked();
        long t0 = System.nanoTime();
        List<String> pkgs = csvPackages();
        Map<String, Map<String, String>> mine = shellPackages();
        String first = pkgs.get(0);
        String second = pkgs.get(1);
        String third = pkgs.get(2);

        browser.go("/delivery/scan");
        browser.click("scale-select");
        browser.pickOverlayItem("vaadin-select-item[role=option]", SCALE);
        browser.await("scale list closed", () -> browser.driver().findElements(
                By.cssSelector("vaadin-select-item[role=option]")).stream().noneMatch(WebElement::isDisplayed));
        assertEquals("执行发货并继续扫描", browser.textOf("ship-and-continue"), "the seed's button");
        assertTrue(browser.textOf("auto-delivery").contains("自动发货"), "the seed's check box");

        // order by order: scan, the scale's weight passes, "execute delivery and continue scanning"
        int grams = Fixtures.grams(byPackage(mine, first).get("Weight"));
        scale.set(true, grams);
        scan(first);
        awaitVerdict(first, "PASS");
        browser.screenshot("seed-40-scan-pass");
        assertUntranslatedNone("scan station");
        assertEquals("printed", byPackage(shellPackages(), first).get("Status"), "not shipped before the click");
        browser.click("ship-and-continue");
        browser.awaitText("scan-verdict-shipped", "已发货", t -> t.startsWith("已发货"));
        browser.screenshot("seed-41-scan-shipped");
        shipped.add(first);

        // automatic delivery: a passing scan ships at once
        scale.set(true, Fixtures.grams(byPackage(mine, second).get("Weight")));
        browser.click("auto-delivery");
        browser.await("automatic delivery ticked", () -> "true".equals(String.valueOf(
                browser.byId("auto-delivery").getDomProperty("checked"))));
        try {
            scan(second);
            awaitVerdict(second, "PASS");
            browser.awaitText("scan-verdict-shipped", "已发货", t -> t.startsWith("已发货"));
            browser.screenshot("seed-42-scan-auto-delivery");
        } finally {
            browser.click("auto-delivery");
        }
        shipped.add(second);

        // batch delivery for the last one
        browser.go("/delivery/ship-batch");
        filter("ship-batch-filter", "ship-batch-grid", 1);
        browser.selectRows("ship-batch-grid", List.of(third));
        assertEquals("执行发货", browser.textOf("ship-batch-confirm"), "the seed's button");
        browser.click("ship-batch-confirm");
        assertEquals("现在发货 1 个包裹（不称重）？", browser.awaitText("confirm-text", "confirm", t -> !t.isEmpty()));
        browser.screenshot("seed-43-batch-delivery-confirm");
        browser.click("confirm-button");
        String result = browser.awaitText("batch-result-summary", "batch delivery", LIMIT, t -> !t.isEmpty());
        browser.screenshot("seed-44-batch-delivery-result");
        assertEquals("成功 1 个，失败 0 个", result, "batch delivery result");
        browser.click("batch-result-close");
        shipped.add(third);

        Map<String, Map<String, String>> after = shellPackages();
        for (String p : pkgs) {
            assertEquals("shipped", byPackage(after, p).get("Status"), () -> p + " after delivery: " + after);
        }
        for (String p : List.of(first, second)) {
            Result show = waybill.shell("waybill:package-show " + p);
            int g = Fixtures.grams(byPackage(mine, p).get("Weight"));
            assertTrue(show.output().contains("PRINTED -> SHIPPED  (Weight " + Fixtures.kg(g)),
                    () -> "the scale's weight " + g + " g in the history of " + p + ":\n" + show.output());
        }
        assertTrue(scale.commands().stream().anyMatch(c -> c.equals("SI") || c.equals("S")),
                () -> "the station weighed over the serial line: " + scale.commands());
        // shipping took 2 socks and 3 earbuds off the shelf; the manual order's sock is still reserved
        assertStock(SOCKS, COUNTED - 2, 1);
        assertStock(EARBUDS, COUNTED - 3, 0);
        figure(4, "execute delivery (scan + weigh, automatic, batch; 3 packages)", t0);
    }

    // ---------------------------------------------------------------- 5. sync delivery status

    @Test
    @Order(6)
    void step5ManualSyncOfDeliveryStatusToTheStore() {
        if (shipped.size() != 3) {
            fail("delivery did not ship the three packages: " + shipped);
        }
        long t0 = System.nanoTime();
        browser.go("/delivery/sync");
        filter("sync-filter-text", "sync-grid", 3);
        browser.screenshot("seed-50-sync-list");
        assertUntranslatedNone("sync delivery status");
        List<String> rows = browser.gridRows("sync-grid");
        for (String p : shipped) {
            String row = rows.stream().filter(r -> r.contains(p)).findFirst().orElseThrow(
                    () -> new AssertionError(p + " in the sync list: " + rows));
            assertTrue(row.contains(tracking.get(p)) && row.contains("pool") && row.contains("已发货"),
                    () -> "carrier, tracking number and status of " + p + ": " + row);
        }
        browser.selectRows("sync-grid", shipped);
        assertEquals("开始同步", browser.textOf("start-sync"), "the seed's button");
        browser.click("start-sync");
        String result = browser.awaitText("batch-result-summary", "sync started", LIMIT, t -> !t.isEmpty());
        browser.screenshot("seed-51-sync-started");
        assertEquals("成功 3 个，失败 0 个", result, "start synchronisation result");
        browser.click("batch-result-close");
        browser.awaitGone("batch-result-summary");

        // the worker confirms each shipment to the store; the list (with synced ones shown) says so
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (!shipped.stream().allMatch(p -> "synced".equals(byPackage(shellPackages(), p).get("Status")))) {
            if (System.nanoTime() > deadline) {
                fail("not synced within " + LIMIT.toSeconds() + " s: " + shellPackages() + "\nstub requests: "
                        + shopify.getAllServeEvents().stream().map(e -> e.getRequest().getBodyAsString()).toList());
            }
            WaybillDistribution.sleep(500);
        }
        browser.click(browser.byId("sync-show-synced"));
        browser.await("three rows 已同步 in the sync list", () -> browser.gridRows("sync-grid").stream()
                .filter(r -> r.contains(PREFIX) && r.contains("已同步")).count() == 3);
        browser.screenshot("seed-52-synced");
        // counted per own tracking number: a sync of another class's package that reaches this stub is not ours
        List<LoggedRequest> creates = shopify.findAll(postRequestedFor(urlEqualTo(Fixtures.SHOPIFY_GRAPHQL))
                .withRequestBody(containing("fulfillmentCreate")));
        for (String p : shipped) {
            String tn = tracking.get(p);
            long mine = creates.stream().filter(c -> c.getBodyAsString().contains("\"" + tn + "\"")).count();
            assertEquals(1, mine, () -> "one fulfillmentCreate with tracking number " + tn + " of " + p
                    + "; the stub received: " + creates.stream().map(LoggedRequest::getBodyAsString).toList());
        }
        figure(5, "manual sync of delivery status -> synced (3 packages)", t0);
    }

    // ---------------------------------------------------------------- 6. cancel

    @Test
    @Order(7)
    void step6BatchVoidTheManualOrderWithAReasonReleasesItsStock() {
        require(4);
        long t0 = System.nanoTime();
        String pkg = packages.get(MANUAL);
        openTab("allocated", 1);
        browser.selectRows(GRID, List.of(pkg));
        assertEquals("批量作废", browser.textOf("action-void"), "the seed's button");
        browser.click("action-void");
        browser.byId("void-reason");
        browser.screenshot("seed-60-void-reason");
        assertUntranslatedNone("void dialog");
        browser.click("void-reason");
        browser.pickOverlayItem("vaadin-select-item", "买家取消");
        browser.click("void-next");
        String summary = browser.awaitText("void-summary", "confirm step", t -> !t.isEmpty());
        browser.screenshot("seed-61-void-confirm");
        assertEquals("作废 1 个包裹？已预留的库存将被释放。", summary, "confirm step");
        assertEquals("原因：买家取消", browser.textOf("void-reason-echo"), "reason echo");
        browser.click("void-confirm");
        String result = browser.awaitText("batch-result-summary", "void result", LIMIT, t -> !t.isEmpty());
        browser.screenshot("seed-62-void-result");
        assertEquals("成功 1 个，失败 0 个", result, "void result");
        browser.click("batch-result-close");

        assertEquals("voided", shellPackages().get(MANUAL).get("Status"), "manual order voided");
        Result show = waybill.shell("waybill:package-show " + pkg);
        assertTrue(show.output().contains("ALLOCATED -> VOIDED  (买家取消)"), () -> "void with the reason:\n"
                + show.output());
        // the sock it held is released: on hand unchanged, nothing of this class reserved any more
        assertStock(SOCKS, COUNTED - 2, 0);
        browser.go("/stock");
        browser.type(By.cssSelector("#stock-filter-sku input"), SOCKS);
        browser.await("only " + SOCKS + " rows", () -> browser.gridRows("stock-grid").size() == 3
                && browser.gridRows("stock-grid").stream().allMatch(r -> r.contains(SOCKS)));
        String row = awaitStockRow(SOCKS, reservedByOthers.get(SOCKS) + COUNTED - 2, reservedByOthers.get(SOCKS),
                COUNTED - 2);
        browser.screenshot("seed-63-stock-released");
        assertUntranslatedNone("inventory");
        WaybillDistribution.log("stock after the void: %s", row);
        figure(6, "batch void with reason (1 package)", t0);
    }

    // ---------------------------------------------------------------- the audit trail

    @Test
    @Order(8)
    void theDetailPageOfAShippedAndSyncedPackageShowsEveryTransition() {
        if (shipped.isEmpty()) {
            fail("nothing shipped earlier");
        }
        long t0 = System.nanoTime();
        String pkg = shipped.get(0);
        browser.go("/delivery/sync");
        browser.click(browser.byId("sync-show-synced"));
        filter("sync-filter-text", "sync-grid", 3);
        browser.click(browser.await("link " + pkg, () -> browser.inGridRow("sync-grid", pkg, "a")));
        browser.await("detail page of " + pkg, () -> browser.path().startsWith("/package/"));
        assertEquals(pkg, browser.awaitText("detail-package-no", "package number", t -> !t.isEmpty()));
        List<String> history = browser.await("history down to the sync", () -> {
            List<String> r = browser.gridRows("history-grid");
            return r.stream().anyMatch(l -> l.contains("已发货 → 已同步到店铺")) ? r : null;
        });
        browser.screenshot("seed-70-package-detail-audit-trail");

        assertEquals("已同步到店铺", browser.textOf("detail-status"), "status badge");
        assertEquals(tracking.get(pkg), browser.textOf("detail-tracking"), "tracking no.");
        // every transition, in order, each by its actor
        List<String> chain = List.of("→ 待发货", "待发货 → 已分配库存", "已获取运单号", "已获取运单号 → 已打印",
                "已打印 → 已发货", "已发货 → 已同步到店铺");
        int at = -1;
        for (String step : chain) {
            int found = -1;
            for (int i = at + 1; i < history.size(); i++) {
                if (history.get(i).contains(step)) {
                    found = i;
                    break;
                }
            }
            final int from = at;
            assertTrue(found > at, () -> "'" + step + "' after row " + from + " of the history: " + history);
            at = found;
        }
        // the same entries as the audit log the shell shows
        Result show = waybill.shell("waybill:package-show " + pkg);
        List<String> shellHistory = show.output().lines().dropWhile(l -> !l.equals("History")).skip(1)
                .filter(l -> l.startsWith("  ")).toList();
        assertEquals(shellHistory.size(), history.size(), () -> "UI history " + history + "\nshell:\n"
                + show.output());
        // free-text reasons are data as written (structured ones are rendered in Chinese), the rest must be Chinese
        List<String> reasons = shellHistory.stream().filter(l -> l.contains("  (") && l.endsWith(")"))
                .map(l -> l.substring(l.indexOf("  (") + 3, l.length() - 1)).toList();
        List<String> data = new ArrayList<>(reasons);
        data.add(browser.textOf("detail-platform-order"));
        assertUntranslatedNone("package detail", data);
        browser.js("arguments[0].scrollIntoView({block: 'end'});", browser.byId("history-grid"));
        browser.screenshot("seed-71-package-detail-history");
        for (int i = 0; i < history.size(); i++) {
            String actor = shellHistory.get(i).strip().split("\\s{2,}")[1];
            String ui = history.get(i);
            assertTrue(ui.contains(" | " + actor + " | "), () -> "actor " + actor + " in '" + ui + "'");
        }
        assertTrue(history.stream().anyMatch(r -> r.contains(" | admin | 已发货 | 已打印 → 已发货 | 重量 ")),
                () -> "the weighed shipment, by admin: " + history);
        assertTrue(history.stream().anyMatch(r -> r.contains(" | admin | 已分配库存 | 待发货 → 已分配库存")),
                () -> "allocation by admin: " + history);
        assertTrue(history.stream().anyMatch(r -> r.contains(" | sync | 已同步到店铺 | 已发货 → 已同步到店铺")),
                () -> "the store sync by the sync worker: " + history);
        // the actions are named in Chinese, not as the core's codes (ALLOCATED, SYNC_QUEUED, ...)
        assertTrue(history.stream().noneMatch(r -> r.matches(".* \\| [A-Z][A-Z_]{3,} \\| .*")),
                () -> "no untranslated action codes: " + history);
        figure(7, "package detail with the audit trail", t0);
    }

    // ---------------------------------------------------------------- helpers

    private void figure(int step, String what, long t0) {
        WaybillDistribution.figure("seed step " + step + ": " + what + " in the browser",
                String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - t0) / 1e9));
    }

    private void require(int n) {
        if (packages.size() < n) {
            fail("the orders of step 0 were not captured: " + packages);
        }
    }

    private void requireTracked() {
        if (tracking.size() != 3) {
            fail("step 2 did not give the three tracking numbers: " + tracking);
        }
    }

    private List<String> csvPackages() {
        return CSV_ORDERS.stream().map(packages::get).toList();
    }

    private void switchToChinese() {
        browser.click("language-switch");
        browser.pickOverlayItem("vaadin-select-item", "简体中文");
        browser.await("the page in Chinese", () -> browser.driver().findElement(By.id("side-nav")).getText()
                .contains("发货管理"));
        browser.awaitVaadin();
        browser.screenshot("seed-29-chinese");
    }

    /** Opens the stock dialog of the SKU in the warehouse; returns on hand, reserved, available from it. */
    private int[] openStockDialog(String sku) {
        WebElement filter = browser.byId("stock-filter-sku").findElement(By.cssSelector("input"));
        filter.sendKeys(Keys.chord(Keys.CONTROL, "a"), sku);
        browser.await("stock rows of " + sku, () -> browser.gridRows("stock-grid").stream()
                .anyMatch(r -> r.startsWith(WAREHOUSE + " | " + sku + " | ")) && browser.gridRows("stock-grid")
                .stream().allMatch(r -> r.contains(sku)));
        browser.click(browser.await("Change button of " + WAREHOUSE + " " + sku,
                () -> browser.inGridRow("stock-grid", WAREHOUSE + " | " + sku + " | ", "vaadin-button")));
        String current = browser.awaitText("stock-dialog-current", "current stock", t -> !t.isEmpty());
        Matcher m = Pattern.compile("On hand (\\d+), reserved (\\d+), available (-?\\d+)").matcher(current);
        assertTrue(m.matches(), () -> "stock dialog text: " + current);
        return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))};
    }

    private String awaitStockRow(String sku, int onHand, int reserved, int available) {
        return browser.await(WAREHOUSE + " " + sku + " on hand " + onHand + ", reserved " + reserved + ", available "
                + available, () -> browser.gridRows("stock-grid").stream()
                .filter(r -> r.startsWith(WAREHOUSE + " | " + sku + " | ")
                        && r.contains(" | " + onHand + " | " + reserved + " | " + available))
                .findFirst().orElse(null));
    }

    /** Stock of the SKU in the warehouse as the shell lists it, relative to this class's count. */
    private void assertStock(String sku, int onHandOfMine, int reservedByMe) {
        Result r = waybill.shell("waybill:stock-list -w " + WAREHOUSE + " --sku " + sku);
        Map<String, String> row = ShellTables.row(r, "SKU", sku).orElseThrow(
                () -> new AssertionError(sku + " in stock-list:\n" + r.output()));
        int others = reservedByOthers.get(sku);
        String expected = (others + onHandOfMine) + "/" + (others + reservedByMe) + "/" + (onHandOfMine - reservedByMe);
        assertEquals(expected, row.get("On hand") + "/" + row.get("Reserved") + "/" + row.get("Available"),
                () -> "on hand/reserved/available of " + sku + " in " + WAREHOUSE + ":\n" + r.output());
    }

    private void openTab(String slug, int expectedRows) {
        openTab(slug, expectedRows, Browser.WAIT);
    }

    /** Opens a Delivery Management tab filtered to this class's orders and waits for the expected row count. */
    private void openTab(String slug, int expectedRows, Duration timeout) {
        browser.go("/delivery/" + slug);
        browser.filter("filter-text", GRID, PREFIX);
        browser.await("tab " + slug + " with " + expectedRows + " " + PREFIX + " rows", timeout,
                () -> browser.gridSize(GRID) == expectedRows
                        && browser.gridRows(GRID).stream().filter(r -> r.contains(" | " + PREFIX)).count()
                        == expectedRows);
    }

    private void filter(String fieldId, String gridId, int expectedRows) {
        browser.filter(fieldId, gridId, PREFIX);
        browser.await("#" + gridId + " with " + expectedRows + " " + PREFIX + " rows",
                () -> browser.gridSize(gridId) == expectedRows
                        && browser.gridRows(gridId).stream().filter(r -> r.contains(PREFIX)).count() == expectedRows);
    }

    /** Clicks a batch action, checks the confirm question, confirms and returns the result summary. */
    private String runBatch(String buttonId, String question, String shot) {
        browser.click(buttonId);
        assertEquals(question, browser.awaitText("confirm-text", "confirm question", t -> !t.isEmpty()),
                "confirm dialog question");
        browser.screenshot(shot + "-confirm");
        browser.click("confirm-button");
        String summary = browser.awaitText("batch-result-summary", "batch result", LIMIT, t -> !t.isEmpty());
        browser.screenshot(shot + "-result");
        browser.click("batch-result-close");
        browser.awaitGone("batch-result-summary");
        return summary;
    }

    private void scan(String code) {
        WebElement input = browser.await("scan input", () -> browser.driver()
                .findElement(By.cssSelector("#scan-input input")));
        input.sendKeys(code + Keys.ENTER);
        browser.awaitVaadin();
    }

    private void awaitVerdict(String pkg, String outcome) {
        try {
            browser.await("verdict " + outcome + " for " + pkg, () ->
                    browser.textOf("scan-verdict-package").contains(pkg)
                            && outcome.equals(browser.byId("scan-verdict").getDomAttribute("data-outcome")));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; on screen: package '" + browser.textOf("scan-verdict-package")
                    + "', outcome '" + browser.byId("scan-verdict").getDomAttribute("data-outcome") + "', message '"
                    + browser.textOf("scan-verdict-message") + "', scale commands " + scale.commands(), e);
        }
    }

    /**
     * Waits for the print dialog and fetches its PDF through the browser session (the link "open in a new tab"),
     * saved under the screenshots folder.
     */
    private Path fetchPdf(String name) throws IOException {
        WebElement open = browser.await("print dialog with its PDF link", Duration.ofSeconds(60),
                () -> browser.driver().findElement(By.id("print-open")));
        String href = open.getDomProperty("href");
        browser.driver().manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        Object b64 = ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0], {credentials: 'same-origin'})
                  .then(r => r.ok ? r.arrayBuffer() : Promise.reject('HTTP ' + r.status))
                  .then(buf => {
                    const bytes = new Uint8Array(buf);
                    let s = '';
                    for (let i = 0; i < bytes.length; i += 8192) {
                      s += String.fromCharCode.apply(null, bytes.subarray(i, i + 8192));
                    }
                    done(btoa(s));
                  })
                  .catch(e => done('ERROR ' + e));
                """, href);
        String text = String.valueOf(b64);
        assertFalse(text.startsWith("ERROR"), () -> "fetching " + href + ": " + text);
        byte[] pdf = Base64.getDecoder().decode(text);
        assertTrue(new String(pdf, 0, Math.min(5, pdf.length), StandardCharsets.ISO_8859_1).equals("%PDF-"),
                () -> href + " is not a PDF");
        Path out = Files.createDirectories(Path.of(WaybillDistribution.required("waybill.it.screenshots")))
                .resolve("seed-" + name + ".pdf");
        Files.write(out, pdf);
        WaybillDistribution.log("%s: %d bytes from %s", out, pdf.length, href);
        return out;
    }

    private static String pdfText(Path pdf) {
        Result r = WaybillDistribution.run(List.of("pdftotext", "-layout", pdf.toString(), "-"), null, Map.of(),
                Duration.ofSeconds(60));
        assertEquals(0, r.exitCode(), () -> "pdftotext " + pdf + ":\n" + r.output());
        return r.output();
    }

    /** pdftoppm at 300 dpi, then zbarimg on every page; the decoded values. */
    private static List<String> decode(Path pdf, String name) throws IOException {
        Path out = pdf.getParent();
        Result render = WaybillDistribution.run(List.of("pdftoppm", "-r", "300", "-png", pdf.toString(),
                out.resolve(name).toString()), null, Map.of(), Duration.ofSeconds(120));
        assertEquals(0, render.exitCode(), () -> "pdftoppm " + pdf + ":\n" + render.output());
        List<Path> pages;
        try (Stream<Path> s = Files.list(out)) {
            pages = s.filter(p -> p.getFileName().toString().matches(Pattern.quote(name) + "-\\d+\\.png")).sorted()
                    .toList();
        }
        assertFalse(pages.isEmpty(), "pdftoppm wrote no page of " + pdf);
        Set<String> values = new LinkedHashSet<>();
        for (Path page : pages) {
            Result z = WaybillDistribution.run(List.of("sh", "-c", "exec zbarimg -q --raw \"$0\" 2>/dev/null",
                    page.toString()), null, Map.of(), Duration.ofSeconds(120));
            assertTrue(z.exitCode() == 0 || z.exitCode() == 4, () -> "zbarimg " + page + ":\n" + z.output());
            z.output().lines().map(String::strip).filter(l -> !l.isEmpty()).forEach(values::add);
        }
        return List.copyOf(values);
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

    private static Map<String, String> byPackage(Map<String, Map<String, String>> rows, String pkg) {
        return rows.values().stream().filter(r -> pkg.equals(r.get("Package no."))).findFirst()
                .orElseThrow(() -> new AssertionError(pkg + " not listed: " + rows));
    }

    private ResponseDefinitionBuilder recorded(String file) {
        try {
            return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                    .withBody(Files.readString(RECORDED.resolve(file)));
        } catch (IOException e) {
            throw new IllegalStateException("recorded body " + RECORDED.resolve(file).toAbsolutePath(), e);
        }
    }

    private static Properties bundle(String file) throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(BUNDLES.resolve(file), StandardCharsets.UTF_8)) {
            p.load(in);
        }
        return p;
    }

    /**
     * Fails when the page (light DOM text, overlays included) shows a piece of English UI text while the UI is in
     * Chinese: the literal parts (between MessageFormat arguments) of every English message whose Chinese message
     * differs, at least four letters long and not used by the Chinese bundle itself (names such as "Waybill",
     * "SKU", "PDF"), matched case-sensitively as whole words. Data (SKU, store and device names the plugins give,
     * the core's English reasons in the history) is not UI text and is removed before the check.
     */
    private void assertUntranslatedNone(String where) {
        assertUntranslatedNone(where, List.of());
    }

    private void assertUntranslatedNone(String where, List<String> data) {
        String page = String.valueOf(browser.js("""
                const parts = [document.body.innerText];
                for (const o of document.querySelectorAll('vaadin-dialog-overlay, vaadin-select-overlay,'
                    + ' vaadin-combo-box-overlay, vaadin-notification-card')) parts.push(o.innerText || '');
                return parts.join('\\n');
                """));
        // data, not UI text: the core's English reasons in the history, SKU, store and plugin device names
        for (String d : data) {
            page = page.replace(d, " ");
        }
        page = page.replace("Scale " + SCALE + " (MT-SICS)", " ")
                .replaceAll("(?m)Weight \\d+ g[^\\n|]*", " ").replaceAll("Demo data", " ")
                .replaceAll("ACME (Global|Outlet) \\((Shopify|eBay)\\)", " ")
                .replaceAll("(Ceramic mug|T-shirt|Phone case|USB-C cable|Bluetooth earbuds|LED desk lamp|Wool socks"
                        + "|Steel bottle|A5 dotted notebook|Gel pens|Canvas tote bag)[^/\\n]*/", " ");
        String zhAll = String.join("\n", chinese.stringPropertyNames().stream().map(chinese::getProperty).toList());
        Set<String> found = new TreeSet<>();
        for (String key : english.stringPropertyNames()) {
            String en = english.getProperty(key);
            if (en.equals(chinese.getProperty(key))) {
                continue;
            }
            for (String fragment : en.split("\\{[^}]*}|[|#<]")) {
                String f = fragment.strip().replaceAll("[.:,…\u2026]+$", "").strip();
                if (f.replaceAll("[^A-Za-z]", "").length() < 4 || zhAll.contains(f)) {
                    continue;
                }
                if (Pattern.compile("(?<![A-Za-z])" + Pattern.quote(f) + "(?![A-Za-z])").matcher(page).find()) {
                    found.add(key + " '" + f + "'");
                }
            }
        }
        if (!found.isEmpty()) {
            browser.screenshot("seed-UNTRANSLATED-" + where);
        }
        assertTrue(found.isEmpty(), () -> "English UI text on the Chinese " + where + " page: " + found);
    }
}
