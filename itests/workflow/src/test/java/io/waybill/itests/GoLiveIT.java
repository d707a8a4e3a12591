package io.waybill.itests;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.waybill.itests.WaybillDistribution.Result;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Going live on an empty install (issue 12): a distribution of its own, started with the demo OFF, so nothing is
 * there. The admin lands on the setup checklist (an operator never sees it), creates a warehouse with its address on
 * the Warehouses page, imports a 200-product XLSX catalogue on the Products page (a file with one bad barcode refused
 * first with its row and reason, then the fixed file), adds a CSV store on the Stores page and a default shipping
 * method with the pool carrier, a Shopify store against a WireMock stub of Shopify (Test connection green, then red
 * with a wrong token, which is never shown back), imports an order file with one unknown marketplace SKU: that order waits on the "SKU
 * not matched" tab and is released by Map SKU there. Both orders are allocated, uploaded, their labels printed (the
 * sender on the label is the new warehouse's street, read with {@code pdftotext}) and shipped. An order of the Shopify
 * store (its default shipping method set with {@code store-set --shipping-method}) is shipped the same way and
 * synchronised to the Shopify stub, which receives the fulfilment with the carrier and the tracking number. Then the
 * checklist ({@code waybill:setup} too) is complete and no longer the start page, and the checklist and the product
 * form are walked again in 简体中文.
 */
