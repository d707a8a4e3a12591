package io.waybill.plugin.kit;

import io.waybill.plugin.kit.carrier.GuardedCall;
import io.waybill.spi.common.Message;
import io.waybill.spi.common.MessageCodes;
import io.waybill.spi.common.Result;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class ResultsTest {

    @Test
    void withMessages_addsAfterTheResultsOwn_andKeepsTheValue() {
        // given
        Message own = Message.warning(MessageCodes.REJECTED, "own");
        Message extra = Message.warning(MessageCodes.ALREADY_CREATED, "extra");
        Result<String> r = Result.ok("v", List.of(own));

        // when / then
        assertSame(r, Results.withMessages(r, List.of()));
        Result<String> more = Results.withMessages(r, List.of(extra));
        assertEquals("v", more.value());
        assertEquals(List.of(own, extra), more.messages());
    }

    @Test
    void positive_fallsBackForZeroNegativeAndNonFinite() {
        assertEquals(12.5, AccountSettings.positive(12.5, 20));
        assertEquals(20, AccountSettings.positive(0, 20));
        assertEquals(20, AccountSettings.positive(-1, 20));
        assertEquals(20, AccountSettings.positive(Double.NaN, 20));
        assertEquals(20, AccountSettings.positive(Double.POSITIVE_INFINITY, 20));
    }

    @Test
    void secrets_areTheNonBlankValues() {
        assertArrayEquals(new String[] {"a", "b"}, GuardedCall.secrets("a", null, " ", "b"));
        assertArrayEquals(new String[0], GuardedCall.secrets(""));
    }
}
