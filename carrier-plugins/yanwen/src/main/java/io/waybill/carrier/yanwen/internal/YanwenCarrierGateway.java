package io.waybill.carrier.yanwen.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.waybill.plugin.kit.AccountSettings;
import io.waybill.plugin.kit.carrier.GuardedCall;
import io.waybill.plugin.kit.HttpFailures;
import io.waybill.plugin.kit.HttpReply;
import io.waybill.plugin.kit.RefreshingValue;
import io.waybill.plugin.kit.RetryAfter;
import io.waybill.plugin.kit.Texts;
import io.waybill.plugin.kit.json.Json;
import io.waybill.spi.carrier.CarrierGateway;
import io.waybill.spi.carrier.CarrierService;
import io.waybill.spi.carrier.LabelDocument;
import io.waybill.spi.carrier.ShipmentRef;
import io.waybill.spi.carrier.ShipmentRequest;
import io.waybill.spi.carrier.ShipmentResponse;
import io.waybill.spi.common.Message;
import io.waybill.spi.common.MessageCodes;
import io.waybill.spi.common.PluginDescriptor;
import io.waybill.spi.common.Result;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import static io.waybill.plugin.kit.AccountSettings.blankTo;

/**
 * One Yanwen customer number as a Waybill carrier, through the Yanwen open API: creates waybills
 * ({@code express.order.create}; the tracking number comes with the answer), fetches the label ({@code
 * express.order.label.get}, a Base64 PDF) and cancels ({@code express.order.cancel}). Every call is signed (see
 * {@link YanwenSignature}). Its services are the account's channels ({@code express.channel.getlist}), read in the
 * background by the kit's {@link RefreshingValue} at activation, on each configuration change and every {@code
 * servicesRefreshMinutes}; the configured channel ids until the first answer. Nothing is thrown across the SPI; the
 * channel refresh is the only thread.
 */
@Component(service = CarrierGateway.class, configurationPid = YanwenCarrierGateway.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = YanwenConfig.class, factory = true)
public class YanwenCarrierGateway implements CarrierGateway {

    static final String PID = "io.waybill.carrier.yanwen";
    static final String ID = "yanwen";
    static final String DESCRIPTION = "Creates Yanwen waybills through the Yanwen open API, prints their labels and "
            + "cancels them.";
    static final String PROVIDER = "Yanwen";
    /** Yanwen would not cancel the waybill. */
    static final String CANCEL_FAILED = "cancel_failed";

    private static final System.Logger LOG = System.getLogger(YanwenCarrierGateway.class.getName());
    private static final HttpFailures.Wording WORDING = new HttpFailures.Wording(PROVIDER,
            "customer number or signature", "Check the customer number and API token of this Yanwen account.",
            "rate limit", "The outcome is unknown; try again later.", false);
    private static final GuardedCall GUARD = new GuardedCall(PROVIDER, PID, LOG);
    private static final String NO_ID = "No Yanwen waybill number given.";

    private record Account(PluginDescriptor descriptor, YanwenClient client, YanwenRequestMapper mapper,
                           String[] secrets, String configError, List<CarrierService> services)
            implements GuardedCall.Account {
    }

    /** Clock for timestamps and Retry-After dates; tests replace it. */
    Clock clock = Clock.systemUTC();
    /** Where declared values come from: the request's items (carrier SPI 1.2); tests may replace it. */
    YanwenRequestMapper.Customs customs = YanwenRequestMapper.Customs.SPI;

    private volatile Account account = new Account(
            AccountSettings.descriptor(ID, AccountSettings.DEFAULT_ACCOUNT, "Yanwen", DESCRIPTION),
            null, null, new String[0], "not configured", List.of());
    /** The services: the account's channels as Yanwen lists them, refreshed; the configured ids until then. */
    private volatile RefreshingValue<List<CarrierService>> serviceList = RefreshingValue.manual("yanwen channels",
            List.of(), () -> Result.ok(List.of()), Clock.systemUTC());
    /** The limits every Yanwen waybill has, per account (batteries); what each channel service carries. */
    private volatile java.util.Set<CarrierService.DangerousGoods> dangerousGoods = java.util.Set.of();

