package io.waybill.platform.tiktok.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.waybill.plugin.kit.AccountSettings;
import io.waybill.plugin.kit.platform.StoreCall;
import io.waybill.plugin.kit.HttpReply;
import io.waybill.plugin.kit.JsonApi;
import io.waybill.plugin.kit.SecretFiles;
import io.waybill.plugin.kit.Texts;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One TikTok Shop shop as the order source of one Waybill store (API version 202309, every request signed): captures
 * orders with Search Orders (update_time windows, {@code next_page_token} paging) and reports shipments with the
 * seller's own carrier: Ship Package ({@code self_shipment}) for a package not shipped yet, Update Shipping Info when
 * the order already carries another tracking number, nothing when it carries this one (checked first with Get Order
 * Detail, so a resend never ships twice). Failures come back as messages; nothing is thrown across the SPI.
 */
@Component(service = MarketplaceConnector.class, configurationPid = TikTokMarketplaceConnector.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = TikTokConfig.class, factory = true)
public class TikTokMarketplaceConnector implements MarketplaceConnector {

    static final String PID = "io.waybill.platform.tiktok";
    static final String ID = "tiktok";
    static final String DESCRIPTION = "Captures TikTok Shop orders and ships their packages with the seller's own"
            + " carrier (API 202309).";
    /** A window closes this long before now, so orders TikTok is still indexing are not skipped. */
    static final Duration WINDOW_LAG = Duration.ofMinutes(3);

    private static final System.Logger LOG = System.getLogger(TikTokMarketplaceConnector.class.getName());
    private static final StoreCall GUARD = new StoreCall("TikTok Shop", PID, LOG);

    private record Account(String storeCode, PluginDescriptor descriptor, TikTokAuth auth, TikTokRequests requests,
                           int lookbackDays, int pageSize, RateLimit limit, String[] secrets, String configError) {

        /** The secrets to scrub: the configured ones and every token the connection held. */
        String[] allSecrets() {
            if (auth == null) {
                return secrets;
            }
            String[] held = auth.secrets();
            String[] all = java.util.Arrays.copyOf(secrets, secrets.length + held.length);
            System.arraycopy(held, 0, all, secrets.length, held.length);
            return all;
        }
    }

    /** Clock for windows and request timestamps; tests replace it. */
    Clock clock = Clock.systemUTC();
    /** Where secret files ({@code secret-file:<name>} settings) live; tests replace it. */
    Path secretsDir = SecretFiles.defaultDir();

    private volatile Account account = unconfigured("not configured");

