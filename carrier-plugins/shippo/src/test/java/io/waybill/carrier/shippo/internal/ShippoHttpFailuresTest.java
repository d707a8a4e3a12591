package io.waybill.carrier.shippo.internal;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.waybill.spi.carrier.ShipmentRef;
import io.waybill.spi.common.Message;
import io.waybill.spi.common.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.function.Function;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static io.waybill.carrier.shippo.internal.ShippoFixture.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Shippo's own error answers, classified per operation: its documented 4xx bodies, field errors, a refused connection.
 * 401/403, 429 with Retry-After, 5xx, a dropped or stalled connection and secrets echoed back are proven for every
 * operation by the conformance kit ({@code ShippoConformanceTest}).
 */
class ShippoHttpFailuresTest {

    @RegisterExtension
    static WireMockExtension wm = wireMock();

    /** The four operations, each with the endpoint it calls first. */
    enum Operation {
        CREATE(post("/transactions"), g -> g.createShipment(request())),
        FETCH_TRACKING(get("/transactions/" + TX_ID), g -> g.fetchTrackingNumber(new ShipmentRef(TX_ID, null))),
        FETCH_LABEL(get("/transactions/" + TX_ID), g -> g.fetchLabel(new ShipmentRef(TX_ID, null))),
        CANCEL(post("/refunds"), g -> g.cancelShipment(new ShipmentRef(TX_ID, null)));

        final MappingBuilder endpoint;
        final Function<ShippoCarrierGateway, Result<?>> call;

        Operation(MappingBuilder endpoint, Function<ShippoCarrierGateway, Result<?>> call) {
            this.endpoint = endpoint;
            this.call = call;
        }
    }

    private Message failWith(Operation op, ResponseDefinitionBuilder response) {
        wm.stubFor(op.endpoint.willReturn(response));
        Result<?> result = op.call.apply(gateway(wm));
        assertFalse(result.isOk());
        assertNull(result.value());
        return only(result);
    }

    @ParameterizedTest
    @EnumSource(Operation.class)
    void other4xx_isRejectedWithShipposMessage(Operation op) {
        // given an inline error body (Shippo documents no 4xx example; see SOURCES.md) / when
        Message m = failWith(op, aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                .withBody("{\"detail\": \"Invalid carrier account.\"}"));

        // then
        assertEquals(ShippoCodes.REJECTED, m.code());
        assertTrue(m.text().endsWith("(HTTP 400): Invalid carrier account."), m.text());
    }

    @Test
    void connectionRefused_isTransient() {
        // given an account whose base URL has no server behind it
        ShippoCarrierGateway gateway = gateway(wm, java.util.Map.of("baseUrl", "http://127.0.0.1:1"));

        // when
        Result<?> result = gateway.fetchTrackingNumber(new ShipmentRef(TX_ID, null));

        // then
        assertEquals(ShippoCodes.TRANSIENT, only(result).code());
    }

    @Test
    void fieldErrors_becomeOneRejectedMessageEach() {
        // given an inline field-error body (not a recorded one, see SOURCES.md)
        wm.stubFor(post("/transactions").willReturn(aResponse().withStatus(400).withHeader("Content-Type",
                "application/json").withBody("{\"address_to\": [\"This field is required.\"], \"carrier_account\": "
                + "[\"Invalid object_id.\"]}")));

        // when
        Result<?> result = gateway(wm).createShipment(request());

        // then
        assertEquals(2, result.messages().size());
        assertTrue(result.messages().get(0).text().endsWith("address_to: This field is required."));
        assertTrue(result.messages().get(1).text().endsWith("carrier_account: Invalid object_id."));
    }

    @Test
    void retryAfter_asHttpDate_isConvertedToSeconds() {
        // given
        ShippoErrors errors = new ShippoErrors(Clock.fixed(NOW, ZoneOffset.UTC));

        // when
        Optional<Long> seconds = errors.retryAfterSeconds(Optional.of("Thu, 26 Nov 2026 10:01:30 GMT"));

        // then
        assertEquals(Optional.of(90L), seconds);
    }

    @Test
    void http429_withoutRetryAfter_saysUnknown() {
        // given / when
        Message m = failWith(Operation.CREATE, aResponse().withStatus(429));

        // then
        assertNull(m.retryAfter(), m.text());
    }
}
