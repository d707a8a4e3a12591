package io.waybill.carrier.yunexpress.internal;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.waybill.spi.carrier.CarrierQuote;
import io.waybill.spi.carrier.CarrierService;
import io.waybill.spi.common.Message;
import io.waybill.spi.common.MessageCodes;
import io.waybill.spi.common.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static io.waybill.carrier.yunexpress.internal.YunExpressFixture.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The price trial ({@code GET /Freight/GetPriceTrial}): the query as the clients send it, the quotes read from the
 * answer, the documented limits checked before any call, YunExpress's refusal. The HTTP failures (401, 429, 5xx,
 * timeout, unreadable answer) are in {@link YunExpressHttpFailuresTest}.
 */
class YunExpressPriceTrialTest {

    @RegisterExtension
    static WireMockExtension wm = wireMock();

    private static CarrierService.Parcel parcel(String country, int grams, Set<CarrierService.DangerousGoods> dg) {
        return new CarrierService.Parcel(country, grams, new BigDecimal("20.00"), "USD", dg, 1, true);
    }

    @Test
    void quotesEveryMethodOfTheAnswer_withTheDocumentedQuery() {
        wm.stubFor(get(urlPathEqualTo("/api/Freight/GetPriceTrial")).willReturn(okJson(recorded("price-trial.json"))));

        Result<List<CarrierQuote>> r = gateway(wm).quote(parcel("US", 600, Set.of()));

        assertTrue(r.isOk(), r.toString());
        assertEquals(List.of(
                new CarrierQuote("THPHR", "Global Direct Line Registered (general goods)", new BigDecimal("70.8"),
                        "CNY", "7-12"),
                // empty names and delivery times are absent; JSON numbers as written (70.80 reads as 70.8)
                new CarrierQuote("ZXHR", null, new BigDecimal("79.2"), "CNY", null)), r.value());
        assertTrue(r.messages().isEmpty(), r.messages().toString());
        wm.verify(1, getRequestedFor(urlPathEqualTo("/api/Freight/GetPriceTrial"))
                .withQueryParam("CountryCode", equalTo("US")).withQueryParam("Weight", equalTo("0.600"))
                .withQueryParam("PackageType", equalTo("0")).withHeader("Authorization", equalTo(BASIC)));
    }

    @Test
    void batteriesArePackageType1_otherDangerousGoodsAWarning() {
        wm.stubFor(get(urlPathEqualTo("/api/Freight/GetPriceTrial")).willReturn(okJson(recorded("price-trial.json"))));

        Result<List<CarrierQuote>> battery = gateway(wm).quote(parcel("DE", 1250,
                Set.of(CarrierService.DangerousGoods.BATTERY)));
        Result<List<CarrierQuote>> liquid = gateway(wm).quote(parcel("DE", 1250,
                Set.of(CarrierService.DangerousGoods.LIQUID)));

        assertTrue(battery.isOk() && battery.messages().isEmpty(), battery.toString());
        wm.verify(1, getRequestedFor(urlPathEqualTo("/api/Freight/GetPriceTrial"))
                .withQueryParam("Weight", equalTo("1.250")).withQueryParam("PackageType", equalTo("1")));
        assertTrue(liquid.isOk(), liquid.toString());
        Message w = only(liquid);
        assertEquals(YunExpressCodes.GOODS_TYPE_UNKNOWN, w.code());
        assertTrue(w.text().contains("[liquid]"), w.text());
    }

    @Test
    void noCountryOrNoWeight_isRefusedBeforeAnyCall() {
        Result<List<CarrierQuote>> noCountry = gateway(wm).quote(parcel(null, 600, Set.of()));
        Result<List<CarrierQuote>> noWeight = gateway(wm).quote(parcel("US", 0, Set.of()));
        Result<List<CarrierQuote>> longCountry = gateway(wm).quote(parcel("USAMER", 600, Set.of()));

        assertEquals(MessageCodes.BAD_REQUEST, only(noCountry).code());
        assertTrue(only(noCountry).text().contains("YunExpress requires CountryCode"), only(noCountry).text());
        assertEquals(MessageCodes.BAD_REQUEST, only(noWeight).code());
        assertTrue(only(noWeight).text().contains("requires Weight"), only(noWeight).text());
        assertTrue(only(longCountry).text().contains("longer than 5 characters"), only(longCountry).text());
        assertTrue(wm.getAllServeEvents().isEmpty(), "nothing sent");
    }

    @Test
    void yunExpressRefusal_isRejected_withItsMessage() {
        // the refusal envelope of the recorded CreateOrder refusal (create-order-refused.json): Code other than 0000
        wm.stubFor(get(urlPathEqualTo("/api/Freight/GetPriceTrial"))
                .willReturn(okJson("{\"Items\":null,\"Code\":\"1001\",\"Message\":\"提交失败!\"}")));

        Result<List<CarrierQuote>> r = gateway(wm).quote(parcel("US", 600, Set.of()));

        assertFalse(r.isOk());
        assertEquals(MessageCodes.REJECTED, only(r).code());
        assertTrue(only(r).text().contains("提交失败"), only(r).text());
    }

    @Test
    void unconfiguredAccount_isBadConfig_withoutACall() {
        Result<List<CarrierQuote>> r = new YunExpressCarrierGateway().quote(parcel("US", 600, Set.of()));

        assertEquals(MessageCodes.BAD_CONFIG, only(r).code());
        assertTrue(wm.getAllServeEvents().isEmpty());
    }
}
