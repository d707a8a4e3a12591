package io.waybill.carrier.easypost.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.waybill.plugin.kit.JsonApi;
import io.waybill.plugin.kit.AccountSettings;
import io.waybill.plugin.kit.carrier.GuardedCall;
import io.waybill.plugin.kit.HttpReply;
import io.waybill.plugin.kit.json.Json;
import io.waybill.spi.carrier.CarrierGateway;
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
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import static io.waybill.plugin.kit.AccountSettings.blankTo;
import static io.waybill.plugin.kit.AccountSettings.positive;
import static io.waybill.plugin.kit.Results.withMessages;

/**
 * One EasyPost account as a Waybill carrier: creates a shipment ({@code POST /v2/shipments}, reference = the
 * idempotency key), buys the matching or cheapest rate ({@code POST /v2/shipments/{id}/buy}), reads shipments back,
 * downloads the label and refunds it ({@code POST /v2/shipments/{id}/refund}). Every failure comes back as messages;
 * nothing is thrown across the SPI and no thread is started.
 */
@Component(service = CarrierGateway.class, configurationPid = EasyPostCarrierGateway.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = EasyPostConfig.class, factory = true)
public class EasyPostCarrierGateway implements CarrierGateway {

    static final String PID = "io.waybill.carrier.easypost";
    static final String ID = "easypost";
    static final String DESCRIPTION = "Buys shipping labels through the EasyPost API (shipment, rate, buy), "
            + "downloads and refunds them.";

    private static final System.Logger LOG = System.getLogger(EasyPostCarrierGateway.class.getName());
    private static final GuardedCall GUARD = new GuardedCall("EasyPost", PID, LOG);
    private static final String NO_ID = "No EasyPost shipment id given.";

    /** Everything one configuration produces, replaced as a whole when the configuration changes. */
    private record Account(PluginDescriptor descriptor, JsonApi client, EasyPostRequestMapper mapper,
                           String[] secrets, String configError)
            implements GuardedCall.Account {
    }

    /** Clock for Retry-After dates; tests replace it. */
    Clock clock = Clock.systemUTC();

    private volatile Account account = new Account(
            AccountSettings.descriptor(ID, AccountSettings.DEFAULT_ACCOUNT, "EasyPost", DESCRIPTION),
            null, null, new String[0], "not configured");

    @Activate
    @Modified
    void configure(EasyPostConfig config) {
        AccountSettings settings = new AccountSettings(config.accountId(), config.displayName(), "EasyPost");
        // a secret saved from Waybill's settings form is a reference to its secret file (plugin kit SecretFiles)
        String key = settings.secret("API key", config._apiKey());
        JsonApi client = settings.client("API base URL", config.baseUrl(), EasyPostClient.DEFAULT_BASE_URL,
                !key.isEmpty(), baseUrl -> EasyPostClient.create(baseUrl, key,
                        AccountSettings.timeout(config.connectTimeoutSeconds()),
                        AccountSettings.timeout(config.requestTimeoutSeconds())));
        List<String> carrierAccounts = config.carrierAccounts() == null ? List.of()
                : Arrays.stream(config.carrierAccounts()).filter(Objects::nonNull).map(String::trim)
                .filter(s -> !s.isEmpty()).toList();
        EasyPostRequestMapper mapper = new EasyPostRequestMapper(new EasyPostRequestMapper.Settings(
                blankTo(config.defaultService(), ""), carrierAccounts,
                EasyPostCodes.LabelFormat.of(config.labelFormat()),
                positive(config.parcelLengthCm(), 20), positive(config.parcelWidthCm(), 15),
                positive(config.parcelHeightCm(), 10)));
        account = new Account(settings.descriptor(ID, DESCRIPTION), client, mapper, key.isEmpty() ? new String[0]
                : new String[] {key, EasyPostClient.basicCredentials(key)},
                settings.error());
    }

    @Deactivate
    void deactivate() {
        account = new Account(account.descriptor(), null, null, new String[0], "deactivated");
    }

    @Override
    public PluginDescriptor descriptor() {
        return account.descriptor();
    }

