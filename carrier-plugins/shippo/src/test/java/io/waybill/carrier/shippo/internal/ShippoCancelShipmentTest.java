package io.waybill.carrier.shippo.internal;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.waybill.spi.carrier.ShipmentRef;
import io.waybill.spi.common.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static io.waybill.carrier.shippo.internal.ShippoFixture.*;
import static org.junit.jupiter.api.Assertions.*;

/** cancelShipment: POST /refunds with the transaction id. */
class ShippoCancelShipmentTest {

    @RegisterExtension
    static WireMockExtension wm = wireMock();

    private static final ShipmentRef REF = new ShipmentRef(TX_ID, "9499907123456123456781");

    @Test
    void requestMapping_sendsTheTransactionIdWithToken() {
        // given
        wm.stubFor(post("/refunds").willReturn(okJson(recorded("refund-success.json"))));

        // when
        gateway(wm).cancelShipment(REF);

        // then
        wm.verify(postRequestedFor(urlEqualTo("/refunds"))
                .withHeader("Authorization", equalTo("ShippoToken " + TOKEN))
                .withRequestBody(equalToJson("{\"transaction\": \"" + TX_ID + "\", \"async\": false}")));
    }

    @Test
    void endpoint_isPostRefunds() {
        // given
        wm.stubFor(post("/refunds").willReturn(okJson(recorded("refund-success.json"))));

        // when
        gateway(wm).cancelShipment(REF);

        // then
        wm.verify(1, postRequestedFor(urlEqualTo("/refunds")));
        assertEquals(1, wm.getAllServeEvents().size());
    }

    @Test
    void recordedSuccess_isTrue() {
        // given
        wm.stubFor(post("/refunds").willReturn(okJson(recorded("refund-success.json"))));

        // when
        Result<Boolean> result = gateway(wm).cancelShipment(REF);

        // then
        assertTrue(result.isOk());
        assertEquals(Boolean.TRUE, result.value());
    }

    @Test
    void recordedError_isRefundFailed() {
        // given
        wm.stubFor(post("/refunds").willReturn(okJson(recorded("refund-error.json"))));

        // when
        Result<Boolean> result = gateway(wm).cancelShipment(REF);

        // then
        assertFalse(result.isOk());
        assertEquals(ShippoCodes.REFUND_FAILED, only(result).code());
        assertTrue(only(result).text().contains(TX_ID));
    }

    @Test
    void withoutTransactionId_isBadRequest() {
        // when
        Result<Boolean> result = gateway(wm).cancelShipment(new ShipmentRef(" ", null));

        // then
        assertEquals(ShippoCodes.BAD_REQUEST, only(result).code());
        assertTrue(wm.getAllServeEvents().isEmpty());
    }
}
