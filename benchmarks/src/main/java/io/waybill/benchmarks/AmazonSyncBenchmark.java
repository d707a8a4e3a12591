package io.waybill.benchmarks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.waybill.core.internal.db.DatabaseEngine;
import io.waybill.core.internal.plugin.PluginRegistryImpl;
import io.waybill.core.internal.sync.SyncJobWorker;
import io.waybill.core.internal.sync.SyncServiceImpl;
import io.waybill.platform.amazon.internal.AmazonBenchAccess;
import io.waybill.platform.amazon.internal.AmazonMarketplaceConnector;
import io.waybill.spi.common.Result;
import io.waybill.spi.platform.OrderPage;
import io.waybill.spi.platform.StoreContext;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue 18: sync of N shipped packages to an Amazon SP-API stub through the <b>real</b> Amazon plugin (HTTP, JSON,
 * LWA token, confirmShipment body) and the core's durable, throttled sync outbox. The stub is a local HTTP server that
 * enforces confirmShipment's usage plan itself (token bucket, HTTP 429 beyond it) and keeps the packages by
 * (order, packageReferenceId), as Amazon documents. Figures: achieved rate vs the limit, packages lost (not confirmed),
 * duplicate packages (a second package for one order) and repeated requests (edits of the same package), 429s.
 *
 * <p>Before the measured part the plugin captures the N orders from the stub (getOrders + getOrderItems, which fill
 * its order-item cache, as the capture before shipping does in real life). Amazon's plans for those operations
 * (0.0167 and 0.5 requests/s) would take hours for N = 2,000, so the plugin's own usage-plan buckets run on a clock
 * 10,000x fast for that phase only; confirmShipment is paced by the core's throttle on real time, and the stub's limit
 * is on real time.
 *
 * <p>Arguments: {@code [packages=2000] [rate=2] [burst=10]}. At Amazon's real 2 requests/s, 2,000 packages take
 * ~1,000 s; a scaled run raises the rate (the plugin's confirmRate setting and the stub's limit together).
 */
public final class AmazonSyncBenchmark {

    private static final Pattern CONFIRM = Pattern.compile("/orders/v0/orders/([^/]+)/shipmentConfirmation");
    private static final Pattern ITEMS = Pattern.compile("/orders/v0/orders/([^/]+)/orderItems");
    private static final Pattern REF = Pattern.compile("\"packageReferenceId\":\"([0-9]+)\"");

