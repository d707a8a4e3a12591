package io.waybill.platform.ebay.internal;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.waybill.spi.common.Message;
import io.waybill.spi.common.Result;
import io.waybill.spi.platform.StoreContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static io.waybill.platform.ebay.internal.EbayFixture.*;
import static org.junit.jupiter.api.Assertions.*;

/** testConnection: getOrders?limit=1 with the user token; green says how many orders, a wrong token reads as such. */
class EbayTestConnectionTest {

    @RegisterExtension
    static WireMockExtension wm = wireMock();

    @Test
    void green_oneGetOrdersWithLimitOneAndTheBearerToken() {
        // given: the documented getOrders page (total 3)
        wm.stubFor(get(urlPathEqualTo(ORDERS)).willReturn(okJson(recorded("orders-page-1.json"))));

        // when
        Result<String> result = connector(wm).testConnection(STORE);

        // then
        assertTrue(result.isOk(), () -> result.messages().toString());
        assertEquals("Connected to eBay: the account of store EBAY-US holds 3 orders.", result.value());
        wm.verify(1, getRequestedFor(urlEqualTo(ORDERS + "?limit=1"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
        assertEquals(1, wm.getAllServeEvents().size(), "a connection test sends exactly one request");
    }

    @Test
    void wrongToken_isAuthFailedWithEbaysTextAndNoToken() {
        // given
        wm.stubFor(get(urlPathEqualTo(ORDERS)).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json").withBody(recorded("error-401.json"))));

        // when
        Result<String> result = connector(wm).testConnection(STORE);

        // then
        Message m = only(result);
        assertEquals(EbayCodes.AUTH_FAILED, m.code());
        assertTrue(m.text().contains("Invalid access token"), m.text());
        assertFalse(m.text().contains(TOKEN), m.text());
    }

    @Test
    void unreachableApi_isTransient() {
        // given: nothing listens on port 1
        EbayMarketplaceConnector connector = connector(wm, Map.of("baseUrl", "http://127.0.0.1:1"));

        // when
        Message m = only(connector.testConnection(STORE));

        // then
        assertEquals(EbayCodes.TRANSIENT, m.code());
        assertTrue(m.text().contains("connection test"), m.text());
        assertFalse(m.text().contains(TOKEN), m.text());
    }

    @Test
    void answerWithoutTotal_isBadResponse() {
        // given
        wm.stubFor(get(urlPathEqualTo(ORDERS)).willReturn(okJson("{}")));

        // when / then
        assertEquals(EbayCodes.BAD_RESPONSE, only(connector(wm).testConnection(STORE)).code());
    }

    @Test
    void otherStore_isRefusedWithoutARequest() {
        // when
        Message m = only(connector(wm).testConnection(new StoreContext("OTHER", Map.of())));

        // then
        assertEquals(EbayCodes.WRONG_STORE, m.code());
        assertEquals(0, wm.getAllServeEvents().size());
    }
}
