package io.waybill.itests;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
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

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.waybill.itests.CarrierStubs.EASYPOST;
import static io.waybill.itests.CarrierStubs.SHIPPO;
import static io.waybill.itests.CarrierStubs.body;
import static io.waybill.itests.CarrierStubs.json;
import static io.waybill.itests.CarrierStubs.replaced;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A restart in the middle of a batch upload loses nothing and creates no second shipment. {@value #PER_CARRIER}
 * orders of its own in each of two stores: {@value #SHIPPO_STORE} ships with Shippo (no idempotency key: the core
 * must never repeat an upload whose outcome it does not know), {@value #EASYPOST_STORE} with EasyPost (the plugin
 * finds a shipment by its {@code reference} = idempotency key, as EasyPost documents, so a repeat returns the same
 * shipment; the stub keeps that state per key). Every carrier answer takes {@value #DELAY_MS} ms. While uploads are
 * in flight the distribution is stopped with {@code bin/stop} and started again; then every package must end
 * tracked with its own number, and each stub must have created exactly one shipment per package. Then the same
 * with {@value #KILL_PER_CARRIER} more packages per carrier, a {@value #KILL_DELAY_MS} ms answer and the JVM
 * killed (SIGKILL) while calls are in flight: interrupted EasyPost uploads are resumed (the same reference finds
 * the same shipment), interrupted Shippo uploads are not repeated but fail with a request to check Shippo first,
 * the rest are uploaded; no package is lost and none gets a second shipment.
 */
@Order(12)
@ExtendWith(WaybillExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CarrierRestartIT {

    static final String SHIPPO_STORE = "ACME-SHOP";
    static final String EASYPOST_STORE = "ACME-EBAY";
    static final String SHIPPO_CARRIER = "shippo-itrestart";
    static final String EASYPOST_CARRIER = "easypost-itrestart";
    static final int PER_CARRIER = 15;
    static final int DELAY_MS = 1500;
    static final int KILL_PER_CARRIER = 6;
    static final int KILL_DELAY_MS = 5000;
    private static final String PREFIX = "CRT-";
    private static final String KILL_PREFIX = "CRK-";
    private static final String SKU = "PEN-GEL-12";
    private static final Duration LIMIT = Duration.ofSeconds(180);

    private WaybillDistribution waybill;
    private WireMockServer shippo;
    private WireMockServer easypost;
    private Map<String, String[]> savedDefaults = Map.of();
    /** package no. -> store */
    private final Map<String, String> packages = new LinkedHashMap<>();
    /** package no. -> store, of the kill test */
    private final Map<String, String> killPackages = new LinkedHashMap<>();
    /** package no. -> the tracking number its stub answers with */
    private final Map<String, String> expectedTracking = new LinkedHashMap<>();

    @BeforeAll
    void setUp(WaybillDistribution waybill) throws IOException {
        this.waybill = waybill;
        shippo = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().containerThreads(40));
        shippo.start();
        easypost = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().containerThreads(40));
        easypost.start();
        shippo.stubFor(get(urlPathEqualTo("/transactions")).willReturn(json(200, CarrierStubs.shippoEmptyList())));
        for (String feature : List.of("waybill-carrier-easypost", "waybill-carrier-shippo")) {
            Result install = waybill.shell("feature:install " + feature);
            assertEquals(0, install.exitCode(), () -> "feature:install " + feature + ":\n" + install.output());
        }
        CarrierStubs.configure(waybill, "io.waybill.carrier.shippo", "it-shippo-restart", Map.of(
                "accountId", "itrestart", "displayName", "Shippo-restart", "baseUrl", shippo.baseUrl(),
                ".apiToken", "shippo_test_it0000000000000000", "carrierAccount",
                CarrierStubs.SHIPPO_CARRIER_ACCOUNT, "defaultServiceLevel", "usps_priority"));
        CarrierStubs.configure(waybill, "io.waybill.carrier.easypost", "it-easypost-restart", Map.of(
                "accountId", "itrestart", "displayName", "EasyPost-restart", "baseUrl", easypost.baseUrl(),
                ".apiKey", "EZTKit0000000000000000000000", "labelFormat", "PDF"));
        CarrierStubs.awaitCarrier(waybill, SHIPPO_CARRIER);
        CarrierStubs.awaitCarrier(waybill, EASYPOST_CARRIER);
        savedDefaults = CarrierStubs.defaultMethods(waybill);
        CarrierStubs.setDefaultMethod(waybill, SHIPPO_STORE, "IT-RESTART", SHIPPO_CARRIER, "usps_priority");
        CarrierStubs.setDefaultMethod(waybill, EASYPOST_STORE, "IT-RESTART", EASYPOST_CARRIER, "USPS:Priority");
        Result stock = waybill.shell("waybill:stock-adjust -r \"carrier restart IT\" SZ-01 " + SKU + " "
                + 2 * (PER_CARRIER + KILL_PER_CARRIER));
        assertEquals(0, stock.exitCode(), () -> "stock-adjust:\n" + stock.output());

        Path dir = waybill.importDir("carrier-restart");
        importOrders(dir, SHIPPO_STORE, PREFIX, 1, PER_CARRIER, packages);
        importOrders(dir, EASYPOST_STORE, PREFIX, PER_CARRIER + 1, PER_CARRIER, packages);
        assertEquals(2 * PER_CARRIER, packages.size(), () -> "packages of the imported orders: " + packages);
        importOrders(dir, SHIPPO_STORE, KILL_PREFIX, 1, KILL_PER_CARRIER, killPackages);
        importOrders(dir, EASYPOST_STORE, KILL_PREFIX, KILL_PER_CARRIER + 1, KILL_PER_CARRIER, killPackages);
        assertEquals(2 * KILL_PER_CARRIER, killPackages.size(), () -> "packages of the kill test: " + killPackages);

        int n = 0;
        for (Map.Entry<String, String> p : packages.entrySet()) {
            n++;
            String key = p.getKey() + "-1";
            if (p.getValue().equals(SHIPPO_STORE)) {
                stubShippo(key, p.getKey(), 1000 + n, DELAY_MS);
            } else {
                stubEasyPost(key, p.getKey(), 1000 + n, DELAY_MS);
            }
        }
        for (Map.Entry<String, String> p : killPackages.entrySet()) {
            n++;
            String key = p.getKey() + "-1";
            if (p.getValue().equals(SHIPPO_STORE)) {
                stubShippo(key, p.getKey(), 1000 + n, KILL_DELAY_MS);
            } else {
                stubEasyPost(key, p.getKey(), 1000 + n, KILL_DELAY_MS);
            }
        }
    }

    @AfterAll
    void tearDown() {
        try {
            CarrierStubs.restoreDefaults(waybill, savedDefaults);
            CarrierStubs.deleteConfigurations(waybill, "(accountId=itrestart)");
        } finally {
            if (shippo != null) {
                shippo.stop();
            }
            if (easypost != null) {
                easypost.stop();
            }
        }
    }

    @Test
    @Order(1)
    void aRestartDuringABatchUploadLosesNothingAndCreatesNoSecondShipment() {
        // given: all allocated
        List<String> all = List.copyOf(packages.keySet());
        Result alloc = waybill.shell("waybill:allocate " + String.join(" ", all));
        assertTrue(alloc.output().contains(all.size() + " done, 0 failed"), () -> "allocate:\n" + alloc.output());

        // when: the batch is queued, and the distribution is stopped while the carriers are answering
        long t0 = System.nanoTime();
        Result upload = waybill.shell("waybill:upload " + String.join(" ", all));
        assertTrue(upload.output().contains("Batch upload: " + all.size() + " queued, 0 refused"),
                () -> "upload:\n" + upload.output());
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (creates() < 4) {
            if (System.nanoTime() > deadline) {
                fail("the stubs received no uploads within 60 s: " + CarrierStubs.bodies(shippo)
                        + CarrierStubs.bodies(easypost) + waybill.logTailForMessage());
            }
            WaybillDistribution.sleep(50);
        }
        int seenBeforeStop = creates();
        long tStop = System.nanoTime();
        waybill.stop();
        double stopSeconds = (System.nanoTime() - tStop) / 1e9;
        int seenWhileStopping = creates();
        double startSeconds = restartAfter(tStop);
        WaybillDistribution.figure("carrier restart: create requests at bin/stop / when stopped (of "
                + all.size() + ")", seenBeforeStop + " / " + seenWhileStopping);
        WaybillDistribution.figure("carrier restart: bin/stop took (running carrier calls finish first)",
                String.format(Locale.ROOT, "%.1f s", stopSeconds));
        WaybillDistribution.figure("carrier restart: bin/start -> ready", String.format(Locale.ROOT, "%.1f s",
                startSeconds));
        assertTrue(seenWhileStopping < all.size(), () -> "the stop came after the batch was done ("
                + seenWhileStopping + " creates): the test proved nothing; raise the stub delay");

        // then: every package tracked with its own stub number
        Map<String, Map<String, String>> rows = awaitSettled(all, packages, true);
        WaybillDistribution.figure("carrier restart: upload of " + all.size() + " (" + DELAY_MS + " ms per carrier "
                + "call) -> all tracked, incl. the restart", String.format(Locale.ROOT, "%.1f s",
                (System.nanoTime() - t0) / 1e9));
        for (String p : all) {
            assertEquals(expectedTracking.get(p), rows.get(p).get("Tracking no."), () -> "tracking number of " + p);
        }
        assertEquals(all.size(), new HashSet<>(all.stream().map(p -> rows.get(p).get("Tracking no.")).toList())
                .size(), "distinct tracking numbers");
        // and exactly one shipment per package at each carrier
        for (String p : all) {
            String key = p + "-1";
            if (packages.get(p).equals(SHIPPO_STORE)) {
                List<LoggedRequest> posts = shippo.findAll(postRequestedFor(urlEqualTo("/transactions"))
                        .withRequestBody(matchingJsonPath("$.metadata", equalTo(key))));
                assertEquals(1, posts.size(), () -> "Shippo label purchases for " + p + " (key " + key + ")");
            } else {
                List<LoggedRequest> creates = easypost.findAll(postRequestedFor(urlEqualTo("/v2/shipments"))
                        .withRequestBody(matchingJsonPath("$.shipment.reference", equalTo(key))));
                assertEquals(1, creates.size(), () -> "EasyPost shipments created for " + p + " (reference " + key
                        + ")");
                assertEquals(1, easypost.findAll(postRequestedFor(urlEqualTo("/v2/shipments/" + shipmentId(p)
                        + "/buy"))).size(), () -> "EasyPost purchases of the shipment of " + p);
            }
        }
        assertEquals(PER_CARRIER, shippo.findAll(postRequestedFor(urlEqualTo("/transactions"))).size(),
                "Shippo label purchases in all");
        assertEquals(PER_CARRIER, easypost.findAll(postRequestedFor(urlEqualTo("/v2/shipments"))).size(),
                "EasyPost shipments created in all");
        // the audit: one TRACKED per package, and the upload queued once
        for (String p : all) {
            String show = waybill.shell("waybill:package-show " + p).output();
            assertEquals(1, show.lines().filter(l -> l.matches(".*\\bUPLOAD_QUEUED\\b.*")).count(),
                    () -> "one UPLOAD_QUEUED in the history of " + p + ":\n" + show);
            assertEquals(1, show.lines().filter(l -> l.matches(".*\\bTRACKED\\s+ALLOCATED -> TRACKED\\b.*")).count(),
                    () -> "one ALLOCATED -> TRACKED in the history of " + p + ":\n" + show);
        }
    }

    @Test
    @Order(2)
    void aKillDuringUploadsResumesWhatIsSafeAndAsksTheOperatorAboutTheRest() {
        // given
        List<String> all = List.copyOf(killPackages.keySet());
        Result alloc = waybill.shell("waybill:allocate " + String.join(" ", all));
        assertTrue(alloc.output().contains(all.size() + " done, 0 failed"), () -> "allocate:\n" + alloc.output());
        int before = creates();

        // when: killed while the first calls wait for their answer
        Result upload = waybill.shell("waybill:upload " + String.join(" ", all));
        assertTrue(upload.output().contains("Batch upload: " + all.size() + " queued, 0 refused"),
                () -> "upload:\n" + upload.output());
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (creates() - before < 2) {
            if (System.nanoTime() > deadline) {
                fail("the stubs received no uploads within 60 s" + waybill.logTailForMessage());
            }
            WaybillDistribution.sleep(50);
        }
        waybill.kill();
        int inFlight = creates() - before;
        long t0 = System.nanoTime();
        waybill.start();
        List<String> restartLog = waybill.karafLogOfStart(waybill.starts() - 1);
        assertEquals(List.of(), WaybillDistribution.bundleRewiring(restartLog),
                "the start after kill -9 stopped or refreshed bundles (issue 19)");
        WaybillDistribution.figure("carrier kill: create requests received when the JVM was killed (of "
                + all.size() + ")", String.valueOf(inFlight));

        // then: nothing lost, nothing bought twice
        Map<String, Map<String, String>> rows = awaitSettled(all, killPackages, false);
        WaybillDistribution.figure("carrier kill: start -> every package tracked or failed safely",
                String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - t0) / 1e9));
        List<String> interrupted = new ArrayList<>();
        for (String p : all) {
            String key = p + "-1";
            String status = rows.get(p).get("Status");
            if (killPackages.get(p).equals(SHIPPO_STORE)) {
                int posts = shippo.findAll(postRequestedFor(urlEqualTo("/transactions"))
                        .withRequestBody(matchingJsonPath("$.metadata", equalTo(key)))).size();
                if (status.equals("tracked")) {
                    assertEquals(1, posts, () -> "Shippo purchases for tracked " + p);
                    assertEquals(expectedTracking.get(p), rows.get(p).get("Tracking no."), "tracking no. of " + p);
                } else {
                    String show = waybill.shell("waybill:package-show " + p).output();
                    assertTrue(show.contains("interrupted by a restart") && show.contains("Check the carrier"),
                            () -> p + " failed, but not as an interrupted upload:\n" + show);
                    assertTrue(posts <= 1, () -> "Shippo purchases for interrupted " + p + ": " + posts);
                    interrupted.add(p);
                }
            } else {
                assertEquals("tracked", status, () -> "EasyPost package " + p + " (its uploads are safe to repeat): "
                        + waybill.shell("waybill:package-show " + p).output());
                assertEquals(expectedTracking.get(p), rows.get(p).get("Tracking no."), "tracking no. of " + p);
                assertEquals(1, easypost.findAll(postRequestedFor(urlEqualTo("/v2/shipments"))
                        .withRequestBody(matchingJsonPath("$.shipment.reference", equalTo(key)))).size(),
                        () -> "EasyPost shipments created for " + p);
                assertEquals(1, easypost.findAll(postRequestedFor(urlEqualTo("/v2/shipments/" + shipmentId(p)
                        + "/buy"))).size(), () -> "EasyPost purchases for " + p);
            }
        }
        WaybillDistribution.log("Shippo uploads interrupted by the kill (failed, operator asked to check): %s",
                interrupted);
        WaybillDistribution.figure("carrier kill: Shippo uploads interrupted and left to the operator (of "
                + KILL_PER_CARRIER + ")", String.valueOf(interrupted.size()));
    }

    // ---------------------------------------------------------------- helpers

    private double restartAfter(long tStop) {
        long t0 = System.nanoTime();
        waybill.start();
        return (System.nanoTime() - t0) / 1e9;
    }

    private int creates() {
        return shippo.findAll(postRequestedFor(urlEqualTo("/transactions"))).size()
                + easypost.findAll(postRequestedFor(urlEqualTo("/v2/shipments"))).size();
    }

    /**
     * Waits until every package is tracked (or, when failures are not allowed to appear, fails at the first
     * upload_failed); with {@code onlyTracked} false, upload_failed also counts as settled.
     */
    private Map<String, Map<String, String>> awaitSettled(List<String> all, Map<String, String> stores,
                                                          boolean onlyTracked) {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        Map<String, Map<String, String>> rows = new LinkedHashMap<>();
        while (true) {
            rows.clear();
            for (String store : List.of(SHIPPO_STORE, EASYPOST_STORE)) {
                Result r = waybill.shell("waybill:package-list --store " + store + " -n 10000");
                for (Map<String, String> row : ShellTables.rows(r)) {
                    if (stores.containsKey(row.get("Package no."))) {
                        rows.put(row.get("Package no."), row);
                    }
                }
            }
            List<String> failed = all.stream().filter(p -> rows.containsKey(p)
                    && "upload_failed".equals(rows.get(p).get("Status"))).toList();
            if (onlyTracked && !failed.isEmpty()) {
                fail("upload failed for " + failed + " after the restart:\n"
                        + waybill.shell("waybill:package-show " + failed.get(0)).output());
            }
            if (all.stream().allMatch(p -> rows.containsKey(p) && ("tracked".equals(rows.get(p).get("Status"))
                    || !onlyTracked && "upload_failed".equals(rows.get(p).get("Status"))))) {
                return rows;
            }
            if (System.nanoTime() > deadline) {
                fail("not all settled within " + LIMIT.toSeconds() + " s of the restart: "
                        + rows.values().stream().map(r -> r.get("Package no.") + "=" + r.get("Status")).toList()
                        + waybill.logTailForMessage());
            }
            WaybillDistribution.sleep(1000);
        }
    }

    private void importOrders(Path dir, String store, String prefix, int first, int count, Map<String, String> into)
            throws IOException {
        List<String> rows = new ArrayList<>();
        for (int i = first; i < first + count; i++) {
            rows.add(String.format(Locale.ROOT, "%s%03d,,2025-05-01 08:00,Restart Buyer %d,,%d Market Street,,"
                    + "San Francisco,CA,94103,US,,,%s,1", prefix, i, i, 100 + i, SKU));
        }
        Path file = dir.resolve("carrier-restart-" + prefix + store + ".csv");
        Files.writeString(file, Fixtures.HEADER + "\n" + String.join("\n", rows) + "\n",
                StandardCharsets.UTF_8);
        Result r = waybill.shell("waybill:import --store " + store + " --confirm \"" + file + "\"");
        assertTrue(r.output().contains("Imported: " + count + " new"), () -> "import into " + store + ":\n"
                + r.output());
        Result list = waybill.shell("waybill:package-list --store " + store + " -n 10000");
        ShellTables.rows(list).stream().filter(row -> row.getOrDefault("Order no.", "").startsWith(prefix))
                .sorted((a, b) -> a.get("Order no.").compareTo(b.get("Order no.")))
                .forEach(row -> into.put(row.get("Package no."), store));
    }

    /** Shippo: the documented SUCCESS transaction with this package's id, number and metadata, after the delay. */
    private void stubShippo(String key, String pkg, int n, int delayMs) {
        String id = String.format(Locale.ROOT, "c17a5f%026d", n);
        String tn = CarrierStubs.trackingNumber(CarrierStubs.SHIPPO_TRACKING, n);
        expectedTracking.put(pkg, tn);
        shippo.stubFor(post(urlEqualTo("/transactions")).withRequestBody(matchingJsonPath("$.metadata",
                equalTo(key))).willReturn(json(201, replaced(body(SHIPPO, "transaction-success.json"),
                CarrierStubs.SHIPPO_TRANSACTION_ID, id, CarrierStubs.SHIPPO_TRACKING, tn,
                "\"metadata\": \"<string>\"", "\"metadata\": \"" + key + "\"")).withFixedDelay(delayMs)));
    }

    private String shipmentId(String pkg) {
        return "shp_rs" + pkg.toLowerCase(Locale.ROOT);
    }

    /**
     * EasyPost, one scenario per reference: no shipment (404) until it is created; then {@code GET
     * /v2/shipments/{reference}} answers the created shipment, and after the purchase the bought one (EasyPost:
     * the reference "may be used in place of id"). The create call takes the delay.
     */
    private void stubEasyPost(String key, String pkg, int n, int delayMs) {
        String scenario = "ep-" + key;
        String id = shipmentId(pkg);
        String tn = CarrierStubs.trackingNumber(CarrierStubs.EASYPOST_TRACKING, n);
        expectedTracking.put(pkg, tn);
        String created = replaced(body(EASYPOST, "shipment-create.json"), CarrierStubs.EASYPOST_CREATED_ID, id);
        String bought = replaced(body(EASYPOST, "shipment-buy.json"), CarrierStubs.EASYPOST_BOUGHT_ID, id,
                CarrierStubs.EASYPOST_TRACKING, tn);
        easypost.stubFor(get(urlEqualTo("/v2/shipments/" + key)).inScenario(scenario)
                .whenScenarioStateIs(Scenario.STARTED).willReturn(aResponse().withStatus(404)));
        easypost.stubFor(post(urlEqualTo("/v2/shipments")).inScenario(scenario)
                .whenScenarioStateIs(Scenario.STARTED)
                .withRequestBody(matchingJsonPath("$.shipment.reference", equalTo(key)))
                .willReturn(json(201, created).withFixedDelay(delayMs)).willSetStateTo("created"));
        easypost.stubFor(get(urlEqualTo("/v2/shipments/" + key)).inScenario(scenario)
                .whenScenarioStateIs("created").willReturn(json(200, created)));
        easypost.stubFor(post(urlEqualTo("/v2/shipments/" + id + "/buy")).inScenario(scenario)
                .willReturn(json(200, bought)).willSetStateTo("bought"));
        easypost.stubFor(get(urlEqualTo("/v2/shipments/" + key)).inScenario(scenario)
                .whenScenarioStateIs("bought").willReturn(json(200, bought)));
    }
}
