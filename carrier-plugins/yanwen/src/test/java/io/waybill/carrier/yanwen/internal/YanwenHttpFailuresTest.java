package io.waybill.carrier.yanwen.internal;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.waybill.plugin.conformance.HttpStub;
import io.waybill.plugin.conformance.ProviderAnswersConformance;
import io.waybill.plugin.conformance.WireMockStub;
import io.waybill.spi.carrier.ShipmentRef;
import io.waybill.spi.common.MessageCodes;
import io.waybill.spi.common.Result;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import static io.waybill.carrier.yanwen.internal.YanwenFixture.*;

/**
 * Every operation against the provider's own answers (conformance-kit {@link ProviderAnswersConformance}): its 401
 * body (the hint names the credentials to check, the secret never shows), its refusal envelope, an unreadable body.
 * 429 with Retry-After, 5xx, a dropped or stalled connection and echoed secrets are proven for every operation by the
 * conformance kit.
 */
class YanwenHttpFailuresTest extends ProviderAnswersConformance<YanwenCarrierGateway> {

    @RegisterExtension
    static WireMockExtension wm = wireMock();

    private static final ShipmentRef REF = new ShipmentRef(WAYBILL, WAYBILL);

    @Override
    protected YanwenCarrierGateway plugin() {
        return gateway(wm);
    }

    @Override
    protected HttpStub stub() {
        return WireMockStub.of(wm);
    }

    @Override
    protected Map<String, Function<YanwenCarrierGateway, Result<?>>> operations() {
        Map<String, Function<YanwenCarrierGateway, Result<?>>> ops = new LinkedHashMap<>();
        ops.put("CREATE", g -> g.createShipment(request()));
        ops.put("LABEL", g -> g.fetchLabel(REF));
        ops.put("CANCEL", g -> g.cancelShipment(REF));
        return ops;
    }

    @Override
    protected String unauthorizedBody() {
        return "{\"success\":false,\"message\":\"token " + API_TOKEN + " invalid\"}";
    }

    @Override
    protected Set<String> secrets() {
        return Set.of(API_TOKEN);
    }

    @Override
    protected String credentialsHint() {
        return "customer number or signature";
    }

    @Override
    protected String refusalBody() {
        // the refusal envelope of order-create-refused.json, for every method
        return recorded("order-create-refused.json");
    }

    @Override
    protected Set<String> refusalCodes() {
        return Set.of(MessageCodes.REJECTED, YanwenCarrierGateway.CANCEL_FAILED);
    }
}
