package io.waybill.platform.amazon.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/**
 * Settings of one Amazon seller account in one marketplace serving one Waybill store (factory configuration PID
 * {@code io.waybill.platform.amazon}). The LWA client secret and the refresh token are PASSWORD attributes whose
 * names start with an underscore (a leading dot in the property: kept out of the service registration); they are
 * never logged and never put in a message.
 */
@ObjectClassDefinition(localization = "OSGI-INF/l10n/bundle", id = AmazonMarketplaceConnector.PID,
        name = "%ocd.name", description = "%ocd.description")
public @interface AmazonConfig {

    @AttributeDefinition(name = "%storeCode.name", description = "%storeCode.description")
    String storeCode();

    @AttributeDefinition(name = "%marketplaceId.name", description = "%marketplaceId.description")
    String marketplaceId() default "ATVPDKIKX0DER";

    @AttributeDefinition(name = "%lwaClientId.name", description = "%lwaClientId.description")
    String lwaClientId();

    @AttributeDefinition(name = "%_lwaClientSecret.name", type = AttributeType.PASSWORD,
            description = "%_lwaClientSecret.description")
    String _lwaClientSecret();

    @AttributeDefinition(name = "%_refreshToken.name", type = AttributeType.PASSWORD,
            description = "%_refreshToken.description")
    String _refreshToken();

    @AttributeDefinition(name = "%baseUrl.name", required = false, description = "%baseUrl.description")
    String baseUrl() default AmazonApi.DEFAULT_BASE_URL;

    @AttributeDefinition(name = "%tokenUrl.name", required = false, description = "%tokenUrl.description")
    String tokenUrl() default AmazonAuth.DEFAULT_TOKEN_URL;

    @AttributeDefinition(name = "%ordersApi.name", description = "%ordersApi.description", options = {
            @Option(label = "%ordersApi.v2026", value = AmazonRequests.V2026), @Option(label = "%ordersApi.v0",
            value = AmazonRequests.V0)})
    String ordersApi() default AmazonRequests.V2026;

    @AttributeDefinition(name = "%restrictedData.name", description = "%restrictedData.description")
    boolean restrictedData() default true;

    @AttributeDefinition(name = "%amazonCarrierCodes.name", required = false, description = "%amazonCarrierCodes.description")
    String amazonCarrierCodes() default "";

    @AttributeDefinition(name = "%initialLookbackDays.name", min = "1", max = "730",
            description = "%initialLookbackDays.description")
    int initialLookbackDays() default 30;

    @AttributeDefinition(name = "%pageSize.name", min = "1", max = "100", description = "%pageSize.description")
    int pageSize() default 20;

    @AttributeDefinition(name = "%confirmRate.name", description = "%confirmRate.description")
    double confirmRate() default 2.0;

    @AttributeDefinition(name = "%confirmBurst.name", min = "1", description = "%confirmBurst.description")
    int confirmBurst() default 10;

    @AttributeDefinition(name = "%maxWaitSeconds.name", min = "0", description = "%maxWaitSeconds.description")
    int maxWaitSeconds() default 5;

    @AttributeDefinition(name = "%connectTimeoutSeconds.name", min = "1")
    int connectTimeoutSeconds() default 10;

    @AttributeDefinition(name = "%requestTimeoutSeconds.name", min = "1", description = "%requestTimeoutSeconds.description")
    int requestTimeoutSeconds() default 30;
}