    /**
     * The idempotency key is sent as the shipment {@code reference} and looked up ({@code GET /v2/shipments/{key}})
     * before anything is created or bought, so a repeated call returns the first shipment.
     */
    @Override
    public boolean honoursIdempotencyKey() {
        return true;
    }

    /**
     * Buys a label. First asks EasyPost for a shipment whose {@code reference} is this request's idempotency key
     * ({@code GET /v2/shipments/{reference}}): one with a label is returned as it is ({@value
     * EasyPostCodes#ALREADY_CREATED}), one without is bought; only when there is none (404) is a new shipment
     * created. Then buys the rate matching the service code, else the cheapest, and answers TRACKED.
     */
    @Override
    public Result<ShipmentResponse> createShipment(ShipmentRequest request) {
        return GUARD.call(account, a -> {
            Message refused = a.mapper().refusal(request);
            if (refused != null) {
                return Result.failure(refused);
            }
            JsonNode shipment = null;
            String key = request.idempotencyKey();
            if (key != null && !key.isBlank()) {
                HttpReply earlier = a.client().get(EasyPostRequestMapper.shipmentPath(key));
                if (earlier.isSuccess()) {
                    shipment = Json.parse(earlier.body()).orElse(null);
                    if (shipment == null) {
                        return Result.failure(badJson("the look-up of an earlier shipment"));
                    }
                    if (EasyPostResponseParser.hasLabel(shipment)) {
                        return withMessages(EasyPostResponseParser.shipment(shipment), List.of(new Message(
                                EasyPostCodes.ALREADY_CREATED, Message.Severity.INFO, "EasyPost already has shipment "
                                + Json.text(shipment, "id") + " with a label for this package (reference " + key
                                + "); no second label was bought.")));
                    }
                } else if (earlier.status() != 404) {
                    // without the look-up a repeated request could buy a second label: better not buy now
                    return Result.failure(errors().http(earlier, "the look-up of an earlier shipment")
                            .toArray(Message[]::new));
                }
            }
            if (shipment == null) {
                HttpReply created = a.client().postJson(EasyPostRequestMapper.shipmentsPath(),
                        Json.bytes(a.mapper().createShipment(request)));
                if (!created.isSuccess()) {
                    return Result.failure(errors().http(created, "creating the shipment").toArray(Message[]::new));
                }
                shipment = Json.parse(created.body()).orElse(null);
                if (shipment == null || Json.text(shipment, "id") == null) {
                    return Result.failure(badJson("creating the shipment"));
                }
            }
            return buy(a, shipment, a.mapper().service(request));
        });
    }

    private Result<ShipmentResponse> buy(Account a, JsonNode shipment, String wanted)
            throws IOException, InterruptedException {
        String id = Json.text(shipment, "id");
        Optional<EasyPostResponseParser.Choice> choice = EasyPostResponseParser.chooseRate(shipment, wanted);
        if (choice.isEmpty()) {
            List<String> why = EasyPostErrors.shipmentMessages(shipment);
            return Result.failure(Message.error(EasyPostCodes.NO_RATES, "EasyPost offers no rate for shipment " + id
                    + (why.isEmpty() ? "." : ": " + String.join("; ", why))));
        }
        EasyPostResponseParser.Rate rate = choice.get().rate();
        List<Message> notes = new ArrayList<>();
        if (!choice.get().matched()) {
            notes.add(Message.warning(EasyPostCodes.SERVICE_NOT_OFFERED, "No EasyPost rate matches service '"
                    + wanted + "' for shipment " + id + "; bought the cheapest instead: " + rate.carrier() + " "
                    + rate.service() + " " + rate.amount().toPlainString() + "."));
        }
        HttpReply bought = a.client().postJson(EasyPostRequestMapper.buyPath(id),
                Json.bytes(EasyPostRequestMapper.buy(rate.id())));
        if (!bought.isSuccess()) {
            return Result.failure(errors().http(bought, "buying rate " + rate.id() + " of shipment " + id)
                    .toArray(Message[]::new));
        }
        Optional<JsonNode> result = Json.parse(bought.body());
        return result.isEmpty() ? Result.failure(badJson("buying the label"))
                : withMessages(EasyPostResponseParser.shipment(result.get()), notes);
    }

