package io.waybill.platform.shopify.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Settings of one Shopify shop serving one Waybill store (factory configuration PID
 * {@code io.waybill.platform.shopify}, one configuration per store). The access token is a PASSWORD attribute named
 * {@code .accessToken}: the leading dot makes it a private component property, so Declarative Services does not
 * copy it into the service registration where {@code service:list} would show it; it is never logged and never put
 * in a message.
 */
@ObjectClassDefinition(localization = "OSGI-INF/l10n/bundle", id = ShopifyMarketplaceConnector.PID, name = "%ocd.name",
        description = "%ocd.description")
public @interface ShopifyConfig {

    @AttributeDefinition(name = "%storeCode.name",
            description = "%storeCode.description")
    String storeCode();

    @AttributeDefinition(name = "%shop.name",
            description = "%shop.description")
    String shop();

    @AttributeDefinition(name = "%_accessToken.name", type = AttributeType.PASSWORD,
            description = "%_accessToken.description")
    String _accessToken();

    @AttributeDefinition(name = "%apiVersion.name",
            description = "%apiVersion.description")
    String apiVersion() default ShopifyClient.DEFAULT_API_VERSION;

    @AttributeDefinition(name = "%baseUrl.name", required = false,
            description = "%baseUrl.description")
    String baseUrl() default "";

    @AttributeDefinition(name = "%initialLookbackDays.name", min = "1", max = "365",
            description = "%initialLookbackDays.description")
    int initialLookbackDays() default 30;

    @AttributeDefinition(name = "%pageSize.name", min = "1", max = "50",
            description = "%pageSize.description")
    int pageSize() default 50;

    @AttributeDefinition(name = "%notifyCustomer.name",
            description = "%notifyCustomer.description")
    boolean notifyCustomer() default false;

    @AttributeDefinition(name = "%restoreRate.name", min = "1",
            description = "%restoreRate.description")
    double restoreRate() default 50;

    @AttributeDefinition(name = "%bucketSize.name", min = "1",
            description = "%bucketSize.description")
    double bucketSize() default 1000;

    @AttributeDefinition(name = "%pointsPerCall.name", min = "1",
            description = "%pointsPerCall.description")
    double pointsPerCall() default 50;

    @AttributeDefinition(name = "%useReportedLimits.name",
            description = "%useReportedLimits.description")
    boolean useReportedLimits() default true;

    @AttributeDefinition(name = "%connectTimeoutSeconds.name", min = "1")
    int connectTimeoutSeconds() default 10;

    @AttributeDefinition(name = "%requestTimeoutSeconds.name", min = "1",
            description = "%requestTimeoutSeconds.description")
    int requestTimeoutSeconds() default 30;
}
