package io.waybill.carrier.shippo.internal;

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
import io.waybill.spi.common.MessageCodes;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.waybill.plugin.kit.AccountSettings.blankTo;
import static io.waybill.plugin.kit.AccountSettings.positive;
import static io.waybill.plugin.kit.Results.withMessages;

/**
 * One Shippo account as a Waybill carrier: buys a label in one call ({@code POST /transactions} with the shipment
 * inline), reads pending ones back ({@code GET /transactions/{id}}), downloads the label and refunds it
 * ({@code POST /refunds}). Every failure comes back as messages; nothing is thrown across the SPI and no thread is
 * started (polling a pending label is the core's job, through {@link #fetchTrackingNumber}).
 */
@Component(service = CarrierGateway.class, configurationPid = ShippoCarrierGateway.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = ShippoConfig.class, factory = true)
public class ShippoCarrierGateway implements CarrierGateway {

    static final String PID = "io.waybill.carrier.shippo";
    static final String ID = "shippo";
    static final String DESCRIPTION = "Buys shipping labels through the Shippo API (instalabel), polls pending "
            + "labels, downloads and refunds them.";
    /** Pages of 100 transactions looked through by the duplicate check before it gives up. */
    static final int DUPLICATE_CHECK_PAGES = 5;
    static final int DUPLICATE_CHECK_PAGE_SIZE = 100;
    /** WARNING: the duplicate check could not look through every recent label. */
    static final String DUPLICATE_CHECK_INCOMPLETE = "duplicate_check_incomplete";
    /** The transaction has no label (yet). */
    static final String LABEL_NOT_READY = MessageCodes.LABEL_NOT_READY;

    private static final System.Logger LOG = System.getLogger(ShippoCarrierGateway.class.getName());
    private static final GuardedCall GUARD = new GuardedCall("Shippo", PID, LOG);
    private static final String NO_ID = "No Shippo transaction id given.";

    /** Everything one configuration produces, replaced as a whole when the configuration changes. */
    private record Account(PluginDescriptor descriptor, JsonApi client, ShippoRequestMapper mapper,
                           String[] secrets, int duplicateCheckHours, String configError)
            implements GuardedCall.Account {
    }

    /** Clock for the duplicate-check window and Retry-After dates; tests replace it. */
    Clock clock = Clock.systemUTC();

    private volatile Account account = new Account(
            AccountSettings.descriptor(ID, AccountSettings.DEFAULT_ACCOUNT, "Shippo", DESCRIPTION),
            null, null, new String[0], 0, "not configured");

    @Activate
    @Modified
    void configure(ShippoConfig config) {
        AccountSettings settings = new AccountSettings(config.accountId(), config.displayName(), "Shippo");
        // a secret saved from Waybill's settings form is a reference to its secret file (plugin kit SecretFiles)
        String token = settings.secret("API token", config._apiToken());
        if (config.carrierAccount() == null || config.carrierAccount().isBlank()) {
            settings.problem("'Carrier account' is empty");
        }
        JsonApi client = settings.client("API base URL", config.baseUrl(), ShippoClient.DEFAULT_BASE_URL,
                !token.isEmpty(), baseUrl -> ShippoClient.create(baseUrl, token,
                        AccountSettings.timeout(config.connectTimeoutSeconds()),
                        AccountSettings.timeout(config.requestTimeoutSeconds())));
        ShippoRequestMapper mapper = new ShippoRequestMapper(new ShippoRequestMapper.Settings(
                blankTo(config.carrierAccount(), "").trim(), blankTo(config.defaultServiceLevel(), ""),
                blankTo(config.labelFileType(), "PDF_4x6").trim(), config.async(),
                positive(config.parcelLengthCm(), 20), positive(config.parcelWidthCm(), 15),
                positive(config.parcelHeightCm(), 10)));
        account = new Account(settings.descriptor(ID, DESCRIPTION), client, mapper, GuardedCall.secrets(token),
                Math.max(0, config.duplicateCheckHours()), settings.error());
    }

    @Deactivate
    void deactivate() {
        Account a = account;
        account = new Account(a.descriptor(), null, null, new String[0], 0, "deactivated");
    }

    @Override
    public PluginDescriptor descriptor() {
        return account.descriptor();
    }

    /**
     * Buys a label. With a duplicate check window set (default 24 h), first looks through the labels bought in that
     * window for one whose {@code metadata} is this request's idempotency key, and returns it instead of buying a
     * second ({@value ShippoCodes#ALREADY_CREATED} info message). Synchronous purchases answer TRACKED; asynchronous
     * ones (setting {@code async}) answer PENDING with the transaction id.
     */
    @Override
    public Result<ShipmentResponse> createShipment(ShipmentRequest request) {
        return GUARD.call(account, a -> {
            Message refused = a.mapper().refusal(request);
            if (refused != null) {
                return Result.failure(refused);
            }
            List<Message> notes = new ArrayList<>();
            String metadata = ShippoRequestMapper.metadata(request.idempotencyKey());
            if (metadata != null && a.duplicateCheckHours() > 0) {
                Result<Optional<JsonNode>> existing = findExisting(a, metadata, notes);
                if (!existing.isOk()) {
                    return Result.failure(existing.messages().toArray(Message[]::new));
                }
                if (existing.value().isPresent()) {
                    Result<ShipmentResponse> found = ShippoResponseParser.transaction(existing.value().get());
                    return withMessages(found, List.of(new Message(ShippoCodes.ALREADY_CREATED, Message.Severity.INFO,
                            "Shippo already has label " + found.value().carrierShipmentId() + " for this package "
                                    + "(same idempotency key); no second label was bought.")));
                }
            }
            HttpReply reply = a.client().postJson("/transactions", Json.bytes(a.mapper().transaction(request)));
            return withMessages(transactionResult(reply, "the label purchase"), notes);
        });
    }

