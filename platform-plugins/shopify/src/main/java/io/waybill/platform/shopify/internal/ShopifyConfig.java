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
@ObjectClassDefinition(id = ShopifyMarketplaceConnector.PID, name = "Shopify",
        description = "Captures orders from a Shopify shop and reports shipments back (GraphQL Admin API)."
                + " One configuration per Waybill store.")
public @interface ShopifyConfig {

    @AttributeDefinition(name = "Waybill store code",
            description = "Code of the Waybill store this shop's orders belong to. Calls for any other store are"
                    + " refused.")
    String storeCode();

    @AttributeDefinition(name = "Shop",
            description = "The shop's myshopify name: 'my-shop' or 'my-shop.myshopify.com'.")
    String shop();

    @AttributeDefinition(name = "Admin API access token", type = AttributeType.PASSWORD,
            description = "Access token of the custom app installed in the shop (shpat_...), sent as"
                    + " X-Shopify-Access-Token. Scopes: read_orders, read_merchant_managed_fulfillment_orders,"
                    + " write_merchant_managed_fulfillment_orders (read_all_orders for orders older than 60 days).")
    String _accessToken();

    @AttributeDefinition(name = "API version",
            description = "GraphQL Admin API version (YYYY-MM). Shopify supports each version for about a year.")
    String apiVersion() default ShopifyClient.DEFAULT_API_VERSION;

    @AttributeDefinition(name = "API base URL", required = false,
            description = "Empty: https://<shop>.myshopify.com. Change only for tests or a proxy.")
    String baseUrl() default "";

    @AttributeDefinition(name = "First capture: days back", min = "1", max = "365",
            description = "On the very first capture (no stored cursor), orders updated in this many days are"
                    + " fetched.")
    int initialLookbackDays() default 30;

    @AttributeDefinition(name = "Orders per page", min = "1", max = "50",
            description = "Orders per request (first: N). 50 keeps a page's requested query cost under Shopify's"
                    + " 1000-point ceiling.")
    int pageSize() default 50;

    @AttributeDefinition(name = "Notify customer",
            description = "Whether Shopify e-mails the buyer the shipping confirmation when Waybill reports a"
                    + " shipment.")
    boolean notifyCustomer() default false;

    @AttributeDefinition(name = "Restore rate (points/s)", min = "1",
            description = "The shop's GraphQL restore rate from its plan. Shopify reports the real figure in every"
                    + " answer (extensions.cost.throttleStatus); once seen it is used instead when 'Use reported"
                    + " limits' is on.")
    double restoreRate() default 50;

    @AttributeDefinition(name = "Bucket size (points)", min = "1",
            description = "The shop's GraphQL bucket (maximumAvailable) from its plan.")
    double bucketSize() default 1000;

    @AttributeDefinition(name = "Points per call", min = "1",
            description = "Typical actual cost of one call of this plugin. Requests per second = restore rate /"
                    + " points per call; burst = bucket size / points per call.")
    double pointsPerCall() default 50;

    @AttributeDefinition(name = "Use reported limits",
            description = "Use the maximumAvailable and restoreRate Shopify last reported for this shop instead of"
                    + " the two settings above.")
    boolean useReportedLimits() default true;

    @AttributeDefinition(name = "Connect timeout (s)", min = "1")
    int connectTimeoutSeconds() default 10;

    @AttributeDefinition(name = "Request timeout (s)", min = "1",
            description = "Longest wait for one Shopify answer.")
    int requestTimeoutSeconds() default 30;
}
