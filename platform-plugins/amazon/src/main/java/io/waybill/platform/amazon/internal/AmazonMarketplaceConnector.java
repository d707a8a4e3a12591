package io.waybill.platform.amazon.internal;

import io.waybill.plugin.kit.AccountSettings;
import io.waybill.plugin.kit.platform.StoreCall;
import io.waybill.plugin.kit.HttpReply;
import io.waybill.plugin.kit.SecretFiles;
import io.waybill.plugin.kit.json.Json;
import io.waybill.plugin.kit.platform.PartialShipment;
import io.waybill.spi.common.Message;
import io.waybill.spi.common.PluginDescriptor;
import io.waybill.spi.common.Result;
import io.waybill.spi.platform.MarketplaceConnector;
import io.waybill.spi.platform.OrderPage;
import io.waybill.spi.platform.PlatformOrder;
import io.waybill.spi.platform.RateLimit;
import io.waybill.spi.platform.ShipmentConfirmation;
import io.waybill.spi.platform.StoreContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * One Amazon seller account in one marketplace as the order source of one Waybill store, over the Selling Partner
 * API: captures seller-fulfilled orders with searchOrders (Orders API v2026-01-01, the default: lastUpdatedTime
 * windows, paginationToken paging, items, address and buyer e-mail in the same answer) or, with the setting
 * {@code ordersApi = v0}, with getOrders (Orders API v0, NextToken paging, the buyer's address through a restricted
 * data token) and their items with getOrderItems, and confirms each package with
 * confirmShipment (one call per package; its packageReferenceId is derived from the tracking number, so a resend edits
 * the same package at Amazon instead of adding one). Every failure comes back as messages; nothing is thrown across
 * the SPI and no thread is started.
 */
@Component(service = MarketplaceConnector.class, configurationPid = AmazonMarketplaceConnector.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = AmazonConfig.class, factory = true)
public class AmazonMarketplaceConnector implements MarketplaceConnector {

    static final String PID = "io.waybill.platform.amazon";
    static final String ID = "amazon";
    static final String DESCRIPTION = "Captures Amazon seller-fulfilled orders and confirms shipments (Selling Partner"
            + " API).";
    /** Amazon: LastUpdatedBefore must be at least two minutes before the request; one more for clock skew. */
    static final Duration WINDOW_LAG = Duration.ofMinutes(3);
    /** Order items kept from the capture for the confirmations (getOrderItems allows 0.5 requests/s). */
    static final int ITEM_CACHE = 20_000;

    // documented usage plans (ordersV0.json, tokens_2021-03-01.json, sellers.json of amzn/selling-partner-api-models)
    static final double GET_ORDERS_RATE = 0.0167;
    static final int GET_ORDERS_BURST = 20;
    static final double GET_ORDER_ITEMS_RATE = 0.5;
    static final int GET_ORDER_ITEMS_BURST = 30;
    static final double RDT_RATE = 1;
    static final int RDT_BURST = 10;
    /** searchOrders' usage plan (orders_2026-01-01.json): 0.0056 requests/s, burst 20. */
    static final double SEARCH_ORDERS_RATE = 0.0056;
    static final int SEARCH_ORDERS_BURST = 20;
    /** Marks a paginationToken of searchOrders in the cursor, so that a token of the other API is never sent. */
    static final String V2026_TOKEN = "2026-01-01:";
    static final double PARTICIPATIONS_RATE = 0.016;
    static final int PARTICIPATIONS_BURST = 15;

    private static final System.Logger LOG = System.getLogger(AmazonMarketplaceConnector.class.getName());
    private static final StoreCall GUARD = new StoreCall("Amazon", PID, LOG);

    /** Everything one configuration produces, replaced as a whole when the configuration changes. */
    private record Account(String storeCode, PluginDescriptor descriptor, AmazonApi api, String marketplaceId,
                           boolean restricted, Set<String> carrierCodes, int lookbackDays, int pageSize,
                           RateLimit confirmLimit, Pace ordersPace, Pace itemsPace, Pace participationsPace,
                           String[] secrets, String configError, boolean v2026, Pace searchPace) {
    }

    /** Clock for capture windows, token expiry and Retry-After dates; tests replace it. */
    Clock clock = Clock.systemUTC();
    /** Time source of the usage-plan buckets; tests replace it. */
    LongSupplier nanoTime = System::nanoTime;
    /** How a request waits for its bucket; tests replace it. */
    Pace.Sleeper sleeper = Pace.THREAD_SLEEP;
    /** Where secret files ({@code secret-file:<name>} settings) live; tests replace it. */
    Path secretsDir = SecretFiles.defaultDir();

