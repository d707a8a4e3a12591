package io.waybill.carrier.shippo.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/**
 * Settings of one Shippo account (factory configuration PID {@code io.waybill.carrier.shippo}, one configuration per
 * account). The API token is a PASSWORD attribute named {@code .apiToken}: the leading dot makes it a private
 * component property, so Declarative Services does not copy it into the service registration where
 * {@code service:list} would show it; it is never logged and never put in a message.
 */
@ObjectClassDefinition(id = ShippoCarrierGateway.PID, name = "Shippo",
        description = "Buys shipping labels through the Shippo API. One configuration per Shippo account.")
public @interface ShippoConfig {

    @AttributeDefinition(name = "Account id",
            description = "Short name of this account, unique among the Shippo accounts: the carrier id becomes "
                    + "'shippo' for 'default', else 'shippo-<account id>'. Letters, digits, '-' and '_'.")
    String accountId() default "default";

    @AttributeDefinition(name = "Display name", description = "Name of this carrier account as operators see it.")
    String displayName() default "Shippo";

    @AttributeDefinition(name = "API base URL",
            description = "Shippo API endpoint. Change only for tests or a proxy.")
    String baseUrl() default ShippoClient.DEFAULT_BASE_URL;

    @AttributeDefinition(name = "API token", type = AttributeType.PASSWORD,
            description = "Shippo API token (shippo_live_... or shippo_test_...). Sent as 'Authorization: ShippoToken'.")
    String _apiToken();

    @AttributeDefinition(name = "Carrier account",
            description = "object_id of the Shippo carrier account that buys the labels (instalabel).")
    String carrierAccount();

    @AttributeDefinition(name = "Default service level", required = false,
            description = "Shippo service level token (e.g. usps_priority) used when the shipping method gives none.")
    String defaultServiceLevel() default "";

    @AttributeDefinition(name = "Label file type", options = {
            @Option(label = "PDF 4x6", value = "PDF_4x6"),
            @Option(label = "PDF 4x8", value = "PDF_4x8"),
            @Option(label = "PDF A4", value = "PDF_A4"),
            @Option(label = "PDF A6", value = "PDF_A6"),
            @Option(label = "PDF (account default size)", value = "PDF"),
            @Option(label = "ZPL II", value = "ZPLII")})
    String labelFileType() default "PDF_4x6";

    @AttributeDefinition(name = "Asynchronous purchase",
            description = "Ask Shippo to buy the label in the background (async: true): createShipment answers "
                    + "PENDING and the core polls fetchTrackingNumber until the label is ready.")
    boolean async() default false;

    @AttributeDefinition(name = "Parcel length (cm)", min = "0.1",
            description = "Box length sent with every shipment; the shipment request carries no dimensions.")
    double parcelLengthCm() default 20;

    @AttributeDefinition(name = "Parcel width (cm)", min = "0.1")
    double parcelWidthCm() default 15;

    @AttributeDefinition(name = "Parcel height (cm)", min = "0.1")
    double parcelHeightCm() default 10;

    @AttributeDefinition(name = "Duplicate check (hours)", min = "0",
            description = "Before buying, look through the labels bought in the last N hours for one carrying the "
                    + "same idempotency key in its metadata, and return it instead of buying a second. 0 turns the "
                    + "check off (faster, one list call less, but a repeated request may buy a second label).")
    int duplicateCheckHours() default 24;

    @AttributeDefinition(name = "Connect timeout (s)", min = "1")
    int connectTimeoutSeconds() default 10;

    @AttributeDefinition(name = "Request timeout (s)", min = "1",
            description = "Longest wait for one Shippo answer. A synchronous label purchase can take several seconds.")
    int requestTimeoutSeconds() default 60;
}
