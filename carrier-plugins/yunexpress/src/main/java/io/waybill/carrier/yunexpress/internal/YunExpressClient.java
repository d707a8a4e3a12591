package io.waybill.carrier.yunexpress.internal;

import io.waybill.plugin.kit.JsonApi;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;

/**
 * How this plugin reaches the YunExpress OMS API: the kit's {@link JsonApi} with the documented token, HTTP Basic with
 * {@code base64(customerCode + "&" + apiSecret)} (see SOURCES.md). Label files are fetched with
 * {@link JsonApi#download}, without the token.
 */
final class YunExpressClient {

    /** The production endpoint the public clients call (SOURCES.md); the test environment is omsapi.uat.yunexpress.com. */
    static final String DEFAULT_BASE_URL = "http://oms.api.yunexpress.com/api";

    static final String CREATE_ORDER = "/WayBill/CreateOrder";
    static final String GET_ORDER = "/WayBill/GetOrder?OrderNumber=";
    static final String TRACKING_NUMBER = "/Waybill/GetTrackingNumber?CustomerOrderNumber=";
    static final String LABEL_PRINT = "/Label/Print";
    static final String DELETE = "/WayBill/Delete";
    static final String INTERCEPT = "/WayBill/Intercept";
    static final String SHIPPING_METHODS = "/Common/GetShippingMethods";
    /** §2.4 查询价格: GET with the query CountryCode, Weight (kg), PackageType (SOURCES.md, "Price trial"). */
    static final String PRICE_TRIAL = "/Freight/GetPriceTrial?";

    private YunExpressClient() {
    }

    static JsonApi create(String baseUrl, String customerCode, String apiSecret, Duration connectTimeout,
                          Duration requestTimeout) {
        return JsonApi.to("YunExpressClient", baseUrl)
                .header("Authorization", "Basic " + token(customerCode, apiSecret))
                .timeouts(connectTimeout, requestTimeout).build();
    }

    /** The documented token: Base64 of {@code customerCode&apiSecret}. A secret as much as the API secret itself. */
    static String token(String customerCode, String apiSecret) {
        return Base64.getEncoder().encodeToString((Objects.requireNonNull(customerCode, "customerCode").trim() + "&"
                + Objects.requireNonNull(apiSecret, "apiSecret").trim()).getBytes(StandardCharsets.UTF_8));
    }
}
