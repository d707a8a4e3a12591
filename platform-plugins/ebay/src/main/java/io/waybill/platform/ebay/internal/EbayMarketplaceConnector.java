package io.waybill.platform.ebay.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.waybill.plugin.kit.AccountSettings;
import io.waybill.plugin.kit.platform.StoreCall;
import io.waybill.plugin.kit.JsonApi;
import io.waybill.plugin.kit.HttpReply;
import io.waybill.plugin.kit.SecretFiles;
import io.waybill.plugin.kit.json.Json;
import io.waybill.plugin.kit.platform.PartialShipment;
import io.waybill.spi.common.Message;
import io.waybill.spi.common.PluginDescriptor;
import io.waybill.spi.common.Result;
import io.waybill.spi.platform.MarketplaceConnector;
import io.waybill.spi.platform.OrderPage;
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
import java.util.Optional;

/**
 * One eBay seller account as the order source of one Waybill store: captures orders with getOrders (filter
 * {@code lastmodifieddate:[from..to]}, offset paging, see {@link EbayCursor}) and reports shipments with
 * createShippingFulfillment, treating an order that already has a fulfillment with the same tracking number as done.
 * Every failure comes back as messages; nothing is thrown across the SPI and no thread is started.
 */
@Component(service = MarketplaceConnector.class, configurationPid = EbayMarketplaceConnector.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = EbayConfig.class, factory = true)
public class EbayMarketplaceConnector implements MarketplaceConnector {

    static final String PID = "io.waybill.platform.ebay";
    static final String ID = "ebay";
    static final String DESCRIPTION = "Captures eBay orders and reports shipments back (Sell Fulfillment API).";
    /** A window closes this long before "now", so orders eBay is still indexing are not skipped. */
    static final Duration WINDOW_LAG = Duration.ofMinutes(2);

    private static final System.Logger LOG = System.getLogger(EbayMarketplaceConnector.class.getName());
    private static final StoreCall GUARD = new StoreCall("eBay", PID, LOG);

    /** Everything one configuration produces, replaced as a whole when the configuration changes. */
    private record Account(String storeCode, PluginDescriptor descriptor, JsonApi client, EbayRequestMapper mapper,
                           String token, int lookbackDays, int callsPerDay, int burst, String configError) {
    }

    /** Clock for capture windows, default ship dates and Retry-After dates; tests replace it. */
    Clock clock = Clock.systemUTC();

    private volatile Account account = unconfigured("not configured");

    /** Where secret files ({@code secret-file:<name>} settings) live; tests replace it. */
    java.nio.file.Path secretsDir = SecretFiles.defaultDir();

