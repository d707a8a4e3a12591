package io.waybill.carrier.yunexpress.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.waybill.plugin.kit.AccountSettings;
import io.waybill.plugin.kit.FailSafe;
import io.waybill.plugin.kit.carrier.GuardedCall;
import io.waybill.plugin.kit.HttpReply;
import io.waybill.plugin.kit.JsonApi;
import io.waybill.plugin.kit.Redaction;
import io.waybill.plugin.kit.RefreshingValue;
import io.waybill.plugin.kit.json.Json;
import io.waybill.spi.carrier.CarrierGateway;
import io.waybill.spi.carrier.CarrierQuote;
import io.waybill.spi.carrier.CarrierService;
import io.waybill.spi.carrier.LabelDocument;
import io.waybill.spi.carrier.ShipmentRef;
import io.waybill.spi.carrier.ShipmentRequest;
import io.waybill.spi.carrier.ShipmentResponse;
import io.waybill.spi.common.Message;
import io.waybill.spi.common.PluginDescriptor;
import io.waybill.spi.common.Result;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static io.waybill.plugin.kit.AccountSettings.blankTo;

/**
 * One YunExpress (云途) customer account as a Waybill carrier, through the YunExpress OMS API: creates waybills
 * ({@code POST /WayBill/CreateOrder}, up to {@value YunExpressRequestMapper#MAX_ORDERS_PER_CALL} orders a call, see
 * {@link #createShipments}), reads tracking numbers that come later ({@code GET /Waybill/GetTrackingNumber}), fetches
 * the label PDF ({@code POST /Label/Print}, then the file) and cancels ({@code POST /WayBill/Delete}, else
 * {@code POST /WayBill/Intercept}). Its services are YunExpress's shipping methods ({@code GET
 * /Common/GetShippingMethods}), read in the background by the kit's {@link RefreshingValue} at activation, on each
 * configuration change and every {@code servicesRefreshMinutes}; the configured codes until the first answer. Every
 * failure comes back as messages; nothing is thrown across the SPI; the service-list refresh is the only thread.
 */
@Component(service = CarrierGateway.class, configurationPid = YunExpressCarrierGateway.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = YunExpressConfig.class, factory = true)
public class YunExpressCarrierGateway implements CarrierGateway {

    static final String PID = "io.waybill.carrier.yunexpress";
    static final String ID = "yunexpress";
    static final String DESCRIPTION = "Creates YunExpress waybills through the YunExpress OMS API, reads late "
            + "tracking numbers, prints labels and deletes or intercepts orders.";
    /** The order-number type "customer order number" of Delete and Intercept (SOURCES.md). */
    static final int ORDER_TYPE_CUSTOMER = 2;

    private static final System.Logger LOG = System.getLogger(YunExpressCarrierGateway.class.getName());
    private static final GuardedCall GUARD = new GuardedCall("YunExpress", PID, LOG);
    private static final String NO_ID = "No YunExpress order number given.";

    /** Everything one configuration produces, replaced as a whole when the configuration changes. */
    private record Account(PluginDescriptor descriptor, JsonApi client, YunExpressRequestMapper mapper,
                           String[] secrets, String configError, List<CarrierService> services)
            implements GuardedCall.Account {
    }

    /** Clock for Retry-After dates; tests replace it. */
    Clock clock = Clock.systemUTC();
    /** Where declared unit values come from: the request's items (carrier SPI 1.2); tests may replace it. */
    YunExpressRequestMapper.Customs customs = YunExpressRequestMapper.Customs.SPI;

    private volatile Account account = new Account(
            AccountSettings.descriptor(ID, AccountSettings.DEFAULT_ACCOUNT, "YunExpress", DESCRIPTION),
            null, null, new String[0], "not configured", List.of());
    /** The services: YunExpress's shipping methods, refreshed; the configured codes until the first answer. */
    private volatile RefreshingValue<List<CarrierService>> serviceList = RefreshingValue.manual("yunexpress services",
            List.of(), () -> Result.ok(List.of()), Clock.systemUTC());

