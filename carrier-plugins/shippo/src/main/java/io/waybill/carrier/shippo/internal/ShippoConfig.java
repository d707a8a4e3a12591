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
@ObjectClassDefinition(localization = "OSGI-INF/l10n/bundle", id = ShippoCarrierGateway.PID, name = "%ocd.name",
        description = "%ocd.description")
public @interface ShippoConfig {

    @AttributeDefinition(name = "%accountId.name",
            description = "%accountId.description")
    String accountId() default "default";

    @AttributeDefinition(name = "%displayName.name", description = "%displayName.description")
    String displayName() default "Shippo";

    @AttributeDefinition(name = "%baseUrl.name",
            description = "%baseUrl.description")
    String baseUrl() default ShippoClient.DEFAULT_BASE_URL;

    @AttributeDefinition(name = "%_apiToken.name", type = AttributeType.PASSWORD,
            description = "%_apiToken.description")
    String _apiToken();

    @AttributeDefinition(name = "%carrierAccount.name",
            description = "%carrierAccount.description")
    String carrierAccount();

    @AttributeDefinition(name = "%defaultServiceLevel.name", required = false,
            description = "%defaultServiceLevel.description")
    String defaultServiceLevel() default "";

    @AttributeDefinition(name = "%labelFileType.name", options = {
            @Option(label = "PDF 4x6", value = "PDF_4x6"),
            @Option(label = "PDF 4x8", value = "PDF_4x8"),
            @Option(label = "PDF A4", value = "PDF_A4"),
            @Option(label = "PDF A6", value = "PDF_A6"),
            @Option(label = "PDF (account default size)", value = "PDF"),
            @Option(label = "ZPL II", value = "ZPLII")})
    String labelFileType() default "PDF_4x6";

    @AttributeDefinition(name = "%async.name",
            description = "%async.description")
    boolean async() default false;

    @AttributeDefinition(name = "%parcelLengthCm.name", min = "0.1",
            description = "%parcelLengthCm.description")
    double parcelLengthCm() default 20;

    @AttributeDefinition(name = "%parcelWidthCm.name", min = "0.1")
    double parcelWidthCm() default 15;

    @AttributeDefinition(name = "%parcelHeightCm.name", min = "0.1")
    double parcelHeightCm() default 10;

    @AttributeDefinition(name = "%duplicateCheckHours.name", min = "0",
            description = "%duplicateCheckHours.description")
    int duplicateCheckHours() default 24;

    @AttributeDefinition(name = "%connectTimeoutSeconds.name", min = "1")
    int connectTimeoutSeconds() default 10;

    @AttributeDefinition(name = "%requestTimeoutSeconds.name", min = "1",
            description = "%requestTimeoutSeconds.description")
    int requestTimeoutSeconds() default 60;
}
