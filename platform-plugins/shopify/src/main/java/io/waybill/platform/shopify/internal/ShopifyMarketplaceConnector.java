package io.waybill.platform.shopify.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One Shopify shop as the order source of one Waybill store: captures orders page by page through the GraphQL Admin
 * API ({@code orders} sorted by update time, cursor paging, see {@link ShopifyCursor}) and reports shipments with
 * {@code fulfillmentCreate}, treating an order already fulfilled with the same tracking number as done. Every
 * failure comes back as messages; nothing is thrown across the SPI and no thread is started.
 */
@Component(service = MarketplaceConnector.class, configurationPid = ShopifyMarketplaceConnector.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = ShopifyConfig.class, factory = true)
public class ShopifyMarketplaceConnector implements MarketplaceConnector {

    static final String PID = "io.waybill.platform.shopify";
    static final String ID = "shopify";
    static final String DESCRIPTION = "Captures Shopify orders and reports shipments back (GraphQL Admin API).";

    private static final System.Logger LOG = System.getLogger(ShopifyMarketplaceConnector.class.getName());
    private static final StoreCall GUARD = new StoreCall("Shopify", PID, LOG);
    private static final Pattern SHOP = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Pattern API_VERSION = Pattern.compile("\\d{4}-\\d{2}|unstable");
    /** Follow-up requests for one order's line items before giving up (100 lines each). */
    private static final int MAX_LINE_PAGES = 50;

    /** Everything one configuration produces, replaced as a whole when the configuration changes. */
    private record Shop(String storeCode, PluginDescriptor descriptor, ShopifyClient client,
                        ShopifyRequestMapper mapper, String token, int lookbackDays, double restoreRate,
                        double bucketSize, double pointsPerCall, boolean useReported, String configError) {
    }

    /** The bucket Shopify last reported for this shop. */
    private record Reported(double maximumAvailable, double restoreRate) {
    }

    /** Clock for the first capture window and Retry-After dates; tests replace it. */
    Clock clock = Clock.systemUTC();

    private volatile Shop shop = unconfigured("not configured");
    private volatile Reported reported;

    /** Where secret files ({@code secret-file:<name>} settings) live; tests replace it. */
    java.nio.file.Path secretsDir = SecretFiles.defaultDir();

    @Activate
    @Modified
    void configure(ShopifyConfig config) {
        List<String> problems = new ArrayList<>();
        String storeCode = trim(config.storeCode());
        if (storeCode.isEmpty()) {
            problems.add("'Waybill store code' is empty");
        }
        String shopName = trim(config.shop()).toLowerCase(java.util.Locale.ROOT);
        if (shopName.endsWith(".myshopify.com")) {
            shopName = shopName.substring(0, shopName.length() - ".myshopify.com".length());
        }
        String baseUrl = trim(config.baseUrl());
        if (baseUrl.isEmpty()) {
            if (!SHOP.matcher(shopName).matches()) {
                problems.add("'Shop' must be the myshopify name, e.g. my-shop or my-shop.myshopify.com");
            }
            baseUrl = "https://" + shopName + ".myshopify.com";
        }
        String version = trim(config.apiVersion()).isEmpty() ? ShopifyClient.DEFAULT_API_VERSION
                : trim(config.apiVersion());
        if (!API_VERSION.matcher(version).matches()) {
            problems.add("'API version' must look like 2025-07");
        }
        String token;
        try {
            token = trim(SecretFiles.resolve(config._accessToken(), secretsDir));
        } catch (IllegalArgumentException e) {
            problems.add("'Admin API access token': " + e.getMessage());
            token = null;
        }
        if ("".equals(token)) {
            problems.add("'Admin API access token' is empty");
        }
        ShopifyClient client = null;
        try {
            URI uri = URI.create(baseUrl);
            if (!uri.isAbsolute() || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
                problems.add("'API base URL' must be an http(s) URL");
            } else if (problems.isEmpty()) {
                client = new ShopifyClient(baseUrl, version, token,
                        Duration.ofSeconds(Math.max(1, config.connectTimeoutSeconds())),
                        Duration.ofSeconds(Math.max(1, config.requestTimeoutSeconds())));
            }
        } catch (IllegalArgumentException e) {
            problems.add("'API base URL' is not a URL");
        }
        int pageSize = Math.min(50, Math.max(1, config.pageSize()));
        shop = new Shop(storeCode, descriptor(storeCode), client,
                new ShopifyRequestMapper(pageSize, config.notifyCustomer()),
                token == null || token.isEmpty() ? null : token,
                Math.min(365, Math.max(1, config.initialLookbackDays())), positive(config.restoreRate(), 50),
                positive(config.bucketSize(), 1000), positive(config.pointsPerCall(), 50),
                config.useReportedLimits(), problems.isEmpty() ? null : String.join("; ", problems));
        reported = null;
    }

