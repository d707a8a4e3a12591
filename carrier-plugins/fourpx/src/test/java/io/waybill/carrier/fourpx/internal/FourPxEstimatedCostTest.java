package io.waybill.carrier.fourpx.internal;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.waybill.spi.carrier.CarrierQuote;
import io.waybill.spi.carrier.CarrierService;
import io.waybill.spi.common.MessageCodes;
import io.waybill.spi.common.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static io.waybill.carrier.fourpx.internal.FourPxFixture.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The estimated cost ({@code ds.xms.estimated_cost.get}): the signed call with the body the clients send, the quotes
 * read from the answer, the documented limits checked before any call, 4PX's refusal. The HTTP failures (401, 429,
 * 5xx, timeout, unreadable answer) are in {@link FourPxHttpFailuresTest}.
 */
class FourPxEstimatedCostTest {

    @RegisterExtension
    static WireMockExtension wm = wireMock();

    private static CarrierService.Parcel parcel(String country, int grams, Set<CarrierService.DangerousGoods> dg) {
        return new CarrierService.Parcel(country, grams, new BigDecimal("20.00"), "USD", dg, 1, true);
    }

    @Test
    void quotesEveryProductOfTheAnswer_inCny_fromASignedCall() {
        wm.stubFor(post(urlPathEqualTo(SERVICE)).willReturn(okJson(recorded("estimated-cost.json"))));

        Result<List<CarrierQuote>> r = gateway(wm).quote(parcel("US", 600, Set.of()));

        assertTrue(r.isOk() && r.messages().isEmpty(), r.toString());
        assertEquals(List.of(new CarrierQuote("A1", null, new BigDecimal("85.60"), "CNY", "7-10"),
                new CarrierQuote("A2", null, new BigDecimal("62.30"), "CNY", null)), r.value());
        String body = "{\"country_code\":\"US\",\"weight\":\"600\"}";
        wm.verify(1, postRequestedFor(urlPathEqualTo(SERVICE))
                .withQueryParam("method", equalTo("ds.xms.estimated_cost.get"))
                .withQueryParam("app_key", equalTo(APP_KEY))
                .withQueryParam("sign", equalTo(FourPxSignature.sign(APP_KEY, "json", "ds.xms.estimated_cost.get",
                        NOW_MILLIS, "1.0.0", body, APP_SECRET)))
                .withRequestBody(equalToJson(body)));
    }

    @Test
    void dataAsAJsonString_isReadToo_andDangerousGoodsAreAWarning() {
        wm.stubFor(post(urlPathEqualTo(SERVICE)).willReturn(okJson("{\"result\":\"1\",\"msg\":\"\",\"errors\":[],"
                + "\"data\":\"[{\\\"logistics_product_code\\\":\\\"A1\\\",\\\"lump_sum_fee\\\":\\\"85.60\\\"}]\"}")));

        Result<List<CarrierQuote>> r = gateway(wm).quote(parcel("DE", 1200,
                Set.of(CarrierService.DangerousGoods.BATTERY)));

        assertTrue(r.isOk(), r.toString());
        assertEquals(List.of(new CarrierQuote("A1", null, new BigDecimal("85.60"), "CNY", null)), r.value());
        assertEquals(FourPxCodes.GOODS_TYPE_UNKNOWN, only(r).code());
        assertTrue(only(r).text().contains("[battery]"), only(r).text());
    }

    @Test
    void theLimitsAreCheckedBeforeAnyCall() {
        assertTrue(only(gateway(wm).quote(parcel(null, 600, Set.of()))).text().contains("4PX requires country_code"));
        assertTrue(only(gateway(wm).quote(parcel("USA", 600, Set.of()))).text().contains("not a two-letter code"));
        assertTrue(only(gateway(wm).quote(parcel("US", 0, Set.of()))).text().contains("requires the real weight"));
        Result<List<CarrierQuote>> heavy = gateway(wm).quote(parcel("US", 1_000_000, Set.of()));
        assertEquals(MessageCodes.BAD_REQUEST, only(heavy).code());
        assertTrue(only(heavy).text().contains("not below 4PX's 1000000 g"), only(heavy).text());
        assertTrue(wm.getAllServeEvents().isEmpty(), "nothing sent");
    }

    @Test
    void fourPxRefusal_isRejected_withItsErrors() {
        wm.stubFor(post(urlPathEqualTo(SERVICE)).willReturn(okJson(recorded("order-create-refused.json"))));

        Result<List<CarrierQuote>> r = gateway(wm).quote(parcel("US", 600, Set.of()));

        assertFalse(r.isOk());
        assertEquals(MessageCodes.REJECTED, only(r).code());
    }
}
