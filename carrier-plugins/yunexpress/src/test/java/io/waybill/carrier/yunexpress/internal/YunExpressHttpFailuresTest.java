package io.waybill.carrier.yunexpress.internal;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.waybill.plugin.conformance.HttpStub;
import io.waybill.plugin.conformance.ProviderAnswersConformance;
import io.waybill.plugin.conformance.WireMockStub;
import io.waybill.spi.carrier.CarrierService;
import io.waybill.spi.carrier.ShipmentRef;
import io.waybill.spi.common.MessageCodes;
import io.waybill.spi.common.Result;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import static io.waybill.carrier.yunexpress.internal.YunExpressFixture.*;

/**
 * Every operation against the provider's own answers (conformance-kit {@link ProviderAnswersConformance}): its 401
 * body (the hint names the credentials to check, the secret never shows), its refusal envelope, an unreadable body.
 * 429 with Retry-After, 5xx, a dropped or stalled connection and echoed secrets are proven for every operation by the
 * conformance kit.
 */
class YunExpressHttpFailuresTest extends ProviderAnswersConformance<YunExpressCarrierGateway> {

    @RegisterExtension
    static WireMockExtension wm = wireMock();

    private static final ShipmentRef REF = new ShipmentRef(KEY, null);

    @Override
    protected YunExpressCarrierGateway plugin() {
        return gateway(wm);
    }

    @Override
    protected HttpStub stub() {
        return WireMockStub.of(wm);
    }

    @Override
    protected Map<String, Function<YunExpressCarrierGateway, Result<?>>> operations() {
        Map<String, Function<YunExpressCarrierGateway, Result<?>>> ops = new LinkedHashMap<>();
        ops.put("CREATE", g -> g.createShipment(request()));
        ops.put("TRACKING", g -> g.fetchTrackingNumber(REF));
        ops.put("LABEL", g -> g.fetchLabel(REF));
        ops.put("CANCEL", g -> g.cancelShipment(REF));
        ops.put("QUOTE", g -> g.quote(new CarrierService.Parcel("US", 600, null, null, null, 1, true)));
        return ops;
    }

    @Override
    protected String unauthorizedBody() {
        return "{\"Code\":\"401\",\"Message\":\"token " + TOKEN + " invalid\"}";
    }

    @Override
    protected Set<String> secrets() {
        return Set.of(TOKEN, API_SECRET);
    }

    @Override
    protected String credentialsHint() {
        return "customer code and API secret";
    }

    @Override
    protected String refusalBody() {
        // YunExpress's refusal shape (create-order-refused.json's envelope) with no item for this order
        return "{\"Item\":null,\"Code\":\"1001\",\"Message\":\"提交失败!\"}";
    }

    @Override
    protected Set<String> refusalCodes() {
        return Set.of(MessageCodes.REJECTED, YunExpressCodes.CANCEL_FAILED);
    }
}