    @Deactivate
    void deactivate() {
        shop = unconfigured("deactivated");
    }

    @Override
    public PluginDescriptor descriptor() {
        return shop.descriptor();
    }

    /**
     * One page of orders updated since the cursor's window start ({@code null}: the configured number of days back).
     * Orders with more than {@value ShopifyRequestMapper#LINES_PER_ORDER} line items get their further lines with
     * follow-up queries before the page is returned. Read-only: safe to repeat.
     */
    @Override
    public Result<OrderPage> fetchOrders(StoreContext store, String cursor) {
        return call(store, "the order capture", s -> {
            ShopifyCursor current;
            if (cursor == null || cursor.isBlank()) {
                current = ShopifyCursor.initial(clock.instant().minus(Duration.ofDays(s.lookbackDays())));
            } else {
                Optional<ShopifyCursor> decoded = ShopifyCursor.decode(cursor);
                if (decoded.isEmpty()) {
                    return Result.failure(Message.error(ShopifyCodes.BAD_REQUEST, "The capture cursor '" + cursor
                            + "' was not written by the Shopify plugin; clear the store's cursor to start again."));
                }
                current = decoded.get();
            }
            Reply reply = send(s, s.mapper().orders(current), "the order capture");
            if (reply.failure() != null) {
                return Result.failure(reply.failure().toArray(Message[]::new));
            }
            Optional<ShopifyResponseParser.Page> page = ShopifyResponseParser.orders(reply.json());
            if (page.isEmpty()) {
                return Result.failure(badResponse("the order capture"));
            }
            List<PlatformOrder> orders = new ArrayList<>();
            Instant latest = null;
            for (ShopifyResponseParser.OrderNode node : page.get().orders()) {
                PlatformOrder order = node.order();
                if (node.moreLines()) {
                    Result<List<PlatformOrder.Line>> rest = remainingLines(s, node);
                    if (!rest.isOk()) {
                        return Result.failure(rest.messages().toArray(Message[]::new));
                    }
                    List<PlatformOrder.Line> all = new ArrayList<>(order.lines());
                    all.addAll(rest.value());
                    order = new PlatformOrder(order.platformOrderId(), order.orderNo(), order.cancelled(),
                            order.createdAt(), order.shipTo(), all, order.value());
                }
                orders.add(order);
                if (node.updatedAt() != null && (latest == null || node.updatedAt().isAfter(latest))) {
                    latest = node.updatedAt();
                }
            }
            ShopifyCursor next = current.next(latest, page.get().hasNextPage(), page.get().endCursor());
            return Result.ok(new OrderPage(orders, next.encode(), page.get().hasNextPage()));
        });
    }

    private Result<List<PlatformOrder.Line>> remainingLines(Shop s, ShopifyResponseParser.OrderNode node)
            throws IOException, InterruptedException {
        List<PlatformOrder.Line> lines = new ArrayList<>();
        String after = node.linesCursor();
        String operation = "reading the line items of order " + node.order().orderNo();
        for (int i = 0; i < MAX_LINE_PAGES && after != null; i++) {
            Reply reply = send(s, ShopifyRequestMapper.lineItems(node.id(), after), operation);
            if (reply.failure() != null) {
                return Result.failure(reply.failure().toArray(Message[]::new));
            }
            Optional<ShopifyResponseParser.Lines> page = ShopifyResponseParser.orderLines(reply.json());
            if (page.isEmpty()) {
                return Result.failure(badResponse(operation));
            }
            lines.addAll(page.get().lines());
            after = page.get().hasNextPage() ? page.get().endCursor() : null;
        }
        return Result.ok(lines);
    }

