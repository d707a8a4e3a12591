package ${package}.internal;

import io.waybill.plugin.kit.AccountSettings;
import io.waybill.plugin.kit.HttpReply;
import io.waybill.plugin.kit.JsonApi;
import io.waybill.plugin.kit.json.Json;
import io.waybill.plugin.kit.platform.StoreCall;
import io.waybill.spi.common.Message;
import io.waybill.spi.common.MessageCodes;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One ${marketplaceName} seller account as the order source of one Waybill store: captures orders page by page
 * ({@code GET /v1/orders}, cursor paging) and reports shipments ({@code POST /v1/orders/{id}/shipments}), treating an
 * order already shipped with the same tracking number as done, so a resend never ships twice. Every failure comes
 * back as messages; nothing is thrown across the SPI, no thread is started, the token never appears in a text.
 *
 * <p>One component per factory configuration (PID {@value PID}): without a configuration there is no connector.
 */
@Component(service = MarketplaceConnector.class, configurationPid = ${marketplaceName}MarketplaceConnector.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = ${marketplaceName}Config.class, factory = true)
public class ${marketplaceName}MarketplaceConnector implements MarketplaceConnector {

    static final String PID = "${package}";
    static final String ID = "${marketplaceId}";
    static final String DESCRIPTION = "Captures ${marketplaceName} orders and reports shipments back.";

    private static final System.Logger LOG = System.getLogger(${marketplaceName}MarketplaceConnector.class.getName());
    private static final StoreCall GUARD = new StoreCall("${marketplaceName}", PID, LOG);

    /** Everything one configuration produces, replaced as a whole when the configuration changes. */
    private record Account(String storeCode, PluginDescriptor descriptor, JsonApi client,
                           String token, int lookbackDays, int pageSize, RateLimit rateLimit, String configError) {
    }

    /** Clock for the first capture window and Retry-After dates; tests replace it. */
    Clock clock = Clock.systemUTC();

    private volatile Account account = unconfigured("not configured");