    @Activate
    @Modified
    void configure(YunExpressConfig config) {
        AccountSettings settings = new AccountSettings(config.accountId(), config.displayName(), "YunExpress");
        String code = settings.required("Customer code", config.customerCode());
        String secret = settings.secret("API secret", config._apiSecret());
        JsonApi client = settings.client("API base URL", config.baseUrl(), YunExpressClient.DEFAULT_BASE_URL,
                !code.isEmpty() && !secret.isEmpty(), baseUrl -> YunExpressClient.create(baseUrl, code, secret,
                        AccountSettings.timeout(config.connectTimeoutSeconds()),
                        AccountSettings.timeout(config.requestTimeoutSeconds())));
        YunExpressRequestMapper mapper = mapper(config);
        String[] secrets = secret.isEmpty() ? new String[0]
                : new String[] {secret, YunExpressClient.token(code, secret)};
        Account a = new Account(settings.descriptor(ID, DESCRIPTION), client, mapper, secrets, settings.error(),
                services(config));
        account = a;
        serviceList = RefreshingValue.reconfigure(serviceList, "YunExpress services of " + a.descriptor().id(),
                a.services(), () -> fetchServices(a), AccountSettings.unusable(a.configError(), a.client()) == null,
                config.servicesRefreshMinutes(), clock);
    }

    /**
     * The configured shipping method codes (and the default one) as services. Each takes declarations in USD, GBP or
     * EUR (which of them depends on the destination: the plugin checks that per package); no source states a weight,
     * value or line limit per method, so none is declared.
     */
    private static List<CarrierService> services(YunExpressConfig c) {
        java.util.LinkedHashSet<String> codes = new java.util.LinkedHashSet<>();
        if (c.defaultService() != null && !c.defaultService().isBlank()) {
            codes.add(c.defaultService().trim());
        }
        if (c.services() != null) {
            for (String s : c.services()) {
                if (s != null && !s.isBlank()) {
                    codes.add(s.trim());
                }
            }
        }
        return codes.stream().map(code -> service(code, "YunExpress " + code)).toList();
    }

    /**
     * YunExpress's shipping methods for this account, as read last ({@link #servicesState()}); before the first
     * answer, and while YunExpress cannot be reached before it, the configured codes. No I/O.
     */
    @Override
    public List<CarrierService> services() {
        return serviceList.value();
    }

    /** The service list with where it comes from, its age and the last failed refresh (logs, tests). */
    RefreshingValue.State<List<CarrierService>> servicesState() {
        return serviceList.state();
    }

    /** Reads the shipping methods now, on this thread (tests; the background refresh does the same). */
    RefreshingValue.State<List<CarrierService>> refreshServices() {
        return serviceList.refreshNow();
    }

    /** Waits until the service list has been fetched {@code n} times since the last configuration (tests). */
    boolean awaitServiceFetches(int n, Duration timeout) throws InterruptedException {
        return serviceList.awaitFetches(n, timeout);
    }

    /**
     * One read of the shipping methods: {@code GET /Common/GetShippingMethods} without {@code CountryCode} ("未填写国家
     * 代表查询所有运输方式": all methods), each {@code Items[]} entry ({@code Code}, {@code EName}, {@code CName},
     * {@code DisplayName}) a service with the limits every YunExpress order has (declarations in USD, GBP or EUR):
     * the answer states no weight, value, line or destination limit per method (SOURCES.md). An answer without
     * methods is a failure: the last good list stays.
     */
    private Result<List<CarrierService>> fetchServices(Account a) {
        String operation = "listing the shipping methods";
        List<Result<List<CarrierService>>> one = call(a, () -> {
            HttpReply reply = a.client().get(YunExpressClient.SHIPPING_METHODS);
            if (!reply.isSuccess()) {
                return List.of(Result.failure(errors().http(reply, operation).toArray(Message[]::new)));
            }
            Optional<JsonNode> json = Json.parse(reply.body());
            if (json.isEmpty()) {
                return List.of(Result.failure(badJson(operation)));
            }
            if (!YunExpressResponseParser.ok(json.get())) {
                return List.of(Result.failure(YunExpressErrors.refused(json.get(), operation)));
            }
            List<CarrierService> methods = new ArrayList<>();
            for (YunExpressResponseParser.Method m : YunExpressResponseParser.shippingMethods(json.get())) {
                methods.add(service(m.code(), m.name()));
            }
            if (methods.isEmpty()) {
                return List.of(Result.failure(Message.error(YunExpressCodes.BAD_RESPONSE, "YunExpress listed no "
                        + "shipping methods.")));
            }
            LOG.log(System.Logger.Level.INFO, "YunExpress account {0}: {1} shipping methods from "
                    + "GetShippingMethods", a.descriptor().id(), methods.size());
            return List.of(Result.ok(List.copyOf(methods)));
        }, 1);
        return redact(one.get(0), a);
    }

