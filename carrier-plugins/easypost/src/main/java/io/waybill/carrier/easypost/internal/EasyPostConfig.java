package io.waybill.carrier.easypost.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/**
 * Settings of one EasyPost account (factory configuration PID {@code io.waybill.carrier.easypost}, one configuration
 * per account). The API key is a PASSWORD attribute named {@code .apiKey}: the leading dot makes it a private
 * component property, so Declarative Services does not copy it into the service registration where
 * {@code service:list} would show it; it is never logged and never put in a message.
 */
@ObjectClassDefinition(id = EasyPostCarrierGateway.PID, name = "EasyPost",
        description = "Buys shipping labels through the EasyPost API. One configuration per EasyPost account.")
public @interface EasyPostConfig {

    @AttributeDefinition(name = "Account id",
            description = "Short name of this account, unique among the EasyPost accounts: the carrier id becomes "
                    + "'easypost' for 'default', else 'easypost-<account id>'. Letters, digits, '-' and '_'.")
    String accountId() default "default";

    @AttributeDefinition(name = "Display name", description = "Name of this carrier account as operators see it.")
    String displayName() default "EasyPost";

    @AttributeDefinition(name = "API base URL", description = "EasyPost API endpoint. Change only for tests or a proxy.")
    String baseUrl() default EasyPostClient.DEFAULT_BASE_URL;

    @AttributeDefinition(name = "API key", type = AttributeType.PASSWORD,
            description = "EasyPost API key (test or production). Sent as the HTTP Basic user name.")
    String _apiKey();

    @AttributeDefinition(name = "Default service", required = false,
            description = "Rate to buy when the shipping method gives no service code: 'CARRIER:Service' "
                    + "(e.g. USPS:GroundAdvantage) or just the service. Empty: the cheapest rate.")
    String defaultService() default "";

    @AttributeDefinition(name = "Carrier accounts", required = false,
            description = "EasyPost carrier account ids (ca_...) to rate with. Empty: all accounts of the key.")
    String[] carrierAccounts() default {};

    @AttributeDefinition(name = "Label format", options = {
            @Option(label = "PDF", value = "PDF"),
            @Option(label = "ZPL", value = "ZPL")})
    String labelFormat() default "PDF";

    @AttributeDefinition(name = "Parcel length (cm)", min = "0.1",
            description = "Box length sent with every shipment; the shipment request carries no dimensions.")
    double parcelLengthCm() default 20;

    @AttributeDefinition(name = "Parcel width (cm)", min = "0.1")
    double parcelWidthCm() default 15;

    @AttributeDefinition(name = "Parcel height (cm)", min = "0.1")
    double parcelHeightCm() default 10;

    @AttributeDefinition(name = "Connect timeout (s)", min = "1")
    int connectTimeoutSeconds() default 10;

    @AttributeDefinition(name = "Request timeout (s)", min = "1",
            description = "Longest wait for one EasyPost answer. Rating and buying can take several seconds.")
    int requestTimeoutSeconds() default 60;
}