    @Activate
    @Modified
    void configure(YanwenConfig config) {
        AccountSettings settings = new AccountSettings(config.accountId(), config.displayName(), PROVIDER);
        String userId = settings.required("Customer number", config.userId());
        String token = settings.secret("API token", config._apiToken());
        YanwenClient client = settings.client("API endpoint", config.baseUrl(), YanwenClient.DEFAULT_BASE_URL,
                !userId.isEmpty() && !token.isEmpty(), baseUrl -> new YanwenClient(baseUrl, userId, token,
                        AccountSettings.timeout(config.connectTimeoutSeconds()),
                        AccountSettings.timeout(config.requestTimeoutSeconds()), clock));
        YanwenRequestMapper mapper = new YanwenRequestMapper(new YanwenRequestMapper.Settings(
                blankTo(config.defaultService(), ""), blankTo(config.batteries(), "").trim(),
                blankTo(config.orderSource(), ""), blankTo(config.iossNo(), "")), customs);
        dangerousGoods = dangerousGoods(config);
        Account a = new Account(settings.descriptor(ID, DESCRIPTION), client, mapper, GuardedCall.secrets(token),
                settings.error(), services(config));
        account = a;
        serviceList = RefreshingValue.reconfigure(serviceList, "Yanwen channels of " + a.descriptor().id(),
                a.services(), () -> fetchServices(a), AccountSettings.unusable(a.configError(), a.client()) == null,
                config.servicesRefreshMinutes(), clock);
    }

    private static java.util.Set<CarrierService.DangerousGoods> dangerousGoods(YanwenConfig c) {
        return "1".equals(blankTo(c.batteries(), "").trim())
                ? java.util.Set.of(CarrierService.DangerousGoods.BATTERY) : java.util.Set.of();
    }

    private static CarrierService service(String id, String name, java.util.Set<CarrierService.DangerousGoods> dg) {
        return new CarrierService(id, name, java.util.Set.of(), null, null, null, dg, false,
                YanwenRequestMapper.CURRENCIES, YanwenRequestMapper.MAX_LINES);
    }

    /**
     * One read of the account's channels: {@code express.channel.getlist} with the data {@code {}} (signed like every
     * call), each {@code data[]} entry ({@code id}, {@code nameEn}, {@code nameCh}) a service with the limits of every
     * Yanwen waybill (5 lines, the currencies; batteries as the account declares): the answer states no weight,
     * value or destination limit per channel (SOURCES.md). An answer without channels is a failure: the last good
     * list stays.
     */
    private Result<List<CarrierService>> fetchServices(Account a) {
        java.util.Set<CarrierService.DangerousGoods> dg = dangerousGoods;
        return GUARD.call(a, acc -> {
            Result<JsonNode> data = data(acc.client().call(YanwenClient.CHANNEL_GETLIST, "{}"),
                    "listing the account's channels");
            if (!data.isOk()) {
                return new Result<>(null, data.messages());
            }
            java.util.Map<String, CarrierService> channels = new java.util.LinkedHashMap<>();
            if (data.value().isArray()) {
                for (JsonNode c : data.value()) {
                    String id = Json.text(c, "id");
                    if (id == null || id.isBlank()) {
                        continue;
                    }
                    String name = Json.text(c, "nameEn");
                    if (name == null || name.isBlank()) {
                        name = Json.text(c, "nameCh");
                    }
                    channels.putIfAbsent(id.strip(), service(id.strip(), name == null || name.isBlank()
                            ? "Yanwen " + id.strip() : name.strip(), dg));
                }
            }
            if (channels.isEmpty()) {
                return Result.failure(Message.error(MessageCodes.BAD_RESPONSE, "Yanwen listed no channels for "
                        + "this account."));
            }
            LOG.log(System.Logger.Level.INFO, "Yanwen account {0}: {1} channels from express.channel.getlist",
                    acc.descriptor().id(), channels.size());
            return Result.ok(List.copyOf(channels.values()));
        });
    }

    /**
     * The configured channel ids (and the default) as services: the 5-line and currency limits of every Yanwen
     * waybill (SOURCES.md); a service carries batteries only when the account declares parcels with batteries.
     */
    private static List<CarrierService> services(YanwenConfig c) {
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
        java.util.Set<CarrierService.DangerousGoods> dg = dangerousGoods(c);
        return codes.stream().map(code -> service(code, "Yanwen " + code, dg)).toList();
    }

    /**
     * The account's channels as Yanwen listed them last ({@link #servicesState()}); before the first answer, and
     * while Yanwen cannot be reached before it, the configured channel ids. No I/O.
     */
    @Override
    public List<CarrierService> services() {
        return serviceList.value();
    }

