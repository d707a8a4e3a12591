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
@ObjectClassDefinition(id = EbayMarketplaceConnector.PID, name = "eBay",
        description = "Captures orders from an eBay seller account and reports shipments back (Sell Fulfillment"
                + " API). One configuration per Waybill store.")
public @interface EbayConfig {

    @AttributeDefinition(name = "Waybill store code",
            description = "Code of the Waybill store this account's orders belong to. Calls for any other store are"
                    + " refused.")
    String storeCode();

    @AttributeDefinition(name = "Marketplace id",
            description = "eBay marketplace of the account, sent as X-EBAY-C-MARKETPLACE-ID (EBAY_US, EBAY_GB,"
                    + " EBAY_DE...).")
    String marketplaceId() default "EBAY_US";

    @AttributeDefinition(name = "OAuth user access token", type = AttributeType.PASSWORD,
            description = "User access token (authorization code grant) with the scope"
                    + " https://api.ebay.com/oauth/api_scope/sell.fulfillment, sent as 'Authorization: Bearer'.")
    String _accessToken();

    @AttributeDefinition(name = "API base URL",
            description = "https://api.ebay.com, or https://api.sandbox.ebay.com for the sandbox. Tests point it at"
                    + " a local server.")
    String baseUrl() default EbayClient.DEFAULT_BASE_URL;

    @AttributeDefinition(name = "First capture: days back", min = "1", max = "90",
            description = "On the very first capture (no stored cursor), orders modified in this many days are"
                    + " fetched. eBay keeps orders for 90 days in this API.")
    int initialLookbackDays() default 30;

    @AttributeDefinition(name = "Orders per page", min = "1", max = "200",
            description = "The limit parameter of getOrders (eBay's default 50, maximum 200).")
    int pageSize() default 50;

    @AttributeDefinition(name = "Calls per day", min = "1",
            description = "The application's daily Sell Fulfillment API quota (eBay's default for new applications:"
                    + " 100,000; higher after an Application Growth Check). The request rate is this / 86,400 s.")
    int callsPerDay() default 100_000;

    @AttributeDefinition(name = "Burst", min = "1",
            description = "Requests that may be sent at once after a quiet period.")
    int burst() default 10;

    @AttributeDefinition(name = "Connect timeout (s)", min = "1")
    int connectTimeoutSeconds() default 10;

    @AttributeDefinition(name = "Request timeout (s)", min = "1",
            description = "Longest wait for one eBay answer.")
    int requestTimeoutSeconds() default 30;
}