    private AmazonSyncBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        double rate = args.length > 1 ? Double.parseDouble(args[1]) : 2;
        int burst = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        run(n, rate, burst);
    }

    static void run(int n, double rate, int burst) throws Exception {
        Stub stub = new Stub(n, rate, burst);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", stub::handle);
        server.setExecutor(Executors.newFixedThreadPool(16));
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        Path dir = Files.createTempDirectory("waybill-bench-amazon-");
        try (DatabaseEngine db = CaptureAllocateBenchmark.open(dir.resolve("db"))) {
            UploadShipSyncBenchmark.bulkPackages(db, n, "SHIPPED");
            try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
                st.execute("UPDATE WB_STORE SET PLATFORM = 'amazon'");
                st.execute("INSERT INTO WB_CARRIER_CODE_MAP (PLATFORM, CARRIER_ID, PLATFORM_CARRIER_CODE) "
                        + "VALUES ('amazon', 'bench', 'YunExpress')");
            }
            long start = System.nanoTime();
            AmazonMarketplaceConnector amazon = AmazonBenchAccess.connector(
                    () -> start + (System.nanoTime() - start) * 10_000);
            Map<String, Object> cfg = new HashMap<>();
            cfg.put("storeCode", "BENCH");
            cfg.put("lwaClientId", "amzn1.application-oa2-client.bench");
            cfg.put("_lwaClientSecret", "bench-client-secret");
            cfg.put("_refreshToken", "Atzr|bench-refresh-token");
            cfg.put("baseUrl", base);
            cfg.put("tokenUrl", base + "/auth/o2/token");
            cfg.put("pageSize", 100);
            cfg.put("ordersApi", "v0"); // the stub below speaks getOrders / getOrderItems; the capture is not measured
            cfg.put("confirmRate", rate);
            cfg.put("confirmBurst", burst);
            AmazonBenchAccess.configure(amazon, cfg);

            // the capture that precedes shipping (fills the plugin's order-item cache), not measured
            long c0 = System.nanoTime();
            StoreContext store = new StoreContext("BENCH", Map.of());
            String cursor = null;
            int captured = 0;
            do {
                Result<OrderPage> page = amazon.fetchOrders(store, cursor);
                if (!page.isOk()) {
                    throw new IllegalStateException("capture failed: " + page.messages());
                }
                captured += page.value().orders().size();
                cursor = page.value().nextCursor();
                if (!page.value().hasMore()) {
                    break;
                }
            } while (true);
            double capture = (System.nanoTime() - c0) / 1e9;

            PluginRegistryImpl registry = new PluginRegistryImpl();
            registry.bindPlatform(CaptureAllocateBenchmark.reference(), amazon);
            SyncServiceImpl sync = new SyncServiceImpl(db.dataSource(), java.time.Clock.systemUTC());
            sync.setAuthorizer(UploadShipSyncBenchmark.ADMIN);
            List<Long> ids = new ArrayList<>();
            try (Connection c = db.dataSource().getConnection();
                 ResultSet rs = c.createStatement().executeQuery("SELECT ID FROM WB_PACKAGE ORDER BY ID")) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            sync.startSync(ids, "bench");
            SyncJobWorker worker = SyncJobWorker.standalone(sync, registry, false);
            long t0 = System.nanoTime();
            worker.start(10);
            double limitSeconds = Math.max(120, 3 * n / rate);
            while (UploadShipSyncBenchmark.count(db, "SELECT COUNT(*) FROM WB_PACKAGE WHERE STATUS IN "
                    + "('SYNCED', 'SYNC_FAILED')") < n) {
                Thread.sleep(100);
                if ((System.nanoTime() - t0) / 1e9 > limitSeconds) {
                    break;
                }
            }
            double wall = (System.nanoTime() - t0) / 1e9;
            worker.stop();
            int synced = UploadShipSyncBenchmark.count(db, "SELECT COUNT(*) FROM WB_PACKAGE WHERE STATUS = 'SYNCED'");
            int failed = UploadShipSyncBenchmark.count(db, "SELECT COUNT(*) FROM WB_PACKAGE WHERE STATUS = "
                    + "'SYNC_FAILED'");
            double active = (stub.lastAccepted.get() - stub.firstAccepted.get()) / 1e9;
            int accepted = stub.accepted.get();
            // the best possible: the burst at once, then the sustained rate
            double ideal = Math.max(0, n - burst) / rate;
            int duplicatePackages = 0;
            for (Map<String, String> p : stub.packages.values()) {
                duplicatePackages += Math.max(0, p.size() - 1);
            }
            System.out.printf("amazon-sync: capture of %,d orders (fast-forwarded usage plans, not measured) %.1f s; "
                            + "getOrderItems during the sync: %d%n", captured, capture, stub.itemsDuringSync.get());
            System.out.printf("amazon-sync: %,d packages, stub limit %s req/s burst %d (Amazon's plan: 2 req/s burst "
                            + "10): %.1f s wall, %.1f s from first to last accepted confirmShipment; %,d accepted = "
                            + "%.2f req/s = %.1f%% of the limit (ideal %.1f s -> %.1f%% of ideal); synced %,d, "
                            + "sync_failed %d, lost %d, duplicate packages %d, repeated requests %d, 429 from the stub "
                            + "%d%n", n, fmt(rate), burst, wall, active, accepted, accepted / active,
                    100 * (accepted / active) / rate, ideal, 100 * ideal / active, synced, failed,
                    n - stub.packages.size(), duplicatePackages, accepted - stub.packages.size(), stub.refused.get());
        } finally {
            server.stop(0);
            ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
        }
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }

    /** Login with Amazon, SP-API getOrders / getOrderItems / createRestrictedDataToken and a limited confirmShipment. */
    static final class Stub {
        final int n;
        final double rate;
        final int burst;
        final Map<String, Map<String, String>> packages = new ConcurrentHashMap<>();
        final AtomicInteger accepted = new AtomicInteger();
        final AtomicInteger refused = new AtomicInteger();
        final AtomicInteger itemsDuringSync = new AtomicInteger();
        final AtomicLong firstAccepted = new AtomicLong();
        final AtomicLong lastAccepted = new AtomicLong();
        final Set<String> itemsServed = ConcurrentHashMap.newKeySet();
        private double tokens;
        private long last = System.nanoTime();

        Stub(int n, double rate, int burst) {
            this.n = n;
            this.rate = rate;
            this.burst = burst;
            this.tokens = burst;
        }

        void handle(HttpExchange x) throws IOException {
            String path = x.getRequestURI().getPath();
            byte[] body = x.getRequestBody().readAllBytes();
            try {
                if (path.equals("/auth/o2/token")) {
                    json(x, 200, "{\"access_token\":\"Atza|bench-access-token\",\"token_type\":\"bearer\","
                            + "\"expires_in\":3600}");
                } else if (path.equals("/tokens/2021-03-01/restrictedDataToken")) {
                    json(x, 200, "{\"restrictedDataToken\":\"Atz.sprdt|bench-rdt\",\"expiresIn\":3600}");
                } else if (path.equals("/orders/v0/orders")) {
                    orders(x);
                } else if (ITEMS.matcher(path).matches()) {
                    Matcher m = ITEMS.matcher(path);
                    m.matches();
                    if (!itemsServed.add(m.group(1)) || firstAccepted.get() != 0) {
                        itemsDuringSync.incrementAndGet();
                    }
                    json(x, 200, "{\"payload\":{\"AmazonOrderId\":\"" + m.group(1) + "\",\"OrderItems\":[{"
                            + "\"ASIN\":\"B00551Q3CS\",\"OrderItemId\":\"" + m.group(1).substring(1) + "0001\","
                            + "\"SellerSKU\":\"BENCH-SKU\",\"QuantityOrdered\":1,\"QuantityShipped\":0,"
                            + "\"ItemPrice\":{\"CurrencyCode\":\"USD\",\"Amount\":\"10.00\"}}]}}");
                } else if (CONFIRM.matcher(path).matches()) {
                    confirm(x, path, new String(body, StandardCharsets.UTF_8));
                } else {
                    json(x, 404, "{\"errors\":[{\"code\":\"NotFound\",\"message\":\"" + path + "\"}]}");
                }
            } finally {
                x.close();
            }
        }

        private void orders(HttpExchange x) throws IOException {
            String q = x.getRequestURI().getRawQuery();
            int page = 0;
            for (String p : q.split("&")) {
                if (p.startsWith("NextToken=")) {
                    page = Integer.parseInt(URLDecoder.decode(p.substring(10), StandardCharsets.UTF_8).substring(5));
                }
            }
            StringBuilder s = new StringBuilder("{\"payload\":{\"Orders\":[");
            int from = page * 100;
            int to = Math.min(n, from + 100);
            for (int i = from; i < to; i++) {
                s.append(i == from ? "" : ",").append("{\"AmazonOrderId\":\"B").append(i)
                        .append("\",\"PurchaseDate\":\"2026-12-01T08:00:00Z\",\"LastUpdateDate\":\"2026-12-01T08:00:00Z\","
                                + "\"OrderStatus\":\"Unshipped\",\"FulfillmentChannel\":\"MFN\","
                                + "\"OrderTotal\":{\"CurrencyCode\":\"USD\",\"Amount\":\"10.00\"},"
                                + "\"ShippingAddress\":{\"Name\":\"Bench\",\"AddressLine1\":\"1 Main St\","
                                + "\"City\":\"Seattle\",\"StateOrRegion\":\"WA\",\"PostalCode\":\"98121\","
                                + "\"CountryCode\":\"US\"}}");
            }
            s.append("]").append(to < n ? ",\"NextToken\":\"page-" + (page + 1) + "\"" : "").append("}}");
            json(x, 200, s.toString());
        }

        private void confirm(HttpExchange x, String path, String body) throws IOException {
            long now = System.nanoTime();
            synchronized (this) {
                tokens = Math.min(burst, tokens + (now - last) / 1e9 * rate);
                last = now;
                if (tokens < 1) {
                    refused.incrementAndGet();
                    json(x, 429, "{\"errors\":[{\"code\":\"QuotaExceeded\",\"message\":\"You exceeded your quota for "
                            + "the requested resource.\"}]}");
                    return;
                }
                tokens -= 1;
            }
            Matcher order = CONFIRM.matcher(path);
            order.matches();
            Matcher ref = REF.matcher(body);
            if (!ref.find() || !body.contains("\"carrierName\":\"YunExpress\"")) {
                json(x, 400, "{\"errors\":[{\"code\":\"InvalidInput\",\"message\":\"Invalid Input\"}]}");
                return;
            }
            firstAccepted.compareAndSet(0, now);
            lastAccepted.set(now);
            accepted.incrementAndGet();
            packages.computeIfAbsent(order.group(1), k -> new ConcurrentHashMap<>()).put(ref.group(1), body);
            x.sendResponseHeaders(204, -1);
        }

        private static void json(HttpExchange x, int status, String body) throws IOException {
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            x.getResponseHeaders().set("Content-Type", "application/json");
            x.sendResponseHeaders(status, b.length);
            x.getResponseBody().write(b);
        }
    }
}