    /**
     * Reports the shipment, checking before creating: reads the order's fulfillments (with their tracking numbers and
     * fulfillment orders) and its fulfillment orders; open fulfillment orders already covered by a fulfillment with
     * this tracking number are not fulfilled again, and when nothing else is open the answer is ok with
     * {@value ShopifyCodes#ALREADY_CONFIRMED} naming the existing fulfillment(s). Otherwise fulfils the remaining open
     * fulfillment orders (one {@code fulfillmentCreate} per assigned location) with this tracking number — for a
     * package of a split order only its items ({@link #confirmPartial}). So a resend
     * after a timeout whose create went through never creates a second fulfillment. Safe to repeat (not concurrently
     * for one order: the core sends one confirmation per order at a time).
     */
    @Override
    public Result<Boolean> confirmShipment(StoreContext store, ShipmentConfirmation confirmation) {
        return call(store, "the shipment confirmation", s -> {
            if (confirmation == null || blank(confirmation.platformOrderId()) || blank(confirmation.trackingNumber())) {
                return Result.failure(Message.error(ShopifyCodes.BAD_REQUEST,
                        "A shipment confirmation needs the Shopify order id and a tracking number."));
            }
            String orderId = confirmation.platformOrderId().trim();
            if (!orderId.startsWith("gid://shopify/Order/")) {
                return Result.failure(Message.error(ShopifyCodes.BAD_REQUEST, "'" + orderId
                        + "' is not a Shopify order id (gid://shopify/Order/...)."));
            }
            String operation = "the shipment confirmation of order " + orderId;
            Reply reply = send(s, ShopifyRequestMapper.fulfillmentState(orderId), operation);
            if (reply.failure() != null) {
                return Result.failure(reply.failure().toArray(Message[]::new));
            }
            if (reply.json().path("data").has("order") && reply.json().path("data").path("order").isNull()) {
                return Result.failure(Message.error(ShopifyCodes.REJECTED, "Shopify has no order " + orderId + "."));
            }
            Optional<ShopifyResponseParser.FulfillmentState> state =
                    ShopifyResponseParser.fulfillmentState(reply.json());
            if (state.isEmpty()) {
                return Result.failure(badResponse(operation));
            }
            String tracking = confirmation.trackingNumber().trim();
            String name = state.get().name() == null ? orderId : state.get().name();
            List<ShopifyResponseParser.Existing> carrying = state.get().carrying(tracking);
            if (confirmation.partial()) {
                return confirmPartial(s, confirmation, orderId, name, state.get(), carrying, operation);
            }
            Map<String, List<String>> toFulfil = notYetFulfilled(state.get().openByLocation(), carrying);
            List<Message> notes = new ArrayList<>();
            if (!carrying.isEmpty()) {
                // a resend (e.g. after a timeout whose fulfillmentCreate went through): point at what Shopify holds
                notes.add(new Message(ShopifyCodes.ALREADY_CONFIRMED, Message.Severity.INFO, "Shopify order " + name
                        + " is already fulfilled with tracking number " + tracking + " ("
                        + String.join(", ", carrying.stream().map(f -> String.valueOf(f.id())).toList()) + ")"
                        + (toFulfil.isEmpty() ? "; nothing sent." : "; fulfilling the rest.")));
                if (toFulfil.isEmpty()) {
                    return Result.ok(Boolean.TRUE, notes);
                }
            }
            if (toFulfil.isEmpty()) {
                String why = state.get().cancelled() ? "it was cancelled"
                        : state.get().trackingNumbers().isEmpty() ? "nothing is left to fulfil"
                        : "it is already fulfilled with tracking number(s) "
                        + String.join(", ", state.get().trackingNumbers());
                return Result.failure(Message.error(ShopifyCodes.REJECTED, "Shopify order " + name
                        + " cannot be marked shipped with " + tracking + ": " + why + "."));
            }
            List<ObjectNode> mutations = new ArrayList<>();
            toFulfil.values().forEach(ids -> mutations.add(s.mapper().fulfillmentCreate(ids, confirmation)));
            return create(s, mutations, name, tracking, "", operation, notes);
        });
    }

