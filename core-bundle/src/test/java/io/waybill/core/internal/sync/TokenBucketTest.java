package io.waybill.core.internal.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The marketplace pacing of the sync (a usage plan such as Amazon confirmShipment's 2 requests/s, burst 10), on an
 * injected clock: what the integration tests cannot measure reliably on a busy machine, since requests paced right
 * may still reach a stub bunched.
 */
class TokenBucketTest {

    private static final long S = 1_000_000_000L;

    @Test
    void aFullBucketLetsTheBurstThroughAndThenTheRate() {
        TokenBucket bucket = new TokenBucket(2.0, 10, 0);

        assertEquals(10, bucket.take(25, 0), "the burst at once");
        assertEquals(0, bucket.take(1, 0), "nothing more at the same instant");
        assertEquals(0, bucket.take(1, S / 2 - 1), "not before half a second at 2/s");
        assertEquals(1, bucket.take(1, S / 2), "one after half a second");
        assertEquals(2, bucket.take(5, S / 2 + S), "two more a second later");
    }

    @Test
    void noWindowOfSendsHoldsMoreThanBurstPlusRateTimesItsLength() {
        // given: a sender that asks for a token every millisecond for 20 s
        TokenBucket bucket = new TokenBucket(2.0, 10, 0);
        List<Long> sends = new ArrayList<>();
        for (long t = 0; t <= 20 * S; t += S / 1000) {
            if (bucket.take(1, t) == 1) {
                sends.add(t);
            }
        }

        // then: 10 + 2/s over 20 s, and in every window i..j at most burst + rate * (t_j - t_i)
        assertEquals(10 + 40, sends.size());
        for (int i = 0; i < sends.size(); i++) {
            for (int j = i; j < sends.size(); j++) {
                double seconds = (sends.get(j) - sends.get(i)) / 1e9;
                assertTrue(j - i + 1 <= 10 + 2.0 * seconds + 1e-9, "sends " + i + ".." + j + " in " + seconds + " s");
            }
        }
    }

    @Test
    void tokensTakenButNotUsedGoBackButNeverAboveTheBurst() {
        TokenBucket bucket = new TokenBucket(2.0, 10, 0);
        assertEquals(10, bucket.take(10, 0));

        bucket.giveBack(3);
        assertEquals(3, bucket.take(10, 0));
        bucket.giveBack(50);
        assertEquals(10, bucket.take(50, 0), "never more than the burst");
    }

    @Test
    void aSlowDownFromThePlatformStopsAllCallsUntilThePauseEndsAndStartsFromEmpty() {
        TokenBucket bucket = new TokenBucket(2.0, 10, 0);
        bucket.pauseUntil(3 * S);

        assertEquals(0, bucket.take(1, 2 * S), "paused");
        assertEquals(0, bucket.take(1, 3 * S), "the bucket starts empty when the pause ends");
        assertEquals(1, bucket.take(10, 3 * S + S / 2), "then refills at the rate");
    }
}
