package io.waybill.platform.ebay.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Settings of one eBay seller account serving one Waybill store (factory configuration PID
 * {@code io.waybill.platform.ebay}, one configuration per store). The OAuth token is a PASSWORD attribute named
 * {@code .accessToken}: the leading dot keeps it out of the service registration's properties; it is never logged
 * and never put in a message.
 */
@ObjectClassDefinition(localization = "OSGI-INF/l10n/bundle", id = EbayMarketplaceConnector.PID, name = "%ocd.name",
        description = "%ocd.description")
public @interface EbayConfig {

    @AttributeDefinition(name = "%storeCode.name",
            description = "%storeCode.description")
    String storeCode();

    @AttributeDefinition(name = "%marketplaceId.name",
            description = "%marketplaceId.description")
    String marketplaceId() default "EBAY_US";

    @AttributeDefinition(name = "%_accessToken.name", type = AttributeType.PASSWORD,
            description = "%_accessToken.description")
    String _accessToken();

    @AttributeDefinition(name = "%baseUrl.name",
            description = "%baseUrl.description")
    String baseUrl() default EbayClient.DEFAULT_BASE_URL;

    @AttributeDefinition(name = "%initialLookbackDays.name", min = "1", max = "90",
            description = "%initialLookbackDays.description")
    int initialLookbackDays() default 30;

    @AttributeDefinition(name = "%pageSize.name", min = "1", max = "200",
            description = "%pageSize.description")
    int pageSize() default 50;

    @AttributeDefinition(name = "%callsPerDay.name", min = "1",
            description = "%callsPerDay.description")
    int callsPerDay() default 100_000;

    @AttributeDefinition(name = "%burst.name", min = "1",
            description = "%burst.description")
    int burst() default 10;

    @AttributeDefinition(name = "%connectTimeoutSeconds.name", min = "1")
    int connectTimeoutSeconds() default 10;

    @AttributeDefinition(name = "%requestTimeoutSeconds.name", min = "1",
            description = "%requestTimeoutSeconds.description")
    int requestTimeoutSeconds() default 30;
}