    /**
     * A package that carries only some of the order's items (SPI platform 1.4): a fulfillment with this tracking
     * number already there is taken as this package's (a resend; nothing sent, the rest of the order is not
     * fulfilled). Otherwise reads the line items of the order's open fulfillment orders, gives the package's items
     * their units by the order line item they are of (SPI 1.6: the line item gid captured with the order), by SKU for
     * an order captured without ids (the plugin kit's {@link PartialShipment}), and fulfils exactly those fulfillment
     * order line items and quantities, one {@code fulfillmentCreate} per location. An item without units left is
     * refused ({@value PartialShipment#UNMATCHED}) and nothing is sent.
     */
    private Result<Boolean> confirmPartial(Shop s, ShipmentConfirmation confirmation, String orderId, String name,
                                           ShopifyResponseParser.FulfillmentState state,
                                           List<ShopifyResponseParser.Existing> carrying, String operation)
            throws IOException, InterruptedException {
        String tracking = confirmation.trackingNumber().trim();
        if (!carrying.isEmpty()) {
            return Result.ok(Boolean.TRUE, List.of(new Message(ShopifyCodes.ALREADY_CONFIRMED, Message.Severity.INFO,
                    "Shopify order " + name + " is already fulfilled with tracking number " + tracking + " ("
                            + String.join(", ", carrying.stream().map(f -> String.valueOf(f.id())).toList())
                            + "); nothing sent.")));
        }
        if (state.cancelled()) {
            return Result.failure(Message.error(ShopifyCodes.REJECTED, "Shopify order " + name
                    + " cannot be marked shipped with " + tracking + ": it was cancelled."));
        }
        Reply reply = send(s, ShopifyRequestMapper.fulfillmentOrderLines(orderId), operation);
        if (reply.failure() != null) {
            return Result.failure(reply.failure().toArray(Message[]::new));
        }
        Optional<List<ShopifyResponseParser.OpenItem>> open = ShopifyResponseParser.openItems(reply.json());
        if (open.isEmpty()) {
            return Result.failure(badResponse(operation));
        }
        PartialShipment.Match match = PartialShipment.match(confirmation.items(),
                open.get().stream().map(ShopifyResponseParser.OpenItem::line).toList());
        if (!match.complete()) {
            return Result.failure(PartialShipment.unmatched("Shopify", name, match.missing().isEmpty()
                    ? List.of("its items") : match.missing(), tracking));
        }
        // by location, then fulfillment order: one fulfillment may only hold fulfillment orders of one location
        Map<String, ShopifyResponseParser.OpenItem> byLine = new java.util.HashMap<>();
        open.get().forEach(i -> byLine.putIfAbsent(i.line().id(), i));
        Map<String, Map<String, List<PartialShipment.Take>>> byLocation = new java.util.LinkedHashMap<>();
        for (PartialShipment.Take t : match.takes()) {
            ShopifyResponseParser.OpenItem item = byLine.get(t.id());
            byLocation.computeIfAbsent(item.location(), k -> new java.util.LinkedHashMap<>())
                    .computeIfAbsent(item.fulfillmentOrderId(), k -> new ArrayList<>()).add(t);
        }
        List<ObjectNode> mutations = new ArrayList<>();
        byLocation.values().forEach(fos -> mutations.add(s.mapper().fulfillmentCreate(fos, confirmation)));
        String what = " (" + String.join(", ", confirmation.items().stream()
                .map(i -> i.sku() + " x" + i.quantity()).toList()) + ")";
        return create(s, mutations, name, tracking, what, operation, new ArrayList<>());
    }

    /** Sends the {@code fulfillmentCreate} mutations in turn; the first failure is the answer. */
    private Result<Boolean> create(Shop s, List<ObjectNode> mutations, String name, String tracking, String what,
                                   String operation, List<Message> notes) throws IOException, InterruptedException {
        for (ObjectNode mutation : mutations) {
            Reply created = send(s, mutation, operation);
            if (created.failure() != null) {
                return Result.failure(created.failure().toArray(Message[]::new));
            }
            Optional<JsonNode> payload = ShopifyResponseParser.fulfillmentCreate(created.json());
            if (payload.isEmpty()) {
                return Result.failure(badResponse(operation));
            }
            JsonNode userErrors = payload.get().path("userErrors");
            if (userErrors.isArray() && !userErrors.isEmpty()) {
                return Result.failure(ShopifyErrors.userErrors(userErrors, operation).toArray(Message[]::new));
            }
            String fulfillmentId = Json.text(payload.get().path("fulfillment"), "id");
            notes.add(new Message(ShopifyCodes.CONFIRMED, Message.Severity.INFO, "Shopify order " + name
                    + what + " fulfilled with tracking number " + tracking
                    + (fulfillmentId == null ? "" : " (" + fulfillmentId + ")") + "."));
        }
        return Result.ok(Boolean.TRUE, notes);
    }

    /**
     * Test connection: asks Shopify for the shop's name ({@code { shop { name myshopifyDomain } }}, a query of cost 1,
     * read-only). Ok names the shop; a refused token is auth_failed, an unreachable shop transient / timeout. The
     * token never appears in a message.
     */
    @Override
    public Result<String> testConnection(StoreContext store) {
        return call(store, "the connection test", s -> {
            Reply reply = send(s, ShopifyRequestMapper.shop(), "the connection test");
            if (reply.failure() != null) {
                return Result.failure(reply.failure().toArray(Message[]::new));
            }
            JsonNode shopNode = reply.json().path("data").path("shop");
            String name = Json.text(shopNode, "name");
            if (name == null) {
                return Result.failure(badResponse("the connection test"));
            }
            String domain = Json.text(shopNode, "myshopifyDomain");
            return Result.ok("Connected to Shopify shop " + name + (domain == null ? "" : " (" + domain + ")") + ".");
        });
    }

