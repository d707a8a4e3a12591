package io.waybill.carrier.fourpx.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.waybill.plugin.kit.AccountSettings;
import io.waybill.plugin.kit.carrier.GuardedCall;
import io.waybill.plugin.kit.HttpReply;
import io.waybill.plugin.kit.json.Json;
import io.waybill.spi.carrier.CarrierGateway;
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
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static io.waybill.plugin.kit.AccountSettings.blankTo;

/**
 * One 4PX open platform account as a Waybill carrier (直发, direct shipping): creates consignments
 * ({@code ds.xms.order.create}, ref_no = the idempotency key), reads them for the tracking number
 * ({@code ds.xms.order.get}), fetches the label PDF ({@code ds.xms.label.get}, then the file) and cancels
 * ({@code ds.xms.order.cancel}, else holds with {@code ds.xms.order.hold}). Every call is signed (see
 * {@link FourPxSignature}). Nothing is thrown across the SPI and no thread is started.
 */
@Component(service = CarrierGateway.class, configurationPid = FourPxCarrierGateway.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = FourPxConfig.class, factory = true)
public class FourPxCarrierGateway implements CarrierGateway {

    static final String PID = "io.waybill.carrier.fourpx";
    static final String ID = "4px";
    static final String DESCRIPTION = "Creates 4PX direct-shipping consignments through the 4PX open platform, reads "
            + "tracking numbers, fetches labels and cancels or holds consignments.";
    static final String CANCEL_REASON = "Cancelled in Waybill";

    private static final System.Logger LOG = System.getLogger(FourPxCarrierGateway.class.getName());
    private static final GuardedCall GUARD = new GuardedCall("4PX", PID, LOG);
    private static final String NO_ID = "No 4PX consignment number given.";
    private static final Set<String> DELIVER_TYPES = Set.of("1", "2", "3", "5");

    private record Account(PluginDescriptor descriptor, FourPxClient client, FourPxRequestMapper mapper,
                           String[] secrets, String configError, List<CarrierService> services)
            implements GuardedCall.Account {
    }

    /** Clock for timestamps and Retry-After dates; tests replace it. */
    Clock clock = Clock.systemUTC();
    /** Where declared unit values come from: the request's items (carrier SPI 1.2); tests may replace it. */
    FourPxRequestMapper.Customs customs = FourPxRequestMapper.Customs.SPI;

    private volatile Account account = new Account(
            AccountSettings.descriptor(ID, AccountSettings.DEFAULT_ACCOUNT, "4PX", DESCRIPTION),
            null, null, new String[0], "not configured", List.of());

    @Activate
    @Modified
    void configure(FourPxConfig config) {
        AccountSettings settings = new AccountSettings(config.accountId(), config.displayName(), "4PX");
        String appKey = settings.required("App key", config.appKey());
        String secret = settings.secret("App secret", config._appSecret());
        String deliverType = blankTo(config.deliverType(), "1").trim();
        if (!DELIVER_TYPES.contains(deliverType)) {
            settings.problem("'Delivery to 4PX' must be 1, 2, 3 or 5");
        }
        FourPxClient client = settings.client("API endpoint", config.baseUrl(), FourPxClient.DEFAULT_BASE_URL,
                !appKey.isEmpty() && !secret.isEmpty(), baseUrl -> new FourPxClient(baseUrl, appKey, secret,
                        AccountSettings.timeout(config.connectTimeoutSeconds()),
                        AccountSettings.timeout(config.requestTimeoutSeconds()), clock));
        FourPxRequestMapper mapper = new FourPxRequestMapper(new FourPxRequestMapper.Settings(
                blankTo(config.defaultService(), ""), deliverType, blankTo(config.iossNo(), "")), customs);
        account = new Account(settings.descriptor(ID, DESCRIPTION), client, mapper, GuardedCall.secrets(secret),
                settings.error(), services(config));
    }

    /** The configured logistics product codes (and the default) as services: declarations in USD only. */
    private static List<CarrierService> services(FourPxConfig c) {
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
        return codes.stream().map(code -> new CarrierService(code, "4PX " + code, Set.of(), null, null, null,
                Set.of(), false, FourPxRequestMapper.CURRENCIES, null)).toList();
    }

    @Override
    public List<CarrierService> services() {
        return account.services();
    }

    @Deactivate
    void deactivate() {
        account = new Account(account.descriptor(), null, null, account.secrets(), "deactivated", List.of());
    }

    @Override
    public PluginDescriptor descriptor() {
        return account.descriptor();
    }

    /** ref_no is the idempotency key; a refused create looks it up and returns an earlier attempt's consignment. */
    @Override
    public boolean honoursIdempotencyKey() {
        return true;
    }

