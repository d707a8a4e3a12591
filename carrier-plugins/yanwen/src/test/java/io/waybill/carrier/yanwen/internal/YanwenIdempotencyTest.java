package io.waybill.carrier.yanwen.internal;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.waybill.spi.carrier.ShipmentResponse;
import io.waybill.spi.common.Message;
import io.waybill.spi.common.MessageCodes;
import io.waybill.spi.common.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static io.waybill.carrier.yanwen.internal.YanwenFixture.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * A resend after a timeout makes no second Yanwen waybill: every create is preceded by {@code express.order.getlist}
 * with the order number (the idempotency key); a record of that order number that is not cancelled is the answer.
 */
class YanwenIdempotencyTest {

    @RegisterExtension
    static WireMockExtension wm = wireMock();

    private static MappingBuilder method(String name) {
        return post(urlPathEqualTo(SERVICE)).withQueryParam("method", equalTo(name));
    }

    private static List<LoggedRequest> sent(String name) {
        return wm.findAll(postRequestedFor(urlPathEqualTo(SERVICE)).withQueryParam("method", equalTo(name)));
    }

    @Test
    void honoursTheIdempotencyKey() {
        assertTrue(gateway(wm).honoursIdempotencyKey());
    }

    @Test
    void noWaybillYet_looksUpByOrderNumber_signed_thenCreates() {
        wm.stubFor(method("express.order.getlist").willReturn(okJson(recorded("order-getlist-empty.json"))));
        wm.stubFor(method("express.order.create").willReturn(okJson(recorded("order-create.json"))));
        Result<ShipmentResponse> r = gateway(wm).createShipment(request());
        assertTrue(r.isOk(), r.toString());
        assertEquals(WAYBILL, r.value().trackingNumber());
        LoggedRequest lookUp = sent("express.order.getlist").get(0);
        assertEquals("{\"listNumber\":[\"" + KEY + "\"]}", lookUp.getBodyAsString());
        assertEquals(YanwenSignature.sign(API_TOKEN, USER_ID, new String(lookUp.getBody(), StandardCharsets.UTF_8),
                "json", "express.order.getlist", NOW_MILLIS, "V1.0"), lookUp.queryParameter("sign").firstValue());
        assertEquals(1, sent("express.order.create").size());
    }

    @Test
    void waybillOfTheOrderNumberExists_isTheAnswer_nothingCreated() {
        wm.stubFor(method("express.order.getlist").willReturn(okJson(recorded("order-getlist.json"))));
        wm.stubFor(method("express.order.create").willReturn(okJson(recorded("order-create.json"))));
        Result<ShipmentResponse> r = gateway(wm).createShipment(request());
        assertTrue(r.isOk(), r.toString());
        assertEquals(new ShipmentResponse(ShipmentResponse.State.TRACKED, WAYBILL, WAYBILL), r.value());
        Message m = only(r);
        assertEquals(MessageCodes.ALREADY_CREATED, m.code());
        assertEquals(Message.Severity.INFO, m.severity());
        assertEquals(0, sent("express.order.create").size());
    }

    @Test
    void cancelledWaybillOrAnotherOrderNumber_doesNotCount_createIsSent() {
        String cancelled = recorded("order-getlist.json").replace("\"status\":0", "\"status\":5");
        wm.stubFor(method("express.order.getlist").willReturn(okJson(cancelled)));
        wm.stubFor(method("express.order.create").willReturn(okJson(recorded("order-create.json"))));
        assertTrue(gateway(wm).createShipment(request()).isOk());
        assertEquals(1, sent("express.order.create").size());

        wm.resetAll();
        String other = recorded("order-getlist.json").replace("\"orderNumber\":\"" + KEY + "\"",
                "\"orderNumber\":\"WB000999-1\"");
        wm.stubFor(method("express.order.getlist").willReturn(okJson(other)));
        wm.stubFor(method("express.order.create").willReturn(okJson(recorded("order-create.json"))));
        assertTrue(gateway(wm).createShipment(request()).isOk());
        assertEquals(1, sent("express.order.create").size());
    }

    @Test
    void lookUpRefused_meansNoSuchOrder_createIsSent_andItsRefusalIsTheAnswer() {
        wm.stubFor(method("express.order.getlist").willReturn(okJson(recorded("order-create-refused.json"))));
        wm.stubFor(method("express.order.create").willReturn(okJson(recorded("order-create-refused.json"))));
        Message m = only(gateway(wm).createShipment(request()));
        assertEquals(MessageCodes.REJECTED, m.code());
        assertTrue(m.text().contains("creating the waybill"), m.text());
        assertEquals(1, sent("express.order.create").size());
    }

    @Test
    void lookUpUnanswered_createsNothing() {
        wm.stubFor(method("express.order.getlist").willReturn(aResponse().withStatus(500)));
        wm.stubFor(method("express.order.create").willReturn(okJson(recorded("order-create.json"))));
        assertEquals(MessageCodes.TRANSIENT, only(gateway(wm).createShipment(request())).code());

        wm.resetAll();
        wm.stubFor(method("express.order.getlist").willReturn(aResponse().withStatus(429)
                .withHeader("Retry-After", "7")));
        wm.stubFor(method("express.order.create").willReturn(okJson(recorded("order-create.json"))));
        Message m = only(gateway(wm).createShipment(request()));
        assertEquals(MessageCodes.RATE_LIMITED, m.code());
        assertEquals(Duration.ofSeconds(7), m.retryAfter());
        assertEquals(0, sent("express.order.create").size());
    }

    @Test
    void resendAfterATimeout_findsTheFirstWaybill_exactlyOneCreate() {
        // the first create reaches Yanwen but its answer comes too late; Yanwen has the waybill from then on
        wm.stubFor(method("express.order.getlist").inScenario("yanwen").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(recorded("order-getlist-empty.json"))));
        wm.stubFor(method("express.order.create").inScenario("yanwen").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(recorded("order-create.json")).withFixedDelay(3000))
                .willSetStateTo("created"));
        wm.stubFor(method("express.order.getlist").inScenario("yanwen").whenScenarioStateIs("created")
                .willReturn(okJson(recorded("order-getlist.json"))));
        wm.stubFor(method("express.order.create").inScenario("yanwen").whenScenarioStateIs("created")
                .willReturn(okJson(recorded("order-create-refused.json"))));
        YanwenCarrierGateway g = gateway(wm, Map.of("requestTimeoutSeconds", 1));

        Message first = only(g.createShipment(request()));
        assertEquals(MessageCodes.TRANSIENT, first.code(), first.toString());
        Result<ShipmentResponse> again = g.createShipment(request());

        assertTrue(again.isOk(), again.toString());
        assertEquals(WAYBILL, again.value().trackingNumber());
        assertEquals(1, sent("express.order.create").size(), "one waybill at Yanwen");
        assertEquals(2, sent("express.order.getlist").size());
    }
}