    @Activate
    @Modified
    void configure(EbayConfig config) {
        List<String> problems = new ArrayList<>();
        String storeCode = trim(config.storeCode());
        if (storeCode.isEmpty()) {
            problems.add("'Waybill store code' is empty");
        }
        String token;
        try {
            token = trim(SecretFiles.resolve(config._accessToken(), secretsDir));
        } catch (IllegalArgumentException e) {
            problems.add("'OAuth user access token': " + e.getMessage());
            token = null;
        }
        if ("".equals(token)) {
            problems.add("'OAuth user access token' is empty");
        }
        String baseUrl = trim(config.baseUrl()).isEmpty() ? EbayClient.DEFAULT_BASE_URL : trim(config.baseUrl());
        JsonApi client = null;
        try {
            URI uri = URI.create(baseUrl);
            if (!uri.isAbsolute() || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
                problems.add("'API base URL' must be an http(s) URL");
            } else if (problems.isEmpty()) {
                client = EbayClient.create(baseUrl, token, trim(config.marketplaceId()),
                        Duration.ofSeconds(Math.max(1, config.connectTimeoutSeconds())),
                        Duration.ofSeconds(Math.max(1, config.requestTimeoutSeconds())));
            }
        } catch (IllegalArgumentException e) {
            problems.add("'API base URL' is not a URL");
        }
        account = new Account(storeCode, descriptor(storeCode), client,
                new EbayRequestMapper(Math.min(200, Math.max(1, config.pageSize()))),
                token == null || token.isEmpty() ? null : token,
                Math.min(90, Math.max(1, config.initialLookbackDays())), Math.max(1, config.callsPerDay()),
                Math.max(1, config.burst()), problems.isEmpty() ? null : String.join("; ", problems));
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
     * One page of orders modified in the cursor's window ({@code null}: from the configured number of days back).
     * Opening a window fixes its end at now minus {@link #WINDOW_LAG}. Read-only: safe to repeat.
     */
    @Override
    public Result<OrderPage> fetchOrders(StoreContext store, String cursor) {
        return call(store, "the order capture", a -> {
            EbayCursor window;
            if (cursor == null || cursor.isBlank()) {
                window = EbayCursor.startingAt(clock.instant().minus(Duration.ofDays(a.lookbackDays())));
            } else {
                Optional<EbayCursor> decoded = EbayCursor.decode(cursor);
                if (decoded.isEmpty()) {
                    return Result.failure(Message.error(EbayCodes.BAD_REQUEST, "The capture cursor '" + cursor
                            + "' was not written by the eBay plugin; clear the store's cursor to start again."));
                }
                window = decoded.get();
            }
            if (!window.opened()) {
                Instant to = clock.instant().minus(WINDOW_LAG);
                if (!to.isAfter(window.from())) {
                    return Result.ok(new OrderPage(List.of(), window.encode(), false)); // nothing new can exist yet
                }
                window = new EbayCursor(window.from(), to, 0, -1);
            }
            HttpReply reply = a.client().get(a.mapper().orders(window));
            if (!reply.isSuccess()) {
                return Result.failure(errors().http(reply, "the order capture").toArray(Message[]::new));
            }
            Optional<EbayResponseParser.Page> page = Json.parse(reply.body()).flatMap(EbayResponseParser::orders);
            if (page.isEmpty()) {
                return Result.failure(badResponse("the order capture"));
            }
            EbayResponseParser.Page p = page.get();
            EbayCursor next;
            boolean hasMore;
            if (window.total() >= 0 && p.total() < window.total()) {
                // an order left the window while it was paged: read it again from the start
                next = new EbayCursor(window.from(), window.to(), 0, -1);
                hasMore = true;
            } else {
                int offset = window.offset() + p.orders().size();
                hasMore = !p.orders().isEmpty() && (offset < p.total() || p.hasNext());
                next = hasMore ? new EbayCursor(window.from(), window.to(), offset, p.total())
                        : EbayCursor.startingAt(window.to());
            }
            return Result.ok(new OrderPage(p.orders(), next.encode(), hasMore));
        });
    }

    /**
     * Test connection: {@code GET /sell/fulfillment/v1/order?limit=1} (read-only, one order at most). Ok says how many
     * orders the account holds; a refused token is auth_failed, an unreachable API transient / timeout. The token
     * never appears in a message.
     */
    @Override
    public Result<String> testConnection(StoreContext store) {
        return call(store, "the connection test", a -> {
            HttpReply reply = a.client().get(EbayRequestMapper.probe());
            if (!reply.isSuccess()) {
                return Result.failure(errors().http(reply, "the connection test").toArray(Message[]::new));
            }
            Optional<com.fasterxml.jackson.databind.JsonNode> json = Json.parse(reply.body());
            if (json.isEmpty() || !json.get().has("total")) {
                return Result.failure(badResponse("the connection test"));
            }
            long total = json.get().path("total").asLong();
            return Result.ok("Connected to eBay: the account of store " + a.storeCode() + " holds " + total
                    + (total == 1 ? " order." : " orders."));
        });
    }

    /**
     * Reports the shipment, checking before creating: lists the order's shipping fulfillments; when one carries this
     * tracking number, answers ok ({@value EbayCodes#ALREADY_CONFIRMED}, naming that fulfillment) and posts nothing,
     * so a resend after a timeout whose POST went through never creates a second one; otherwise reads the order and
     * creates one shipping fulfillment for all its line items not yet fulfilled — for a package of a split order (SPI
     * 1.4 {@code items}) exactly its items and units, by SKU from the line items with units left (the plugin kit's
     * {@link PartialShipment}), or a {@value PartialShipment#UNMATCHED} refusal when a SKU has none. 201 Created with a Location header is
     * success. Safe to repeat (not concurrently for one order: the core sends one confirmation per order at a time).
     */
    @Override
    public Result<Boolean> confirmShipment(StoreContext store, ShipmentConfirmation confirmation) {
        return call(store, "the shipment confirmation", a -> {
            if (confirmation == null || blank(confirmation.platformOrderId()) || blank(confirmation.trackingNumber())) {
                return Result.failure(Message.error(EbayCodes.BAD_REQUEST,
                        "A shipment confirmation needs the eBay order id and a tracking number."));
            }
            String orderId = confirmation.platformOrderId().trim();
            String tracking = confirmation.trackingNumber().trim();
            String operation = "the shipment confirmation of order " + orderId;
            HttpReply existing = a.client().get(EbayRequestMapper.shippingFulfillments(orderId));
            if (!existing.isSuccess()) {
                return Result.failure(errors().http(existing, operation).toArray(Message[]::new));
            }
            Optional<JsonNode> fulfillments = Json.parse(existing.body());
            if (fulfillments.isEmpty()) {
                return Result.failure(badResponse(operation));
            }
            List<String> numbers = EbayResponseParser.trackingNumbers(fulfillments.get());
            Optional<EbayResponseParser.Fulfillment> held = EbayResponseParser.fulfillments(fulfillments.get()).stream()
                    .filter(f -> EbayResponseParser.sameTracking(f.trackingNumber(), tracking)).findFirst();
            if (held.isPresent()) {
                // a resend (e.g. after a timeout whose POST went through): point at the fulfillment eBay holds
                return Result.ok(Boolean.TRUE, List.of(new Message(EbayCodes.ALREADY_CONFIRMED, Message.Severity.INFO,
                        "eBay order " + orderId + " already has a shipping fulfillment with tracking number "
                                + tracking + (held.get().fulfillmentId() == null ? ""
                                : " (fulfillment " + held.get().fulfillmentId() + ")") + "; nothing sent.")));
            }
            HttpReply orderReply = a.client().get(EbayRequestMapper.order(orderId));
            if (!orderReply.isSuccess()) {
                return Result.failure(errors().http(orderReply, operation).toArray(Message[]::new));
            }
            Optional<JsonNode> order = Json.parse(orderReply.body());
            if (order.isEmpty() || Json.text(order.get(), "orderId") == null) {
                return Result.failure(badResponse(operation));
            }
            if (EbayResponseParser.cancelled(order.get())) {
                return Result.failure(Message.error(EbayCodes.REJECTED, "eBay order " + orderId
                        + " was cancelled; it cannot be marked shipped."));
            }
            List<EbayResponseParser.LineToShip> lines;
            if (confirmation.partial()) {
                // a package of a split order (SPI 1.4): exactly its items, from the line items with units left to ship
                PartialShipment.Match match = PartialShipment.match(confirmation.items(),
                        EbayResponseParser.openLines(order.get(), fulfillments.get()));
                if (!match.complete()) {
                    return Result.failure(PartialShipment.unmatched("eBay", orderId, match.missing().isEmpty()
                            ? List.of("its items") : match.missing(), tracking));
                }
                lines = match.takes().stream().map(t -> new EbayResponseParser.LineToShip(t.id(), t.units()))
                        .toList();
            } else {
                lines = EbayResponseParser.linesToShip(order.get());
            }
            if (lines.isEmpty()) {
                return Result.failure(Message.error(EbayCodes.REJECTED, "eBay order " + orderId
                        + " cannot be marked shipped with " + tracking + ": all its line items are fulfilled already"
                        + (numbers.isEmpty() ? "." : " (tracking " + String.join(", ", numbers) + ").")));
            }
            Instant shippedAt = confirmation.shippedAt() == null ? clock.instant() : confirmation.shippedAt();
            HttpReply created = a.client().postJson(EbayRequestMapper.shippingFulfillments(orderId),
                    Json.bytes(EbayRequestMapper.shippingFulfillment(lines, confirmation, shippedAt)));
            if (!created.isSuccess()) {
                return Result.failure(errors().http(created, operation).toArray(Message[]::new));
            }
            Optional<String> fulfillmentId = EbayResponseParser.fulfillmentId(created.location());
            return Result.ok(Boolean.TRUE, List.of(new Message(EbayCodes.CONFIRMED, Message.Severity.INFO,
                    "eBay order " + orderId + " marked shipped with tracking number " + tracking
                            + fulfillmentId.map(id -> " (fulfillment " + id + ")").orElse("") + ".")));
        });
    }

    /**
     * eBay's published default call limit for the Sell Fulfillment API is a daily quota per application
     * (https://developer.ebay.com/develop/api/sell/api_call_limits: 100,000 calls a day), reset at midnight Pacific
     * time. Spread evenly: calls per day / 86,400 s (1.157 requests/s by default), with the configured burst.
     */
    @Override
    public RateLimit rateLimit(StoreContext store) {
        Account a = account;
        return new RateLimit(a.callsPerDay() / 86_400.0, a.burst());
    }

    // ------------------------------------------------------------------------------------------------------------

    private EbayErrors errors() {
        return new EbayErrors(clock);
    }

    private static Message badResponse(String operation) {
        return Message.error(EbayCodes.BAD_RESPONSE, "eBay's answer to " + operation + " is not readable.");
    }

    @FunctionalInterface
    private interface Operation<T> {
        Result<T> run(Account account) throws IOException, InterruptedException;
    }

    /**
     * Runs an operation so that nothing crosses the SPI: a call for another store, configuration problems, transport
     * failures and stray exceptions all become messages, and the token is scrubbed from every text.
     */
    private <T> Result<T> call(StoreContext store, String operation, Operation<T> body) {
        Account a = account;
        return GUARD.call(store, operation, a.storeCode(), AccountSettings.unusable(a.configError(), a.client()),
                () -> body.run(a), a.token());
    }

    private static Account unconfigured(String why) {
        return new Account("", descriptor(""), null, null, null, 30, 100_000, 10, why);
    }

    private static PluginDescriptor descriptor(String storeCode) {
        return new PluginDescriptor(ID, storeCode.isEmpty() ? "eBay" : "eBay (" + storeCode + ")", DESCRIPTION);
    }

    private static String trim(String s) {
        return s == null ? "" : s.trim();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    @Override
    public String toString() {
        return "EbayMarketplaceConnector[" + account.storeCode() + "]";
    }
}
