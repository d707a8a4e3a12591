package io.waybill.carrier.fourpx.internal;

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
import static io.waybill.carrier.fourpx.internal.FourPxFixture.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Every operation against the provider's own answers: its 401 body (the hint names the credentials to check, the
 * secret never shows), its refusal envelope, an unreadable body. 429 with Retry-After, 5xx, a dropped or stalled
 * connection and echoed secrets are proven for every operation by the conformance kit.
 */
class FourPxHttpFailuresTest {

    @RegisterExtension
    static WireMockExtension wm = wireMock();

    private static final ShipmentRef REF = new ShipmentRef(CONSIGNMENT, null);

    enum Op {
        CREATE(g -> g.createShipment(request())),
        TRACKING(g -> g.fetchTrackingNumber(REF)),
        LABEL(g -> g.fetchLabel(REF)),
        CANCEL(g -> g.cancelShipment(REF)),
        QUOTE(g -> g.quote(new CarrierService.Parcel("US", 600, null, null, null, 1, true)));

        final Function<FourPxCarrierGateway, Result<?>> call;

        Op(Function<FourPxCarrierGateway, Result<?>> call) {
            this.call = call;
        }
    }

    private static void answerEverything(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder answer) {
        wm.stubFor(any(anyUrl()).willReturn(answer));
    }

    @ParameterizedTest
    @EnumSource(Op.class)
    void unauthorized_isAuthFailed_withoutTheSecret(Op op) {
        answerEverything(aResponse().withStatus(401).withBody("{\"result\":\"0\",\"msg\":\"secret "
                + APP_SECRET + " invalid\"}"));
        Message m = only(op.call.apply(gateway(wm)));
        assertEquals(MessageCodes.AUTH_FAILED, m.code());
        assertFalse(m.text().contains(APP_SECRET), m.text());
        assertTrue(m.text().contains("app key or signature"), m.text());
    }

    @ParameterizedTest
    @EnumSource(Op.class)
    void refusalEnvelope_isNeverASuccess(Op op) {
        // the refusal envelope of order-create-refused.json, for every method
        answerEverything(okJson(recorded("order-create-refused.json")));
        Result<?> r = op.call.apply(gateway(wm));
        assertFalse(r.isOk(), r.toString());
        String code = only(r).code();
        assertTrue(code.equals(MessageCodes.REJECTED) || code.equals(FourPxCodes.CANCEL_FAILED), code);
    }

    @ParameterizedTest
    @EnumSource(Op.class)
    void unreadableAnswer_isABadResponse(Op op) {
        answerEverything(aResponse().withStatus(200).withBody("not json"));
        assertEquals(MessageCodes.BAD_RESPONSE, only(op.call.apply(gateway(wm))).code());
    }
}