    @Activate
    @Modified
    void configure(${marketplaceName}Config config) {
        List<String> problems = new ArrayList<>();
        String storeCode = trim(config.storeCode());
        if (storeCode.isEmpty()) {
            problems.add("'Waybill store code' is empty");
        }
        String token = trim(config._apiToken());
        if (token.isEmpty()) {
            problems.add("'API token' is empty");
        }
        String baseUrl = trim(config.baseUrl()).isEmpty() ? ${marketplaceName}Client.DEFAULT_BASE_URL
                : trim(config.baseUrl());
        JsonApi client = null;
        try {
            URI uri = URI.create(baseUrl);
            if (!uri.isAbsolute() || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
                problems.add("'API base URL' must be an http(s) URL");
            } else if (problems.isEmpty()) {
                client = ${marketplaceName}Client.create(baseUrl, token,
                        Duration.ofSeconds(Math.max(1, config.connectTimeoutSeconds())),
                        Duration.ofSeconds(Math.max(1, config.requestTimeoutSeconds())));
            }
        } catch (IllegalArgumentException e) {
            problems.add("'API base URL' is not a URL");
        }
        account = new Account(storeCode, descriptor(storeCode), client, token.isEmpty() ? null : token,
                Math.min(365, Math.max(1, config.initialLookbackDays())),
                Math.min(100, Math.max(1, config.pageSize())),
                new RateLimit(Math.max(1, config.requestsPerSecond()), Math.max(1, config.burst())),
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

    @Override
    public RateLimit rateLimit(StoreContext store) {
        return account.rateLimit();
    }

    /**
     * One page of orders updated since the cursor ({@code null}: the configured number of days back). Read-only:
     * safe to repeat.
     */
    @Override
    public Result<OrderPage> fetchOrders(StoreContext store, String cursor) {
        return call(store, "fetching orders", a -> {
            if (!${marketplaceName}RequestMapper.readableCursor(cursor)) {
                return Result.failure(Message.error(MessageCodes.BAD_REQUEST, "The stored cursor of store "
                        + a.storeCode() + " is not one ${marketplaceName} hands out; nothing was fetched."));
            }
            HttpReply reply = a.client().get(${marketplaceName}RequestMapper.ordersQuery(cursor,
                    clock.instant().minus(Duration.ofDays(a.lookbackDays())), a.pageSize()));
            if (!reply.isSuccess()) {
                return Result.failure(errors().http(reply, "fetching orders").toArray(Message[]::new));
            }
            return ${marketplaceName}ResponseParser.orders(reply.body());
        });
    }

    /**
     * Test connection (SPI platform 1.2): one cheap authenticated read, the orders list with a page of one, so a
     * refused token answers auth_failed and an unreachable marketplace transient / timeout, as fetchOrders would.
     */
    @Override
    public Result<String> testConnection(StoreContext store) {
        return call(store, "testing the connection", a -> {
            HttpReply reply = a.client().get(${marketplaceName}RequestMapper.ordersQuery(null,
                    clock.instant().minus(Duration.ofDays(1)), 1));
            if (!reply.isSuccess()) {
                return Result.failure(errors().http(reply, "testing the connection").toArray(Message[]::new));
            }
            return Result.ok("${marketplaceName} answered for store " + a.storeCode() + " and accepted the token.");
        });
    }

    /**
     * Reports the shipment. A 409 ALREADY_SHIPPED with the same tracking number (a resend after a timeout whose
     * first request went through) is ok with {@link MessageCodes}{@code .ALREADY_CONFIRMED}; with another tracking
     * number it is rejected.
     */
    @Override
    public Result<Boolean> confirmShipment(StoreContext store, ShipmentConfirmation confirmation) {
        return call(store, "reporting the shipment", a -> {
            List<String> problems = ${marketplaceName}RequestMapper.problems(confirmation);
            if (!problems.isEmpty()) {
                return Result.failure(Message.error(MessageCodes.BAD_REQUEST, "Cannot report the shipment to "
                        + "${marketplaceName}: " + String.join("; ", problems) + "."));
            }
            String order = confirmation.platformOrderId().trim();
            String tracking = confirmation.trackingNumber().trim();
            HttpReply reply = a.client().postJson(${marketplaceName}RequestMapper.shipmentsPath(order),
                    Json.bytes(${marketplaceName}RequestMapper.shipment(confirmation)));
            if (reply.status() == 409) {
                Optional<String> shippedWith = ${marketplaceName}ResponseParser.alreadyShippedWith(reply.body());
                if (shippedWith.isPresent() && tracking.equals(shippedWith.get())) {
                    return Result.ok(Boolean.TRUE, List.of(new Message(MessageCodes.ALREADY_CONFIRMED,
                            Message.Severity.INFO, "${marketplaceName} order " + order
                            + " is already shipped with tracking number " + tracking + "; nothing sent again.")));
                }
            }
            if (!reply.isSuccess()) {
                return Result.failure(errors().http(reply, "reporting the shipment of order " + order)
                        .toArray(Message[]::new));
            }
            return ${marketplaceName}ResponseParser.confirmed(reply.body());
        });
    }

    private ${marketplaceName}Errors errors() {
        return new ${marketplaceName}Errors(clock);
    }

    @FunctionalInterface
    private interface Operation<T> {
        Result<T> run(Account account) throws IOException, InterruptedException;
    }

    /**
     * Runs an operation so that nothing crosses the SPI: a call for another store, configuration problems, transport
     * failures and stray exceptions all become messages, and the token is scrubbed from every text (plugin kit
     * StoreCall).
     */
    private <T> Result<T> call(StoreContext store, String operation, Operation<T> body) {
        Account a = account;
        return GUARD.call(store, operation, a.storeCode(), AccountSettings.unusable(a.configError(), a.client()),
                () -> body.run(a), a.token());
    }

    private static Account unconfigured(String why) {
        return new Account("", descriptor(""), null, null, 30, 50, new RateLimit(2, 10), why);
    }

    private static PluginDescriptor descriptor(String storeCode) {
        return new PluginDescriptor(ID, storeCode.isEmpty() ? "${marketplaceName}"
                : "${marketplaceName} (" + storeCode + ")", DESCRIPTION);
    }

    private static String trim(String s) {
        return s == null ? "" : s.trim();
    }

    @Override
    public String toString() {
        return "${marketplaceName}MarketplaceConnector[" + account.storeCode() + "]";
    }
}
