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
@ObjectClassDefinition(localization = "OSGI-INF/l10n/bundle", id = EasyPostCarrierGateway.PID, name = "%ocd.name",
        description = "%ocd.description")
public @interface EasyPostConfig {

    @AttributeDefinition(name = "%accountId.name",
            description = "%accountId.description")
    String accountId() default "default";

    @AttributeDefinition(name = "%displayName.name", description = "%displayName.description")
    String displayName() default "EasyPost";

    @AttributeDefinition(name = "%baseUrl.name", description = "%baseUrl.description")
    String baseUrl() default EasyPostClient.DEFAULT_BASE_URL;

    @AttributeDefinition(name = "%_apiKey.name", type = AttributeType.PASSWORD,
            description = "%_apiKey.description")
    String _apiKey();

    @AttributeDefinition(name = "%defaultService.name", required = false,
            description = "%defaultService.description")
    String defaultService() default "";

    @AttributeDefinition(name = "%carrierAccounts.name", required = false,
            description = "%carrierAccounts.description")
    String[] carrierAccounts() default {};

    @AttributeDefinition(name = "%labelFormat.name", options = {
            @Option(label = "PDF", value = "PDF"),
            @Option(label = "ZPL", value = "ZPL")})
    String labelFormat() default "PDF";

    @AttributeDefinition(name = "%parcelLengthCm.name", min = "0.1",
            description = "%parcelLengthCm.description")
    double parcelLengthCm() default 20;

    @AttributeDefinition(name = "%parcelWidthCm.name", min = "0.1")
    double parcelWidthCm() default 15;

    @AttributeDefinition(name = "%parcelHeightCm.name", min = "0.1")
    double parcelHeightCm() default 10;

    @AttributeDefinition(name = "%connectTimeoutSeconds.name", min = "1")
    int connectTimeoutSeconds() default 10;

    @AttributeDefinition(name = "%requestTimeoutSeconds.name", min = "1",
            description = "%requestTimeoutSeconds.description")
    int requestTimeoutSeconds() default 60;
}