    private final Map<String, Cached> items = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
            return size() > ITEM_CACHE;
        }
    };

    private record Cached(Instant lastUpdate, List<AmazonResponseParser.Item> items) {
    }

    private volatile Account account = unconfigured("not configured");

    @Activate
    @Modified
    void configure(AmazonConfig config) {
        List<String> problems = new ArrayList<>();
        String storeCode = trim(config.storeCode());
        if (storeCode.isEmpty()) {
            problems.add("'Waybill store code' is empty");
        }
        String marketplaceId = trim(config.marketplaceId());
        if (marketplaceId.isEmpty()) {
            problems.add("'Marketplace id' is empty");
        }
        String clientId = trim(config.lwaClientId());
        if (clientId.isEmpty()) {
            problems.add("'LWA client id' is empty");
        }
        String secret = secret(config._lwaClientSecret(), "'LWA client secret'", problems);
        String refresh = secret(config._refreshToken(), "'Refresh token'", problems);
        String baseUrl = trim(config.baseUrl()).isEmpty() ? AmazonApi.DEFAULT_BASE_URL : trim(config.baseUrl());
        String tokenUrl = trim(config.tokenUrl()).isEmpty() ? AmazonAuth.DEFAULT_TOKEN_URL : trim(config.tokenUrl());
        checkUrl(baseUrl, "'API base URL'", problems);
        checkUrl(tokenUrl, "'Login with Amazon token URL'", problems);
        String ordersApi = trim(config.ordersApi()).isEmpty() ? AmazonRequests.V2026 : trim(config.ordersApi());
        if (!AmazonRequests.V2026.equals(ordersApi) && !AmazonRequests.V0.equals(ordersApi)) {
            problems.add("'Orders API for listing orders' must be " + AmazonRequests.V2026 + " or " + AmazonRequests.V0);
        }
        if (!(config.confirmRate() > 0)) {
            problems.add("'confirmShipment requests per second' must be above 0");
        }
        Duration connect = Duration.ofSeconds(Math.max(1, config.connectTimeoutSeconds()));
        Duration request = Duration.ofSeconds(Math.max(1, config.requestTimeoutSeconds()));
        AmazonApi api = null;
        if (problems.isEmpty()) {
            AmazonAuth auth = new AmazonAuth(tokenUrl, clientId, secret, refresh, connect, request, clock);
            api = new AmazonApi(baseUrl, connect, request, auth, clock,
                    Duration.ofSeconds(Math.max(0, config.maxWaitSeconds())),
                    new Pace("createRestrictedDataToken", RDT_RATE, RDT_BURST, nanoTime));
            api.sleeper = sleeper;
        }
        Set<String> codes = new LinkedHashSet<>();
        for (String c : trim(config.amazonCarrierCodes()).split(",")) {
            if (!c.isBlank()) {
                codes.add(c.trim());
            }
        }
        synchronized (items) {
            items.clear();
        }
        account = new Account(storeCode, descriptor(storeCode), api, marketplaceId, config.restrictedData(),
                Set.copyOf(codes), Math.min(730, Math.max(1, config.initialLookbackDays())),
                Math.min(100, Math.max(1, config.pageSize())),
                new RateLimit(config.confirmRate() > 0 ? config.confirmRate() : 2, Math.max(1, config.confirmBurst())),
                new Pace("getOrders", GET_ORDERS_RATE, GET_ORDERS_BURST, nanoTime),
                new Pace("getOrderItems", GET_ORDER_ITEMS_RATE, GET_ORDER_ITEMS_BURST, nanoTime),
                new Pace("getMarketplaceParticipations", PARTICIPATIONS_RATE, PARTICIPATIONS_BURST, nanoTime),
                new String[] {secret, refresh}, problems.isEmpty() ? null : String.join("; ", problems),
                !AmazonRequests.V0.equals(ordersApi),
                new Pace("searchOrders", SEARCH_ORDERS_RATE, SEARCH_ORDERS_BURST, nanoTime));
    }

    @Deactivate
    void deactivate() {
        account = unconfigured("deactivated");
    }

    @Override
    public PluginDescriptor descriptor() {
        return account.descriptor();
    }

    /**
     * One page of seller-fulfilled orders updated in the cursor's window ({@code null}: from the configured number of
     * days back), each with its items. Opening a window fixes its end at now minus {@link #WINDOW_LAG}. Orders still
     * Pending (payment not authorised) are left out: Amazon gives neither address nor prices for them, and they come
     * again when their status changes. Read-only: safe to repeat.
     */
    @Override
    public Result<OrderPage> fetchOrders(StoreContext store, String cursor) {
        return call(store, "the order capture", a -> {
            AmazonCursor window;
            if (cursor == null || cursor.isBlank()) {
                window = AmazonCursor.startingAt(clock.instant().minus(Duration.ofDays(a.lookbackDays())));
            } else {
                Optional<AmazonCursor> decoded = AmazonCursor.decode(cursor);
                if (decoded.isEmpty()) {
                    return Result.failure(Message.error(AmazonCodes.BAD_REQUEST, "The capture cursor '"
                            + io.waybill.plugin.kit.Texts.clip(cursor, 80) + "' was not written by the Amazon plugin;"
                            + " clear the store's cursor to capture from the configured number of days back."));
                }
                window = decoded.get();
            }
            if (window.nextToken() != null && window.nextToken().startsWith(V2026_TOKEN) != a.v2026()) {
                // a page token of the other Orders API (the setting changed mid-window): read the window again
                window = AmazonCursor.startingAt(window.from());
            }
            if (window.to() == null) {
                Instant to = clock.instant().minus(WINDOW_LAG);
                if (!to.isAfter(window.from())) {
                    return Result.ok(new OrderPage(List.of(), window.encode(), false));
                }
                window = new AmazonCursor(window.from(), to, null);
            }
            return a.v2026() ? searchOrders(a, window) : getOrders(a, window);
        });
    }

    /** One page of searchOrders (v2026-01-01): items, address and e-mail come with the orders, no further call. */
    private Result<OrderPage> searchOrders(Account a, AmazonCursor window)
            throws Refused, IOException, InterruptedException {
        String token = window.nextToken() == null ? null : window.nextToken().substring(V2026_TOKEN.length());
        HttpReply reply = a.api().get(AmazonRequests.searchOrders(a.marketplaceId(), window.from(), window.to(),
                a.pageSize(), token, a.restricted()), AmazonApi.Token.ACCESS, a.searchPace());
        if (!reply.isSuccess()) {
            return Result.failure(errors().http(reply, "the order capture (searchOrders)").toArray(Message[]::new));
        }
        Optional<AmazonResponseParser.SearchPage> page = Json.parse(reply.body())
                .flatMap(AmazonResponseParser::searchOrders);
        if (page.isEmpty()) {
            return Result.failure(badResponse("the order capture (searchOrders)"));
        }
        List<PlatformOrder> orders = new ArrayList<>();
        for (AmazonResponseParser.SearchedOrder o : page.get().orders()) {
            if (o.order().pending()) {
                continue;
            }
            synchronized (items) { // kept for the confirmations: no getOrderItems for them
                items.put(o.order().orderId(), new Cached(o.order().lastUpdate(), o.items()));
            }
            orders.add(AmazonResponseParser.toPlatformOrder(o.order(), o.items()));
        }
        String next = page.get().nextToken();
        AmazonCursor following = next != null ? new AmazonCursor(window.from(), window.to(), V2026_TOKEN + next)
                : AmazonCursor.startingAt(window.to());
        return Result.ok(new OrderPage(orders, following.encode(), next != null));
    }

    /** One page of getOrders (v0), each order's items with getOrderItems unless kept from before. */
    private Result<OrderPage> getOrders(Account a, AmazonCursor window)
            throws Refused, IOException, InterruptedException {
        HttpReply reply = a.api().get(AmazonRequests.orders(a.marketplaceId(), window.from(), window.to(),
                        a.pageSize(), window.nextToken()),
                a.restricted() ? AmazonApi.Token.RESTRICTED : AmazonApi.Token.ACCESS, a.ordersPace());
        if (!reply.isSuccess()) {
            return Result.failure(errors().http(reply, "the order capture (getOrders)").toArray(Message[]::new));
        }
        Optional<AmazonResponseParser.OrdersPage> page = Json.parse(reply.body())
                .flatMap(AmazonResponseParser::orders);
        if (page.isEmpty()) {
            return Result.failure(badResponse("the order capture (getOrders)"));
        }
        List<PlatformOrder> orders = new ArrayList<>();
        for (AmazonResponseParser.Order o : page.get().orders()) {
            if (o.pending()) {
                continue;
            }
            orders.add(AmazonResponseParser.toPlatformOrder(o, items(a, o.orderId(), o.lastUpdate())));
        }
        String next = page.get().nextToken();
        AmazonCursor following = next != null ? new AmazonCursor(window.from(), window.to(), next)
                : AmazonCursor.startingAt(window.to());
        return Result.ok(new OrderPage(orders, following.encode(), next != null));
    }

    /**
     * Test connection: a fresh access token from Login with Amazon, then getMarketplaceParticipations (read-only).
     * Ok names the marketplaces the seller sells in; a refused credential is auth_failed.
     */
    @Override
    public Result<String> testConnection(StoreContext store) {
        return call(store, "the connection test", a -> {
            HttpReply reply = a.api().get(AmazonRequests.PARTICIPATIONS, AmazonApi.Token.ACCESS,
                    a.participationsPace());
            if (!reply.isSuccess()) {
                return Result.failure(errors().http(reply, "the connection test").toArray(Message[]::new));
            }
            Optional<List<String>> names = Json.parse(reply.body()).flatMap(AmazonResponseParser::participations);
            if (names.isEmpty()) {
                return Result.failure(badResponse("the connection test"));
            }
            boolean sellsHere = names.get().stream().anyMatch(n -> n.endsWith("(" + a.marketplaceId() + ")"));
            return Result.ok("Connected to Amazon: the seller of store " + a.storeCode() + " takes part in "
                    + (names.get().isEmpty() ? "no marketplace" : String.join(", ", names.get())) + "."
                    + (sellsHere ? "" : " The configured marketplace " + a.marketplaceId() + " is not among them."));
        });
    }

    /**
     * Confirms one package: confirmShipment with a packageReferenceId derived from the tracking number (see
     * {@link AmazonRequests#packageReferenceId}), the carrier (Amazon carrier code, or "Other" with the carrier's
     * name), the tracking number, the ship date and the order's items with their ordered quantities (from the capture,
     * else getOrderItems) — for a package of a split order only its items (SPI 1.4 {@code items}, by seller SKU, the
     * plugin kit's {@link PartialShipment}; a SKU the order lacks: {@value PartialShipment#UNMATCHED}, nothing sent).
     * 204 is success. A resend (after a timeout whose call went through) sends the same packageReferenceId, which
     * Amazon documents as an edit of that package: never a second package.
     */
    @Override
    public Result<Boolean> confirmShipment(StoreContext store, ShipmentConfirmation confirmation) {
        return call(store, "the shipment confirmation", a -> {
            if (confirmation == null || blank(confirmation.platformOrderId()) || blank(confirmation.trackingNumber())
                    || blank(confirmation.carrierCode())) {
                return Result.failure(Message.error(AmazonCodes.BAD_REQUEST, "A shipment confirmation needs the"
                        + " Amazon order id, the carrier and a tracking number."));
            }
            String orderId = confirmation.platformOrderId().trim();
            String tracking = confirmation.trackingNumber().trim();
            String carrier = confirmation.carrierCode().trim();
            List<AmazonResponseParser.Item> orderItems = items(a, orderId, null);
            List<AmazonRequests.PackageItem> lines = new ArrayList<>();
            if (confirmation.partial()) {
                // a package of a split order (SPI 1.4) carries some of the items: those, by seller SKU, with its
                // units (the plugin kit's one rule); a SKU the order lacks is refused, nothing sent
                PartialShipment.Match match = PartialShipment.match(confirmation.items(), orderItems.stream()
                        .map(i -> new PartialShipment.OpenLine(i.orderItemId(), i.sku(), i.quantityOrdered()))
                        .toList());
                if (!match.complete()) {
                    return Result.failure(PartialShipment.unmatched("Amazon", orderId, match.missing().isEmpty()
                            ? List.of("its items") : match.missing(), tracking));
                }
                match.takes().forEach(t -> lines.add(new AmazonRequests.PackageItem(t.id(), t.units())));
            } else {
                orderItems.stream().filter(i -> i.quantityOrdered() > 0)
                        .forEach(i -> lines.add(new AmazonRequests.PackageItem(i.orderItemId(), i.quantityOrdered())));
            }
            if (lines.isEmpty()) {
                return Result.failure(Message.error(AmazonCodes.REJECTED, "Amazon order " + orderId + " has no"
                        + " items left to ship (all cancelled); it cannot be confirmed with " + tracking + "."));
            }
            String reference = AmazonRequests.packageReferenceId(tracking);
            Instant shipDate = confirmation.shippedAt() == null ? clock.instant() : confirmation.shippedAt();
            HttpReply reply = a.api().post(AmazonRequests.confirmShipment(orderId),
                    Json.bytes(AmazonRequests.confirmShipment(a.marketplaceId(), reference, carrier, a.carrierCodes(),
                            tracking, shipDate, lines)), null);
            if (!reply.isSuccess()) {
                return Result.failure(errors().http(reply, "the shipment confirmation of order " + orderId)
                        .toArray(Message[]::new));
            }
            return Result.ok(Boolean.TRUE, List.of(new Message(AmazonCodes.CONFIRMED, Message.Severity.INFO,
                    "Amazon order " + orderId + ": package " + reference + " confirmed shipped with " + carrier
                            + ", tracking number " + tracking + ".")));
        });
    }

    /**
     * confirmShipment's published usage plan (2 requests/s, burst 10), or what the configuration says (a seller with
     * a raised plan, or a test stub): the core's throttle sends confirmations no faster.
     */
    @Override
    public RateLimit rateLimit(StoreContext store) {
        return account.confirmLimit();
    }

    // ------------------------------------------------------------------------------------------------------------

    /**
     * The order's items: the ones kept from the capture when the order has not changed since ({@code lastUpdate}
     * null: any kept), else getOrderItems, every page.
     */
    private List<AmazonResponseParser.Item> items(Account a, String orderId, Instant lastUpdate)
            throws Refused, IOException, InterruptedException {
        synchronized (items) {
            Cached c = items.get(orderId);
            if (c != null && (lastUpdate == null || lastUpdate.equals(c.lastUpdate()))) {
                return c.items();
            }
        }
        List<AmazonResponseParser.Item> all = new ArrayList<>();
        String next = null;
        String operation = "the order items of order " + orderId + " (getOrderItems)";
        do {
            HttpReply reply = a.api().get(AmazonRequests.orderItems(orderId, next), AmazonApi.Token.ACCESS,
                    a.itemsPace());
            if (!reply.isSuccess()) {
                throw new Refused(errors().http(reply, operation));
            }
            Optional<AmazonResponseParser.ItemsPage> page = Json.parse(reply.body())
                    .flatMap(AmazonResponseParser::items);
            if (page.isEmpty()) {
                throw new Refused(badResponse(operation));
            }
            all.addAll(page.get().items());
            next = page.get().nextToken();
        } while (next != null);
        List<AmazonResponseParser.Item> result = List.copyOf(all);
        synchronized (items) {
            items.put(orderId, new Cached(lastUpdate, result));
        }
        return result;
    }

    private AmazonErrors errors() {
        return new AmazonErrors(clock);
    }

    private static Message badResponse(String operation) {
        return Message.error(AmazonCodes.BAD_RESPONSE, "Amazon's answer to " + operation + " is not readable.");
    }

    @FunctionalInterface
    private interface Operation<T> {
        Result<T> run(Account account) throws Refused, IOException, InterruptedException;
    }

    /**
     * Runs an operation so that nothing crosses the SPI: a call for another store, configuration problems, refused
     * steps, transport failures and stray exceptions all become messages, and every secret is scrubbed from them.
     */
    private <T> Result<T> call(StoreContext store, String operation, Operation<T> body) {
        Account a = account;
        List<String> secrets = new ArrayList<>(Arrays.asList(a.secrets()));
        if (a.api() != null) {
            secrets.addAll(Arrays.asList(a.api().secrets()));
        }
        return GUARD.call(store, operation, a.storeCode(), AccountSettings.unusable(a.configError(), a.api()),
                () -> body.run(a), secrets.toArray(String[]::new));
    }

    private String secret(String value, String label, List<String> problems) {
        try {
            String s = trim(SecretFiles.resolve(value, secretsDir));
            if (s.isEmpty()) {
                problems.add(label + " is empty");
            }
            return s;
        } catch (IllegalArgumentException e) {
            problems.add(label + ": " + e.getMessage());
            return "";
        }
    }

    private static void checkUrl(String url, String label, List<String> problems) {
        try {
            URI uri = URI.create(url);
            if (!uri.isAbsolute() || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
                    || uri.getHost() == null) {
                problems.add(label + " must be an http(s) URL");
            }
        } catch (IllegalArgumentException e) {
            problems.add(label + " is not a URL");
        }
    }

    private Account unconfigured(String why) {
        return new Account("", descriptor(""), null, "", true, Set.of(), 30, 20, new RateLimit(2, 10), null, null,
                null, new String[0], why, true, null);
    }

    private static PluginDescriptor descriptor(String storeCode) {
        return new PluginDescriptor(ID, storeCode.isEmpty() ? "Amazon" : "Amazon (" + storeCode + ")", DESCRIPTION);
    }

    private static String trim(String s) {
        return s == null ? "" : s.trim();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    @Override
    public String toString() {
        return "AmazonMarketplaceConnector[" + account.storeCode() + "]";
    }
}
