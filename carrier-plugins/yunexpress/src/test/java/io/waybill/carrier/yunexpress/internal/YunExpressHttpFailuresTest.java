package io.waybill.carrier.yunexpress.internal;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.waybill.spi.carrier.CarrierService;
import io.waybill.spi.carrier.ShipmentRef;
import io.waybill.spi.common.Message;
import io.waybill.spi.common.MessageCodes;
import io.waybill.spi.common.Result;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.function.Function;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static io.waybill.carrier.yunexpress.internal.YunExpressFixture.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Every operation against the provider's own answers: its 401 body (the hint names the credentials to check, the
 * secret never shows), its refusal envelope, an unreadable body. 429 with Retry-After, 5xx, a dropped or stalled
 * connection and echoed secrets are proven for every operation by the conformance kit.
 */
class YunExpressHttpFailuresTest {

    @RegisterExtension
    static WireMockExtension wm = wireMock();

    private static final ShipmentRef REF = new ShipmentRef(KEY, null);
    private static final CarrierService.Parcel PARCEL = new CarrierService.Parcel("US", 600, null, null, null, 1,
            true);

    enum Op {
        CREATE(g -> g.createShipment(request())),
        TRACKING(g -> g.fetchTrackingNumber(REF)),
        LABEL(g -> g.fetchLabel(REF)),
        CANCEL(g -> g.cancelShipment(REF)),
        QUOTE(g -> g.quote(PARCEL));

        final Function<YunExpressCarrierGateway, Result<?>> call;

        Op(Function<YunExpressCarrierGateway, Result<?>> call) {
            this.call = call;
        }
    }

    private static void answerEverything(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder answer) {
        wm.stubFor(any(anyUrl()).willReturn(answer));
    }

    @ParameterizedTest
    @EnumSource(Op.class)
    void unauthorized_isAuthFailed_withoutTheSecret(Op op) {
        answerEverything(aResponse().withStatus(401).withBody("{\"Code\":\"401\",\"Message\":\"token "
                + TOKEN + " invalid\"}"));
        Message m = only(op.call.apply(gateway(wm)));
        assertEquals(MessageCodes.AUTH_FAILED, m.code());
        assertFalse(m.text().contains(TOKEN) || m.text().contains(API_SECRET), m.text());
        assertTrue(m.text().contains("customer code and API secret"), m.text());
    }

    @ParameterizedTest
    @EnumSource(Op.class)
    void refusalEnvelope_isNeverASuccess(Op op) {
        // YunExpress's refusal shape (create-order-refused.json's envelope) with no item for this order
        answerEverything(okJson("{\"Item\":null,\"Code\":\"1001\",\"Message\":\"提交失败!\"}"));
        Result<?> r = op.call.apply(gateway(wm));
        assertFalse(r.isOk(), r.toString());
        String code = only(r).code();
        assertTrue(code.equals(MessageCodes.REJECTED) || code.equals(YunExpressCodes.CANCEL_FAILED), code);
    }

    @ParameterizedTest
    @EnumSource(Op.class)
    void unreadableAnswer_isABadResponse(Op op) {
        answerEverything(aResponse().withStatus(200).withBody("not json"));
        assertEquals(MessageCodes.BAD_RESPONSE, only(op.call.apply(gateway(wm))).code());
    }
}
