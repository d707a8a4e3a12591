package io.waybill.core.internal.plugin;

import io.waybill.spi.common.Message;
import io.waybill.spi.common.MessageCodes;
import io.waybill.spi.common.Result;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PluginFailureTest {

    @Test
    void rateLimitedIsNotProcessedAndCarriesTheStructuredRetryAfter() {
        // given
        Result<Object> r = Result.failure(Message.rateLimited("slow down", Duration.ofSeconds(30)));
        // when
        PluginFailure f = PluginFailure.of(r);
        // then
        assertTrue(f.rateLimited());
        assertFalse(f.transientError());
        assertEquals(Optional.of(Duration.ofSeconds(30)), f.retryAfter());
        assertEquals("slow down", f.text("none"));
    }

    @Test
    void legacyRetryAfterTextOfOlderPluginsIsStillHonoured() {
        // given: a plugin built against SPI 1.0 writes the pause into the text
        Result<Object> whole = Result.failure(Message.error("rate_limited", "retry_after=2 Too many requests"));
        Result<Object> fraction = Result.failure(Message.error("rate_limited", "retry_after=0.2"));
        // when / then
        assertEquals(Optional.of(Duration.ofSeconds(2)), PluginFailure.of(whole).retryAfter());
        assertEquals(Optional.of(Duration.ofMillis(200)), PluginFailure.of(fraction).retryAfter());
    }

    @Test
    void retryAfterIsCappedAtOneHour() {
        Result<Object> r = Result.failure(Message.rateLimited("", Duration.ofDays(2)));
        assertEquals(Optional.of(PluginFailure.MAX_RETRY_AFTER), PluginFailure.of(r).retryAfter());
    }

    @Test
    void transientTimeoutPluginErrorAndNoErrorAtAllAreTransient() {
        for (String code : new String[] {MessageCodes.TRANSIENT, MessageCodes.TIMEOUT, MessageCodes.PLUGIN_ERROR}) {
            assertTrue(PluginFailure.of(Result.failure(Message.error(code, "x"))).transientError(), code);
        }
        PluginFailure none = PluginFailure.of(new Result<>(null, java.util.List.of()));
        assertTrue(none.transientError());
        assertEquals("nothing", none.text("nothing"));
    }

    @Test
    void otherErrorsArePermanentAndWarningsAreIgnored() {
        // given
        Result<Object> r = new Result<>(null, java.util.List.of(Message.warning(MessageCodes.TRANSIENT, "w"),
                Message.error(MessageCodes.REJECTED, ""), Message.error(MessageCodes.LABEL_NOT_READY, "later")));
        // when
        PluginFailure f = PluginFailure.of(r);
        // then
        assertFalse(f.transientError());
        assertFalse(f.rateLimited());
        assertTrue(f.has(MessageCodes.LABEL_NOT_READY));
        assertEquals("rejected; later", f.text("none"));
        assertEquals(Optional.empty(), f.retryAfter());
    }

    @Test
    void guardedTurnsAThrowOrANullIntoAPluginError() {
        Result<String> thrown = PluginCalls.guarded("the carrier plugin", () -> {
            throw new IllegalStateException("boom");
        });
        Result<String> nothing = PluginCalls.guarded("the carrier plugin", () -> null);
        Result<String> fine = PluginCalls.guarded("the carrier plugin", () -> Result.ok("x"));

        assertEquals(MessageCodes.PLUGIN_ERROR, thrown.messages().get(0).code());
        assertEquals("the carrier plugin failed: java.lang.IllegalStateException: boom",
                thrown.messages().get(0).text());
        assertEquals("the carrier plugin returned nothing", nothing.messages().get(0).text());
        assertEquals("x", fine.value());
    }
}