    /** The service list with where it comes from, its age and the last failed refresh (logs, tests). */
    RefreshingValue.State<List<CarrierService>> servicesState() {
        return serviceList.state();
    }

    /** Reads the channels now, on this thread (tests; the background refresh does the same). */
    RefreshingValue.State<List<CarrierService>> refreshServices() {
        return serviceList.refreshNow();
    }

    /** Waits until the channels have been fetched {@code n} times since the last configuration (tests). */
    boolean awaitServiceFetches(int n, Duration timeout) throws InterruptedException {
        return serviceList.awaitFetches(n, timeout);
    }

    @Deactivate
    void deactivate() {
        account = new Account(account.descriptor(), null, null, account.secrets(), "deactivated", List.of());
        serviceList = RefreshingValue.reconfigure(serviceList, "yanwen channels", List.of(),
                () -> Result.ok(List.of()), false, 0, clock); // unusable: no refresh, the old one closed
    }

    @Override
    public PluginDescriptor descriptor() {
        return account.descriptor();
    }

    /** Creates the waybill; Yanwen answers the tracking number (waybillNumber) at once. */
    @Override
    public Result<ShipmentResponse> createShipment(ShipmentRequest request) {
        return GUARD.call(account, a -> {
            Message refused = a.mapper().refusal(request);
            if (refused != null) {
                return Result.failure(refused);
            }
            String key = request.idempotencyKey().trim();
            Result<JsonNode> found = data(a.client().call(YanwenClient.ORDER_GETLIST, text(lookUp(key))),
                    "looking up order number " + key + " before creating the waybill of package " + request.packageNo());
            if (!found.isOk() && !found.messages().get(0).code().equals(MessageCodes.REJECTED)) {
                // Yanwen did not answer whether the order exists: creating now could make a second waybill
                return Result.failure(found.messages().toArray(Message[]::new));
            }
            Optional<String> existing = found.isOk() ? existingWaybill(found.value(), key) : Optional.empty();
            if (existing.isPresent()) {
                return Result.ok(new ShipmentResponse(ShipmentResponse.State.TRACKED, existing.get(), existing.get()),
                        List.of(new Message(MessageCodes.ALREADY_CREATED, Message.Severity.INFO, "Yanwen already has waybill "
                                + existing.get() + " for order number " + key + " (package " + request.packageNo()
                                + "); no second waybill created.")));
            }
            String operation = "creating the waybill of package " + request.packageNo();
            Result<JsonNode> data = data(a.client().call(YanwenClient.ORDER_CREATE, text(a.mapper().order(request))),
                    operation);
            if (!data.isOk()) {
                return Result.failure(data.messages().toArray(Message[]::new));
            }
            String waybill = Json.text(data.value(), "waybillNumber");
            if (waybill == null) {
                return Result.failure(Message.error(MessageCodes.BAD_RESPONSE, "Yanwen's answer to " + operation
                        + " has no waybill number."));
            }
            return Result.ok(new ShipmentResponse(ShipmentResponse.State.TRACKED, waybill, waybill));
        });
    }

    /**
     * A create is checked first with {@code express.order.getlist} by the order number (the idempotency key), so a
     * resend after a timeout finds the waybill the first call made instead of creating a second one.
     */
    @Override
    public boolean honoursIdempotencyKey() {
        return true;
    }

    /** {@code express.order.getlist}'s body: the order number as the only entry of {@code listNumber}. */
    static ObjectNode lookUp(String orderNumber) {
        ObjectNode body = Json.object();
        body.putArray("listNumber").add(orderNumber);
        return body;
    }

    /**
     * The waybill number of a record of the look-up whose {@code orderNumber} is this order number and whose
     * {@code status} is not 5 (cancelled: "5 已取消"); none when there is no such record.
     */
    static Optional<String> existingWaybill(JsonNode data, String orderNumber) {
        if (data == null || !data.isArray()) {
            return Optional.empty();
        }
        for (JsonNode o : data) {
            String number = Json.text(o, "orderNumber");
            String waybill = Json.text(o, "waybillNumber");
            if (number != null && number.trim().equals(orderNumber) && waybill != null && !waybill.isBlank()
                    && !"5".equals(o.path("status").asText())) {
                return Optional.of(waybill.trim());
            }
        }
        return Optional.empty();
    }