    /** Reads a transaction again: TRACKED once Shippo has bought the label, PENDING while queued. */
    @Override
    public Result<ShipmentResponse> fetchTrackingNumber(ShipmentRef shipment) {
        return GUARD.call(account, shipment, NO_ID, (a, id) -> {
            HttpReply reply = a.client().get(ShippoRequestMapper.transactionPath(id));
            return transactionResult(reply, "reading transaction " + id);
        });
    }

    /**
     * Downloads the label: reads the transaction for a fresh {@code label_url} (the links expire), then fetches it
     * without the API token.
     */
    @Override
    public Result<LabelDocument> fetchLabel(ShipmentRef shipment) {
        return GUARD.call(account, shipment, NO_ID, (a, id) -> {
            HttpReply reply = a.client().get(ShippoRequestMapper.transactionPath(id));
            if (!reply.isSuccess()) {
                return Result.failure(errors().http(reply, "reading transaction " + id).toArray(Message[]::new));
            }
            Optional<JsonNode> tx = Json.parse(reply.body());
            if (tx.isEmpty()) {
                return Result.failure(badJson("reading transaction " + id));
            }
            Optional<URI> url = ShippoResponseParser.labelUrl(tx.get());
            if (url.isEmpty()) {
                Result<ShipmentResponse> state = ShippoResponseParser.transaction(tx.get());
                if (!state.isOk()) {
                    return Result.failure(state.messages().toArray(Message[]::new));
                }
                return Result.failure(Message.error(LABEL_NOT_READY, "Shippo has no label for transaction " + id
                        + " yet (status " + Json.text(tx.get(), "status") + "). Try again once it is TRACKED."));
            }
            HttpReply download = a.client().download(url.get());
            if (!download.isSuccess()) {
                return Result.failure(downloadFailed(download, id));
            }
            return ShippoResponseParser.label(download.body(), download.contentType());
        });
    }

    /** Asks Shippo to refund (void) the label. TRUE once Shippo accepted the refund request. */
    @Override
    public Result<Boolean> cancelShipment(ShipmentRef shipment) {
        return GUARD.call(account, shipment, NO_ID, (a, id) -> {
            HttpReply reply = a.client().postJson("/refunds", Json.bytes(a.mapper().refund(id)));
            if (!reply.isSuccess()) {
                return Result.failure(errors().http(reply, "the refund of " + id).toArray(Message[]::new));
            }
            Optional<JsonNode> refund = Json.parse(reply.body());
            return refund.isEmpty() ? Result.failure(badJson("the refund of " + id))
                    : ShippoResponseParser.refund(refund.get(), id);
        });
    }

    // ------------------------------------------------------------------------------------------------------------

    /** Looks through recent transactions for one carrying {@code metadata}. */
    private Result<Optional<JsonNode>> findExisting(Account a, String metadata, List<Message> notes)
            throws IOException, InterruptedException {
        java.time.Instant since = clock.instant().minus(Duration.ofHours(a.duplicateCheckHours()));
        for (int page = 1; page <= DUPLICATE_CHECK_PAGES; page++) {
            HttpReply reply = a.client().get(
                    ShippoRequestMapper.recentTransactionsPath(since, page, DUPLICATE_CHECK_PAGE_SIZE));
            if (!reply.isSuccess()) {
                // without the check a repeated request could buy a second label: better not buy now
                return Result.failure(errors().http(reply, "the duplicate check before buying")
                        .toArray(Message[]::new));
            }
            Optional<JsonNode> json = Json.parse(reply.body());
            if (json.isEmpty()) {
                return Result.failure(badJson("the duplicate check before buying"));
            }
            Optional<JsonNode> match = ShippoResponseParser.findByMetadata(json.get(), metadata);
            if (match.isPresent()) {
                return Result.ok(match);
            }
            if (!ShippoResponseParser.hasNext(json.get())) {
                return Result.ok(Optional.empty());
            }
        }
        notes.add(Message.warning(DUPLICATE_CHECK_INCOMPLETE, "More than " + DUPLICATE_CHECK_PAGES
                * DUPLICATE_CHECK_PAGE_SIZE + " Shippo labels were bought in the last " + a.duplicateCheckHours()
                + " h; only the newest were checked for an earlier label of this package."));
        return Result.ok(Optional.empty());
    }

    private Result<ShipmentResponse> transactionResult(HttpReply reply, String operation) {
        if (!reply.isSuccess()) {
            return Result.failure(errors().http(reply, operation).toArray(Message[]::new));
        }
        Optional<JsonNode> tx = Json.parse(reply.body());
        return tx.isEmpty() ? Result.failure(badJson(operation)) : ShippoResponseParser.transaction(tx.get());
    }

    private Message downloadFailed(HttpReply download, String id) {
        int status = download.status();
        if (status == 429 || status >= 500) {
            return errors().http(download, "the label download of " + id).get(0);
        }
        return Message.error(ShippoCodes.REJECTED, "The label link of transaction " + id + " was refused (HTTP "
                + status + "); links expire, fetch the label again for a fresh one.");
    }

    private ShippoErrors errors() {
        return new ShippoErrors(clock);
    }

    private static Message badJson(String operation) {
        return Message.error(ShippoCodes.BAD_RESPONSE, "Shippo's answer to " + operation + " is not JSON.");
    }

    @Override
    public String toString() {
        return "ShippoCarrierGateway[" + account.descriptor().id() + "]";
    }
}