    /**
     * The open fulfillment orders (by location) that no fulfillment with this shipment's tracking number covers yet.
     * A fulfillment with the tracking number whose fulfillment orders Shopify did not list is taken to cover all of
     * them: sending nothing is the safe side of a doubt, a second fulfillment is not.
     */
    static Map<String, List<String>> notYetFulfilled(Map<String, List<String>> openByLocation,
                                                    List<ShopifyResponseParser.Existing> carrying) {
        if (carrying.stream().anyMatch(f -> f.fulfillmentOrderIds().isEmpty())) {
            return Map.of();
        }
        java.util.Set<String> covered = new java.util.HashSet<>();
        carrying.forEach(f -> covered.addAll(f.fulfillmentOrderIds()));
        Map<String, List<String>> rest = new java.util.LinkedHashMap<>();
        openByLocation.forEach((location, ids) -> {
            List<String> left = ids.stream().filter(id -> !covered.contains(id)).toList();
            if (!left.isEmpty()) {
                rest.put(location, left);
            }
        });
        return rest;
    }

    /**
     * Shopify limits GraphQL by query cost (a bucket of points refilled at the plan's restore rate), not by request
     * count. The core throttles by requests, so: requests per second = restore rate / points per call, burst = bucket
     * size / points per call. Defaults 50 / 1000 / 50 give 1 request/s, burst 20. With 'use reported limits' the
     * bucket and restore rate Shopify last reported for this shop replace the configured ones.
     */
    @Override
    public RateLimit rateLimit(StoreContext store) {
        Shop s = shop;
        Reported r = s.useReported() ? reported : null;
        double restore = r != null ? r.restoreRate() : s.restoreRate();
        double bucket = r != null ? r.maximumAvailable() : s.bucketSize();
        return new RateLimit(restore / s.pointsPerCall(), Math.max(1, (int) Math.floor(bucket / s.pointsPerCall())));
    }

    // ------------------------------------------------------------------------------------------------------------

    /** A 2xx answer read as JSON without GraphQL errors, or the messages saying why not. */
    private record Reply(JsonNode json, List<Message> failure) {
    }

    private Reply send(Shop s, ObjectNode body, String operation) throws IOException, InterruptedException {
        HttpReply reply = s.client().post(Json.bytes(body));
        ShopifyErrors errors = errors(s);
        if (!reply.isSuccess()) {
            return new Reply(null, errors.http(reply, operation));
        }
        Optional<JsonNode> json = Json.parse(reply.body());
        if (json.isEmpty()) {
            return new Reply(null, List.of(badResponse(operation)));
        }
        ShopifyResponseParser.cost(json.get()).ifPresent(this::remember);
        List<Message> graphql = errors.graphql(json.get(), operation);
        return graphql.isEmpty() ? new Reply(json.get(), null) : new Reply(null, graphql);
    }

    private void remember(ShopifyResponseParser.Cost cost) {
        if (cost.maximumAvailable() != null && cost.maximumAvailable() > 0 && cost.restoreRate() != null
                && cost.restoreRate() > 0) {
            reported = new Reported(cost.maximumAvailable(), cost.restoreRate());
        }
    }

    private ShopifyErrors errors(Shop s) {
        return new ShopifyErrors(clock, s.restoreRate());
    }

    private static Message badResponse(String operation) {
        return Message.error(ShopifyCodes.BAD_RESPONSE, "Shopify's answer to " + operation + " is not readable.");
    }

    @FunctionalInterface
    private interface Operation<T> {
        Result<T> run(Shop shop) throws IOException, InterruptedException;
    }

    /**
     * Runs an operation so that nothing crosses the SPI: a call for another store, configuration problems, transport
     * failures and stray exceptions all become messages, and the token is scrubbed from every text.
     */
    private <T> Result<T> call(StoreContext store, String operation, Operation<T> body) {
        Shop s = shop;
        return GUARD.call(store, operation, s.storeCode(), AccountSettings.unusable(s.configError(), s.client()),
                () -> body.run(s), s.token());
    }

    private static Shop unconfigured(String why) {
        return new Shop("", descriptor(""), null, null, null, 30, 50, 1000, 50, false, why);
    }

    private static PluginDescriptor descriptor(String storeCode) {
        return new PluginDescriptor(ID, storeCode.isEmpty() ? "Shopify" : "Shopify (" + storeCode + ")", DESCRIPTION);
    }

    private static String trim(String s) {
        return s == null ? "" : s.trim();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static double positive(double value, double fallback) {
        return value > 0 && Double.isFinite(value) ? value : fallback;
    }

    @Override
    public String toString() {
        return "ShopifyMarketplaceConnector[" + shop.storeCode() + "]";
    }
}
