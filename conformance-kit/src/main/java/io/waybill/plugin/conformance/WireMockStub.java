package io.waybill.plugin.conformance;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import java.time.Duration;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;

/** {@link HttpStub} on the WireMock extension a plugin's tests already register. */
public final class WireMockStub implements HttpStub {

    private final WireMockExtension wm;

    private WireMockStub(WireMockExtension wm) {
        this.wm = wm;
    }

    public static WireMockStub of(WireMockExtension wm) {
        return new WireMockStub(wm);
    }

    @Override
    public void answer(int status, String body, Map<String, String> headers) {
        ResponseDefinitionBuilder response = aResponse().withStatus(status).withBody(body);
        headers.forEach(response::withHeader);
        wm.stubFor(any(anyUrl()).willReturn(response));
    }

    @Override
    public void stall(Duration delay) {
        wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{}").withFixedDelay((int) delay.toMillis())));
    }

    @Override
    public void dropConnection() {
        wm.stubFor(any(anyUrl()).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    }

    @Override
    public void reset() {
        wm.resetAll();
    }
}
