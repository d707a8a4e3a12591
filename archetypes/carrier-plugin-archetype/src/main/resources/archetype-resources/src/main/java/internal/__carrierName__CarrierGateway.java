package ${package}.internal;

import io.waybill.plugin.kit.AccountSettings;
import io.waybill.plugin.kit.HttpReply;
import io.waybill.plugin.kit.JsonApi;
import io.waybill.plugin.kit.carrier.GuardedCall;
import io.waybill.plugin.kit.json.Json;
import io.waybill.spi.carrier.CarrierGateway;
import io.waybill.spi.carrier.ShipmentRequest;
import io.waybill.spi.carrier.ShipmentResponse;
import io.waybill.spi.common.Message;
import io.waybill.spi.common.MessageCodes;
import io.waybill.spi.common.PluginDescriptor;
import io.waybill.spi.common.Result;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;

import java.io.IOException;
import java.time.Clock;
import java.util.List;

/**
 * ${carrierName} as a Waybill carrier: creates a shipment ({@code POST /v1/shipments}, reference = the idempotency
 * key). The other operations keep the SPI's "unsupported" default until implemented. Every failure comes back as
 * messages; nothing is thrown across the SPI, no thread is started, the API key never appears in a text.
 *
 * <p>The component is active without a configuration (so the plugin is listed as soon as it is deployed) and
 * answers {@code bad_config} until an API key is set (configuration PID {@value PID}).
 */
@Component(service = CarrierGateway.class, configurationPid = ${carrierName}CarrierGateway.PID)
@Designate(ocd = ${carrierName}Config.class)
public class ${carrierName}CarrierGateway implements CarrierGateway {

    static final String PID = "${package}";
    static final String ID = "${carrierId}";
    static final PluginDescriptor DESCRIPTOR = new PluginDescriptor(ID, "${carrierName}",
            "Creates shipments through the ${carrierName} API.");

    private static final System.Logger LOG = System.getLogger(${carrierName}CarrierGateway.class.getName());
    private static final GuardedCall GUARD = new GuardedCall("${carrierName}", PID, LOG);

    /** Everything one configuration produces, replaced as a whole when the configuration changes. */
    private record Account(JsonApi client, String key, String configError) {
    }

    /** Clock for Retry-After dates; tests replace it. */
    Clock clock = Clock.systemUTC();

    private volatile Account account = new Account(null, null, "not configured");

    @Activate
    @Modified
    void configure(${carrierName}Config config) {
        AccountSettings settings = new AccountSettings(null, null, DESCRIPTOR.displayName());
        // a secret saved from Waybill's settings form is a reference to its secret file (plugin kit SecretFiles)
        String key = settings.secret("API key", config._apiKey());
        JsonApi client = settings.client("API base URL", config.baseUrl(), ${carrierName}Client.DEFAULT_BASE_URL,
                !key.isEmpty(), baseUrl -> ${carrierName}Client.create(baseUrl, key,
                        AccountSettings.timeout(config.connectTimeoutSeconds()),
                        AccountSettings.timeout(config.requestTimeoutSeconds())));
        account = new Account(client, key.isEmpty() ? null : key, settings.error());
    }

    @Deactivate
    void deactivate() {
        account = new Account(null, null, "deactivated");
    }

    @Override
    public PluginDescriptor descriptor() {
        return DESCRIPTOR;
    }

    /** ${carrierName} deduplicates on {@code reference}: adapt when the real API does not. */
    @Override
    public boolean honoursIdempotencyKey() {
        return true;
    }

    @Override
    public Result<ShipmentResponse> createShipment(ShipmentRequest request) {
        return call(a -> {
            if (request == null) {
                return Result.failure(Message.error(MessageCodes.BAD_REQUEST, "No shipment request given."));
            }
            List<String> problems = ${carrierName}RequestMapper.problems(request);
            if (!problems.isEmpty()) {
                return Result.failure(Message.error(MessageCodes.BAD_REQUEST, "Cannot send package "
                        + request.packageNo() + " to ${carrierName}: " + String.join("; ", problems) + "."));
            }
            HttpReply reply = a.client().postJson(${carrierName}RequestMapper.SHIPMENTS_PATH,
                    Json.bytes(${carrierName}RequestMapper.createShipment(request)));
            if (!reply.isSuccess()) {
                return Result.failure(errors().http(reply, "creating the shipment of package "
                        + request.packageNo()).toArray(Message[]::new));
            }
            return ${carrierName}ResponseParser.shipment(reply.body());
        });
    }

    private ${carrierName}Errors errors() {
        return new ${carrierName}Errors(clock);
    }

    @FunctionalInterface
    private interface Operation<T> {
        Result<T> run(Account account) throws IOException, InterruptedException;
    }

    /**
     * Runs an operation so that nothing crosses the SPI: configuration problems, transport failures and stray
     * exceptions all become messages, and the API key is scrubbed from every text (plugin kit GuardedCall).
     */
    private <T> Result<T> call(Operation<T> operation) {
        Account a = account;
        return GUARD.call(DESCRIPTOR.displayName(), AccountSettings.unusable(a.configError(), a.client()),
                () -> operation.run(a), a.key());
    }

    @Override
    public String toString() {
        return "${carrierName}CarrierGateway[" + ID + "]";
    }
}
