package io.waybill.itests;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.waybill.itests.WaybillDistribution.Result;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Dimension;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Merge (issue 14, 审单) end to end: two orders of one buyer of the Shopify store are merged from the To review tab's
 * suggestion, the merge is undone on the merged package's page and merged again in the shell; the merged package is
 * allocated, uploaded, printed and shipped, and the sync confirms its tracking number to each source order once at a
 * WireMock stub of the Shopify Admin API (the recorded bodies of the Shopify plugin). A third order's package is split
 * in the browser (one unit to a new package of the same order), and that half allocated, uploaded, printed and shipped
 * on its own, and confirmed to Shopify as a partial fulfilment of exactly its one unit; the undo is then refused. Its packages are voided, its
 * Shopify configuration deleted and auto-sync switched off afterwards, even when the test fails.
 */
@Order(21)
@ExtendWith(WaybillExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MergeIT {

    private static final String STORE = Fixtures.ACME_SHOP;
    private static final String ALIAS = "it-merge-shopify";
    private static final String SKU = "MRG-MUG";
    private static final String ORDER_1 = "gid://shopify/Order/7700001";
    private static final String ORDER_2 = "gid://shopify/Order/7700002";
    private static final String ORDER_3 = "gid://shopify/Order/7700003";
    private static final Duration LIMIT = Duration.ofSeconds(90);
    private static final Pattern POOL_ROW = Pattern.compile("(?m)^carrier\\s*\\|\\s*pool\\s*\\|.*");
    private static final Path RECORDED = Path.of("..", "platform-plugins", "shopify", "src", "test", "resources",
            "io", "waybill", "platform", "shopify", "internal");

    private WaybillDistribution waybill;
    private WireMockServer shopify;
    private Path deployedKar;
    private Browser browser;
    /** order no. -> package no. */
    private final Map<String, String> packages = new LinkedHashMap<>();
    /** The packages of the order split in the browser (SPL-001), voided afterwards unless shipped. */
    private final List<String> splitPackages = new ArrayList<>();

    @BeforeAll
    void setUp(WaybillDistribution waybill) throws IOException {
        this.waybill = waybill;
        shopify = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        shopify.start();
        shopify.stubFor(post(urlEqualTo(Fixtures.SHOPIFY_GRAPHQL)).withRequestBody(containing("WaybillFulfillmentState"))
                .willReturn(json("fulfillment-state-open.json")));
        shopify.stubFor(post(urlEqualTo(Fixtures.SHOPIFY_GRAPHQL)).withRequestBody(containing("fulfillmentCreate"))
                .willReturn(json("fulfillment-create.json")));
        // the split half is confirmed as a partial fulfilment: the plugin reads the fulfillment order line items
        shopify.stubFor(post(urlEqualTo(Fixtures.SHOPIFY_GRAPHQL))
                .withRequestBody(containing("WaybillFulfillmentOrderLines"))
                .willReturn(json("fulfillment-order-lines.json", "MUG-RED", SKU)));
        ok("feature:install waybill-platform-shopify");
        ok(String.join("\n",
                "config:edit --factory --alias " + ALIAS + " io.waybill.platform.shopify",
                "config:property-set storeCode " + STORE,
                "config:property-set shop acme-global",
                "config:property-set .accessToken shpat_it_test_token",
                "config:property-set baseUrl " + shopify.baseUrl(),
                "config:update"));
        ok("waybill:settings auto-sync shopify true");
        Path kar = Path.of(WaybillDistribution.required("waybill.it.poolKar"));
        Path target = waybill.deployDir().resolve(kar.getFileName());
        if (!Files.exists(target)) {
            Files.copy(kar, target, StandardCopyOption.REPLACE_EXISTING);
            deployedKar = target;
        }
        waybill.shellUntil("waybill:plugin-list",
                r -> POOL_ROW.matcher(WaybillDistribution.registeredPlugins(r.output())).find(), LIMIT);

        Result sku = waybill.shell("waybill:sku-add " + SKU + " --name \"Merge IT mug\" --name-zh 合并杯 --weight 300 "
                + "--hs 691200 --origin CN --value 6.50 --currency USD");
        assertTrue(sku.exitCode() == 0 || sku.output().contains(SKU), sku::output);
        ok("waybill:stock-adjust -r \"merge IT\" SZ-01 " + SKU + " 7");
        Path file = Files.createDirectories(waybill.home().resolve("import")).resolve("merge.csv");
        List<String> rows = List.of(
                "MRG-001," + ORDER_1 + ",2025-08-02 09:00,Mia Merge,,7 Merge Lane,,Austin,TX,73301,US,,," + SKU
                        + ",1,20.00,USD,20.00,0,",
                "MRG-002," + ORDER_2 + ",2025-08-02 09:20,Mia Merge,,7 Merge Lane,,Austin,TX,73301,US,,," + SKU
                        + ",2,20.00,USD,40.00,0,",
                "SPL-001," + ORDER_3 + ",2025-08-02 09:40,Sam Split,,9 Split Road,,Austin,TX,73301,US,,," + SKU
                        + ",3,20.00,USD,60.00,0,");
        Files.writeString(file, Fixtures.VALUE_HEADER + "\n" + String.join("\n", rows) + "\n",
                StandardCharsets.UTF_8);
        ok("waybill:import --store " + STORE + " --confirm \"" + file + "\"");
        for (Map<String, String> row : waybill.allPackageRows("waybill:package-list --store " + STORE)) {
            if (row.getOrDefault("Order no.", "").startsWith("MRG-")) {
                packages.put(row.get("Order no."), row.get("Package no."));
            } else if (row.getOrDefault("Order no.", "").equals("SPL-001")) {
                splitPackages.add(row.get("Package no."));
            }
        }
        assertEquals(2, packages.size(), packages::toString);
        browser = Browser.open("merge", waybill);
        browser.driver().manage().window().setSize(new Dimension(1440, 900));
        browser.login("admin", waybill.password());
        browser.await("signed in", () -> browser.path().startsWith("/delivery/"));
    }

    @AfterAll
    void tearDown() throws IOException {
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            try {
                // leave nothing merged, waiting or allocated behind for later classes
                for (String no : packages.values()) {
                    waybill.shell("waybill:package-merge-undo " + no);
                }
                List<String> open = new ArrayList<>();
                List<String> all = new ArrayList<>(packages.values());
                all.addAll(splitPackages);
                for (String no : all) {
                    String status = status(no);
                    if (!List.of("shipped", "synced", "sync_failed", "voided").contains(status)) {
                        open.add(no);
                    }
                }
                if (!open.isEmpty()) {
                    waybill.shell("waybill:void -r \"MergeIT done\" --yes " + String.join(" ", open));
                }
            } finally {
                waybill.shell("waybill:settings auto-sync shopify false");
                Result list = waybill.shell("config:list \"(storeCode=" + STORE + ")\"");
                Matcher pid = Pattern.compile("(?m)^Pid:\\s+(\\S+)").matcher(list.output());
                while (pid.find()) {
                    waybill.shell("config:delete " + pid.group(1));
                }
                if (deployedKar != null && Files.deleteIfExists(deployedKar)) {
                    waybill.shellUntil("waybill:plugin-list",
                            r -> r.exitCode() == 0 && !POOL_ROW.matcher(r.output()).find(), LIMIT);
                }
                if (shopify != null) {
                    shopify.stop();
                }
            }
        }
    }

    @Test
    void twoOrdersOfOneBuyerMergeFromToReview_undoAndMergeAgain_shipAsOneParcel_andSyncToEachOrderOnce() {
        // the lower-numbered package ships for both
        List<String> numbers = packages.values().stream().sorted().toList();
        String first = numbers.get(0);
        String second = numbers.get(1);
        long firstId = Long.parseLong(first.substring(2));
        int weights = Fixtures.grams(find(show(first), "Weight\\s+(\\S+ kg)"))
                + Fixtures.grams(find(show(second), "Weight\\s+(\\S+ kg)"));

        // the To review tab suggests them; Merge
        browser.go("/delivery/held");
        browser.await("the merge suggestion of " + first + " and " + second, () -> {
            String text = browser.textOf("merge-suggestions");
            return text.contains(first) && text.contains(second) && text.contains("can ship together") ? text : null;
        });
        browser.click("merge-" + firstId);
        browser.await(second + " merged", LIMIT, () -> "merged".equals(status(second)) ? true : null);
        assertEquals("waiting", status(first));

        // the merged package's page names what it ships for; Undo merge brings the other back
        browser.go("/package/" + firstId);
        assertTrue(browser.awaitText("detail-merge-members", "merged packages", t -> !t.isBlank()).contains(second));
        browser.click("detail-merge-undo");
        browser.awaitText("confirm-text", "undo question", t -> t.contains(first));
        browser.click("confirm-button");
        browser.await(second + " back on its own", LIMIT, () -> "waiting".equals(status(second)) ? true : null);
        String history = ok("waybill:package-show " + second).output();
        assertTrue(history.contains("Merged into package " + first) && history.contains("Merge undone"), history);

        // merged again in the shell; a package of another buyer is refused with the reason, nothing written
        Result merge = ok("waybill:package-merge " + second + " " + first);
        assertTrue(merge.output().contains("Merged into " + first), merge.output());
        assertEquals("merged", status(second));

        // allocate, upload, print, ship the merged package: it carries both orders' units
        ok("waybill:allocate " + first);
        assertEquals("allocated", status(first));
        Result upload = ok("waybill:upload " + first);
        assertTrue(upload.output().contains("1 queued, 0 refused"), upload.output());
        String tracked = await(first, "tracked");
        String tn = find(tracked, "tracking (\\S+)");
        int grams = Fixtures.grams(find(tracked, "Weight\\s+(\\S+ kg)"));
        assertEquals(weights, grams, "the merged parcel weighs what both packages weighed");
        Result print = ok("waybill:print -o \"" + waybill.printDir("merge").resolve("merge-label.pdf")
                + "\" --mark-printed " + first);
        assertTrue(print.output().contains("Mark printed: 1 done, 0 failed"), print.output());
        Result ship = ok("waybill:ship -w " + grams + " " + first);
        assertTrue(ship.output().contains(first + ": PASS SHIPPED"), ship.output());

        // the sync confirms the tracking number to each source order, once each
        try {
            await(first, "synced");
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\nrequests the stub received: " + bodies(), e);
        }
        assertEquals(1, requests("WaybillFulfillmentState", ORDER_1).size(), this::bodies);
        assertEquals(1, requests("WaybillFulfillmentState", ORDER_2).size(), this::bodies);
        List<LoggedRequest> creates = requests("fulfillmentCreate", tn);
        assertEquals(2, creates.size(), () -> "one fulfillmentCreate per source order; the stub received: "
                + bodies());
        assertEquals("merged", status(second), "the merged-in package never ships on its own");
    }

    @Test
    void aPackageSplitInTheBrowserShipsOneHalfOnItsOwn() {
        assertEquals(1, splitPackages.size(), splitPackages::toString);
        String source = splitPackages.get(0);
        long sourceId = Long.parseLong(source.substring(2));
        int before = Fixtures.grams(find(show(source), "Weight\\s+(\\S+ kg)"));

        // Split on the package page: 1 of the 3 mugs moves to a new package of the same order
        browser.go("/package/" + sourceId);
        browser.click("detail-split-open");
        browser.byId("split-dialog");
        browser.type(org.openqa.selenium.By.cssSelector("#split-qty-" + SKU + " input"), "1");
        browser.click("split-confirm");
        String group = browser.awaitText("detail-split-group", "the packages of the split order",
                t -> t.contains(source) && t.split(",").length == 2);
        String part = java.util.Arrays.stream(group.split("[:,]")).map(String::strip).filter(t -> t.startsWith("WB")
                && !t.equals(source)).findFirst().orElseThrow(() -> new AssertionError(group));
        splitPackages.add(part);
        String shownPart = show(part);
        assertTrue(shownPart.contains("Split off package " + source), shownPart);
        assertTrue(show(source).contains("Split: " + SKU + " x1 ship in package " + part), show(source));
        int partGrams = Fixtures.grams(find(shownPart, "Weight\\s+(\\S+ kg)"));
        int sourceGrams = Fixtures.grams(find(show(source), "Weight\\s+(\\S+ kg)"));
        assertEquals(before + 40, partGrams + sourceGrams, "weights follow the lines; each parcel has packaging");

        // the new half goes through the workflow on its own: allocate, upload, print, ship
        ok("waybill:allocate " + part);
        assertEquals("allocated", status(part));
        Result upload = ok("waybill:upload " + part);
        assertTrue(upload.output().contains("1 queued, 0 refused"), upload.output());
        String tracked = await(part, "tracked");
        String tn = find(tracked, "tracking (\\S+)");
        int grams = Fixtures.grams(find(tracked, "Weight\\s+(\\S+ kg)"));
        Result print = ok("waybill:print -o \"" + waybill.printDir("merge").resolve("split-label.pdf")
                + "\" --mark-printed " + part);
        assertTrue(print.output().contains("Mark printed: 1 done, 0 failed"), print.output());
        Result ship = ok("waybill:ship -w " + grams + " " + part);
        assertTrue(ship.output().contains(part + ": PASS SHIPPED"), ship.output());
        assertEquals("waiting", status(source), "the other half waits for its own steps");
        // the sync confirms the half as a partial fulfilment: its one unit of the order's line, not the whole order
        try {
            await(part, "synced");
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\nrequests the stub received: " + bodies(), e);
        }
        List<LoggedRequest> creates = requests("fulfillmentCreate", tn);
        assertEquals(1, creates.size(), this::bodies);
        String created = creates.get(0).getBodyAsString();
        assertTrue(created.contains("\"fulfillmentOrderLineItems\":[{\"id\":"
                + "\"gid://shopify/FulfillmentOrderLineItem/1058737482\",\"quantity\":1}]"), created);
        // once a half has left, the split cannot be undone (undo until upload): one reason naming the uploaded half
        Result undo = waybill.shell("waybill:package-split-undo " + source);
        // (shipped, or synced already: the store's auto-sync may come first)
        assertTrue(undo.output().contains("The split of package " + source + " cannot be undone: package " + part
                + " (") && undo.output().contains(") has been uploaded to a carrier."), undo.output());
        assertEquals("waiting", status(source));
    }

    private List<LoggedRequest> requests(String operation, String containing) {
        return shopify.findAll(postRequestedFor(urlEqualTo(Fixtures.SHOPIFY_GRAPHQL))
                .withRequestBody(containing(operation)).withRequestBody(containing(containing)));
    }

    private Result ok(String command) {
        Result r = waybill.shell(command);
        assertEquals(0, r.exitCode(), () -> command + ":\n" + r.output());
        return r;
    }

    private String show(String packageNo) {
        return waybill.shell("waybill:package-show " + packageNo).output();
    }

    private static String find(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        return m.find() ? m.group(1) : "";
    }

    private String status(String packageNo) {
        return find(show(packageNo), "status (\\S+)");
    }

    /** Waits for the package's status; returns its package-show. */
    private String await(String pkg, String status) {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        String shown;
        do {
            shown = show(pkg);
            if (status.equals(find(shown, "status (\\S+)"))) {
                return shown;
            }
            WaybillDistribution.sleep(500);
        } while (System.nanoTime() < deadline);
        fail(pkg + " not " + status + " within " + LIMIT.toSeconds() + " s:\n" + shown);
        return shown;
    }

    private String bodies() {
        return String.join("\n", shopify.getAllServeEvents().stream().map(e -> e.getRequest().getUrl() + " "
                + e.getRequest().getBodyAsString()).toList());
    }

    private com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String file) {
        return json(file, "", "");
    }

    /** A recorded body with one text replaced (e.g. the recorded SKU by this test's). */
    private com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String file, String text,
                                                                                String replacement) {
        try {
            return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                    .withBody(text.isEmpty() ? Files.readString(RECORDED.resolve(file))
                            : Files.readString(RECORDED.resolve(file)).replace(text, replacement));
        } catch (IOException e) {
            throw new IllegalStateException("recorded body " + RECORDED.resolve(file).toAbsolutePath(), e);
        }
    }
}
