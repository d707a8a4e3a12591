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
import org.openqa.selenium.WebElement;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Issue 13 item 9: every screen in 简体中文 is Chinese apart from data. Three orders of its own ({@code ZHIT-*},
 * Chinese buyers and addresses) are imported through the shell; the first is allocated, uploaded to the pool carrier,
 * its label printed and shipped with a passing weight, the second allocated and voided; the third asks for more than
 * the stock and is allocated from the waiting tab in the browser, in Chinese, so the failure dialog shows the out of
 * stock reason. Then every main screen is walked (delivery tabs, the shipped package's page with its history, the
 * scan station after an unknown scan, import, stores, warehouses, products, stock, users, plugins, settings, setup,
 * sync, batch delivery, manual order; forms in their error states, an order file with bad rows in the import
 * preview) and every visible text node (light and shadow DOM, placeholders) that is a
 * Latin-only sentence — two or more Latin words and no Chinese character — fails the test, unless it is data: the
 * values the shell lists (buyers, stores, warehouses, products, users), codes and numbers (SKUs, package and tracking
 * numbers, ids with digits, hyphens, dots or underscores, all-capital codes), e-mails and URLs.
 */
@Order(19)
@ExtendWith(WaybillExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ChineseScreensIT {

    private static final String STORE = "ACME-SHOP";
    private static final String SKU = "NOTE-A5-DOT";
    private static final String PREFIX = "ZHIT-";
    private static final String GRID = "packages-grid";
    /** A carrier id no installed plugin has. */
    private static final String ABSENT_CARRIER = "zhit-absent";
    private static final Duration LIMIT = Duration.ofSeconds(90);
    private static final Pattern POOL_ROW = Pattern.compile("(?m)^carrier\\s*\\|\\s*pool\\s*\\|.*");
    private static final Pattern CJK = Pattern.compile("[\\u3000-\\u303f\\u3400-\\u9fff\\uff00-\\uffef]");
    /** What follows the last Chinese colon of a text: the facts of "kind：facts". */
    private static final Pattern AFTER_COLON = Pattern.compile("：([^：]*)$");
    private static final Pattern LATIN_WORD = Pattern.compile("[A-Za-z][A-Za-z'’]*[A-Za-z]");
    /** Data tokens: e-mails, URLs, anything with a digit, an underscore, a dot inside or a hyphen, all capitals. */
    private static final Pattern DATA_TOKEN = Pattern.compile("\\S+@\\S+|https?://\\S+|/\\S+"
            + "|[\\p{L}\\p{N}]*[\\p{N}_][\\p{L}\\p{N}_.:/+-]*|[\\p{L}\\p{N}]+(?:[.:-][\\p{L}\\p{N}]+)+"
            + "|\\b\\p{Lu}{2,}\\b");
    /** Names of products and brands that are the same in every language. */
    private static final Set<String> NAMES = Set.of("Waybill", "Vaadin", "Karaf", "Shopify", "eBay", "EasyPost",
            "Shippo", "Mettler", "Toledo", "Lumo", "OSGi", "PDF", "ZPL");

    private WaybillDistribution waybill;
    private Browser browser;
    private Path deployedKar;
    /** order no. -> package no. */
    private final Map<String, String> packages = new LinkedHashMap<>();
    /** Values the shell lists, longest first: shown as they are in every language. */
    private final List<String> data = new ArrayList<>();

    @BeforeAll
    void setUp(WaybillDistribution waybill) throws IOException {
        this.waybill = waybill;
        Path kar = Path.of(WaybillDistribution.required("waybill.it.poolKar"));
        deployedKar = waybill.deployDir().resolve(kar.getFileName());
        Files.copy(kar, deployedKar, StandardCopyOption.REPLACE_EXISTING);
        waybill.shellUntil("waybill:plugin-list", r -> POOL_ROW.matcher(WaybillDistribution.registeredPlugins(r.output())).find(), LIMIT);

        Result stock = waybill.shell("waybill:stock-adjust -r \"chinese screens IT\" SZ-01 " + SKU + " 3");
        assertEquals(0, stock.exitCode(), () -> "stock-adjust:\n" + stock.output());
        Path file = waybill.importDir("chinese-screens").resolve("chinese-screens.csv");
        List<String> rows = List.of(
                "ZHIT-001,,2025-06-01 09:00,王小明,,科技园南路 8 号,,深圳,广东,518057,CN,,," + SKU + ",1",
                "ZHIT-002,,2025-06-01 09:05,李华,,长安街 1 号,,北京,北京,100000,CN,,," + SKU + ",1",
                "ZHIT-003,,2025-06-01 09:10,张伟,,南京路 100 号,,上海,上海,200000,CN,,," + SKU + ",9999",
                "ZHIT-004,,2025-06-01 09:15,赵敏,,西湖路 6 号,,杭州,浙江,310000,CN,,," + SKU + ",1");
        Files.writeString(file, Fixtures.HEADER + "\n" + String.join("\n", rows) + "\n",
                StandardCharsets.UTF_8);
        Result imported = waybill.shell("waybill:import --store " + STORE + " --confirm \"" + file + "\"");
        assertTrue(imported.output().contains("Imported: 4 new"), () -> "import:\n" + imported.output());
        Map<String, String> weights = new LinkedHashMap<>();
        for (Map<String, String> row : waybill.allPackageRows("waybill:package-list --store " + STORE)) {
            if (row.getOrDefault("Order no.", "").startsWith(PREFIX)) {
                packages.put(row.get("Order no."), row.get("Package no."));
                weights.put(row.get("Order no."), row.get("Weight"));
            }
        }
        assertEquals(4, packages.size(), () -> "packages: " + packages);
        String shipped = packages.get("ZHIT-001");
        String voided = packages.get("ZHIT-002");
        Result allocated = waybill.shell("waybill:allocate " + shipped + " " + voided);
        assertTrue(allocated.output().contains("2 done"), () -> "allocate:\n" + allocated.output());
        Result uploaded = waybill.shell("waybill:upload " + shipped);
        assertTrue(uploaded.output().contains("1 queued"), () -> "upload:\n" + uploaded.output());
        awaitStatus(shipped, "tracked");
        Path pdf = waybill.printDir("chinese-screens").resolve("label.pdf");
        Result printed = waybill.shell("waybill:print -o \"" + pdf + "\" --mark-printed " + shipped);
        assertTrue(printed.output().contains("1 done"), () -> "print:\n" + printed.output());
        int grams = Fixtures.grams(weights.get("ZHIT-001"));
        Result ship = waybill.shell("waybill:ship -w " + grams + " " + shipped);
        assertTrue(ship.output().contains("PASS SHIPPED"), () -> "ship:\n" + ship.output());
        Result voiding = waybill.shell("waybill:void -r \"测试作废\" --yes " + voided);
        assertTrue(voiding.output().contains("1 done"), () -> "void:\n" + voiding.output());

        // the data as the shell lists it
        Set<String> values = new LinkedHashSet<>();
        for (String command : List.of("waybill:store-list", "waybill:warehouse-list", "waybill:user-list")) {
            collect(waybill.shell(command), values);
        }
        for (String list : List.of("waybill:package-list", "waybill:sku-list")) {
            for (int page = 1; page <= 50; page++) {
                if (collect(waybill.shell(list + " -n 1000 --page " + page), values) < 1000) {
                    break;
                }
            }
        }
        data.addAll(values);
        data.sort(Comparator.comparingInt(String::length).reversed());

        browser = Browser.open("chinese-screens", waybill);
        browser.driver().manage().window().setSize(new Dimension(1440, 900));
        browser.login("admin", waybill.password());
        browser.await("signed in", () -> browser.path().startsWith("/delivery/"));
        browser.switchLanguage("简体中文");
    }

    @AfterAll
    void tearDown() throws IOException {
        try {
            if (browser != null) {
                browser.switchLanguage("English");
                browser.close();
            }
        } finally {
            if (deployedKar != null && Files.deleteIfExists(deployedKar)) {
                waybill.shellUntil("waybill:plugin-list", r -> r.exitCode() == 0
                        && !POOL_ROW.matcher(r.output()).find(), LIMIT);
            }
        }
    }

    @Test
    @Order(1)
    void anOutOfStockAllocationSaysWhyInChinese() {
        // given: the order asking for more than the stock, on the waiting tab
        String pkg = packages.get("ZHIT-003");
        browser.go("/delivery/waiting");
        // by order no.: a package no. + Enter in the search box opens the package's page
        browser.filter("filter-text", GRID, "ZHIT-003");
        browser.selectRows(GRID, List.of(pkg));

        // when
        browser.click("action-allocate");
        browser.awaitText("confirm-text", "confirm question", t -> !t.isEmpty());
        browser.click("confirm-button");

        // then: the reason is a Chinese sentence with the SKU as it is
        browser.awaitText("batch-result-summary", "batch result", LIMIT, t -> !t.isEmpty());
        List<String> failures = browser.await("failure rows", () -> {
            List<String> r = browser.gridRows("batch-result-failures");
            return r.isEmpty() ? null : r;
        });
        assertTrue(failures.stream().anyMatch(r -> r.contains(pkg) && r.contains("缺货：" + SKU + " 缺 ")
                && !r.contains("Out of stock") && !r.contains("missing")), () -> "failures: " + failures);
        List<String> latin = latinSentences();
        browser.screenshot("zh-01-out-of-stock-result");
        browser.click("batch-result-close");
        browser.awaitGone("batch-result-summary");
        assertTrue(latin.isEmpty(), () -> "Latin-only sentences in the result dialog: " + latin);
    }

    @Test
    @Order(2)
    void theShippedPackagesHistoryIsChinese() {
        // given
        String pkg = packages.get("ZHIT-001");

        // when
        browser.go("/delivery/shipped");
        browser.filter("filter-text", GRID, "ZHIT-001");
        browser.click(browser.await("the link of " + pkg, () -> browser.inGridRow(GRID, pkg, "a")));
        browser.await("the package page", () -> browser.path().startsWith("/package/"));
        List<String> history = browser.await("history rows", () -> {
            List<String> r = browser.gridRows("history-grid");
            return r.stream().anyMatch(x -> x.contains("重量")) ? r : null;
        });

        // then: warehouse, carrier, tracking number and weight in Chinese, the data as it is
        String all = String.join("\n", history);
        assertTrue(all.contains("仓库 SZ-01"), () -> "allocation reason: " + all);
        assertTrue(all.contains("物流商 pool"), () -> "upload reason: " + all);
        assertTrue(all.contains("运单号 "), () -> "tracking reason: " + all);
        assertTrue(all.matches("(?s).*重量 \\d+\\.\\d{3} kg（预期 \\d+\\.\\d{3} kg ± \\d+\\.\\d{3} kg）.*"), () -> "weighing: " + all);
        assertTrue(!all.contains("Warehouse ") && !all.contains("Carrier ") && !all.contains("Weight "),
                () -> "no English reasons: " + all);
        scrollTo("history-grid");
        walk("zh-02-package-page-history");
    }

    @Test
    @Order(3)
    void theVoidedPackagesPageIsChinese() {
        String pkg = packages.get("ZHIT-002");
        browser.go("/delivery/voided");
        browser.filter("filter-text", GRID, "ZHIT-002");
        browser.click(browser.await("the link of " + pkg, () -> browser.inGridRow(GRID, pkg, "a")));
        browser.await("the package page", () -> browser.path().startsWith("/package/"));
        browser.await("history rows", () -> browser.gridRows("history-grid").stream()
                .anyMatch(r -> r.contains("测试作废")) ? true : null);
        scrollTo("history-grid");
        walk("zh-03-voided-package-page-history");
    }

    @Test
    @Order(4)
    void theScanStationLogNamesTheRefusalInChinese() {
        browser.go("/delivery/scan");
        WebElement scan = browser.await("scan field", () -> browser.driver().findElement(By.cssSelector(
                "#scan-input input")));
        scan.sendKeys("ZHIT-NO-SUCH-PACKAGE\n");
        List<String> log = browser.await("the log row", () -> {
            List<String> r = browser.gridRows("scan-log");
            return r.stream().anyMatch(x -> x.contains("ZHIT-NO-SUCH-PACKAGE")) ? r : null;
        });
        assertTrue(log.stream().anyMatch(r -> r.contains("包裹不存在") && !r.contains("unknown_package")),
                () -> "scan log: " + log);
        scrollTo("scan-log");
        walk("zh-04-scan-station-log");
    }

    @Test
    @Order(5)
    void everyMainScreenIsChinese() {
        Map<String, String> screens = new LinkedHashMap<>();
        for (String tab : List.of("waiting", "out_of_stock", "sku_unmatched", "allocated", "awaiting_tracking",
                "upload_failed", "tracked", "printed", "shipped", "voided")) {
            screens.put("/delivery/" + tab, "zh-10-delivery-" + tab);
        }
        screens.put("/delivery/sync", "zh-20-sync");
        screens.put("/delivery/ship-batch", "zh-21-ship-batch");
        screens.put("/orders/import", "zh-22-import");
        screens.put("/orders/new", "zh-23-manual-order");
        screens.put("/stores", "zh-24-stores");
        screens.put("/warehouses", "zh-25-warehouses");
        screens.put("/products", "zh-26-products");
        screens.put("/stock", "zh-27-stock");
        screens.put("/users", "zh-28-users");
        screens.put("/plugins", "zh-29-plugins");
        screens.put("/settings/delivery", "zh-30-settings-delivery");
        screens.put("/settings/shipping", "zh-31-settings-shipping");
        screens.put("/setup", "zh-32-setup");
        Map<String, List<String>> found = new LinkedHashMap<>();
        for (Map.Entry<String, String> s : screens.entrySet()) {
            browser.go(s.getKey());
            browser.await("content of " + s.getKey(), () -> browser.driver().findElements(By.cssSelector(
                    "vaadin-app-layout h2, vaadin-app-layout h1")).stream().anyMatch(WebElement::isDisplayed)
                    ? true : null);
            settle();
            List<String> latin = latinSentences();
            browser.screenshot(s.getValue());
            if (!latin.isEmpty()) {
                found.put(s.getKey(), latin);
            }
        }
        if (!found.isEmpty()) {
            StringBuilder message = new StringBuilder("Latin-only sentences on Chinese screens:");
            found.forEach((path, texts) -> message.append("\n").append(path).append(": ").append(texts));
            fail(message.toString());
        }
    }

    @Test
    @Order(6)
    void aRefusalOtherThanOutOfStockReadsWholeInChinese() {
        // given: a waiting package selected in the browser
        String pkg = packages.get("ZHIT-004");
        browser.go("/delivery/waiting");
        browser.filter("filter-text", GRID, "ZHIT-004");
        browser.selectRows(GRID, List.of(pkg));
        // and: meanwhile allocated by someone else
        Result allocated = waybill.shell("waybill:allocate " + pkg);
        assertTrue(allocated.output().contains("1 done"), () -> "allocate:\n" + allocated.output());

        // when: allocated again from the page
        browser.click("action-allocate");
        browser.awaitText("confirm-text", "confirm question", t -> !t.isEmpty());
        browser.click("confirm-button");

        // then: the whole refusal in Chinese (status and action translated), the package no. as it is
        browser.awaitText("batch-result-summary", "batch result", LIMIT, t -> !t.isEmpty());
        List<String> failures = browser.await("failure rows", () -> {
            List<String> r = browser.gridRows("batch-result-failures");
            return r.isEmpty() ? null : r;
        });
        assertTrue(failures.stream().anyMatch(r -> r.contains("包裹 " + pkg + " 当前为“已分配库存”，现在不能分配库存。")
                && !r.contains("Package") && !r.contains("cannot")), () -> "failures: " + failures);
        List<String> latin = latinSentences();
        browser.screenshot("zh-05-illegal-state-result");
        browser.click("batch-result-close");
        browser.awaitGone("batch-result-summary");
        assertTrue(latin.isEmpty(), () -> "Latin-only sentences in the result dialog: " + latin);
    }

    @Test
    @Order(8)
    void anUploadRefusedForAMissingCarrierPluginReadsWholeInChinese() {
        // given: the allocated package, and the store's default shipping method pointed for a moment at a carrier
        // whose plugin is not installed (restored below, whatever happens)
        String pkg = packages.get("ZHIT-004");
        String[] method = CarrierStubs.defaultMethods(waybill).get(STORE);
        assertNotNull(method, () -> "the default shipping method of " + STORE);
        CarrierStubs.setDefaultMethod(waybill, STORE, method[0], ABSENT_CARRIER, null);
        try {
            browser.go("/delivery/allocated");
            browser.filter("filter-text", GRID, "ZHIT-004");
            browser.selectRows(GRID, List.of(pkg));

            // when
            browser.click("action-upload");
            browser.awaitText("confirm-text", "confirm question", t -> !t.isEmpty());
            browser.click("confirm-button");

            // then: the whole refusal is one Chinese sentence, the plugin id and the package no. as they are
            browser.awaitText("batch-result-summary", "upload result", LIMIT, t -> !t.isEmpty());
            List<String> failures = browser.await("refusal rows", () -> {
                List<String> r = browser.gridRows("batch-result-failures");
                return r.isEmpty() ? null : r;
            });
            String sentence = "物流商插件“" + ABSENT_CARRIER + "”未安装（包裹 " + pkg + " 的运输方式）；未发送任何内容。"
                    + "请安装该插件或选择其他默认运输方式，然后重新上传。";
            assertTrue(failures.stream().anyMatch(r -> r.contains(pkg) && r.contains(sentence)
                    && !r.contains("plugin") && !r.contains("installed")), () -> "refusals: " + failures);
            List<String> latin = latinSentences();
            browser.screenshot("zh-06-upload-carrier-missing");
            browser.click("batch-result-close");
            browser.awaitGone("batch-result-summary");
            assertTrue(latin.isEmpty(), () -> "Latin-only sentences in the upload dialog: " + latin);
        } finally {
            CarrierStubs.restoreDefaults(waybill, Map.of(STORE, method));
        }
    }

    @Test
    @Order(9)
    void formsInTheirErrorStatesReadWholeInChinese() throws IOException {
        // a store's tax number the core refuses: each problem named in Chinese, nothing saved
        browser.go("/stores");
        browser.click(browser.await("customs button of " + STORE, () -> browser.driver().findElement(
                By.cssSelector(".store-customs[data-code='" + STORE + "']"))));
        browser.byId("store-customs-dialog");
        String ioss = browser.driver().findElement(By.cssSelector("#store-ioss input")).getAttribute("value");
        browser.type(By.cssSelector("#store-ioss input"), "IM123");
        browser.click("store-customs-save");
        String taxes = browser.awaitText("store-customs-error", "the tax id refusal", t -> !t.isEmpty());
        assertTrue(taxes.startsWith("税号未保存：IOSS 号 IM123 无效"), taxes);
        List<String> latinTaxes = latinSentences();
        browser.screenshot("zh-07-invalid-tax-id");
        browser.click("store-customs-cancel");
        browser.awaitGone("store-customs-dialog");
        assertTrue(latinTaxes.isEmpty(), () -> "Latin-only sentences in the customs dialog: " + latinTaxes);
        // nothing was saved: the dialog opened again shows the number as it was
        browser.click(browser.await("customs button of " + STORE, () -> browser.driver().findElement(
                By.cssSelector(".store-customs[data-code='" + STORE + "']"))));
        browser.byId("store-customs-dialog");
        assertEquals(ioss, browser.driver().findElement(By.cssSelector("#store-ioss input")).getAttribute("value"),
                "the refused number was not saved");
        browser.click("store-customs-cancel");
        browser.awaitGone("store-customs-dialog");

        // a product with a bad HS code and currency: the refusal names each field by its Chinese name
        browser.go("/products");
        browser.filter("products-filter", "products-grid", SKU);
        browser.click(browser.await("edit button of " + SKU, () -> browser.inGridRow("products-grid", SKU + " |",
                ".product-edit")));
        browser.byId("product-dialog");
        browser.type(By.cssSelector("#product-hs input"), "12AB");
        browser.type(By.cssSelector("#product-currency input"), "XYZ");
        browser.click("product-save");
        String product = browser.awaitText("product-error", "the product refusal", t -> t.contains("XYZ"));
        assertTrue(product.startsWith("商品未保存：") && product.contains("海关编码：“12AB”须为 6 到 10 位数字")
                && product.contains("币种：“XYZ”不是 ISO 4217 币种代码"), product);
        List<String> latinProduct = latinSentences();
        browser.screenshot("zh-08-invalid-product");
        browser.click("product-cancel");
        browser.awaitGone("product-dialog");
        assertTrue(latinProduct.isEmpty(), () -> "Latin-only sentences in the product form: " + latinProduct);

        // an order file with several bad rows: each row's problem whole in Chinese, its column by the Chinese header;
        // the core's checks (rows 1-3) and the CSV plugin's own (rows 4-6: SPI platform 1.5 row problems as data)
        Path bad = waybill.importDir("chinese-screens").resolve("zh-bad-orders.csv");
        Files.writeString(bad, Fixtures.HEADER + "\n" + String.join("\n",
                "ZHIT-101,,2025-06-01 10:00,王小明,,1 Main Street,,Springfield,,62704,US,,," + SKU + ",1",
                "ZHIT-102,,2025-06-01 10:05,李华,,Hauptstraße 1,,Berlin,,ABCDE,DE,,," + SKU + ",1",
                "ZHIT-103,,2025-06-01 10:10,张伟,,南京路 100 号,," + "深".repeat(101) + ",上海,200000,CN,,," + SKU
                        + ",1",
                "ZHIT-104,,2025-06-01 10:15,赵敏,,西湖路 6 号,,杭州,浙江,310000,CN,,," + SKU + ",两件",
                "ZHIT-105,,昨天,孙丽,,西湖路 8 号,,杭州,浙江,310000,CN,,," + SKU + ",1",
                "ZHIT-106,,2025-06-01 10:20,周杰") + "\n", StandardCharsets.UTF_8);
        browser.go("/orders/import");
        browser.click(browser.byId("import-store").findElement(By.cssSelector("input")));
        browser.pickOverlayItem("vaadin-combo-box-item", "(" + STORE + ")");
        browser.await("upload enabled", () -> browser.byId("import-upload").getDomAttribute("disabled") == null);
        browser.fileInput("import-upload").sendKeys(bad.toString());
        List<String> rows = browser.await("the rows' problems", () -> {
            List<String> r = browser.gridRows("import-errors");
            return r.size() >= 6 ? r : null;
        });
        String all = String.join("\n", rows);
        assertTrue(all.contains("州/省 | 寄往 US 时为必填项") && all.contains("邮编 | “ABCDE”不是 DE 的有效邮编")
                && all.contains("城市 | 太长（101 个字符，最多 100 个）"), () -> "order file problems: " + all);
        assertTrue(all.contains("数量 | 数量须为大于 0 的整数，实际为“两件”；订单 ZHIT-104 不导入（第 4 行）")
                && all.contains("下单时间 | 下单时间须为日期，如 2024-05-01")
                && all.contains("此行有 4 个字段，而表头有 15 个"), () -> "the CSV plugin's row problems: " + all);
        assertFalse(all.contains("required") || all.contains("postal code") || all.contains("too long")
                || all.contains("must be") || all.contains("left out") || all.contains("fields"), all);
        settle();
        List<String> latinOrders = latinSentences();
        browser.screenshot("zh-09-order-file-problems");
        browser.click("import-discard");
        browser.await("preview discarded", () -> browser.byId("import-preview").isDisplayed() ? null : true);
        assertTrue(latinOrders.isEmpty(), () -> "Latin-only sentences in the import preview: " + latinOrders);
    }

    @Test
    @Order(10)
    void anOrderFileThatCannotBeReadSaysWhyInChineseOnThePage() throws IOException {
        // a file whose header row is a German shop's (SPI platform 1.7 file problems as data): why, whole in Chinese,
        // kept on the page beside the templates; nothing imported
        Path wrong = waybill.importDir("chinese-screens").resolve("zh-wrong-header.csv");
        Files.writeString(wrong, "Bestellnummer,Datum,Name,Strasse,Stadt,Land,Artikel,Menge\n"
                + "ZHIT-201,2025-06-01,Hans,Zeil 1,Frankfurt,DE," + SKU + ",1\n", StandardCharsets.UTF_8);
        String header = uploadRefused(wrong, "the wrong header's reason");
        assertTrue(header.startsWith("zh-wrong-header.csv：表头行缺少必需的列：订单号（或 order_number, 订单号, 订单编号）；下单时间（或 "),
                header);
        assertTrue(header.contains("；城市（或 town, ship_city, 城市）") && header.contains("文件表头中的列：'Bestellnummer', "
                + "'Datum', 'Name'"), header);
        assertFalse(header.contains("lacks") || header.contains("cannot be read") || header.contains("Found"), header);
        assertTrue(browser.byId("import-file-error-hint").isDisplayed(), "the templates help with a header row");
        settle();
        List<String> latinHeader = latinSentences();
        browser.screenshot("zh-11-order-file-wrong-header");
        assertTrue(latinHeader.isEmpty(), () -> "Latin-only sentences with the wrong header: " + latinHeader);

        // the same shop's export saved by Excel on a Chinese Windows (GBK): the byte, its line, what to do
        Path gbk = waybill.importDir("chinese-screens").resolve("zh-gbk.csv");
        String row = "ZHIT-202,,2025-06-01 10:00,王小明,,科技园南路 8 号,,深圳,广东,518057,CN,,," + SKU + ",1";
        Files.write(gbk, (Fixtures.HEADER + "\n" + row + "\n").getBytes(java.nio.charset.Charset.forName("GBK")));
        int offset = Fixtures.HEADER.length() + 1 + row.indexOf('王');
        String encoding = uploadRefused(gbk, "the encoding's reason");
        assertTrue(encoding.startsWith("zh-gbk.csv：文件不是 UTF-8 文本：第 2 行偏移量 " + offset
                + " 处的字节 0xCD 无法按 UTF-8 读取"), encoding);
        assertTrue(encoding.contains("请在 Excel 中另存为“CSV UTF-8（逗号分隔）”"), encoding);
        assertFalse(encoding.contains("not UTF-8 text") || encoding.contains("offset"), encoding);
        assertTrue(browser.driver().findElements(By.id("import-file-error-hint")).stream()
                .noneMatch(WebElement::isDisplayed), "no template hint for an encoding");
        settle();
        List<String> latinEncoding = latinSentences();
        browser.screenshot("zh-12-order-file-gbk");
        assertTrue(latinEncoding.isEmpty(), () -> "Latin-only sentences with the GBK file: " + latinEncoding);
        assertTrue(waybill.allPackageRows("waybill:package-list --store " + STORE).stream().noneMatch(r -> r
                .getOrDefault("Order no.", "").startsWith("ZHIT-20")), "nothing of the refused files imported");
    }

    /** Uploads a file on Import orders for the class's store and returns the refusal the page keeps. */
    private String uploadRefused(Path file, String what) {
        browser.go("/orders/import");
        browser.click(browser.byId("import-store").findElement(By.cssSelector("input")));
        browser.pickOverlayItem("vaadin-combo-box-item", "(" + STORE + ")");
        browser.await("upload enabled", () -> browser.byId("import-upload").getDomAttribute("disabled") == null);
        browser.fileInput("import-upload").sendKeys(file.toString());
        String name = file.getFileName().toString();
        return browser.awaitText("import-file-error-text", what, t -> t.startsWith(name + "："));
    }

    @Test
    @Order(7)
    void theSentenceCheckCatchesAChineseKindBeforeEnglishFacts() {
        // the form refusals took before they were data: a Chinese kind, then the core's English sentence
        assertTrue(isLatinSentence("当前状态不允许此操作：Package WB00000012 is allocated; it cannot be allocated now."));
        assertFalse(isLatinSentence("缺货：" + SKU + " 缺 9,998 件"));
        assertFalse(isLatinSentence("物流商 pool"));
        assertFalse(isLatinSentence("Waybill 的这一部分暂时不可用"));
    }

    // ---------------------------------------------------------------- helpers

    private void walk(String shot) {
        settle();
        List<String> latin = latinSentences();
        browser.screenshot(shot);
        assertTrue(latin.isEmpty(), () -> "Latin-only sentences on " + browser.path() + ": " + latin);
    }

    private void scrollTo(String id) {
        browser.js("arguments[0].scrollIntoView({block: 'center'});", browser.byId(id));
    }

    /** Grids fill in after the page: wait until no grid is loading. */
    private void settle() {
        browser.awaitVaadin();
        browser.await("grids loaded", () -> Boolean.TRUE.equals(browser.js(
                "return Array.from(document.querySelectorAll('vaadin-grid'))"
                        + ".every(g => !g.loading && !g.hasAttribute('loading'));")) ? true : null);
    }

    /** The visible text nodes (light and shadow DOM) and placeholders of the page that are Latin-only sentences. */
    @SuppressWarnings("unchecked")
    private List<String> latinSentences() {
        List<String> texts = (List<String>) browser.js("""
                const out = [];
                const visible = el => {
                  if (!el || !el.isConnected) return false;
                  if (el.checkVisibility && !el.checkVisibility({checkOpacity: true, checkVisibilityCSS: true}))
                    return false;
                  return el.getClientRects().length > 0;
                };
                const where = el => {
                  let e = el;
                  while (e) {
                    if (e.id) return '#' + e.id;
                    e = e.parentElement || (e.getRootNode && e.getRootNode().host);
                  }
                  return el.tagName.toLowerCase();
                };
                const walk = node => {
                  if (node.nodeType === 3) {
                    const t = node.textContent.replace(/\\s+/g, ' ').trim();
                    if (t && visible(node.parentElement)) out.push(t + '  [' + where(node.parentElement) + ']');
                    return;
                  }
                  if (node.nodeType === 1) {
                    const tag = node.tagName;
                    if (tag === 'SCRIPT' || tag === 'STYLE' || tag === 'TEMPLATE' || tag === 'NOSCRIPT') return;
                    const ph = node.getAttribute('placeholder');
                    if (ph && visible(node)) out.push(ph.trim() + '  [' + where(node) + ' placeholder]');
                    if (node.shadowRoot) walk(node.shadowRoot);
                  }
                  for (const c of node.childNodes) walk(c);
                };
                walk(document.body);
                return out;
                """);
        List<String> latin = new ArrayList<>();
        for (String entry : texts) {
            int at = entry.lastIndexOf("  [");
            String text = entry.substring(0, at);
            if (isLatinSentence(text)) {
                latin.add(entry);
            }
        }
        return latin.stream().distinct().toList();
    }

    /**
     * Two or more Latin words and no Chinese character, once the data in it is taken out; in a Chinese text, what
     * follows its last Chinese colon is checked the same way, which catches a Chinese kind followed by the core's
     * English facts ("当前状态不允许此操作：Package ... cannot be ...").
     */
    boolean isLatinSentence(String text) {
        if (CJK.matcher(text).find()) {
            Matcher facts = AFTER_COLON.matcher(text);
            return facts.find() && !facts.group(1).isBlank() && isLatinSentence(facts.group(1));
        }
        String rest = text;
        for (String value : data) {
            if (rest.contains(value)) {
                rest = rest.replace(value, " ");
            }
        }
        rest = DATA_TOKEN.matcher(rest).replaceAll(" ");
        int words = 0;
        Matcher m = LATIN_WORD.matcher(rest);
        while (m.find()) {
            if (!NAMES.contains(m.group())) {
                words++;
            }
        }
        return words >= 2;
    }

    /** Adds the table's cell values to {@code values}; returns the number of rows. */
    private static int collect(Result r, Set<String> values) {
        List<Map<String, String>> rows;
        try {
            rows = ShellTables.rows(r);
        } catch (AssertionError noTable) {
            return 0; // a page past the end
        }
        for (Map<String, String> row : rows) {
            row.values().stream().map(String::strip).filter(v -> v.length() >= 3).forEach(values::add);
        }
        return rows.size();
    }

    private void awaitStatus(String pkg, String status) {
        // every page of the store's list: earlier classes fill more than one (polled like shellUntil)
        long deadline = System.nanoTime() + LIMIT.toNanos();
        List<Map<String, String>> rows;
        do {
            rows = waybill.allPackageRows("waybill:package-list --store " + STORE);
            if (rows.stream().anyMatch(row -> pkg.equals(row.get("Package no.")) && status.equals(row.get("Status")))) {
                return;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + pkg, e);
            }
        } while (System.nanoTime() < deadline);
        throw new AssertionError("package " + pkg + " did not reach " + status + " within " + LIMIT.toSeconds()
                + " s; its rows: " + rows.stream().filter(row -> pkg.equals(row.get("Package no."))).toList());
    }

}
