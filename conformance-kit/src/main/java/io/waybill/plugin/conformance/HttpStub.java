package io.waybill.plugin.conformance;

import java.time.Duration;
import java.util.Map;

/**
 * The provider a plugin under test talks to, as far as the conformance tests need it: every request gets the same
 * answer. {@link WireMockStub} implements it for a WireMock server.
 */
public interface HttpStub {

    /** Every request is answered with this status, body and headers. */
    void answer(int status, String body, Map<String, String> headers);

    /** Every request is answered 200 with an empty JSON object, but only after {@code delay}. */
    void stall(Duration delay);

    /** Every request's connection is reset without an answer. */
    void dropConnection();

    /** Forget every answer and every recorded request. */
    void reset();
}
