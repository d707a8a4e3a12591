package io.waybill.carrier.easypost.internal;

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
import static io.waybill.carrier.easypost.internal.EasyPostFixture.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * EasyPost's own error answers, classified per operation: its documented 4xx bodies, field errors, a refused connection.
 * 401/403, 429 with Retry-After, 5xx, a dropped or stalled connection and secrets echoed back are proven for every
 * operation by the conformance kit ({@code EasyPostConformanceTest}).
 */
class EasyPostHttpFailuresTest {

    @RegisterExtension
    static WireMockExtension wm = wireMock();

    /** The four operations, each with the endpoint it calls first. */
    enum Operation {
        CREATE(get("/v2/shipments/" + KEY), g -> g.createShipment(request())),
        FETCH_TRACKING(get("/v2/shipments/" + BOUGHT_ID), g -> g.fetchTrackingNumber(new ShipmentRef(BOUGHT_ID, null))),
        FETCH_LABEL(get("/v2/shipments/" + BOUGHT_ID), g -> g.fetchLabel(new ShipmentRef(BOUGHT_ID, null))),
        CANCEL(post("/v2/shipments/" + BOUGHT_ID + "/refund"), g -> g.cancelShipment(new ShipmentRef(BOUGHT_ID, null)));

        final MappingBuilder endpoint;
        final Function<EasyPostCarrierGateway, Result<?>> call;

        Operation(MappingBuilder endpoint, Function<EasyPostCarrierGateway, Result<?>> call) {
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
    void other4xx_isRejectedWithEasyPostsCodeAndMessage(Operation op) {
        // given the documented error object without field errors / when
        Message m = failWith(op, aResponse().withStatus(422).withHeader("Content-Type", "application/json")
                .withBody("{\"error\": {\"code\": \"ADDRESS.VERIFY.FAILURE\", \"message\": \"Address not found\", "
                        + "\"errors\": []}}"));

        // then
        assertEquals(EasyPostCodes.REJECTED, m.code());
        assertTrue(m.text().endsWith("(HTTP 422): ADDRESS.VERIFY.FAILURE: Address not found"), m.text());
    }

    @Test
    void connectionRefused_isTransient() {
        // given an account whose base URL has no server behind it
        EasyPostCarrierGateway gateway = gateway(wm, java.util.Map.of("baseUrl", "http://127.0.0.1:1"));

        // when
        Result<?> result = gateway.fetchTrackingNumber(new ShipmentRef(BOUGHT_ID, null));

        // then
        assertEquals(EasyPostCodes.TRANSIENT, only(result).code());
    }

    @Test
    void stringErrors_areAcceptedAsWellAsFieldErrors() {
        // given "errors" as a string array, which the Errors page says EasyPost may send
        wm.stubFor(get("/v2/shipments/" + KEY).willReturn(aResponse().withStatus(404)));
        wm.stubFor(post("/v2/shipments").willReturn(aResponse().withStatus(422).withHeader("Content-Type",
                "application/json").withBody("{\"error\": {\"code\": \"PARAMETER.REQUIRED\", \"message\": "
                + "\"Missing required parameter.\", \"errors\": [\"shipment.parcel is required\"]}}")));

        // when
        Result<?> result = gateway(wm).createShipment(request());

        // then
        assertEquals(2, result.messages().size(), result.messages().toString());
        assertTrue(result.messages().get(1).text().endsWith("(HTTP 422): shipment.parcel is required"));
    }

    @Test
    void retryAfter_asHttpDate_isConvertedToSeconds() {
        // given
        EasyPostErrors errors = new EasyPostErrors(Clock.fixed(NOW, ZoneOffset.UTC));

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
