package io.waybill.platform.shopify.internal;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.waybill.spi.common.Message;
import io.waybill.spi.common.Result;
import io.waybill.spi.platform.StoreContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static io.waybill.platform.shopify.internal.ShopifyFixture.*;
import static org.junit.jupiter.api.Assertions.*;

/** testConnection: one cheap read-only shop query; green names the shop, a wrong token or no shop reads as such. */
class ShopifyTestConnectionTest {

    @RegisterExtension
    static WireMockExtension wm = wireMock();

    @Test
    void green_namesTheShopAfterOneShopQueryWithTheToken() {
        // given
        wm.stubFor(post(ENDPOINT).withRequestBody(containing("WaybillShop")).willReturn(okJson(recorded("shop.json"))));

        // when
        Result<String> result = connector(wm).testConnection(STORE);

        // then
        assertTrue(result.isOk(), () -> result.messages().toString());
        assertEquals("Connected to Shopify shop Snowdevil (snowdevil.myshopify.com).", result.value());
        wm.verify(1, postRequestedFor(urlEqualTo(ENDPOINT))
                .withHeader("X-Shopify-Access-Token", equalTo(TOKEN))
                .withRequestBody(matchingJsonPath("$.query", equalTo(ShopifyRequestMapper.SHOP_QUERY))));
        assertEquals(1, wm.getAllServeEvents().size(), "a connection test sends exactly one request");
    }

    @Test
    void wrongToken_isAuthFailedAndNeverShowsTheToken() {
        // given: Shopify's answer to an unknown token
        wm.stubFor(post(ENDPOINT).willReturn(aResponse().withStatus(401)
                .withBody("{\"errors\":\"[API] Invalid API key or access token (unrecognized login or wrong password)\"}")));

        // when
        Result<String> result = connector(wm).testConnection(STORE);

        // then
        Message m = only(result);
        assertFalse(result.isOk());
        assertEquals(ShopifyCodes.AUTH_FAILED, m.code());
        assertTrue(m.text().contains("Invalid API key or access token"), m.text());
        assertFalse(m.text().contains(TOKEN), m.text());
    }

    @Test
    void unreachableShop_isTransientAndNamesTheTest() {
        // given: nothing listens on port 1
        ShopifyMarketplaceConnector connector = connector(wm, Map.of("baseUrl", "http://127.0.0.1:1"));

        // when
        Result<String> result = connector.testConnection(STORE);

        // then
        Message m = only(result);
        assertEquals(ShopifyCodes.TRANSIENT, m.code());
        assertTrue(m.text().contains("connection test"), m.text());
        assertFalse(m.text().contains(TOKEN), m.text());
    }

    @Test
    void theTokenMayComeFromASecretFileReferencedByTheConfiguration(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        // given: what Waybill's store management writes: the token in a file, a reference in the configuration
        java.nio.file.Files.writeString(dir.resolve("waybill-secret-shopify-shop-us-accesstoken"), TOKEN + "\n");
        wm.stubFor(post(ENDPOINT).withHeader("X-Shopify-Access-Token", equalTo(TOKEN))
                .willReturn(okJson(recorded("shop.json"))));
        ShopifyMarketplaceConnector connector = new ShopifyMarketplaceConnector();
        connector.secretsDir = dir;
        connector.configure(config(Map.of("storeCode", "SHOP-US", "baseUrl", wm.baseUrl(),
                "_accessToken", "secret-file:waybill-secret-shopify-shop-us-accesstoken")));

        // when / then
        assertTrue(connector.testConnection(STORE).isOk());

        // and a missing file is a configuration problem naming the file, not a request with a wrong token
        connector.configure(config(Map.of("storeCode", "SHOP-US", "baseUrl", wm.baseUrl(),
                "_accessToken", "secret-file:waybill-secret-missing")));
        Message m = only(connector.testConnection(STORE));
        assertEquals(ShopifyCodes.BAD_CONFIG, m.code());
        assertTrue(m.text().contains("waybill-secret-missing is missing"), m.text());
        assertEquals(1, wm.getAllServeEvents().size());
    }

    @Test
    void answerWithoutShop_isBadResponse() {
        // given
        wm.stubFor(post(ENDPOINT).willReturn(okJson("{\"data\":{\"shop\":null}}")));

        // when
        Message m = only(connector(wm).testConnection(STORE));

        // then
        assertEquals(ShopifyCodes.BAD_RESPONSE, m.code());
    }

    @Test
    void otherStore_isRefusedWithoutARequest() {
        // when
        Message m = only(connector(wm).testConnection(new StoreContext("OTHER", Map.of())));

        // then
        assertEquals(ShopifyCodes.WRONG_STORE, m.code());
        assertEquals(0, wm.getAllServeEvents().size());
    }
}