@Order(3)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GoLiveIT {

    static final String WAREHOUSE = "GL-NB";
    static final String STREET = "18 Golive Harbour Road";
    static final String STORE = "GL-SHOP";
    static final String PREFIX = "GL-IT-";
    static final int PRODUCTS = 200;
    static final int BAD_ROW = 42;
    static final String UNKNOWN_SKU = "SHOP-GL-UNKNOWN";
    static final String SHOPIFY_STORE = "GL-SHOPIFY";
    static final String SHOPIFY_TOKEN = "shpat_golive_good_0123456789";
    static final String OPERATOR = "oskar";
    static final String OPERATOR_PASSWORD = "golive-operator-pw-1";
    static final String SHOPIFY_ORDER = "GL-2001";
    static final String SHOPIFY_ORDER_GID = "gid://shopify/Order/450789469";
    static final String POOL_ON_SHOPIFY = "China Post";
    private static final String[] STEPS = {"warehouse", "products", "store", "shipping_method", "first_order"};
    private static final Duration DEPLOY_LIMIT = Duration.ofSeconds(60);
    private static final Duration TRACKING_LIMIT = Duration.ofSeconds(90);
    private static final Pattern POOL_ROW = Pattern.compile("(?m)^carrier\\s*\\|\\s*pool\\s*\\|.*");

    private static final Path SHOPIFY_RECORDED = Path.of("..", "platform-plugins", "shopify", "src", "test",
            "resources", "io", "waybill", "platform", "shopify", "internal");

    private WaybillDistribution waybill;
    private WireMockServer shopify;
    private Browser browser;
    private Path in;
    private Path out;

    @BeforeAll
    void setUp() {
        waybill = WaybillDistribution.ownWithDemoOff("golive");
        in = waybill.importDir("golive");
        out = waybill.printDir("golive");
    }

    @AfterAll
    void tearDown() {
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            if (shopify != null) {
                shopify.stop();
            }
            if (waybill != null) {
                waybill.close();
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private Map<String, String> checklistStates() {
        browser.go("/setup");
        browser.byId("setup-steps");
        Map<String, String> states = new java.util.LinkedHashMap<>();
        for (String step : STEPS) {
            states.put(step, browser.byId("setup-step-" + step).getDomAttribute("data-done"));
        }
        return states;
    }

    private void awaitDone(String... doneSteps) {
        List<String> done = List.of(doneSteps);
        browser.await("checklist done steps " + done, () -> {
            Map<String, String> states = checklistStates();
            for (String step : STEPS) {
                if (!String.valueOf(done.contains(step)).equals(states.get(step))) {
                    return null;
                }
            }
            return states;
        });
    }

    /**
     * Waits until no dialog overlay is open (the {@code vaadin-dialog} element itself is never displayed, its content
     * is in the overlay); fails at once with the dialog's error text when it shows one.
     */
    private void awaitDialogClosed(String errorId) {
        browser.await("the dialog closed", () -> {
            List<WebElement> errors = browser.driver().findElements(By.id(errorId));
            if (errors.stream().anyMatch(e -> e.isDisplayed() && !e.getText().isBlank())) {
                throw new AssertionError("the dialog refused: " + errors.get(0).getText());
            }
            return browser.driver().findElements(By.cssSelector("vaadin-dialog-overlay[opened]")).isEmpty()
                    ? "closed" : null;
        });
    }

    /**
     * The newest element with this id, scrolled into its dialog's view: a store dialog closed on save may still be in
     * the page while the page opens the store again in a new one with the same ids.
     */
    private WebElement shown(String id) {
        WebElement last = browser.await("#" + id + " in the open dialog", () -> browser.driver()
                .findElements(By.id(id)).stream().reduce((first, next) -> next).orElse(null));
        browser.js("arguments[0].scrollIntoView({block: 'center'});", last);
        return last;
    }

    /** Clicks Test connection in the open store dialog and returns the result it writes into the dialog. */
    private String testConnection(String what) {
        browser.awaitVaadin();
        browser.js("const b = [...document.querySelectorAll('#store-test')].filter(e => !e.hasAttribute('disabled'));"
                + "b[b.length - 1].click();");
        // read through the DOM: the result sits below the settings, inside the dialog's scrolled content
        return browser.await(what, () -> {
            Object text = browser.js("return [...document.querySelectorAll('#store-test-result')]"
                    + ".map(e => e.textContent.trim()).filter(t => t).pop() || null;");
            return text == null ? null : String.valueOf(text);
        });
    }

    private void typeShown(String fieldId, String text) {
        WebElement input = shown(fieldId).findElement(By.cssSelector("input"));
        input.clear();
        input.sendKeys(text);
    }

    /** After a new store is saved the page opens it again as "Edit store CODE" (so Test connection can run). */
    private void awaitEditStoreDialog(String code) {
        browser.await("the dialog Edit store " + code + " as the only open dialog", () -> {
            List<WebElement> open = browser.driver().findElements(By.cssSelector("vaadin-dialog-overlay[opened]"));
            return open.size() == 1 && ("Edit store " + code).equals(open.get(0).getDomAttribute("aria-label"));
        });
    }

    private Path catalogue(String name, boolean withBadRow) throws IOException {
        Path file = in.resolve(name);
        try (OutputStream os = Files.newOutputStream(file)) {
            Workbook wb = new Workbook(os, "GoLiveIT", "1.0");
            Worksheet ws = wb.newWorksheet("products");
            String[] header = {"sku", "name", "name_zh", "barcodes", "weight_g", "length_mm", "width_mm", "height_mm",
                    "declared_value", "currency", "hs_code", "origin_country"};
            for (int c = 0; c < header.length; c++) {
                ws.value(0, c, header[c]);
            }
            for (int i = 1; i <= PRODUCTS; i++) {
                String ean = Fixtures.ean13(5000 + i);
                if (withBadRow && i == BAD_ROW) {
                    ean = ean.substring(0, 12) + (char) ('0' + (ean.charAt(12) - '0' + 1) % 10);
                }
                ws.value(i, 0, String.format(PREFIX + "%03d", i));
                ws.value(i, 1, "Golive item " + i);
                ws.value(i, 2, "上线商品 " + i);
                ws.value(i, 3, ean);
                ws.value(i, 4, 150 + i);
                ws.value(i, 5, 200);
                ws.value(i, 6, 100);
                ws.value(i, 7, 50);
                ws.value(i, 8, 12.5);
                ws.value(i, 9, "USD");
                ws.value(i, 10, "392690");
                ws.value(i, 11, "CN");
            }
            wb.finish();
        }
        return file;
    }

    private Map<String, Map<String, String>> packagesByOrder() {
        return packagesByOrder(STORE);
    }

    private Map<String, Map<String, String>> packagesByOrder(String store) {
        Map<String, Map<String, String>> rows = new java.util.LinkedHashMap<>();
        for (Map<String, String> row : ShellTables.rows(waybill.shell("waybill:package-list --store " + store
                + " -n 1000"))) {
            rows.put(row.get("Order no."), row);
        }
        return rows;
    }

    private void awaitStatus(String order, String status, Duration limit) {
        awaitStatus(STORE, order, status, limit);
    }

    private Map<String, String> awaitStatus(String store, String order, String status, Duration limit) {
        return browser.await(order + " " + status, limit, () -> {
            Map<String, String> row = packagesByOrder(store).get(order);
            return row != null && status.equals(row.get("Status")) ? row : null;
        });
    }

    private String password(String name, String value) throws IOException {
        Path file = in.resolve(name);
        Files.writeString(file, value + "\n", StandardCharsets.UTF_8);
        return file.toString();
    }

    // ------------------------------------------------------------------------------------------------ the walk

    @Test
    @Order(1)
    void anEmptyInstallOpensTheSetupChecklistForTheAdminAndAnOperatorSeesNothingOfIt() throws IOException {
        // given: the demo is off, so the install is empty (the checklist below shows nothing done); an operator
        Result user = waybill.shell("waybill:user-add " + OPERATOR + " --role operator --password-file "
                + password("oskar.pw", OPERATOR_PASSWORD));
        assertTrue(user.output().contains("Created user " + OPERATOR), user::output);

        // when: the admin signs in
        browser = Browser.open("golive", waybill);
        browser.login("admin", waybill.password());

        // then: the checklist is the start page, nothing done, every step linked to its page
        browser.await("the admin lands on the setup checklist", () -> browser.path().equals("/setup"));
        awaitDone();
        assertTrue(browser.byId("nav-setup").isDisplayed(), "the checklist is in the admin's menu");
        assertEquals("warehouses", browser.byId("setup-link-warehouse").getDomAttribute("href"));
        assertEquals("products", browser.byId("setup-link-products").getDomAttribute("href"));
        assertEquals("stores", browser.byId("setup-link-store").getDomAttribute("href"));
        assertEquals("settings/shipping", browser.byId("setup-link-shipping_method").getDomAttribute("href"));
        assertEquals("orders/import", browser.byId("setup-link-first_order").getDomAttribute("href"));
        assertEquals("To do", browser.textOf("setup-state-warehouse"));
        browser.screenshot("golive-01-checklist-empty");

        // and: the same checklist in the shell, with the next action
        Result setup = waybill.shell("waybill:setup");
        assertTrue(setup.output().contains("0 of 5 steps done. Next: waybill:warehouse-add (page /warehouses)"),
                setup::output);
        assertTrue(setup.output().contains("Capture or import the first order"), setup::output);

        // and: an operator starts on Waiting for Delivery, has no menu entry and is refused the page
        try (Browser operator = Browser.open("golive-operator", waybill)) {
            operator.login(OPERATOR, OPERATOR_PASSWORD);
            operator.await("the operator lands on Waiting for Delivery",
                    () -> operator.path().equals("/delivery/waiting"));
            assertTrue(operator.driver().findElements(By.id("nav-setup")).stream().noneMatch(WebElement::isDisplayed),
                    "no checklist in an operator's menu");
            operator.go("/setup");
            operator.byId("access-denied");
            assertTrue(operator.driver().findElements(By.id("setup-steps")).isEmpty(), "no steps for an operator");
        }
    }

    @Test
    @Order(2)
    void theWarehouseIsCreatedWithItsAddressOnTheWarehousesPage() {
        // given: the checklist's link
        browser.go("/setup");
        browser.click("setup-link-warehouse");
        browser.await("the Warehouses page", () -> browser.path().equals("/warehouses"));

        // when
        browser.click("warehouse-new");
        browser.byId("warehouse-dialog");
        browser.type(By.cssSelector("#warehouse-code input"), WAREHOUSE);
        browser.type(By.cssSelector("#warehouse-name input"), "Ningbo main warehouse");
        browser.type(By.cssSelector("#warehouse-line1 input"), STREET);
        browser.type(By.cssSelector("#warehouse-city input"), "Ningbo");
        browser.type(By.cssSelector("#warehouse-state input"), "Zhejiang");
        browser.type(By.cssSelector("#warehouse-postalCode input"), "315000");
        browser.type(By.cssSelector("#warehouse-country input"), "CN");
        browser.pickOverlayItem("vaadin-combo-box-item", "CN · ");
        browser.type(By.cssSelector("#warehouse-contact input"), "Li Wei");
        browser.type(By.cssSelector("#warehouse-phone input"), "+86 574 8888 1234");
        browser.click("warehouse-save");

        // then
        awaitDialogClosed("warehouse-error");
        browser.await("the grid lists " + WAREHOUSE, () -> browser.gridRows("warehouse-grid").stream()
                .anyMatch(r -> r.startsWith(WAREHOUSE + " |") && r.contains(STREET)));
        Map<String, String> row = ShellTables.row(waybill.shell("waybill:warehouse-list"), "Code", WAREHOUSE)
                .orElseThrow();
        assertEquals(STREET + ", 315000 Ningbo, Zhejiang", row.get("Address"));
        assertEquals("CN", row.get("Country"));
        awaitDone("warehouse");
        assertEquals("Done (1)", browser.textOf("setup-state-warehouse"));
    }

    @Test
    @Order(3)
    void theCatalogueIsImportedOnTheProductsPageAfterAFileWithABadRowIsRefused() throws IOException {
        // given
        Path bad = catalogue("golive-catalogue-bad.xlsx", true);
        Path good = catalogue("golive-catalogue.xlsx", false);
        browser.go("/setup");
        browser.click("setup-link-products");
        browser.await("the Products page", () -> browser.path().equals("/products"));

        // when: the file with one wrong check digit
        browser.click("products-import");
        browser.byId("products-import-dialog");
        browser.fileInput("products-import-upload").sendKeys(bad.toString());

        // then: refused whole, with the row and the reason; confirm stays off; nothing written
        String summary = browser.awaitText("products-import-summary", "the preview", t -> t.contains(" rows"));
        assertTrue(summary.startsWith("200 rows, ") && summary.endsWith(", 1 problems"), summary);
        List<String> problems = browser.await("the problem rows", () -> {
            List<String> rows = browser.gridRows("products-import-errors");
            return rows.isEmpty() ? null : rows;
        });
        assertEquals(1, problems.size(), problems::toString);
        assertTrue(problems.get(0).contains(String.valueOf(BAD_ROW)) && problems.get(0).contains("wrong check digit"),
                problems::toString);
        assertTrue(browser.byId("products-import-confirm").getDomAttribute("disabled") != null,
                "a file with problems cannot be confirmed");
        browser.screenshot("golive-02-catalogue-refused");
        browser.click("products-import-close");
        awaitDialogClosed("products-import-no-error");
        assertTrue(waybill.shell("waybill:sku-list " + PREFIX).output().contains("No products match"),
                "nothing imported");

        // when: the fixed file
        browser.click("products-import");
        browser.byId("products-import-dialog");
        browser.fileInput("products-import-upload").sendKeys(good.toString());
        assertEquals("200 rows, 200 new, 0 to update, 0 problems", browser.awaitText("products-import-summary",
                "the preview of the fixed file", t -> t.contains(" rows")));
        browser.await("confirm enabled",
                () -> browser.byId("products-import-confirm").getDomAttribute("disabled") == null);
        browser.click("products-import-confirm");

        // then
        awaitDialogClosed("products-import-no-error");
        Result list = waybill.shell("waybill:sku-list " + PREFIX);
        assertTrue(list.output().contains("showing 1-200 of 200"), list::output);
        awaitDone("warehouse", "products");
        assertEquals("Done (200)", browser.textOf("setup-state-products"));
    }

    @Test
    @Order(4)
    void aCsvStoreIsAddedOnTheStoresPageAndGetsThePoolCarrierAsDefaultShippingMethod() throws IOException {
        // given
        browser.go("/setup");
        browser.click("setup-link-store");
        browser.await("the Stores page", () -> browser.path().equals("/stores"));

        // when
        browser.click("store-new");
        browser.byId("store-dialog");
        browser.type(By.cssSelector("#store-code input"), STORE);
        browser.type(By.cssSelector("#store-name input"), "Golive web shop");
        browser.click(browser.byId("store-platform").findElement(By.cssSelector("input")));
        browser.pickOverlayItem("vaadin-combo-box-item", "(csv)");
        browser.type(By.cssSelector("#store-warehouses input"), WAREHOUSE);
        browser.click("store-save");

        // then: saved and opened again for editing; a CSV store has no account to test
        awaitEditStoreDialog(STORE);
        browser.click(shown("store-cancel"));
        awaitDialogClosed("store-error");
        Map<String, String> store = ShellTables.row(waybill.shell("waybill:store-list"), "Code", STORE).orElseThrow();
        assertEquals("csv", store.get("Platform"));
        assertEquals("yes", store.get("Enabled"));
        assertEquals(WAREHOUSE, store.get("Warehouses"));
        awaitDone("warehouse", "products", "store");

        // and: the pool carrier, deployed as a seller would, is the store's default shipping method (shell)
        Path kar = Path.of(WaybillDistribution.required("waybill.it.poolKar"));
        Files.copy(kar, waybill.deployDir().resolve(kar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        waybill.shellUntil("waybill:plugin-list", r -> POOL_ROW.matcher(WaybillDistribution.registeredPlugins(r.output())).find(), DEPLOY_LIMIT);
        CarrierStubs.setDefaultMethod(waybill, STORE, "STANDARD", "pool", "RR");
        awaitDone("warehouse", "products", "store", "shipping_method");
        browser.screenshot("golive-03-checklist-four-done");
    }

    @Test
    @Order(5)
    void aShopifyStoreIsAddedOnTheStoresPageAndItsTestConnectionIsGreenThenRed() throws IOException {
        // given: a Shopify stub (the plugin's recorded shop.json for the right token, Shopify's 401 for any other)
        shopify = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        shopify.start();
        shopify.stubFor(post(urlEqualTo(Fixtures.SHOPIFY_GRAPHQL)).atPriority(5).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"errors\":\"[API] Invalid API key or access token (unrecognized login or wrong password)\"}")));
        shopify.stubFor(post(urlEqualTo(Fixtures.SHOPIFY_GRAPHQL)).atPriority(1)
                .withHeader("X-Shopify-Access-Token", equalTo(SHOPIFY_TOKEN)).withRequestBody(containing("WaybillShop"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody(Files.readString(SHOPIFY_RECORDED.resolve("shop.json")))));
        Result install = waybill.shell("feature:install waybill-platform-shopify");
        assertEquals(0, install.exitCode(), install::output);
        browser.go("/stores");

        // when: a Shopify store with its settings from the plugin's generated form, token masked
        browser.click("store-new");
        browser.byId("store-dialog");
        browser.type(By.cssSelector("#store-code input"), SHOPIFY_STORE);
        browser.type(By.cssSelector("#store-name input"), "Golive Shopify");
        browser.click(browser.byId("store-platform").findElement(By.cssSelector("input")));
        browser.pickOverlayItem("vaadin-combo-box-item", "(shopify)");
        browser.type(By.cssSelector("#store-interval input"), "0");
        browser.type(By.cssSelector("#store-warehouses input"), WAREHOUSE);
        browser.type(By.cssSelector("#store-setting-shop input"), "golive-shop");
        browser.type(By.cssSelector("#store-setting-baseUrl input"), shopify.baseUrl());
        browser.type(By.cssSelector("#store-setting-_accessToken input"), SHOPIFY_TOKEN);
        browser.click("store-save");

        // then: saved and opened again for editing, where Test connection is green once the plugin has started the
        // store's connection from the new configuration (Config Admin delivers it asynchronously)
        awaitEditStoreDialog(SHOPIFY_STORE);
        waybill.shellUntil("service:list io.waybill.spi.platform.MarketplaceConnector",
                r -> r.output().contains("storeCode = " + SHOPIFY_STORE), DEPLOY_LIMIT);
        String green = testConnection("the green test result");
        assertTrue(green.contains("connection OK"), green);
        browser.screenshot("golive-035-shopify-test-green");

        // and: with a wrong token it is red, with the reason; the token is never shown back
        typeShown("store-setting-_accessToken", "shpat_golive_wrong_0000");
        browser.click(shown("store-save"));
        awaitDialogClosed("store-error");
        browser.click(browser.await("edit button of " + SHOPIFY_STORE,
                () -> browser.inGridRow("store-grid", SHOPIFY_STORE, ".store-edit")));
        awaitEditStoreDialog(SHOPIFY_STORE);
        assertEquals("", String.valueOf(browser.js("return arguments[0].value;",
                shown("store-setting-_accessToken"))), "a secret is never filled back");
        String red = testConnection("the red test result");
        assertTrue(red.contains("connection failed"), red);
        browser.screenshot("golive-036-shopify-test-red");
        browser.click(shown("store-cancel"));
        awaitDialogClosed("store-error");
        Result list = waybill.shell("waybill:store-list " + SHOPIFY_STORE);
        assertFalse(list.output().contains(SHOPIFY_TOKEN), list::output);

        // and: the right token back and the store's default shipping method, from the shell
        Result set = waybill.shell("waybill:store-set " + SHOPIFY_STORE + " --shipping-method pool/RR --secrets-file "
                + password("golive-shopify.secrets", ".accessToken=" + SHOPIFY_TOKEN));
        assertTrue(set.output().contains("Changed store " + SHOPIFY_STORE) && set.output().contains(
                "shipping method STANDARD -> pool/RR"), set::output);
        assertFalse(set.output().contains(SHOPIFY_TOKEN), set::output);
        assertEquals("STANDARD -> pool/RR", ShellTables.row(waybill.shell("waybill:store-list"), "Code",
                SHOPIFY_STORE).orElseThrow().get("Shipping method"));
    }

    @Test
    @Order(6)
    void anOrderWithAnUnknownSkuWaitsOnTheSkuNotMatchedTabAndIsMappedThere() throws IOException {
        // given: stock of two products; an order file with one known SKU and one the catalogue does not know
        for (String sku : List.of(PREFIX + "001", PREFIX + "002")) {
            Result stock = waybill.shell("waybill:stock-set " + WAREHOUSE + " " + sku + " 5");
            assertTrue(stock.output().contains("on hand 5"), stock::output);
        }
        Path orders = waybill.importDir("golive").resolve("golive-orders.csv");
        Files.writeString(orders, Fixtures.VALUE_HEADER
                + "\nGL-1001,,2026-01-05 09:00,Ann Golive,,350 Fifth Avenue,,New York,NY,10118,US,,,"
                + PREFIX + "001,1,12.50,USD,12.50,0,\n"
                + "GL-1002,,2026-01-05 09:30,Ben Golive,,1 Market Street,,San Francisco,CA,94105,US,,,"
                + UNKNOWN_SKU + ",2,9.00,USD,18.00,0,\n", StandardCharsets.UTF_8);

        // when
        Result imported = waybill.shell("waybill:import --store " + STORE + " --confirm \"" + orders + "\"");

        // then: both imported, the second held
        assertTrue(imported.output().contains("will be held: SKU not matched '" + UNKNOWN_SKU + "'")
                && imported.output().contains("Imported: 2 new"), imported::output);
        awaitStatus("GL-1001", "waiting", Duration.ofSeconds(5));
        awaitStatus("GL-1002", "sku_unmatched", Duration.ofSeconds(5));
        awaitDone(STEPS);

        // when: the tab lists it with the platform SKU; Map SKU maps it to the second product
        browser.go("/delivery/sku_unmatched");
        browser.await("the SKU not matched tab lists GL-1002", () -> browser.gridRows("packages-grid").stream()
                .anyMatch(r -> r.contains("GL-1002") && r.contains(UNKNOWN_SKU + " x2 (SKU not matched)")));
        browser.selectRows("packages-grid", List.of("GL-1002"));
        browser.click("action-map-sku");
        browser.await("the map dialog", () -> browser.byId("map-sku-confirm").isDisplayed());
        browser.type(By.cssSelector("#map-sku-sku input"), PREFIX + "002");
        browser.screenshot("golive-04-map-sku");
        browser.click("map-sku-confirm");

        // then: released to Waiting for Delivery as the product; the alias is stored for the store
        awaitStatus("GL-1002", "waiting", Browser.WAIT);
        assertTrue(packagesByOrder().get("GL-1002").get("SKUs").contains(PREFIX + "002 x2"),
                () -> packagesByOrder().get("GL-1002").toString());
        Result aliases = waybill.shell("waybill:sku-alias " + STORE);
        assertTrue(aliases.output().contains(UNKNOWN_SKU) && aliases.output().contains(PREFIX + "002"),
                aliases::output);
    }

    @Test
    @Order(7)
    void bothOrdersShipWithThePoolCarrierAndTheLabelShowsTheWarehouseStreet() throws IOException {
        // given
        String first = packagesByOrder().get("GL-1001").get("Package no.");
        String second = packagesByOrder().get("GL-1002").get("Package no.");

        // when: allocate, upload, print, ship
        Result alloc = waybill.shell("waybill:allocate " + first + " " + second);
        assertTrue(alloc.output().contains("2 done"), alloc::output);
        Result upload = waybill.shell("waybill:upload " + first + " " + second);
        assertTrue(upload.output().contains("2 queued"), upload::output);
        awaitStatus("GL-1001", "tracked", TRACKING_LIMIT);
        awaitStatus("GL-1002", "tracked", TRACKING_LIMIT);
        Path pdf = out.resolve("golive-labels.pdf");
        Result print = waybill.shell("waybill:print --mark-printed -o \"" + pdf + "\" " + first + " " + second);
        assertTrue(print.output().contains("Wrote "), print::output);
        awaitStatus("GL-1001", "printed", Browser.WAIT);
        Result text = WaybillDistribution.run(List.of("pdftotext", "-enc", "UTF-8", pdf.toString(), "-"), null,
                Map.of(), Duration.ofSeconds(60));
        assertEquals(0, text.exitCode(), text::output);
        String flat = text.output().replaceAll("\\s+", " ");
        assertTrue(flat.contains(STREET), () -> "'" + STREET + "' as the sender on the labels:\n" + text.output());
        Result ship = waybill.shell("waybill:ship --batch " + first + " " + second);

        // then
        assertTrue(ship.output().contains("2 done"), ship::output);
        awaitStatus("GL-1001", "shipped", Browser.WAIT);
        awaitStatus("GL-1002", "shipped", Browser.WAIT);
    }

    @Test
    @Order(8)
    void anOrderOfTheShopifyStoreShipsWithItsDefaultMethodAndSyncsToTheStub() throws IOException {
        // given: the stub knows the order's open fulfillment order and accepts fulfillmentCreate with the right token;
        // the pool carrier is "China Post" on Shopify; an order of the Shopify store (its default method: pool/RR)
        shopify.stubFor(post(urlEqualTo(Fixtures.SHOPIFY_GRAPHQL)).atPriority(1)
                .withHeader("X-Shopify-Access-Token", equalTo(SHOPIFY_TOKEN))
                .withRequestBody(containing("WaybillFulfillmentState"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody(Files.readString(SHOPIFY_RECORDED.resolve("fulfillment-state-open.json")))));
        shopify.stubFor(post(urlEqualTo(Fixtures.SHOPIFY_GRAPHQL)).atPriority(1)
                .withHeader("X-Shopify-Access-Token", equalTo(SHOPIFY_TOKEN))
                .withRequestBody(containing("fulfillmentCreate"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody(Files.readString(SHOPIFY_RECORDED.resolve("fulfillment-create.json")))));
        Result code = waybill.shell("waybill:settings carrier-code shopify pool " + POOL_ON_SHOPIFY);
        assertEquals(0, code.exitCode(), code::output);
        Result manual = waybill.shell("waybill:settings auto-sync shopify false"); // synced below by hand
        assertEquals(0, manual.exitCode(), manual::output);
        Result stock = waybill.shell("waybill:stock-set " + WAREHOUSE + " " + PREFIX + "003 5");
        assertTrue(stock.output().contains("on hand 5"), stock::output);
        Path orders = in.resolve("golive-shopify-orders.csv");
        Files.writeString(orders, Fixtures.VALUE_HEADER + "\n" + SHOPIFY_ORDER + "," + SHOPIFY_ORDER_GID
                + ",2026-01-05 10:00,Cleo Golive,,5 Main Street,,Boston,MA,02110,US,,," + PREFIX
                + "003,1,12.50,USD,12.50,0,\n", StandardCharsets.UTF_8);
        Result imported = waybill.shell("waybill:import --store " + SHOPIFY_STORE + " --confirm \"" + orders + "\"");
        assertTrue(imported.output().contains("Imported: 1 new"), imported::output);
        String pkg = awaitStatus(SHOPIFY_STORE, SHOPIFY_ORDER, "waiting", Browser.WAIT).get("Package no.");

        // when: allocate, upload (no method named: the store's default, pool/RR), print, ship, sync
        assertTrue(waybill.shell("waybill:allocate " + pkg).output().contains("1 done"));
        assertTrue(waybill.shell("waybill:upload " + pkg).output().contains("1 queued"));
        String tracking = awaitStatus(SHOPIFY_STORE, SHOPIFY_ORDER, "tracked", TRACKING_LIMIT).get("Tracking no.");
        assertTrue(tracking.startsWith("RR"), tracking);
        Result print = waybill.shell("waybill:print --mark-printed -o \"" + out.resolve("golive-shopify.pdf") + "\" "
                + pkg);
        assertTrue(print.output().contains("Wrote "), print::output);
        awaitStatus(SHOPIFY_STORE, SHOPIFY_ORDER, "printed", Browser.WAIT);
        Result ship = waybill.shell("waybill:ship --batch " + pkg);
        assertTrue(ship.output().contains("1 done"), ship::output);
        awaitStatus(SHOPIFY_STORE, SHOPIFY_ORDER, "shipped", Browser.WAIT);
        Result sync = waybill.shell("waybill:sync " + pkg);
        assertEquals(0, sync.exitCode(), sync::output);

        // then: synced; the stub received one fulfilment with the carrier and the tracking number
        awaitStatus(SHOPIFY_STORE, SHOPIFY_ORDER, "synced", TRACKING_LIMIT);
        List<String> creates = shopify.findAll(postRequestedFor(urlEqualTo(Fixtures.SHOPIFY_GRAPHQL))
                .withRequestBody(containing("fulfillmentCreate"))).stream().map(r -> r.getBodyAsString()).toList();
        assertEquals(1, creates.size(), creates::toString);
        assertTrue(creates.get(0).contains("\"" + tracking + "\"") && creates.get(0).contains(POOL_ON_SHOPIFY)
                && creates.get(0).contains("gid://shopify/FulfillmentOrder/940656279"), creates.get(0));
    }

    @Test
    @Order(9)
    void theFinishedChecklistNoLongerOpensByDefaultButStaysInTheMenuAlsoInChinese() {
        // when: the admin signs in again
        browser.close();
        browser = Browser.open("golive-done", waybill);
        browser.login("admin", waybill.password());

        // then: the operators' start page; the checklist is in the menu and all done
        browser.await("the admin lands on Waiting for Delivery", () -> browser.path().equals("/delivery/waiting"));
        browser.click("nav-setup");
        browser.await("the checklist from the menu", () -> browser.path().equals("/setup"));
        awaitDone(STEPS);
        assertTrue(browser.textOf("setup-summary").startsWith("Every step is done"),
                browser.textOf("setup-summary"));
        assertEquals("Done (3)", browser.textOf("setup-state-first_order"));
        Result setup = waybill.shell("waybill:setup");
        assertTrue(setup.output().contains("Every step is done") && setup.output().contains("done (3)"),
                setup::output);
        browser.screenshot("golive-05-checklist-done");

        // and: the checklist and the product form in Simplified Chinese
        browser.switchLanguage("简体中文");
        try {
            browser.go("/setup");
            browser.await("Chinese heading 设置清单", () -> "设置清单".equals(browser.driver()
                    .findElement(By.cssSelector(".wb-title-row h2")).getText().strip()) ? "ok" : null);
            assertEquals("创建仓库", browser.textOf("setup-link-warehouse"));
            assertEquals("为店铺设置默认运输方式", browser.textOf("setup-link-shipping_method"));
            assertEquals("已完成（200）", browser.textOf("setup-state-products"));
            assertTrue(browser.textOf("setup-summary").startsWith("所有步骤均已完成"), browser.textOf("setup-summary"));
            browser.screenshot("golive-06-checklist-chinese");
            browser.click("setup-link-products");
            browser.await("the Products page", () -> browser.path().equals("/products"));
            browser.filter("products-filter", "products-grid", PREFIX + "007");
            browser.click(browser.await("edit button of " + PREFIX + "007",
                    () -> browser.inGridRow("products-grid", PREFIX + "007 |", ".product-edit")));
            browser.byId("product-dialog");
            assertEquals("重量（克）", String.valueOf(browser.js("return arguments[0].label;",
                    browser.byId("product-weight"))));
            assertEquals("157", String.valueOf(browser.js("return arguments[0].value;",
                    browser.byId("product-weight"))));
            browser.screenshot("golive-07-product-form-chinese");
            browser.click("product-cancel");
        } finally {
            browser.switchLanguage("English");
        }
    }
}