    private static CarrierService service(String code, String name) {
        return new CarrierService(code, name, Set.of(), null, null, null, Set.of(), false,
                Set.of("USD", "GBP", "EUR"), null);
    }

    private YunExpressRequestMapper mapper(YunExpressConfig c) {
        return new YunExpressRequestMapper(new YunExpressRequestMapper.Settings(blankTo(c.defaultService(), ""),
                blankTo(c.iossCode(), "")), customs);
    }

    @Deactivate
    void deactivate() {
        account = new Account(account.descriptor(), null, null, account.secrets(), "deactivated", List.of());
        serviceList = RefreshingValue.reconfigure(serviceList, "yunexpress services", List.of(),
                () -> Result.ok(List.of()), false, 0, clock); // unusable: no refresh, the old one closed
    }

    @Override
    public PluginDescriptor descriptor() {
        return account.descriptor();
    }

    /**
     * The idempotency key is the order's CustomerOrderNumber, which YunExpress keeps unique: when a create is
     * refused, the plugin looks the number up ({@code GET /WayBill/GetOrder}) and returns the order an earlier
     * attempt created, so a repeat never makes a second waybill.
     */
    @Override
    public boolean honoursIdempotencyKey() {
        return true;
    }

    /** YunExpress's CreateOrder takes up to {@value YunExpressRequestMapper#MAX_ORDERS_PER_CALL} orders. */
    @Override
    public int maxShipmentsPerCall() {
        return YunExpressRequestMapper.MAX_ORDERS_PER_CALL;
    }

    @Override
    public Result<ShipmentResponse> createShipment(ShipmentRequest request) {
        if (request == null) {
            return Result.failure(Message.error(YunExpressCodes.BAD_REQUEST, "No shipment request given."));
        }
        return createShipments(List.of(request)).get(0);
    }

