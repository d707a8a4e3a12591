package io.waybill.carrier.shippo.internal;

import java.time.Duration;
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

/** Every operation classifies HTTP failures the same way: 401/403, 429 + Retry-After, 5xx, timeout, other 4xx. */
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

    /** Like failWith, with a 1 s request timeout so the delayed answer times out. */
    private Message failWithTimeout(Operation op, ResponseDefinitionBuilder response) {
        wm.stubFor(op.endpoint.willReturn(response));
        Result<?> result = op.call.apply(gateway(wm, java.util.Map.of("requestTimeoutSeconds", 1)));
        assertFalse(result.isOk());
        assertNull(result.value());
        return only(result);
    }

    @ParameterizedTest
    @EnumSource(Operation.class)
    void http401_isAuthFailed(Operation op) {
        // given / when
        Message m = failWith(op, aResponse().withStatus(401));

        // then
        assertEquals(ShippoCodes.AUTH_FAILED, m.code());
        assertEquals(Message.Severity.ERROR, m.severity());
    }

    @ParameterizedTest
    @EnumSource(Operation.class)
    void http403_isAuthFailed(Operation op) {
        assertEquals(ShippoCodes.AUTH_FAILED, failWith(op, aResponse().withStatus(403)).code());
    }

    @ParameterizedTest
    @EnumSource(Operation.class)
    void http429_isRateLimitedWithRetryAfterSeconds(Operation op) {
        // given / when
        Message m = failWith(op, aResponse().withStatus(429).withHeader("Retry-After", "30"));

        // then
        assertEquals(ShippoCodes.RATE_LIMITED, m.code());
        assertEquals(Duration.ofSeconds(30), m.retryAfter(), m.text());
    }

    @ParameterizedTest
    @EnumSource(Operation.class)
    void http500_isTransient(Operation op) {
        // given / when
        Message m = failWith(op, aResponse().withStatus(500).withBody("<html>Server Error</html>"));

        // then
        assertEquals(ShippoCodes.TRANSIENT, m.code());
        assertTrue(m.text().contains("HTTP 500"), m.text());
    }

    @ParameterizedTest
    @EnumSource(Operation.class)
    void timeout_isTransient(Operation op) {
        // given Shippo answers after the 2 s request timeout of the test account
        Message m = failWithTimeout(op, okJson("{}").withFixedDelay(3_000));

        // then
        assertEquals(ShippoCodes.TRANSIENT, m.code());
        assertTrue(m.text().contains("did not answer in time"), m.text());
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
    void theTokenNeverAppearsInAMessage() {
        // given an error body that echoes the token back
        wm.stubFor(post("/transactions").willReturn(aResponse().withStatus(400)
                .withBody("token " + TOKEN + " is not allowed to buy labels")));

        // when
        Result<?> result = gateway(wm).createShipment(request());

        // then
        assertFalse(result.messages().isEmpty());
        result.messages().forEach(m -> assertFalse(m.text().contains(TOKEN), m.text()));
        assertTrue(result.messages().get(0).text().contains("token *** is not allowed"));
        assertFalse(gateway(wm).toString().contains(TOKEN));
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