    /** Reads the shipment again: TRACKED once it has a tracking code and a label. */
    @Override
    public Result<ShipmentResponse> fetchTrackingNumber(ShipmentRef shipment) {
        return GUARD.call(account, shipment, NO_ID, (a, id) -> {
            HttpReply reply = a.client().get(EasyPostRequestMapper.shipmentPath(id));
            if (!reply.isSuccess()) {
                return Result.failure(errors().http(reply, "reading shipment " + id).toArray(Message[]::new));
            }
            Optional<JsonNode> json = Json.parse(reply.body());
            return json.isEmpty() ? Result.failure(badJson("reading the shipment"))
                    : EasyPostResponseParser.shipment(json.get());
        });
    }

    /**
     * Downloads the label in the configured format: reads the shipment for its {@code label_pdf_url} /
     * {@code label_zpl_url}; when it has only another format, asks EasyPost to convert it
     * ({@code GET /v2/shipments/{id}/label?file_format=...}); then fetches the file without the API key.
     */
    @Override
    public Result<LabelDocument> fetchLabel(ShipmentRef shipment) {
        return GUARD.call(account, shipment, NO_ID, (a, id) -> {
            EasyPostCodes.LabelFormat format = a.mapper().labelFormat();
            HttpReply reply = a.client().get(EasyPostRequestMapper.shipmentPath(id));
            if (!reply.isSuccess()) {
                return Result.failure(errors().http(reply, "reading shipment " + id).toArray(Message[]::new));
            }
            Optional<JsonNode> json = Json.parse(reply.body());
            if (json.isEmpty()) {
                return Result.failure(badJson("reading the shipment"));
            }
            if (!EasyPostResponseParser.hasLabel(json.get())) {
                return Result.failure(Message.error(EasyPostCodes.LABEL_NOT_READY, "EasyPost shipment " + id
                        + " has no label yet."));
            }
            Optional<URI> url = EasyPostResponseParser.labelUrl(json.get(), format);
            if (url.isEmpty()) {
                HttpReply converted = a.client().get(EasyPostRequestMapper.labelPath(id, format));
                if (!converted.isSuccess()) {
                    return Result.failure(errors().http(converted, "converting the label of " + id + " to "
                            + format).toArray(Message[]::new));
                }
                url = Json.parse(converted.body()).flatMap(s -> EasyPostResponseParser.labelUrl(s, format));
                if (url.isEmpty()) {
                    return Result.failure(Message.error(EasyPostCodes.UNSUPPORTED_LABEL_FORMAT, "EasyPost gave no "
                            + format + " label for shipment " + id + "."));
                }
            }
            HttpReply download = a.client().download(url.get());
            if (!download.isSuccess()) {
                int status = download.status();
                if (status == 429 || status >= 500) {
                    return Result.failure(errors().http(download, "the label download of " + id).get(0));
                }
                return Result.failure(Message.error(EasyPostCodes.REJECTED, "The label link of shipment " + id
                        + " was refused (HTTP " + status + "); fetch the label again for a fresh one."));
            }
            return EasyPostResponseParser.label(download.body(), download.contentType());
        });
    }

    /** Asks EasyPost to refund (void) the label. TRUE once the refund is submitted or done. */
    @Override
    public Result<Boolean> cancelShipment(ShipmentRef shipment) {
        return GUARD.call(account, shipment, NO_ID, (a, id) -> {
            HttpReply reply = a.client().post(EasyPostRequestMapper.refundPath(id));
            if (!reply.isSuccess()) {
                return Result.failure(errors().http(reply, "the refund of " + id).toArray(Message[]::new));
            }
            Optional<JsonNode> json = Json.parse(reply.body());
            return json.isEmpty() ? Result.failure(badJson("the refund of " + id))
                    : EasyPostResponseParser.refund(json.get(), id);
        });
    }

    // ------------------------------------------------------------------------------------------------------------

    private EasyPostErrors errors() {
        return new EasyPostErrors(clock);
    }

    private static Message badJson(String operation) {
        return Message.error(EasyPostCodes.BAD_RESPONSE, "EasyPost's answer to " + operation
                + " is not a readable shipment.");
    }

    @Override
    public String toString() {
        return "EasyPostCarrierGateway[" + account.descriptor().id() + "]";
    }
}