    /**
     * Creates many waybills with as few calls as YunExpress allows: the requests that pass the checks go in calls of
     * up to {@value YunExpressRequestMapper#MAX_ORDERS_PER_CALL} orders, so n packages take ceil(n / 10) CreateOrder
     * calls (plus one GetOrder look-up per order YunExpress refuses). Each request gets its own result, in the order
     * given: a refused check, YunExpress's verdict on that order, or the failure of the call that carried it.
     * SPI 1.3: the core's carrier worker hands it up to {@link #maxShipmentsPerCall()} due uploads at a time; see
     * README, "Batch upload".
     */
    @Override
    public List<Result<ShipmentResponse>> createShipments(List<ShipmentRequest> requests) {
        int n = requests == null ? 0 : requests.size();
        List<Result<ShipmentResponse>> results = new ArrayList<>(java.util.Collections.nCopies(n, null));
        Account a = account;
        if (a.configError() != null || a.client() == null) {
            Result<ShipmentResponse> bad = Result.failure(badConfig(a));
            return java.util.Collections.nCopies(n, bad);
        }
        List<Integer> ready = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < n; i++) {
            ShipmentRequest r = requests.get(i);
            int index = i;
            Result<ShipmentResponse> refused = FailSafe.call("YunExpress", () -> {
                Message problem = a.mapper().refusal(r);
                if (problem != null) {
                    return Result.failure(problem);
                }
                if (!keys.add(r.idempotencyKey())) {
                    return Result.failure(Message.error(YunExpressCodes.BAD_REQUEST, "Package " + r.packageNo()
                            + " has the same key as another package of this batch (" + r.idempotencyKey() + ")."));
                }
                ready.add(index);
                return null;
            });
            if (refused != null) {
                results.set(i, redact(refused, a));
            }
        }
        for (int from = 0; from < ready.size(); from += YunExpressRequestMapper.MAX_ORDERS_PER_CALL) {
            List<Integer> chunk = ready.subList(from,
                    Math.min(ready.size(), from + YunExpressRequestMapper.MAX_ORDERS_PER_CALL));
            List<ShipmentRequest> sent = chunk.stream().map(requests::get).toList();
            List<Result<ShipmentResponse>> answered = call(a, () -> createChunk(a, sent), sent.size());
            for (int j = 0; j < chunk.size(); j++) {
                results.set(chunk.get(j), redact(answered.get(j), a));
            }
        }
        return results;
    }

    private List<Result<ShipmentResponse>> createChunk(Account a, List<ShipmentRequest> sent)
            throws IOException, InterruptedException {
        ArrayNode body = Json.MAPPER.createArrayNode();
        for (ShipmentRequest r : sent) {
            body.add(a.mapper().order(r));
        }
        String operation = sent.size() == 1 ? "creating the waybill of package " + sent.get(0).packageNo()
                : "creating the waybills of " + sent.size() + " packages";
        HttpReply reply = a.client().postJson(YunExpressClient.CREATE_ORDER, Json.bytes(body));
        if (!reply.isSuccess()) {
            return same(sent.size(), Result.failure(errors().http(reply, operation).toArray(Message[]::new)));
        }
        Optional<JsonNode> json = Json.parse(reply.body());
        if (json.isEmpty()) {
            return same(sent.size(), Result.failure(badJson(operation)));
        }
        Map<String, JsonNode> items = YunExpressResponseParser.createdItems(json.get());
        List<Result<ShipmentResponse>> out = new ArrayList<>(sent.size());
        for (ShipmentRequest r : sent) {
            String key = r.idempotencyKey();
            JsonNode item = items.get(key);
            if (item == null) {
                out.add(Result.failure(items.isEmpty() && !YunExpressResponseParser.ok(json.get())
                        ? YunExpressErrors.refused(json.get(), operation)
                        : Message.error(YunExpressCodes.BAD_RESPONSE, "YunExpress's answer has no result for "
                        + "package " + r.packageNo() + " (order " + key + ").")));
            } else if (YunExpressResponseParser.created(item)) {
                out.add(Result.ok(YunExpressResponseParser.shipment(key, item)));
            } else {
                out.add(refusedOrExisting(a, r, Json.text(item, "Remark")));
            }
        }
        return out;
    }

    /**
     * A refused order: if YunExpress already holds an order with this CustomerOrderNumber (an earlier attempt whose
     * answer was lost), that order is the result; otherwise the refusal with YunExpress's remark. When the look-up
     * itself fails, its failure is returned (a 429 or 5xx is retried by the core; nothing was created now).
     */
    private Result<ShipmentResponse> refusedOrExisting(Account a, ShipmentRequest r, String remark)
            throws IOException, InterruptedException {
        String key = r.idempotencyKey();
        HttpReply found = a.client().get(YunExpressClient.GET_ORDER + encode(key));
        if (!found.isSuccess()) {
            return Result.failure(errors().http(found, "looking up order " + key + " after YunExpress refused it")
                    .toArray(Message[]::new));
        }
        Optional<JsonNode> existing = Json.parse(found.body()).flatMap(YunExpressResponseParser::existingOrder);
        if (existing.isPresent()) {
            return Result.ok(YunExpressResponseParser.shipment(key, existing.get()), List.of(new Message(
                    YunExpressCodes.ALREADY_CREATED, Message.Severity.INFO, "YunExpress already has order " + key
                    + " (waybill " + Json.text(existing.get(), "WayBillNumber") + ") for package " + r.packageNo()
                    + "; no second waybill was created.")));
        }
        return Result.failure(Message.error(YunExpressCodes.REJECTED, "YunExpress rejected package " + r.packageNo()
                + " (order " + key + ")" + (remark == null ? "." : ": " + YunExpressErrors.clip(remark))));
    }

    /** Asks for the tracking number of an order whose number comes later. */
    @Override
    public Result<ShipmentResponse> fetchTrackingNumber(ShipmentRef shipment) {
        return GUARD.call(account, shipment, NO_ID, (a, key) -> {
            HttpReply reply = a.client().get(YunExpressClient.TRACKING_NUMBER + encode(key));
            String operation = "reading the tracking number of order " + key;
            if (!reply.isSuccess()) {
                return Result.failure(errors().http(reply, operation).toArray(Message[]::new));
            }
            Optional<JsonNode> json = Json.parse(reply.body());
            if (json.isEmpty()) {
                return Result.failure(badJson(operation));
            }
            if (!YunExpressResponseParser.ok(json.get())) {
                return Result.failure(YunExpressErrors.refused(json.get(), operation));
            }
            return YunExpressResponseParser.tracking(json.get(), key);
        });
    }

    /** Asks YunExpress for the label link ({@code POST /Label/Print}) and downloads the PDF without the token. */
    @Override
    public Result<LabelDocument> fetchLabel(ShipmentRef shipment) {
        return GUARD.call(account, shipment, NO_ID, (a, key) -> {
            ArrayNode body = Json.MAPPER.createArrayNode().add(key);
            String operation = "printing the label of order " + key;
            HttpReply reply = a.client().postJson(YunExpressClient.LABEL_PRINT, Json.bytes(body));
            if (!reply.isSuccess()) {
                return Result.failure(errors().http(reply, operation).toArray(Message[]::new));
            }
            Optional<JsonNode> json = Json.parse(reply.body());
            if (json.isEmpty()) {
                return Result.failure(badJson(operation));
            }
            if (!YunExpressResponseParser.ok(json.get())) {
                return Result.failure(YunExpressErrors.refused(json.get(), operation));
            }
            YunExpressResponseParser.LabelLink link = YunExpressResponseParser.labelLink(json.get(), key);
            if (link.refusal() != null) {
                return Result.failure(Message.error(YunExpressCodes.REJECTED, link.refusal()));
            }
            if (link.url() == null) {
                return Result.failure(Message.error(YunExpressCodes.LABEL_NOT_READY, "YunExpress has no label for "
                        + "order " + key + " yet."));
            }
            HttpReply download = a.client().download(link.url());
            if (!download.isSuccess()) {
                int status = download.status();
                if (status == 429 || status >= 500) {
                    return Result.failure(errors().http(download, "the label download of order " + key).get(0));
                }
                return Result.failure(Message.error(YunExpressCodes.REJECTED, "The label link of order " + key
                        + " was refused (HTTP " + status + "); fetch the label again for a fresh one."));
            }
            return YunExpressResponseParser.label(download.body(), key);
        });
    }

    /**
     * Deletes the order ({@code POST /WayBill/Delete}); when YunExpress will not delete it any more (it has been
     * received), asks it to intercept the parcel ({@code POST /WayBill/Intercept}). TRUE when either succeeded; an
     * intercept adds an {@value YunExpressCodes#INTERCEPTED} warning.
     */
    @Override
    public Result<Boolean> cancelShipment(ShipmentRef shipment) {
        return GUARD.call(account, shipment, NO_ID, (a, key) -> {
            ObjectNode delete = Json.object().put("OrderType", ORDER_TYPE_CUSTOMER).put("OrderNumber", key);
            HttpReply deleted = a.client().postJson(YunExpressClient.DELETE, Json.bytes(delete));
            if (!deleted.isSuccess()) {
                return Result.failure(errors().http(deleted, "deleting order " + key).toArray(Message[]::new));
            }
            Optional<JsonNode> deleteAnswer = Json.parse(deleted.body());
            if (deleteAnswer.isEmpty()) {
                return Result.failure(badJson("deleting order " + key));
            }
            if (YunExpressResponseParser.succeeded(deleteAnswer.get())) {
                return Result.ok(Boolean.TRUE);
            }
            ObjectNode intercept = Json.object().put("OrderType", ORDER_TYPE_CUSTOMER).put("OrderNumber", key)
                    .put("Remark", "Cancelled in Waybill");
            HttpReply intercepted = a.client().postJson(YunExpressClient.INTERCEPT, Json.bytes(intercept));
            if (!intercepted.isSuccess()) {
                return Result.failure(errors().http(intercepted, "intercepting order " + key)
                        .toArray(Message[]::new));
            }
            Optional<JsonNode> interceptAnswer = Json.parse(intercepted.body());
            if (interceptAnswer.isEmpty()) {
                return Result.failure(badJson("intercepting order " + key));
            }
            if (YunExpressResponseParser.succeeded(interceptAnswer.get())) {
                return Result.ok(Boolean.TRUE, List.of(Message.warning(YunExpressCodes.INTERCEPTED, "YunExpress "
                        + "could no longer delete order " + key + " (" + YunExpressResponseParser.remark(
                        deleteAnswer.get()) + "); it was intercepted instead.")));
            }
            return Result.failure(Message.error(YunExpressCodes.CANCEL_FAILED, "YunExpress neither deleted nor "
                    + "intercepted order " + key + ": " + YunExpressResponseParser.remark(deleteAnswer.get()) + "; "
                    + YunExpressResponseParser.remark(interceptAnswer.get())));
        });
    }

    /**
     * YunExpress's price trial ({@code GET /Freight/GetPriceTrial}, §2.4): the shipping methods that serve the
     * destination with their total charge, for the parcel's country, weight (kg, 3 decimals) and package type (1 with
     * batteries, else 0). The documented limits are checked first: a country code of at most 5 characters and a
     * weight above 0 are required (SOURCES.md, "Price trial").
     */
    @Override
    public Result<List<CarrierQuote>> quote(CarrierService.Parcel parcel) {
        Account a = account;
        if (a.configError() != null || a.client() == null) {
            return redact(Result.failure(badConfig(a)), a);
        }
        if (parcel == null) {
            return Result.failure(Message.error(YunExpressCodes.BAD_REQUEST, "No parcel given."));
        }
        List<String> problems = new ArrayList<>();
        String country = parcel.destinationCountry();
        if (country == null || country.isBlank()) {
            problems.add("no destination country (YunExpress requires CountryCode)");
        } else if (country.length() > 5) {
            problems.add("country code '" + country + "' is longer than 5 characters");
        }
        if (parcel.weightGrams() <= 0) {
            problems.add("no weight (YunExpress requires Weight above 0)");
        }
        if (!problems.isEmpty()) {
            return Result.failure(Message.error(YunExpressCodes.BAD_REQUEST, "Cannot ask YunExpress for prices: "
                    + String.join("; ", problems) + "."));
        }
        boolean battery = parcel.dangerousGoods().contains(CarrierService.DangerousGoods.BATTERY);
        List<Message> warnings = new ArrayList<>();
        Set<CarrierService.DangerousGoods> other = new java.util.TreeSet<>(parcel.dangerousGoods());
        other.remove(CarrierService.DangerousGoods.BATTERY);
        if (!other.isEmpty()) {
            warnings.add(Message.warning(YunExpressCodes.GOODS_TYPE_UNKNOWN, "YunExpress's price trial knows only "
                    + "batteries and general goods; the prices are for " + (battery ? "batteries" : "general goods")
                    + ", not for " + other.toString().toLowerCase(java.util.Locale.ROOT) + "."));
        }
        String query = "CountryCode=" + encode(country.trim()) + "&Weight="
                + YunExpressRequestMapper.kg(parcel.weightGrams()).toPlainString() + "&PackageType=" + (battery ? 1 : 0);
        String operation = "the price trial to " + country.trim();
        List<Result<List<CarrierQuote>>> one = call(a, () -> {
            HttpReply reply = a.client().get(YunExpressClient.PRICE_TRIAL + query);
            if (!reply.isSuccess()) {
                return List.of(Result.failure(errors().http(reply, operation).toArray(Message[]::new)));
            }
            Optional<JsonNode> json = Json.parse(reply.body());
            if (json.isEmpty()) {
                return List.of(Result.failure(badJson(operation)));
            }
            if (!YunExpressResponseParser.ok(json.get())) {
                return List.of(Result.failure(YunExpressErrors.refused(json.get(), operation)));
            }
            return List.of(Result.ok(YunExpressResponseParser.quotes(json.get()), warnings));
        }, 1);
        return redact(one.get(0), a);
    }

    // ------------------------------------------------------------------------------------------------------------

    private YunExpressErrors errors() {
        return new YunExpressErrors(clock);
    }

    private static Message badJson(String operation) {
        return Message.error(YunExpressCodes.BAD_RESPONSE, "YunExpress's answer to " + operation
                + " is not readable JSON.");
    }

    private static Message badConfig(Account a) {
        return GUARD.notUsable(a.descriptor().displayName(), AccountSettings.unusable(a.configError(), a.client()));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static <T> List<Result<T>> same(int n, Result<T> result) {
        return java.util.Collections.nCopies(n, result);
    }

    @FunctionalInterface
    private interface Batch<T> {
        List<Result<T>> run() throws IOException, InterruptedException;
    }

    /** Runs a call of {@code n} results; a transport failure or stray exception becomes each result's message. */
    private <T> List<Result<T>> call(Account a, Batch<T> batch, int n) {
        Result<List<Result<T>>> outcome = GUARD.attempt(() -> Result.ok(batch.run()));
        if (outcome.isOk()) {
            return outcome.value();
        }
        Result<T> failure = new Result<>(null, outcome.messages());
        return same(n, failure);
    }

    private static <T> Result<T> redact(Result<T> result, Account a) {
        return Redaction.redact(result, a.secrets());
    }

    @Override
    public String toString() {
        return "YunExpressCarrierGateway[" + account.descriptor().id() + "]";
    }
}
