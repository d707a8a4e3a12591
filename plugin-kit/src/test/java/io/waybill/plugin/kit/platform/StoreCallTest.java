package io.waybill.plugin.kit.platform;

import io.waybill.plugin.kit.Refusal;
import io.waybill.spi.common.Message;
import io.waybill.spi.common.MessageCodes;
import io.waybill.spi.common.Result;
import io.waybill.spi.platform.StoreContext;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.*;

class StoreCallTest {

    private static final System.Logger LOG = System.getLogger(StoreCallTest.class.getName());
    private static final StoreCall EBAY = new StoreCall("eBay", "io.waybill.platform.ebay", LOG);
    private static final StoreCall SHOP = new StoreCall("Shop Co", "io.waybill.platform.shop", LOG);

    private static StoreContext store(String code) {
        return new StoreContext(code, Map.of());
    }

    private static Message only(Result<?> r) {
        assertEquals(1, r.messages().size(), r.messages().toString());
        return r.messages().get(0);
    }

    @Test
    void anUnusableConnectionIsBadConfigAndNothingRuns() {
        AtomicInteger runs = new AtomicInteger();
        Result<String> r = EBAY.call(store("S1"), "the order capture", "S1", "'Access token' is empty", () -> {
            runs.incrementAndGet();
            return Result.ok("x");
        });
        assertEquals(0, runs.get());
        assertEquals(MessageCodes.BAD_CONFIG, only(r).code());
        assertEquals("The eBay connection of store S1 is not usable: 'Access token' is empty (configuration "
                + "io.waybill.platform.ebay).", only(r).text());
        assertEquals("The eBay connection is not usable: not configured (configuration io.waybill.platform.ebay).",
                only(EBAY.call(store("S1"), "x", "", "not configured", () -> Result.ok("x"))).text());
    }

    @Test
    void aCallForAnotherStoreIsWrongStoreAndNotSent() {
        Result<String> r = EBAY.call(store("S2"), "the order capture", "S1", null, () -> Result.ok("x"));
        assertEquals(MessageCodes.WRONG_STORE, only(r).code());
        assertEquals("This eBay connection serves store S1, not S2; the order capture was not sent. Add an eBay "
                + "configuration for store S2.", only(r).text());
        assertEquals("This Shop Co connection serves store S1, not null; the confirmation was not sent. Add a Shop Co "
                + "configuration for store null.", only(SHOP.call(null, "the confirmation", "S1", null,
                () -> Result.ok("x"))).text());
        assertEquals("ok", SHOP.call(store(" S1 "), "x", "S1", null, () -> Result.ok("ok")).value());
    }

    @Test
    void refusalsTransportFailuresAndStrayExceptionsBecomeRedactedMessages() {
        Result<String> refused = SHOP.call(store("S1"), "the capture", "S1", null, () -> {
            throw new Refusal(Message.error(MessageCodes.REJECTED, "token tk-1 refused"));
        }, "tk-1");
        assertEquals(MessageCodes.REJECTED, only(refused).code());
        assertEquals("token *** refused", only(refused).text());
        Result<String> down = SHOP.call(store("S1"), "the capture", "S1", null, () -> {
            throw new IOException("reset by tk-1");
        }, "tk-1");
        assertEquals(MessageCodes.TRANSIENT, only(down).code());
        assertEquals("Could not reach Shop Co (IOException: reset by ***) for the capture. The outcome is unknown; "
                + "try again later.", only(down).text());
        Result<String> stray = SHOP.call(store("S1"), "the capture", "S1", null, () -> {
            throw new IllegalStateException("odd");
        });
        assertEquals(MessageCodes.INTERNAL_ERROR, only(stray).code());
        try {
            Result<String> interrupted = SHOP.call(store("S1"), "the capture", "S1", null, () -> {
                throw new InterruptedException();
            });
            assertEquals(MessageCodes.TRANSIENT, only(interrupted).code());
            assertTrue(Thread.currentThread().isInterrupted());
        } finally {
            Thread.interrupted();
        }
    }
}
