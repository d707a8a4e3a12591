package io.waybill.carrier.easypost.internal;

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
import static io.waybill.carrier.easypost.internal.EasyPostFixture.*;
import static org.junit.jupiter.api.Assertions.*;

/** Every operation (its first call) classifies HTTP failures the same way: 401/403, 429 + Retry-After, 5xx, timeout, other 4xx. */
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
        assertEquals(EasyPostCodes.AUTH_FAILED, m.code());
        assertEquals(Message.Severity.ERROR, m.severity());
    }

    @ParameterizedTest
    @EnumSource(Operation.class)
    void http403_isAuthFailed(Operation op) {
        assertEquals(EasyPostCodes.AUTH_FAILED, failWith(op, aResponse().withStatus(403)).code());
    }

    @ParameterizedTest
    @EnumSource(Operation.class)
    void http429_isRateLimitedWithRetryAfterSeconds(Operation op) {
        // given / when
        Message m = failWith(op, aResponse().withStatus(429).withHeader("Retry-After", "30"));

        // then
        assertEquals(EasyPostCodes.RATE_LIMITED, m.code());
        assertEquals(Duration.ofSeconds(30), m.retryAfter(), m.text());
    }

    @ParameterizedTest
    @EnumSource(Operation.class)
    void http500_isTransient(Operation op) {
        // given / when
        Message m = failWith(op, aResponse().withStatus(500).withBody("<html>Server Error</html>"));

        // then
        assertEquals(EasyPostCodes.TRANSIENT, m.code());
        assertTrue(m.text().contains("HTTP 500"), m.text());
    }

    @ParameterizedTest
    @EnumSource(Operation.class)
    void timeout_isTransient(Operation op) {
        // given EasyPost answers after the 2 s request timeout of the test account
        Message m = failWithTimeout(op, okJson("{}").withFixedDelay(3_000));

        // then
        assertEquals(EasyPostCodes.TRANSIENT, m.code());
        assertTrue(m.text().contains("did not answer in time"), m.text());
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
    void theApiKeyNeverAppearsInAMessage() {
        // given an error body that echoes the key back
        wm.stubFor(get("/v2/shipments/" + KEY).willReturn(aResponse().withStatus(400)
                .withBody("key " + API_KEY + " is not allowed to buy labels")));

        // when
        Result<?> result = gateway(wm).createShipment(request());

        // then
        assertFalse(result.messages().isEmpty());
        result.messages().forEach(m -> assertFalse(m.text().contains(API_KEY), m.text()));
        assertTrue(result.messages().get(0).text().contains("key *** is not allowed"));
        assertFalse(gateway(wm).toString().contains(API_KEY));
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