    /** The label as Yanwen returns it: a Base64 PDF in {@code base64String}. */
    @Override
    public Result<LabelDocument> fetchLabel(ShipmentRef shipment) {
        return GUARD.call(account, shipment, NO_ID, (a, id) -> {
            String operation = "getting the label of waybill " + id;
            Result<JsonNode> data = data(a.client().call(YanwenClient.LABEL_GET,
                    text(Json.object().put("waybillNumber", id))), operation);
            if (!data.isOk()) {
                return Result.failure(data.messages().toArray(Message[]::new));
            }
            if (data.value().path("isSuccess").isBoolean() && !data.value().path("isSuccess").asBoolean()) {
                String error = Json.text(data.value(), "errorMsg");
                return Result.failure(Message.error(MessageCodes.REJECTED, "Yanwen refused " + operation
                        + (error == null ? "." : ": " + clip(error))));
            }
            String base64 = Json.text(data.value(), "base64String");
            if (base64 == null) {
                return Result.failure(Message.error(MessageCodes.LABEL_NOT_READY, "Yanwen has no label for waybill "
                        + id + " yet."));
            }
            byte[] pdf;
            try {
                pdf = Base64.getMimeDecoder().decode(base64);
            } catch (IllegalArgumentException e) {
                return Result.failure(Message.error(MessageCodes.BAD_RESPONSE, "The label of Yanwen waybill " + id
                        + " is not Base64."));
            }
            if (pdf.length < 5 || !new String(pdf, 0, 5, StandardCharsets.ISO_8859_1).equals("%PDF-")) {
                return Result.failure(Message.error(MessageCodes.BAD_RESPONSE, "The label of Yanwen waybill " + id
                        + " is not a PDF."));
            }
            return Result.ok(new LabelDocument(LabelDocument.Format.PDF, pdf));
        });
    }

    @Override
    public Result<Boolean> cancelShipment(ShipmentRef shipment) {
        return GUARD.call(account, shipment, NO_ID, (a, id) -> {
            HttpReply reply = a.client().call(YanwenClient.ORDER_CANCEL, text(Json.object().put("waybillNumber", id)
                    .put("note", "Cancelled in Waybill")));
            Result<JsonNode> data = data(reply, "cancelling waybill " + id);
            if (data.isOk()) {
                return Result.ok(Boolean.TRUE);
            }
            Message m = data.messages().get(0);
            return m.code().equals(MessageCodes.REJECTED)
                    ? Result.failure(Message.error(CANCEL_FAILED, m.text())) : Result.failure(m);
        });
    }

    // ------------------------------------------------------------------------------------------------------------

    /**
     * The {@code data} of a successful envelope {@code {"success", "code", "message", "data"}} (a JSON null data is an
     * empty object); a non-2xx status, an unreadable body or {@code success: false} as failure messages.
     */
    private Result<JsonNode> data(HttpReply reply, String operation) {
        Optional<JsonNode> json = Json.parse(reply.body()).filter(JsonNode::isObject);
        if (!reply.isSuccess()) {
            return Result.failure(HttpFailures.messages(reply, operation, json.map(YanwenCarrierGateway::texts)
                    .orElse(List.of()), RetryAfter.parse(reply.retryAfter(), clock).orElse(null), WORDING)
                    .toArray(Message[]::new));
        }
        if (json.isEmpty()) {
            return Result.failure(Message.error(MessageCodes.BAD_RESPONSE, "Yanwen's answer to " + operation
                    + " is not readable JSON."));
        }
        if (!json.get().path("success").asBoolean(false)) {
            List<String> texts = texts(json.get());
            return Result.failure(Message.error(MessageCodes.REJECTED, "Yanwen rejected " + operation
                    + (texts.isEmpty() ? "" : ": " + String.join("; ", texts))));
        }
        JsonNode data = json.get().path("data");
        return Result.ok(data.isObject() || data.isArray() ? data : Json.object());
    }

    private static List<String> texts(JsonNode envelope) {
        String code = Json.text(envelope, "code");
        String message = Json.text(envelope, "message");
        if (message == null) {
            return code == null ? List.of() : List.of(clip("code " + code));
        }
        return List.of(clip(code == null ? message : code + ": " + message));
    }

    private static String clip(String text) {
        return Texts.clip(text, 500);
    }

    private static String text(ObjectNode body) {
        return new String(Json.bytes(body), StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "YanwenCarrierGateway[" + account.descriptor().id() + "]";
    }
}
