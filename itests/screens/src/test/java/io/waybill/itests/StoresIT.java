package io.waybill.itests;

import com.github.tomakehurst.wiremock.WireMockServer;
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
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
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
 * Stores on the real distribution, through the shell: the Shopify plugin is listed as a platform type before any
 * account exists; a store is added against a WireMock Shopify (the plugin's recorded {@code shop.json}), its token
 * from a file in the import folder; bad input is refused with its reason; Test connection is green with the right
 * token and red (auth_failed) with a wrong one; the token is never in {@code config:list}, {@code store-list} or the
 * commands' output, also when typed in clear with {@code config:edit}; disabling the store stops its capture.
 */
@Order(17)
@ExtendWith(WaybillExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StoresIT {

    static final String STORE = "IT-SHOP";
    static final String GOOD = "shpat_it_stores_good_0123456789";
    static final String WRONG = "shpat_it_stores_wrong_9876543210";
    static final String GRAPHQL = Fixtures.SHOPIFY_GRAPHQL;
    private static final Path RECORDED = Path.of("..", "platform-plugins", "shopify", "src", "test", "resources",
            "io", "waybill", "platform", "shopify", "internal");
    private static final Duration LIMIT = Duration.ofSeconds(60);
    private static final Pattern SHOPIFY_TYPE = Pattern.compile("(?m)^platform\\s*\\|\\s*shopify\\s*\\|.*");
    private static final Pattern CONTINUOUS_TYPE = Pattern.compile("(?m)^device\\s*\\|\\s*continuous\\s*\\|.*");

    static final String UI_STORE = "IT-SHOP-UI";
    static final String CARRIER_TOKEN = "shippo_test_it_form_0123456789";

    private WaybillDistribution waybill;
    private WireMockServer shopify;
    private Browser browser;

    @BeforeAll
    void setUp(WaybillDistribution waybill) throws IOException {
        this.waybill = waybill;
        shopify = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        shopify.start();
        // the right token gets the shop, any other Shopify's 401 answer
        shopify.stubFor(post(urlEqualTo(GRAPHQL)).atPriority(5).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"errors\":\"[API] Invalid API key or access token (unrecognized login or wrong password)\"}")));
        shopify.stubFor(post(urlEqualTo(GRAPHQL)).atPriority(1).withHeader("X-Shopify-Access-Token", equalTo(GOOD))
                .withRequestBody(containing("WaybillShop"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody(Files.readString(RECORDED.resolve("shop.json")))));
        shopify.stubFor(post(urlEqualTo(GRAPHQL)).atPriority(1).withHeader("X-Shopify-Access-Token", equalTo(GOOD))
                .withRequestBody(containing("WaybillOrders"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"data\":{\"orders\":{\"pageInfo\":{\"hasNextPage\":false,\"endCursor\":null},"
                                + "\"nodes\":[]}}}")));
        Result install = waybill.shell("feature:install waybill-platform-shopify");
        assertEquals(0, install.exitCode(), () -> "feature:install waybill-platform-shopify:\n" + install.output());
    }

    @AfterAll
    void tearDown() {
        if (browser != null) {
            browser.close();
        }
        for (String store : new String[] {STORE, UI_STORE}) {
            Result list = waybill.shell("config:list \"(storeCode=" + store + ")\"");
            Matcher pid = Pattern.compile("(?m)^Pid:\\s+(\\S+)").matcher(list.output());
            while (pid.find()) {
                waybill.shell("config:delete " + pid.group(1));
            }
        }
        if (shopify != null) {
            shopify.stop();
        }
    }

    private String file(String name, String content) {
        try {
            Path file = waybill.importDir("stores").resolve(name);
            Files.writeString(file, content, StandardCharsets.UTF_8);
            return file.toString();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, String> storeRow() {
        return ShellTables.row(waybill.shell("waybill:store-list"), "Code", STORE).orElse(null);
    }

    private void assertNoToken(Result r, String what) {
        assertFalse(r.output().contains(GOOD) || r.output().contains(WRONG), () -> what + " shows a token:\n"
                + r.output());
    }

    @Test
    @Order(1)
    void theShopifyPluginIsListedBeforeAnyAccountAndBadStoresAreRefused() {
        // then: the type is listed although no Shopify account exists (no connector service is registered)
        Result types = waybill.shellUntil("waybill:plugin-list", r -> SHOPIFY_TYPE.matcher(r.output()).find(), LIMIT);
        assertTrue(types.output().contains("no account configured yet"), types::output);
        assertFalse(types.output().contains("io.waybill.carrier.worker"), () -> "the core's own carrier job worker "
                + "settings are listed as a plugin type:\n" + types.output());

        // and: a scale plugin with no scale configured is listed as an installed device type too
        Result device = waybill.shell("feature:install waybill-device-continuous");
        assertEquals(0, device.exitCode(), device::output);
        Result withDevice = waybill.shellUntil("waybill:plugin-list", r -> CONTINUOUS_TYPE.matcher(r.output()).find(),
                LIMIT);
        assertTrue(withDevice.output().contains("io.waybill.device.continuous"), withDevice::output);

        // bad input: every reason in one refusal, nothing written
        Result bad = waybill.shell("waybill:store-add " + STORE + " --platform shopify --name \"IT Shop\" "
                + "--warehouses SZ-01,NOPE-9 --set baseUrl=" + shopify.baseUrl() + " --secrets-file "
                + file("good.secrets", ".accessToken=" + GOOD + "\n"));
        assertTrue(bad.output().contains("unknown warehouse 'NOPE-9' in the priority list"), bad::output);
        assertTrue(bad.output().contains("the required setting 'Shop' (shop) is missing"), bad::output);
        assertNoToken(bad, "a refusal");
        Result platform = waybill.shell("waybill:store-add " + STORE + " --platform amazon --name X --warehouses SZ-01");
        assertTrue(platform.output().contains("No installed plugin offers platform 'amazon'"), platform::output);
        Result inHistory = waybill.shell("waybill:store-add " + STORE + " --platform shopify --name X --warehouses "
                + "SZ-01 --set shop=it-shop --set .accessToken=" + WRONG);
        assertTrue(inHistory.output().contains("'.accessToken' is a secret"), inHistory::output);
        assertEquals(null, storeRow());
    }

    @Test
    @Order(2)
    void aShopifyStoreIsAddedAndItsTokenStaysOutOfConfigListAndTheShell() throws IOException {
        // when
        Result add = waybill.shell("waybill:store-add " + STORE + " --platform shopify --name \"IT Shop\" "
                + "--warehouses SZ-01 --interval 0 --set shop=it-shop --set baseUrl=" + shopify.baseUrl()
                + " --secrets-file " + file("good.secrets", ".accessToken=" + GOOD + "\n"));

        // then
        assertTrue(add.output().contains("Added store " + STORE), add::output);
        assertNoToken(add, "store-add");
        Map<String, String> row = storeRow();
        assertTrue(row != null, () -> waybill.shell("waybill:store-list").output());
        assertEquals("shopify", row.get("Platform"));
        assertEquals("yes", row.get("Enabled"));
        assertEquals("configured", row.get("Account"));
        assertEquals("SZ-01", row.get("Warehouses"));
        Result show = waybill.shell("waybill:store-list " + STORE);
        assertTrue(show.output().contains(".accessToken = set"), show::output);
        assertTrue(show.output().contains("shop = it-shop"), show::output);
        assertNoToken(show, "store-list CODE");
        Result config = waybill.shell("config:list \"(storeCode=" + STORE + ")\"");
        assertTrue(config.output().contains("io.waybill.platform.shopify"), config::output);
        assertTrue(config.output().contains("secret-file:waybill-secret-shopify-it-shop-accesstoken"), config::output);
        assertNoToken(config, "config:list");
        Path secret = waybill.home().resolve("etc").resolve("waybill-secret-shopify-it-shop-accesstoken");
        assertEquals(GOOD, Files.readString(secret));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(secret)));
        try (var cfgs = Files.list(waybill.home().resolve("etc"))) {
            for (Path cfg : cfgs.filter(p -> p.getFileName().toString().endsWith(".cfg")).toList()) {
                assertFalse(Files.readString(cfg).contains(GOOD), () -> cfg + " holds the token");
            }
        }
    }

    @Test
    @Order(3)
    void testConnectionIsGreenWithTheTokenAndRedWithAWrongOne() {
        // when / then: green once the plugin has taken the configuration (its activation is asynchronous)
        Result green = waybill.shellUntil("waybill:store-test " + STORE,
                r -> r.output().contains("OK: Connected to Shopify shop Snowdevil (snowdevil.myshopify.com)."), LIMIT);
        assertEquals(0, green.exitCode(), green::output);
        shopify.verify(postRequestedFor(urlEqualTo(GRAPHQL)).withHeader("X-Shopify-Access-Token", equalTo(GOOD))
                .withRequestBody(containing("WaybillShop")));

        // when: a wrong token, from a file
        Result set = waybill.shell("waybill:store-set " + STORE + " --secrets-file "
                + file("wrong.secrets", ".accessToken=" + WRONG + "\n"));
        assertTrue(set.output().contains("Changed store " + STORE), set::output);

        // then: red, with Shopify's words and no token
        Result red = waybill.shellUntil("waybill:store-test " + STORE, r -> r.output().contains("failed (auth_failed)"),
                LIMIT);
        assertTrue(red.output().contains("Invalid API key or access token"), red::output);
        assertTrue(red.exitCode() != 0, red::output);
        assertNoToken(red, "store-test");
        assertNoToken(waybill.shell("config:list \"(storeCode=" + STORE + ")\""), "config:list");
    }

    @Test
    @Order(4)
    void aTokenTypedInClearWithConfigEditLeavesConfigList() {
        // given
        Result list = waybill.shell("config:list \"(storeCode=" + STORE + ")\"");
        Matcher pid = Pattern.compile("(?m)^Pid:\\s+(\\S+)").matcher(list.output());
        assertTrue(pid.find(), list::output);

        // when: the admin types the token in clear the Karaf way
        Result edit = waybill.shell(String.join("\n", "config:edit " + pid.group(1),
                "config:property-set .accessToken " + GOOD, "config:update"));
        assertEquals(0, edit.exitCode(), edit::output);

        // then: it is moved to the secret file; Waybill and config:edit agree; the right token works again
        waybill.shellUntil("config:list \"(storeCode=" + STORE + ")\"", r -> !r.output().contains(GOOD)
                && r.output().contains("secret-file:waybill-secret-shopify-it-shop-accesstoken"), LIMIT);
        Result green = waybill.shellUntil("waybill:store-test " + STORE, r -> r.output().contains("OK: Connected"),
                LIMIT);
        assertNoToken(green, "store-test");
    }

    @Test
    @Order(5)
    void aDisabledStoreIsNotCaptured() {
        // given: capture works while enabled
        Result first = waybill.shell("waybill:capture " + STORE);
        assertEquals(0, first.exitCode(), first::output);
        int asked = shopify.findAll(postRequestedFor(urlEqualTo(GRAPHQL)).withRequestBody(containing("WaybillOrders")))
                .size();
        assertTrue(asked >= 1, "the enabled store was captured");

        // when
        Result off = waybill.shell("waybill:store-set " + STORE + " --enabled no");
        assertTrue(off.output().contains("disabled"), off::output);

        // then
        assertEquals("no", storeRow().get("Enabled"));
        Result refused = waybill.shell("waybill:capture " + STORE);
        assertTrue(refused.output().contains("Store " + STORE + " is disabled, so it is not captured"),
                refused::output);
        assertEquals(asked, shopify.findAll(postRequestedFor(urlEqualTo(GRAPHQL))
                .withRequestBody(containing("WaybillOrders"))).size(), "no capture request for a disabled store");
        Result on = waybill.shell("waybill:store-set " + STORE + " --enabled yes");
        assertTrue(on.output().contains("enabled"), on::output);
        Result off2 = waybill.shell("waybill:store-set " + STORE + " --enabled no");
        assertTrue(off2.output().contains("disabled"), off2::output);
    }

    @Test
    @Order(6)
    void theStoresPageCreatesAStoreFromThePluginsFormAndTestsConnections() {
        // given
        browser = Browser.open("stores", waybill);
        browser.login("admin", waybill.password());
        browser.await("signed in", () -> browser.path().equals("/delivery/waiting"));
        browser.go("/stores");
        browser.await("store grid lists " + STORE, () -> browser.gridRows("store-grid").stream()
                .anyMatch(r -> r.startsWith(STORE + " |")));

        // when: a new Shopify store, its settings form generated from the plugin's Metatype, a wrong token
        browser.click("store-new");
        browser.byId("store-dialog");
        browser.type(By.cssSelector("#store-code input"), UI_STORE);
        browser.type(By.cssSelector("#store-name input"), "IT Shop (UI)");
        browser.click(browser.byId("store-platform").findElement(By.cssSelector("input")));
        browser.pickOverlayItem("vaadin-combo-box-item", "(shopify)");
        browser.type(By.cssSelector("#store-warehouses input"), "SZ-01");
        browser.type(By.cssSelector("#store-setting-shop input"), "it-shop-ui");
        browser.type(By.cssSelector("#store-setting-baseUrl input"), shopify.baseUrl());
        assertEquals("password", browser.js("return document.querySelector('#store-setting-_accessToken input').type;"));
        browser.type(By.cssSelector("#store-setting-_accessToken input"), WRONG);
        browser.click("store-save");

        // then: saved; the dialog opens again in edit mode with the token field empty and "set"
        browser.await("grid lists " + UI_STORE, () -> browser.gridRows("store-grid").stream()
                .anyMatch(r -> r.startsWith(UI_STORE + " |")));
        browser.await("edit dialog of " + UI_STORE, () -> "true".equals(String.valueOf(browser.js(
                "const t = document.querySelector('#store-test'); return !!t && !t.hasAttribute('disabled');"))));
        assertEquals("", browser.js("return document.querySelector('#store-setting-_accessToken').value;"));
        assertEquals("set", browser.js("return document.querySelector('#store-setting-_accessToken').helperText;"));
        assertFalse(browser.driver().getPageSource().contains(WRONG), "the token is never sent back to the browser");

        // when / then: Test connection is red with Shopify's words
        String red = testUntil("Invalid API key or access token");
        browser.screenshot("stores-test-red");
        assertTrue(red.contains("connection failed"), red);
        browser.click("store-cancel");
        browser.awaitGone("store-dialog");

        // and: the shell store (right token) is green from its Edit dialog
        browser.click(browser.await("edit button of " + STORE,
                () -> browser.inGridRow("store-grid", STORE + " |", ".store-edit")));
        String green = testUntil("connection OK");
        browser.screenshot("stores-test-green");
        assertTrue(green.contains("Snowdevil"), green);
        assertFalse(browser.driver().getPageSource().contains(GOOD), "the token is never sent back to the browser");
        browser.click("store-cancel");
        browser.awaitGone("store-dialog");

        // and: disabled from its row
        browser.click(browser.await("toggle button of " + UI_STORE,
                () -> browser.inGridRow("store-grid", UI_STORE + " |", ".store-toggle")));
        browser.await("grid shows " + UI_STORE + " disabled", () -> browser.gridRows("store-grid").stream()
                .anyMatch(r -> r.startsWith(UI_STORE + " |") && r.contains("Disabled")));
        assertEquals("no", ShellTables.row(waybill.shell("waybill:store-list"), "Code", UI_STORE).orElseThrow()
                .get("Enabled"));
        assertNoToken(waybill.shell("config:list \"(storeCode=" + UI_STORE + ")\""), "config:list");

        // and: the page in Simplified Chinese, Test connection answered in Chinese around the plugin's facts
        browser.switchLanguage("简体中文");
        try {
            browser.go("/stores");
            browser.await("Chinese page", () -> browser.byId("store-new").getText().contains("新建店铺"));
            browser.await("grid shows 已停用", () -> browser.gridRows("store-grid").stream()
                    .anyMatch(r -> r.startsWith(UI_STORE + " |") && r.contains("已停用")));
            browser.click(browser.await("edit button of " + STORE,
                    () -> browser.inGridRow("store-grid", STORE + " |", ".store-edit")));
            String zh = testUntil("连接成功");
            browser.screenshot("stores-zh");
            assertTrue(zh.contains("平台已接受该账户") && zh.contains("Snowdevil"), zh);
            // the plugin's settings form in Chinese: the Metatype labels and help texts of the plugin's zh_CN bundle
            assertEquals("店铺 *", String.valueOf(browser.js("return arguments[0].label;",
                    browser.byId("store-setting-shop"))));
            assertEquals("Admin API 访问令牌 *", String.valueOf(browser.js("return arguments[0].label;",
                    browser.byId("store-setting-_accessToken"))));
            assertTrue(String.valueOf(browser.js("return arguments[0].helperText;",
                    browser.byId("store-setting-apiVersion"))).contains("每个版本支持约一年"));
            browser.click("store-cancel");
        } finally {
            browser.switchLanguage("English");
        }
    }

    @Test
    @Order(7)
    void theStoresPageDeletesAStoreWithoutOrdersAfterAConfirmationAndRefusesOneWithPackages() {
        // given: the stores page; the demo's ACME-SHOP has packages, the UI store has none
        browser.go("/stores");
        browser.await("grid lists " + UI_STORE, () -> browser.gridRows("store-grid").stream()
                .anyMatch(r -> r.startsWith(UI_STORE + " |")));

        // when: Delete on ACME-SHOP, confirmed
        browser.click(browser.await("delete button of ACME-SHOP",
                () -> browser.inGridRow("store-grid", "ACME-SHOP |", ".store-delete")));
        browser.byId("store-delete-dialog");
        browser.click("store-delete-confirm");

        // then: refused in the dialog with the reason; the store stays
        String refused = browser.awaitText("store-delete-error", "the refusal", t -> !t.isBlank());
        assertTrue(refused.contains("Store ACME-SHOP cannot be deleted: it has ") && refused.contains("Disable it"),
                refused);
        browser.screenshot("stores-delete-refused");
        browser.click("store-delete-cancel");
        browser.awaitGone("store-delete-dialog");
        assertTrue(ShellTables.row(waybill.shell("waybill:store-list"), "Code", "ACME-SHOP").isPresent());

        // when: Delete on the UI store: the confirmation first, then deleted
        browser.click(browser.await("delete button of " + UI_STORE,
                () -> browser.inGridRow("store-grid", UI_STORE + " |", ".store-delete")));
        browser.byId("store-delete-confirm");
        browser.click("store-delete-confirm");

        // then: gone from the grid, the shell and Config Admin
        browser.await("grid without " + UI_STORE, () -> browser.gridRows("store-grid").stream()
                .noneMatch(r -> r.startsWith(UI_STORE + " |")));
        assertTrue(ShellTables.row(waybill.shell("waybill:store-list"), "Code", UI_STORE).isEmpty());
        assertFalse(waybill.shell("config:list \"(storeCode=" + UI_STORE + ")\"").output().contains("Pid:"));
    }

    @Test
    @Order(8)
    void theShellSetsTheDefaultShippingMethodAndDeletesOnlyAStoreWithoutOrders() {
        // when: a default shipping method with its own code
        Result set = waybill.shell("waybill:store-set " + STORE + " --shipping-method EXPRESS=shippo/usps_priority");

        // then
        assertTrue(set.output().contains("shipping method EXPRESS -> shippo/usps_priority"), set::output);
        assertEquals("EXPRESS -> shippo/usps_priority", storeRow().get("Shipping method"));
        Result bad = waybill.shell("waybill:store-set " + STORE + " --shipping-method \"Not A Carrier\"");
        assertTrue(bad.output().contains("the shipping method needs a carrier plugin id"), bad::output);

        // when / then: a store with packages is refused, only disabled
        Result refused = waybill.shell("waybill:store-delete ACME-SHOP");
        assertTrue(refused.output().contains("Store ACME-SHOP cannot be deleted: it has ")
                && refused.output().contains("Disable it instead"), refused::output);
        assertTrue(refused.exitCode() != 0, refused::output);

        // when / then: the store without orders is deleted with its account and secret file
        Result deleted = waybill.shell("waybill:store-delete " + STORE);
        assertTrue(deleted.output().contains("Deleted store " + STORE + "."), deleted::output);
        assertEquals(null, storeRow());
        assertFalse(waybill.shell("config:list \"(storeCode=" + STORE + ")\"").output().contains("Pid:"));
        assertFalse(Files.exists(waybill.home().resolve("etc").resolve("waybill-secret-shopify-it-shop-accesstoken")));
    }

    @Test
    @Order(9)
    void aCarrierAccountIsAddedEditedAndDeletedInTheGeneratedFormOfThePluginsPage() {
        // given: the Shippo carrier plugin installed, no account of it
        Result install = waybill.shell("feature:install waybill-carrier-shippo");
        assertEquals(0, install.exitCode(), install::output);
        browser.go("/plugins");
        WebElement add = browser.await("New Shippo account", () -> browser.driver()
                .findElements(By.id("plugin-new-carrier-shippo")).stream().findFirst().orElse(null));

        // when: the form generated from Shippo's Metatype, the token masked
        browser.click(add);
        browser.byId("plugin-dialog");
        browser.type(By.cssSelector("#plugin-setting-accountId input"), "itform");
        assertEquals("password", browser.js("return document.querySelector('#plugin-setting-_apiToken input').type;"));
        browser.type(By.cssSelector("#plugin-setting-_apiToken input"), CARRIER_TOKEN);
        browser.type(By.cssSelector("#plugin-setting-carrierAccount input"), "ca_it_form");
        browser.click("plugin-save");

        // then: one factory configuration, its token only in a secret file; the plugin registers the account
        browser.awaitGone("plugin-dialog");
        Result config = waybill.shellUntil("config:list \"(service.factoryPid=io.waybill.carrier.shippo)\"",
                r -> r.output().contains("ca_it_form"), LIMIT);
        assertTrue(config.output().contains("secret-file:waybill-secret-carrier-shippo-"), config::output);
        assertFalse(config.output().contains(CARRIER_TOKEN), config::output);
        waybill.shellUntil("waybill:plugin-list", r -> r.output().contains("shippo-itform"), LIMIT);
        assertFalse(browser.driver().getPageSource().contains(CARRIER_TOKEN), "the token is never sent back");

        // when / then: deleted after the confirmation: the plugin drops the account
        browser.click(browser.await("delete button of the account", () -> browser.driver()
                .findElements(By.cssSelector(".plugin-delete")).stream().findFirst().orElse(null)));
        browser.click("plugins-delete-confirm");
        waybill.shellUntil("waybill:plugin-list", r -> !r.output().contains("shippo-itform"), LIMIT);
        assertFalse(waybill.shell("config:list \"(service.factoryPid=io.waybill.carrier.shippo)\"").output()
                .contains("ca_it_form"));
    }

    /**
     * Presses Test connection until the answer contains {@code expected}: the plugin takes a new configuration
     * asynchronously, so the first answers may still say it has not started a connection.
     */
    private String testUntil(String expected) {
        return browser.await("Test connection answers '" + expected + "'", LIMIT, () -> {
            browser.click("store-test");
            Object t = browser.js("const e = document.getElementById('store-test-result');"
                    + " return e ? e.textContent : null;");
            return t != null && String.valueOf(t).contains(expected) ? String.valueOf(t) : null;
        });
    }
}