    @Override
    public Result<ShipmentResponse> createShipment(ShipmentRequest request) {
        return GUARD.call(account, a -> {
            Message refused = a.mapper().refusal(request);
            if (refused != null) {
                return Result.failure(refused);
            }
            String operation = "creating the consignment of package " + request.packageNo();
            HttpReply reply = a.client().call(FourPxClient.ORDER_CREATE, text(a.mapper().order(request)));
            Optional<JsonNode> json = envelope(reply);
            if (!reply.isSuccess()) {
                return Result.failure(errors().http(reply, operation).toArray(Message[]::new));
            }
            if (json.isEmpty()) {
                return Result.failure(badJson(operation));
            }
            if (FourPxResponseParser.ok(json.get())) {
                return FourPxResponseParser.created(json.get().path("data"), request.idempotencyKey());
            }
            return refusedOrExisting(a, request, json.get(), operation);
        });
    }

    private Result<ShipmentResponse> refusedOrExisting(Account a, ShipmentRequest r, JsonNode refusal,
                                                       String operation) throws IOException, InterruptedException {
        String key = r.idempotencyKey();
        HttpReply found = a.client().call(FourPxClient.ORDER_GET, text(Json.object().put("request_no", key)));
        if (!found.isSuccess()) {
            return Result.failure(errors().http(found, "looking up consignment " + key + " after 4PX refused it")
                    .toArray(Message[]::new));
        }
        Optional<JsonNode> existing = envelope(found).filter(FourPxResponseParser::ok)
                .flatMap(e -> FourPxResponseParser.consignment(e, key));
        if (existing.isPresent()) {
            JsonNode c = existing.get();
            Result<ShipmentResponse> same = FourPxResponseParser.created(c, key);
            return Result.ok(same.value(), List.of(new Message(FourPxCodes.ALREADY_CREATED, Message.Severity.INFO,
                    "4PX already has consignment " + Json.text(c, "ds_consignment_no") + " for package "
                            + r.packageNo() + " (ref_no " + key + "); no second one was created.")));
        }
        return Result.failure(FourPxErrors.refused(refusal, operation));
    }

    @Override
    public Result<ShipmentResponse> fetchTrackingNumber(ShipmentRef shipment) {
        return GUARD.call(account, shipment, NO_ID, (a, id) -> {
            String operation = "reading consignment " + id;
            HttpReply reply = a.client().call(FourPxClient.ORDER_GET, text(Json.object().put("request_no", id)));
            if (!reply.isSuccess()) {
                return Result.failure(errors().http(reply, operation).toArray(Message[]::new));
            }
            Optional<JsonNode> json = envelope(reply);
            if (json.isEmpty()) {
                return Result.failure(badJson(operation));
            }
            if (!FourPxResponseParser.ok(json.get())) {
                return Result.failure(FourPxErrors.refused(json.get(), operation));
            }
            return FourPxResponseParser.tracking(json.get(), id);
        });
    }

    @Override
    public Result<LabelDocument> fetchLabel(ShipmentRef shipment) {
        return GUARD.call(account, shipment, NO_ID, (a, id) -> {
            String operation = "getting the label of consignment " + id;
            HttpReply reply = a.client().call(FourPxClient.LABEL_GET, text(Json.object().put("request_no", id)
                    .put("response_label_format", "PDF")));
            if (!reply.isSuccess()) {
                return Result.failure(errors().http(reply, operation).toArray(Message[]::new));
            }
            Optional<JsonNode> json = envelope(reply);
            if (json.isEmpty()) {
                return Result.failure(badJson(operation));
            }
            if (!FourPxResponseParser.ok(json.get())) {
                return Result.failure(FourPxErrors.refused(json.get(), operation));
            }
            String url = Json.text(json.get().path("data").path("label_url_info"), "logistics_label");
            if (url == null) {
                return Result.failure(Message.error(FourPxCodes.LABEL_NOT_READY, "4PX has no label for consignment "
                        + id + " yet."));
            }
            URI uri;
            try {
                uri = URI.create(url.trim());
            } catch (IllegalArgumentException e) {
                return Result.failure(Message.error(FourPxCodes.BAD_RESPONSE, "4PX gave an unreadable label link for "
                        + "consignment " + id + "."));
            }
            HttpReply download = a.client().download(uri);
            if (!download.isSuccess()) {
                int status = download.status();
                if (status == 429 || status >= 500) {
                    return Result.failure(errors().http(download, "the label download of " + id).get(0));
                }
                return Result.failure(Message.error(FourPxCodes.REJECTED, "The label link of consignment " + id
                        + " was refused (HTTP " + status + "); fetch the label again for a fresh one."));
            }
            return FourPxResponseParser.label(download.body(), id);
        });
    }

