package io.waybill.plugin.kit;

import io.waybill.spi.common.Message;
import io.waybill.spi.common.MessageCodes;
import io.waybill.spi.common.Result;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KitTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void statusClasses() {
        assertEquals(HttpFailures.Kind.AUTH, HttpFailures.classify(401));
        assertEquals(HttpFailures.Kind.AUTH, HttpFailures.classify(403));
        assertEquals(HttpFailures.Kind.RATE_LIMITED, HttpFailures.classify(429));
        assertEquals(HttpFailures.Kind.TRANSIENT, HttpFailures.classify(500));
        assertEquals(HttpFailures.Kind.TRANSIENT, HttpFailures.classify(503));
        assertEquals(HttpFailures.Kind.REJECTED, HttpFailures.classify(400));
        assertEquals(HttpFailures.Kind.REJECTED, HttpFailures.classify(404));
        assertEquals(MessageCodes.RATE_LIMITED, HttpFailures.Kind.RATE_LIMITED.code());
    }

    @Test
    void retryAfterSecondsFractionsAndHttpDates() {
        assertEquals(Optional.of(Duration.ofSeconds(30)), RetryAfter.parse(Optional.of(" 30 "), CLOCK));
        assertEquals(Optional.of(Duration.ofMillis(2500)), RetryAfter.parse(Optional.of("2.5"), CLOCK));
        assertEquals(Optional.of(Duration.ofSeconds(90)),
                RetryAfter.parse(Optional.of("Mon, 2 Mar 2026 10:01:30 GMT"), CLOCK));
        assertEquals(Optional.of(Duration.ZERO), RetryAfter.parse(Optional.of("Mon, 2 Mar 2026 09:00:00 GMT"), CLOCK));
        assertEquals(Optional.of(Duration.ZERO), RetryAfter.parse(Optional.of("-5"), CLOCK));
        assertEquals(Optional.empty(), RetryAfter.parse(Optional.of("soon"), CLOCK));
        assertEquals(Optional.empty(), RetryAfter.parse(Optional.empty(), CLOCK));
        assertEquals(3, RetryAfter.seconds(Duration.ofMillis(2500)));
    }

    @Test
    void rateLimitedMessageCarriesTheDuration() {
        Message m = HttpFailures.rateLimited("Shippo", "rate limit", "createShipment", "", Duration.ofSeconds(30));
        assertEquals(MessageCodes.RATE_LIMITED, m.code());
        assertEquals(Duration.ofSeconds(30), m.retryAfter());
        assertEquals("Shippo rate limit reached for createShipment (HTTP 429); retry after 30 s", m.text());
    }

    @Test
    void messagesForEachStatusClassUseTheProvidersWording() {
        // given
        HttpFailures.Wording w = new HttpFailures.Wording("Acme", "API key", "Check the key.", "rate limit",
                "Try again later.", true);
        java.util.List<String> said = java.util.List.of("a: bad", "b: worse");
        // when / then
        assertEquals("Acme refused the API key for op (HTTP 401): a: bad; b: worse. Check the key.",
                HttpFailures.messages(reply(401), "op", said, null, w).get(0).text());
        Message limited = HttpFailures.messages(reply(429), "op", java.util.List.of(), Duration.ofSeconds(7), w).get(0);
        assertEquals(MessageCodes.RATE_LIMITED, limited.code());
        assertEquals(Duration.ofSeconds(7), limited.retryAfter());
        assertEquals("Acme failed on op (HTTP 502). Try again later.",
                HttpFailures.messages(reply(502), "op", java.util.List.of(), null, w).get(0).text());
        assertEquals(2, HttpFailures.messages(reply(422), "op", said, null, w).size());
        assertEquals("Acme rejected op (HTTP 422): b: worse", HttpFailures.messages(reply(422), "op", said, null, w)
                .get(1).text());
        HttpFailures.Wording joined = new HttpFailures.Wording("Acme", "token", "", "rate limit", "", false);
        assertEquals("Acme rejected op (HTTP 422): a: bad; b: worse",
                HttpFailures.messages(reply(422), "op", said, null, joined).get(0).text());
    }

    private static HttpReply reply(int status) {
        return new HttpReply(status, new byte[0], null);
    }

    @Test
    void transportFailuresAreTransient() {
        Message timeout = HttpFailures.transport(new HttpTimeoutException("t"), "eBay", "fetchOrders").get(0);
        Message refused = HttpFailures.transport(new IOException("refused"), "eBay", "fetchOrders").get(0);
        assertEquals(MessageCodes.TRANSIENT, timeout.code());
        assertEquals("eBay did not answer in time for fetchOrders. The outcome is unknown; try again later.",
                timeout.text());
        assertEquals("Could not reach eBay (IOException: refused) for fetchOrders. The outcome is unknown; try again "
                + "later.", refused.text());
    }

    @Test
    void redactionMasksSecretsAndKeepsTheRetryAfter() {
        Result<String> r = Result.failure(Message.rateLimited("key sk_live_1 refused", Duration.ofSeconds(5)));
        Result<String> clean = Redaction.redact(r, "sk_live_1", null, "");
        assertEquals("key *** refused", clean.messages().get(0).text());
        assertEquals(Duration.ofSeconds(5), clean.messages().get(0).retryAfter());
        Result<String> ok = Result.ok("x");
        assertSame(ok, Redaction.redact(ok, "sk_live_1"));
        // the params of a message's sentence (SPI common 1.3) are kept, and masked too
        Result<String> withParams = Result.failure(Message.error("bad_config", "key sk_live_1 refused", "key",
                "sk_live_1"));
        assertEquals(java.util.List.of("key", "***"), Redaction.redact(withParams, "sk_live_1").messages().get(0)
                .params());
    }

    @Test
    void failSafeTurnsAnExceptionIntoAnInternalError() {
        Result<String> r = FailSafe.call("EasyPost", () -> {
            throw new IllegalArgumentException("bad");
        });
        assertEquals(MessageCodes.INTERNAL_ERROR, r.messages().get(0).code());
        assertEquals("The EasyPost plugin failed unexpectedly: IllegalArgumentException: bad",
                r.messages().get(0).text());
        assertTrue(FailSafe.call("EasyPost", () -> Result.ok("v")).isOk());
    }

    @Test
    void clipFoldsWhiteSpaceAndCuts() {
        assertEquals("a b", Texts.clip("  a \n b ", 10));
        assertEquals("abc…", Texts.clip("abcdef", 3));
    }
}
