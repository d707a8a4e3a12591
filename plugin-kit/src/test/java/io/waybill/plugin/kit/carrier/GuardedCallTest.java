package io.waybill.plugin.kit.carrier;

import io.waybill.plugin.kit.AccountSettings;

import io.waybill.spi.carrier.ShipmentRef;
import io.waybill.spi.common.Message;
import io.waybill.spi.common.PluginDescriptor;
import io.waybill.spi.common.MessageCodes;
import io.waybill.spi.common.Result;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.*;

class GuardedCallTest {

    private static final GuardedCall GUARD = new GuardedCall("Acme", "io.waybill.carrier.acme",
            System.getLogger(GuardedCallTest.class.getName()));

    private static Message only(Result<?> r) {
        assertEquals(1, r.messages().size(), r.messages().toString());
        return r.messages().get(0);
    }

    @Test
    void anUnusableAccountIsBadConfigNamingThePidAndTheOperationDoesNotRun() {
        AtomicInteger runs = new AtomicInteger();
        Result<String> r = GUARD.call("Main", "'API key' is empty", () -> {
            runs.incrementAndGet();
            return Result.ok("x");
        });
        assertFalse(r.isOk());
        assertEquals(0, runs.get());
        assertEquals(MessageCodes.BAD_CONFIG, only(r).code());
        assertEquals("Acme account 'Main' is not usable: 'API key' is empty (configuration io.waybill.carrier.acme).",
                only(r).text());
        assertEquals("not configured", AccountSettings.unusable(null, null));
        assertEquals("deactivated", AccountSettings.unusable("deactivated", new Object()));
        assertNull(AccountSettings.unusable(null, new Object()));
    }

    @Test
    void transportFailuresAndStrayExceptionsBecomeMessagesAndNothingIsThrown() {
        Result<String> timeout = GUARD.call("Main", null, () -> {
            throw new HttpTimeoutException("slow");
        });
        assertEquals(MessageCodes.TRANSIENT, only(timeout).code());
        assertEquals("Acme did not answer in time for the Acme call. The outcome is unknown; try again later.",
                only(timeout).text());
        Result<String> refused = GUARD.call("Main", null, () -> {
            throw new IOException("Connection refused");
        });
        assertTrue(only(refused).text().startsWith("Could not reach Acme (IOException: Connection refused)"),
                only(refused).text());
        Result<String> stray = GUARD.call("Main", null, () -> {
            throw new IllegalStateException("boom");
        });
        assertEquals(MessageCodes.INTERNAL_ERROR, only(stray).code());
        assertEquals("The Acme plugin failed unexpectedly: IllegalStateException: boom", only(stray).text());
        try {
            Result<String> interrupted = GUARD.attempt(() -> {
                throw new InterruptedException();
            });
            assertEquals(MessageCodes.TRANSIENT, only(interrupted).code());
            assertTrue(Thread.currentThread().isInterrupted(), "the interrupt is kept");
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void everySecretIsRedactedFromEveryMessage() {
        Result<String> r = GUARD.call("Main", null,
                () -> Result.failure(Message.error(MessageCodes.REJECTED, "key k-123 and token t-9 refused")),
                "k-123", null, "t-9");
        assertEquals("key *** and token *** refused", only(r).text());
        Result<String> bad = GUARD.call("Main", "token t-9 is odd", () -> Result.ok("x"), "t-9");
        assertTrue(only(bad).text().contains("token *** is odd"), only(bad).text());
        assertEquals("ok", GUARD.call("Main", null, () -> Result.ok("ok"), "k").value());
    }

    @Test
    void aShipmentOperationGetsTheTrimmedIdAndAMissingIdIsABadRequestAfterTheAccountCheck() {
        assertEquals("AB1", GUARD.call(new ShipmentRef(" AB1 ", null), "No Acme id given.", "Main", null,
                id -> Result.ok(id)).value());
        for (ShipmentRef missing : new ShipmentRef[] {null, new ShipmentRef(null, null), new ShipmentRef(" ", "")}) {
            Result<String> r = GUARD.call(missing, "No Acme id given.", "Main", null, id -> Result.ok(id));
            assertEquals(MessageCodes.BAD_REQUEST, only(r).code());
            assertEquals("No Acme id given.", only(r).text());
            assertNull(GuardedCall.shipmentId(missing));
        }
        Result<String> unusable = GUARD.call(null, "No Acme id given.", "Main", "deactivated", id -> Result.ok(id));
        assertEquals(MessageCodes.BAD_CONFIG, only(unusable).code());
    }

    /** An account record as a gateway keeps one. */
    private record Acct(PluginDescriptor descriptor, Object client, String configError, String secret)
            implements GuardedCall.Account {
        @Override
        public String[] secrets() {
            return new String[] {secret};
        }
    }

    private static Acct account(Object client, String configError) {
        return new Acct(AccountSettings.descriptor("acme", AccountSettings.DEFAULT_ACCOUNT, "Acme", "test"), client,
                configError, "s3cret");
    }

    @Test
    void anAccountRecord_isCheckedRunAndRedacted() {
        // given a usable and an unusable account
        Acct usable = account(new Object(), null);
        Acct unusable = account(null, null);

        // when
        Result<String> ok = GUARD.call(usable, a -> Result.failure(Message.error(MessageCodes.REJECTED,
                "refused " + a.secret())));
        Result<String> bad = GUARD.call(unusable, a -> Result.ok("never"));
        Result<String> noId = GUARD.call(usable, new ShipmentRef(" ", null), "No Acme id given.",
                (a, id) -> Result.ok(id));
        Result<String> withId = GUARD.call(usable, new ShipmentRef(" X1 ", null), "No Acme id given.",
                (a, id) -> Result.ok(id));
        Result<String> unusableFirst = GUARD.call(unusable, new ShipmentRef(null, null), "No Acme id given.",
                (a, id) -> Result.ok(id));

        // then
        assertEquals("refused ***", only(ok).text());
        assertEquals(MessageCodes.BAD_CONFIG, only(bad).code());
        assertEquals("Acme account 'Acme' is not usable: not configured (configuration io.waybill.carrier.acme).",
                only(bad).text());
        assertEquals(only(bad), GUARD.notUsable(unusable));
        assertNull(GUARD.notUsable(usable));
        assertEquals("No Acme id given.", only(noId).text());
        assertEquals("X1", withId.value());
        assertEquals(MessageCodes.BAD_CONFIG, only(unusableFirst).code());
    }
}