    @Override
    public Result<Boolean> cancelShipment(ShipmentRef shipment) {
        return GUARD.call(account, shipment, NO_ID, (a, id) -> {
            HttpReply cancelled = a.client().call(FourPxClient.ORDER_CANCEL, text(Json.object().put("request_no", id)
                    .put("cancel_reason", CANCEL_REASON)));
            if (!cancelled.isSuccess()) {
                return Result.failure(errors().http(cancelled, "cancelling consignment " + id)
                        .toArray(Message[]::new));
            }
            Optional<JsonNode> cancelAnswer = envelope(cancelled);
            if (cancelAnswer.isEmpty()) {
                return Result.failure(badJson("cancelling consignment " + id));
            }
            if (FourPxResponseParser.ok(cancelAnswer.get())) {
                return Result.ok(Boolean.TRUE);
            }
            HttpReply held = a.client().call(FourPxClient.ORDER_HOLD, text(Json.object().put("request_no", id)
                    .put("is_hold", "Y").put("hold_reason", CANCEL_REASON)));
            if (!held.isSuccess()) {
                return Result.failure(errors().http(held, "holding consignment " + id).toArray(Message[]::new));
            }
            Optional<JsonNode> holdAnswer = envelope(held);
            if (holdAnswer.isEmpty()) {
                return Result.failure(badJson("holding consignment " + id));
            }
            String why = String.join("; ", FourPxErrors.texts(cancelAnswer.get()));
            if (FourPxResponseParser.ok(holdAnswer.get())) {
                return Result.ok(Boolean.TRUE, List.of(Message.warning(FourPxCodes.HELD, "4PX could no longer cancel "
                        + "consignment " + id + " (" + why + "); it is held (intercepted) instead.")));
            }
            return Result.failure(Message.error(FourPxCodes.CANCEL_FAILED, "4PX neither cancelled nor held "
                    + "consignment " + id + ": " + why + "; "
                    + String.join("; ", FourPxErrors.texts(holdAnswer.get()))));
        });
    }

    /**
     * 4PX's estimated cost ({@code ds.xms.estimated_cost.get}): the logistics products that serve the destination with
     * their total fee in CNY and transit days, for the parcel's country (two letters, required) and real weight in
     * grams (required, below 1,000,000 g), both checked before the call (SOURCES.md, "Estimated cost").
     */
    @Override
    public Result<List<io.waybill.spi.carrier.CarrierQuote>> quote(CarrierService.Parcel parcel) {
        if (parcel == null) {
            return Result.failure(Message.error(FourPxCodes.BAD_REQUEST, "No parcel given."));
        }
        List<String> problems = new java.util.ArrayList<>();
        String country = parcel.destinationCountry();
        if (country == null || country.isBlank()) {
            problems.add("no destination country (4PX requires country_code)");
        } else if (!country.trim().matches("[A-Z]{2}")) {
            problems.add("country '" + country + "' is not a two-letter code");
        }
        if (parcel.weightGrams() <= 0) {
            problems.add("no weight (4PX requires the real weight)");
        } else if (parcel.weightGrams() >= MAX_ESTIMATE_GRAMS) {
            problems.add("weight " + parcel.weightGrams() + " g is not below 4PX's " + MAX_ESTIMATE_GRAMS + " g");
        }
        if (!problems.isEmpty()) {
            return Result.failure(Message.error(FourPxCodes.BAD_REQUEST, "Cannot ask 4PX for an estimated cost: "
                    + String.join("; ", problems) + "."));
        }
        List<Message> warnings = parcel.dangerousGoods().isEmpty() ? List.of() : List.of(Message.warning(
                FourPxCodes.GOODS_TYPE_UNKNOWN, "4PX's estimated cost cannot say " + parcel.dangerousGoods().toString()
                        .toLowerCase(java.util.Locale.ROOT) + "; the prices are for an ordinary parcel."));
        String operation = "the estimated cost to " + country.trim();
        return GUARD.call(account, a -> {
            HttpReply reply = a.client().call(FourPxClient.ESTIMATED_COST, text(Json.object()
                    .put("country_code", country.trim()).put("weight", String.valueOf(parcel.weightGrams()))));
            if (!reply.isSuccess()) {
                return Result.failure(errors().http(reply, operation).toArray(Message[]::new));
            }
            Optional<JsonNode> json = envelope(reply);
            if (json.isEmpty()) {
                return Result.failure(badJson(operation));
            }
            if (!FourPxResponseParser.ok(json.get())) {
                return Result.failure(FourPxErrors.refused(json.get(), operation));
            }
            return Result.ok(FourPxResponseParser.quotes(json.get()), warnings);
        });
    }

    /** The estimate's weight limit: "填写实重需小于1000000g" (SOURCES.md). */
    static final int MAX_ESTIMATE_GRAMS = 1_000_000;

    // ------------------------------------------------------------------------------------------------------------

    private static String text(ObjectNode body) {
        return new String(Json.bytes(body), StandardCharsets.UTF_8);
    }

    private static Optional<JsonNode> envelope(HttpReply reply) {
        return Json.parse(reply.body()).filter(JsonNode::isObject);
    }

    private FourPxErrors errors() {
        return new FourPxErrors(clock);
    }

    private static Message badJson(String operation) {
        return Message.error(FourPxCodes.BAD_RESPONSE, "4PX's answer to " + operation + " is not readable JSON.");
    }

    @Override
    public String toString() {
        return "FourPxCarrierGateway[" + account.descriptor().id() + "]";
    }
}