    @Activate
    @Modified
    void configure(TikTokConfig config) {
        List<String> problems = new ArrayList<>();
        String storeCode = trim(config.storeCode());
        if (storeCode.isEmpty()) {
            problems.add("'Waybill store code' is empty");
        }
        String appKey = trim(config.appKey());
        if (appKey.isEmpty()) {
            problems.add("'App key' is empty");
        }
        String secret = secret(config._appSecret(), "'App secret'", problems);
        String token = optionalSecret(config._accessToken(), "'Access token'", problems);
        String refresh = optionalSecret(config._refreshToken(), "'Refresh token'", problems);
        if (token.isEmpty() && refresh.isEmpty()) {
            problems.add("'Access token' and 'Refresh token' are both empty");
        }
        String cipher = trim(config.shopCipher());
        if (cipher.isEmpty()) {
            problems.add("'Shop cipher' is empty");
        }
        String baseUrl = trim(config.baseUrl()).isEmpty() ? TikTokRequests.DEFAULT_BASE_URL : trim(config.baseUrl());
        try {
            URI uri = URI.create(baseUrl);
            if (!uri.isAbsolute() || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
                    || uri.getHost() == null) {
                problems.add("'API base URL' must be an http(s) URL");
            }
        } catch (IllegalArgumentException e) {
            problems.add("'API base URL' is not a URL");
        }
        if (!(config.requestsPerSecond() > 0)) {
            problems.add("'Requests per second' must be above 0");
        }
        String authUrl = trim(config.authUrl()).isEmpty() ? TikTokAuth.DEFAULT_AUTH_URL : trim(config.authUrl());
        try {
            URI uri = URI.create(authUrl);
            if (!uri.isAbsolute() || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
                    || uri.getHost() == null) {
                problems.add("'Token refresh URL' must be an http(s) URL");
            }
        } catch (IllegalArgumentException e) {
            problems.add("'Token refresh URL' is not a URL");
        }
        TikTokAuth auth = problems.isEmpty() ? new TikTokAuth(baseUrl, authUrl, appKey, secret, token, refresh,
                Duration.ofSeconds(Math.max(1, config.connectTimeoutSeconds())),
                Duration.ofSeconds(Math.max(1, config.requestTimeoutSeconds())), clock) : null;
        account = new Account(storeCode, descriptor(storeCode), auth, new TikTokRequests(appKey, secret, cipher),
                Math.max(1, config.initialLookbackDays()), Math.min(100, Math.max(1, config.pageSize())),
                new RateLimit(config.requestsPerSecond() > 0 ? config.requestsPerSecond() : 5,
                        Math.max(1, config.burst())), new String[] {secret, token, refresh},
                problems.isEmpty() ? null : String.join("; ", problems));
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
     * One page of orders updated in the cursor's window ({@code null}: from the configured number of days back).
     * UNPAID and ON_HOLD orders are left out (they come again when their status changes). Read-only.
     */
    @Override
    public Result<OrderPage> fetchOrders(StoreContext store, String cursor) {
        return call(store, "the order capture", a -> {
            long now = clock.instant().getEpochSecond();
            TikTokCursor window;
            if (cursor == null || cursor.isBlank()) {
                window = TikTokCursor.startingAt(now - Duration.ofDays(a.lookbackDays()).getSeconds());
            } else {
                Optional<TikTokCursor> decoded = TikTokCursor.decode(cursor);
                if (decoded.isEmpty()) {
                    return Result.failure(Message.error(TikTokCodes.BAD_REQUEST, "The capture cursor '"
                            + Texts.clip(cursor, 80) + "' was not written by the TikTok Shop plugin; clear the"
                            + " store's cursor to capture from the configured number of days back."));
                }
                window = decoded.get();
            }
            if (window.to() < 0) {
                long to = now - WINDOW_LAG.getSeconds();
                if (to <= window.from()) {
                    return Result.ok(new OrderPage(List.of(), window.encode(), false));
                }
                window = new TikTokCursor(window.from(), to, null);
            }
            TikTokRequests.Signed req = a.requests().searchOrders(window.from(), window.to(), a.pageSize(),
                    window.pageToken(), now);
            JsonNode root = exchange(a, c -> c.postJson(req.pathAndQuery(), req.bodyBytes()), "the order capture");
            Optional<TikTokResponseParser.Page> page = TikTokResponseParser.page(root);
            if (page.isEmpty()) {
                return Result.failure(badResponse("the order capture"));
            }
            List<PlatformOrder> orders = new ArrayList<>();
            for (JsonNode o : page.get().orders()) {
                if (!TikTokResponseParser.notReady(o)) {
                    orders.add(TikTokResponseParser.toPlatformOrder(o));
                }
            }
            String next = page.get().nextPageToken();
            boolean more = next != null && !page.get().orders().isEmpty();
            TikTokCursor following = more ? new TikTokCursor(window.from(), window.to(), next)
                    : TikTokCursor.startingAt(window.to());
            return Result.ok(new OrderPage(orders, following.encode(), more));
        });
    }

    /** Test connection: Get Authorized Shops (read-only); ok names the shops the token opens. */
    @Override
    public Result<String> testConnection(StoreContext store) {
        return call(store, "the connection test", a -> {
            TikTokRequests.Signed req = a.requests().shops(clock.instant().getEpochSecond());
            JsonNode root = exchange(a, c -> c.get(req.pathAndQuery()), "the connection test");
            Optional<List<String>> shops = TikTokResponseParser.shops(root);
            if (shops.isEmpty()) {
                return Result.failure(badResponse("the connection test"));
            }
            return Result.ok("Connected to TikTok Shop: the token of store " + a.storeCode() + " opens "
                    + (shops.get().isEmpty() ? "no shop" : String.join(", ", shops.get())) + ".");
        });
    }

    /**
     * Reports the shipment with the seller's own carrier: {@code carrierCode} is TikTok's
     * {@code shipping_provider_id} (the core maps Waybill's carrier to it through the carrier code table). Reads the
     * order first: a line item already carrying this tracking number means done (ok, nothing sent); a package whose
     * items carry no tracking number is shipped with Ship Package; an order shipped with another number gets Update
     * Shipping Info. A package that carries only some of the order's items (SPI 1.4): {@link #shipPartial}.
     */
    @Override
    public Result<Boolean> confirmShipment(StoreContext store, ShipmentConfirmation confirmation) {
        return call(store, "the shipment confirmation", a -> {
            if (confirmation == null || blank(confirmation.platformOrderId()) || blank(confirmation.trackingNumber())
                    || blank(confirmation.carrierCode())) {
                return Result.failure(Message.error(TikTokCodes.BAD_REQUEST, "A shipment confirmation needs the"
                        + " TikTok Shop order id, the shipping provider id and a tracking number."));
            }
            String orderId = confirmation.platformOrderId().trim();
            String tracking = confirmation.trackingNumber().trim();
            String provider = confirmation.carrierCode().trim();
            String operation = "the shipment confirmation of order " + orderId;
            long now = clock.instant().getEpochSecond();
            TikTokRequests.Signed detailReq = a.requests().orderDetail(orderId, now);
            Optional<JsonNode> order = TikTokResponseParser.detail(exchange(a,
                    c -> c.get(detailReq.pathAndQuery()), operation));
            if (order.isEmpty()) {
                return Result.failure(badResponse(operation));
            }
            if (TikTokResponseParser.cancelled(order.get())) {
                return Result.failure(Message.error(TikTokCodes.REJECTED, "TikTok Shop order " + orderId
                        + " was cancelled; it cannot be shipped."));
            }
            List<TikTokResponseParser.LineItem> items = TikTokResponseParser.lineItems(order.get());
            if (items.stream().anyMatch(i -> TikTokResponseParser.sameTracking(i.trackingNumber(), tracking))) {
                return Result.ok(Boolean.TRUE, List.of(new Message(TikTokCodes.ALREADY_CONFIRMED,
                        Message.Severity.INFO, "TikTok Shop order " + orderId + " already carries tracking number "
                        + tracking + "; nothing sent.")));
            }
            if (confirmation.partial()) {
                return shipPartial(a, confirmation, orderId, tracking, provider, items,
                        TikTokResponseParser.packageIds(order.get()), operation);
            }
            Optional<String> open = items.stream().filter(i -> blank(i.trackingNumber())
                    && !"CANCELLED".equals(i.displayStatus()) && i.packageId() != null)
                    .map(TikTokResponseParser.LineItem::packageId).findFirst();
            if (open.isEmpty() && items.stream().noneMatch(i -> !blank(i.trackingNumber()))) {
                List<String> packages = TikTokResponseParser.packageIds(order.get());
                open = packages.isEmpty() ? Optional.empty() : Optional.of(packages.get(0));
            }
            TikTokRequests.Signed send;
            String done;
            if (open.isPresent()) {
                send = a.requests().shipPackage(open.get(), tracking, provider, now);
                done = "package " + open.get() + " shipped";
            } else if (items.stream().anyMatch(i -> !blank(i.trackingNumber()))) {
                send = a.requests().updateShippingInfo(orderId, tracking, provider, now);
                done = "shipping info updated";
            } else {
                return Result.failure(Message.error(TikTokCodes.REJECTED, "TikTok Shop order " + orderId
                        + " has no package to ship."));
            }
            TikTokRequests.Signed sending = send;
            exchange(a, c -> c.postJson(sending.pathAndQuery(), sending.bodyBytes()), operation);
            return Result.ok(Boolean.TRUE, List.of(new Message(TikTokCodes.CONFIRMED, Message.Severity.INFO,
                    "TikTok Shop order " + orderId + ": " + done + " with tracking number " + tracking
                            + " (shipping provider " + provider + ").")));
        });
    }

    /**
     * A package that carries only some of the order's items (SPI platform 1.4). TikTok lists one line item per unit;
     * the package's items take the open ones (no tracking number, not cancelled) of their line (SPI 1.6: the line id
     * captured, {@link TikTokResponseParser#lineIds}), or by seller SKU for an order captured without ids (the plugin
     * kit's {@link PartialShipment}; an item without units left: {@value PartialShipment#UNMATCHED}, nothing sent). When they
     * are exactly the open line items of one TikTok package, that package is shipped. Otherwise the order must be
     * split on TikTok's side first: only an order still in one package, and only when Get Order Split Attributes says
     * {@code can_split}; then Split Orders makes the package's line items one package and the rest another, and the
     * new package is shipped. An order TikTok cannot split (or one already split differently) is refused with
     * {@value PartialShipment#NOT_SPLITTABLE} and TikTok's reason: never the whole order.
     */
    private Result<Boolean> shipPartial(Account a, ShipmentConfirmation confirmation, String orderId,
                                        String tracking, String provider, List<TikTokResponseParser.LineItem> items,
                                        List<String> orderPackages, String operation) throws Refused, IOException, InterruptedException {
        List<TikTokResponseParser.LineItem> open = items.stream().filter(i -> i.id() != null
                && blank(i.trackingNumber()) && !"CANCELLED".equals(i.displayStatus())).toList();
        PartialShipment.Match match = PartialShipment.match(confirmation.items(), open.stream()
                .map(i -> new PartialShipment.OpenLine(i.id(), i.sellerSku(), 1, i.lineId())).toList());
        if (!match.complete()) {
            return Result.failure(PartialShipment.unmatched("TikTok Shop", orderId, match.missing().isEmpty()
                    ? List.of("its items") : match.missing(), tracking));
        }
        List<String> chosen = match.takes().stream().map(PartialShipment.Take::id).toList();
        java.util.Set<String> packages = new java.util.LinkedHashSet<>();
        open.forEach(i -> packages.add(i.packageId() == null ? "" : i.packageId()));
        Optional<String> whole = Optional.empty();
        if (packages.size() == 1 && chosen.size() == open.size()) {
            // the package carries everything still open: ship the one TikTok package as it is
            String id = packages.iterator().next();
            if (id.isEmpty() && orderPackages.size() != 1) {
                return Result.failure(Message.error(TikTokCodes.REJECTED, "TikTok Shop order " + orderId
                        + " has no package to ship."));
            }
            whole = Optional.of(id.isEmpty() ? orderPackages.get(0) : id);
        } else {
            for (String p : packages) {
                List<String> inP = open.stream().filter(i -> p.equals(i.packageId() == null ? "" : i.packageId()))
                        .map(TikTokResponseParser.LineItem::id).toList();
                if (!p.isEmpty() && new java.util.HashSet<>(inP).equals(new java.util.HashSet<>(chosen))) {
                    whole = Optional.of(p); // the order is split already, and this is one of its packages
                }
            }
        }
        long now = clock.instant().getEpochSecond();
        String done;
        String packageId;
        if (whole.isPresent()) {
            packageId = whole.get();
            done = "package " + packageId + " shipped";
        } else {
            if (packages.size() > 1) {
                return Result.failure(PartialShipment.notSplittable("TikTok Shop", orderId, "it is split into"
                        + " packages " + String.join(", ", packages) + " already and this package's items are not"
                        + " one of them", tracking));
            }
            TikTokRequests.Signed attrReq = a.requests().splitAttributes(orderId, now);
            JsonNode attrs = exchange(a, c -> c.get(attrReq.pathAndQuery()), operation);
            Optional<TikTokResponseParser.SplitAttribute> attr = TikTokResponseParser.splitAttribute(attrs, orderId);
            if (attr.isEmpty()) {
                return Result.failure(badResponse(operation));
            }
            if (!attr.get().canSplit()) {
                return Result.failure(PartialShipment.notSplittable("TikTok Shop", orderId,
                        "TikTok cannot split it into packages" + (blank(attr.get().reason()) ? ""
                                : ": " + attr.get().reason().strip()), tracking));
            }
            java.util.Set<String> mine = new java.util.HashSet<>(chosen);
            List<String> rest = open.stream().map(TikTokResponseParser.LineItem::id).filter(id -> !mine.contains(id))
                    .toList();
            List<List<String>> groups = rest.isEmpty() ? List.of(chosen) : List.of(chosen, rest);
            TikTokRequests.Signed splitReq = a.requests().splitOrder(orderId, groups, now);
            JsonNode split = exchange(a, c -> c.postJson(splitReq.pathAndQuery(), splitReq.bodyBytes()), operation);
            Optional<String> created = TikTokResponseParser.splitPackage(split, "1");
            if (created.isEmpty()) {
                return Result.failure(badResponse(operation));
            }
            packageId = created.get();
            done = "split, package " + packageId + " (" + chosen.size() + " of " + open.size()
                    + " open line items) shipped";
        }
        TikTokRequests.Signed ship = a.requests().shipPackage(packageId, tracking, provider, now);
        exchange(a, c -> c.postJson(ship.pathAndQuery(), ship.bodyBytes()), operation);
        return Result.ok(Boolean.TRUE, List.of(new Message(TikTokCodes.CONFIRMED, Message.Severity.INFO,
                "TikTok Shop order " + orderId + ": " + done + " with tracking number " + tracking
                        + " (shipping provider " + provider + ").")));
    }

    /**
     * The request limit the core's throttle keeps for this shop: the configured one (TikTok publishes its limits per
     * app in Partner Center; 5 requests/s, burst 5 is Waybill's own cautious default, not a TikTok figure).
     */
    @Override
    public RateLimit rateLimit(StoreContext store) {
        return account.limit();
    }

    // ------------------------------------------------------------------------------------------------------------

    @FunctionalInterface
    private interface Exchange {
        HttpReply send(JsonApi client) throws IOException, InterruptedException;
    }

    /**
     * Sends with the current access token (refreshed first when it is about to expire) and reads the answer. When
     * TikTok refuses the token (an answer code of the token group 105xxx, or HTTP 401 without a readable code) and a
     * refresh token is configured, the token is refreshed and the request sent once more; a second refusal is the
     * answer. A bad signature (106xxx) is not a token problem and is not retried.
     */
    private JsonNode exchange(Account a, Exchange request, String operation)
            throws Refused, IOException, InterruptedException {
        for (int attempt = 0; ; attempt++) {
            String token = a.auth().accessToken();
            HttpReply reply = request.send(a.auth().client(token));
            if (attempt == 0 && a.auth().canRefresh() && TikTokErrors.tokenRefused(reply)) {
                a.auth().invalidate(token);
                continue;
            }
            return answer(reply, operation);
        }
    }

    /** The JSON of a successful answer ({@code code} 0); anything else becomes a {@link Refused}. */
    private JsonNode answer(HttpReply reply, String operation) throws Refused {
        if (!reply.isSuccess()) {
            throw new Refused(new TikTokErrors(clock).http(reply, operation));
        }
        Optional<JsonNode> json = Json.parse(reply.body());
        if (json.isEmpty() || !json.get().path("code").canConvertToLong()) {
            throw new Refused(List.of(badResponse(operation)));
        }
        long code = json.get().path("code").asLong();
        if (code != 0) {
            throw new Refused(TikTokErrors.code(code, Json.text(json.get(), "message"), operation));
        }
        return json.get();
    }

    private static Message badResponse(String operation) {
        return Message.error(TikTokCodes.BAD_RESPONSE, "TikTok Shop's answer to " + operation + " is not readable.");
    }

    @FunctionalInterface
    private interface Operation<T> {
        Result<T> run(Account account) throws Refused, IOException, InterruptedException;
    }

    private <T> Result<T> call(StoreContext store, String operation, Operation<T> body) {
        Account a = account;
        return GUARD.call(store, operation, a.storeCode(), AccountSettings.unusable(a.configError(), a.auth()),
                () -> body.run(a), a.allSecrets());
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

    private String optionalSecret(String value, String label, List<String> problems) {
        try {
            return trim(SecretFiles.resolve(value == null ? "" : value, secretsDir));
        } catch (IllegalArgumentException e) {
            problems.add(label + ": " + e.getMessage());
            return "";
        }
    }

    /** How many access token refreshes were sent (tests). */
    int refreshes() {
        TikTokAuth auth = account.auth();
        return auth == null ? 0 : auth.refreshes();
    }

    private static Account unconfigured(String why) {
        return new Account("", descriptor(""), null, null, 30, 50, new RateLimit(5, 5), new String[0], why);
    }

    private static PluginDescriptor descriptor(String storeCode) {
        return new PluginDescriptor(ID, storeCode.isEmpty() ? "TikTok Shop" : "TikTok Shop (" + storeCode + ")",
                DESCRIPTION);
    }

    private static String trim(String s) {
        return s == null ? "" : s.trim();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    @Override
    public String toString() {
        return "TikTokMarketplaceConnector[" + account.storeCode() + "]";
    }
}
