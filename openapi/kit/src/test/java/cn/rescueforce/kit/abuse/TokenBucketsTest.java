package cn.rescueforce.kit.abuse;

import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenBucketsTest {

    private final AtomicLong clock = new AtomicLong(1_000_000_000L);

    @Test
    void aFullBucketAllowsTheBurstAndThenSaysHowLongToWait() {
        TokenBuckets buckets = new TokenBuckets(60, 3, 10, clock::get); // a token a second
        assertEquals(0, buckets.take("a"));
        assertEquals(0, buckets.take("a"));
        assertEquals(0, buckets.take("a"));
        assertEquals(TimeUnit.SECONDS.toNanos(1), buckets.take("a"));
        clock.addAndGet(TimeUnit.MILLISECONDS.toNanos(400));
        assertEquals(TimeUnit.MILLISECONDS.toNanos(600), buckets.take("a"));
    }

    @Test
    void theBucketRefillsAtTheRateButNeverAboveTheBurst() {
        TokenBuckets buckets = new TokenBuckets(60, 2, 10, clock::get);
        buckets.take("a");
        buckets.take("a");
        clock.addAndGet(TimeUnit.SECONDS.toNanos(1));
        assertEquals(0, buckets.take("a"));
        assertTrue(buckets.take("a") > 0);
        clock.addAndGet(TimeUnit.HOURS.toNanos(1));
        assertEquals(0, buckets.take("a"));
        assertEquals(0, buckets.take("a"));
        assertTrue(buckets.take("a") > 0);
    }

    @Test
    void refusedRequestsDoNotDelayTheNextAllowedOne() {
        TokenBuckets buckets = new TokenBuckets(60, 1, 10, clock::get);
        buckets.take("a");
        for (int i = 0; i < 100; i++) {
            assertTrue(buckets.take("a") > 0);
        }
        clock.addAndGet(TimeUnit.SECONDS.toNanos(1));
        assertEquals(0, buckets.take("a"));
    }

    @Test
    void everyAddressHasItsOwnBucket() {
        TokenBuckets buckets = new TokenBuckets(60, 1, 10, clock::get);
        assertEquals(0, buckets.take("a"));
        assertTrue(buckets.take("a") > 0);
        assertEquals(0, buckets.take("b"));
    }

    @Test
    void idleBucketsAreDroppedFirstWhenTheCapIsReached() {
        TokenBuckets buckets = new TokenBuckets(60, 1, 3, clock::get);
        buckets.take("idle-1");
        buckets.take("idle-2");
        clock.addAndGet(TimeUnit.SECONDS.toNanos(2)); // both full again
        buckets.take("busy");
        buckets.take("new");
        assertEquals(2, buckets.tracked());
        assertTrue(buckets.take("busy") > 0, "the bucket in use was kept");
    }

    @Test
    void theNumberOfAddressesStaysBoundedWhenNoneIsIdle() {
        TokenBuckets buckets = new TokenBuckets(1, 1, 100, clock::get);
        for (int i = 0; i < 10_000; i++) {
            assertEquals(0, buckets.take("10.0." + (i / 256) + "." + (i % 256)));
            assertTrue(buckets.tracked() <= 100);
        }
    }

    @Test
    void concurrentRequestsOfOneAddressGetExactlyTheBurst() throws InterruptedException {
        TokenBuckets buckets = new TokenBuckets(1, 500, 10, clock::get);
        AtomicLong allowed = new AtomicLong();
        Thread[] threads = new Thread[8];
        for (int t = 0; t < threads.length; t++) {
            threads[t] = new Thread(() -> {
                for (int i = 0; i < 200; i++) {
                    if (buckets.take("a") == 0) {
                        allowed.incrementAndGet();
                    }
                }
            });
            threads[t].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertEquals(500, allowed.get());
    }

    @Test
    void limitsBelowOneAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new TokenBuckets(0, 1, 1, clock::get));
        assertThrows(IllegalArgumentException.class, () -> new TokenBuckets(1, 0, 1, clock::get));
        assertThrows(IllegalArgumentException.class, () -> new TokenBuckets(1, 1, 0, clock::get));
    }

    @Test
    void aChargeIsPositiveWhenAllowedNegativeWhenRefusedAndSaysWhenTheBucketIsFull() {
        TokenBuckets buckets = new TokenBuckets(60, 2, 10, clock::get); // a token a second
        long first = buckets.charge("a");
        assertEquals(TimeUnit.SECONDS.toNanos(1), first);
        assertEquals(1, buckets.tokensLeft(first));
        long second = buckets.charge("a");
        assertEquals(TimeUnit.SECONDS.toNanos(2), second);
        assertEquals(0, buckets.tokensLeft(second));
        long refused = buckets.charge("a");
        assertEquals(-TimeUnit.SECONDS.toNanos(2), refused, "refused: the bucket as it was");
        assertEquals(0, buckets.tokensLeft(refused));
        assertEquals(2, buckets.secondsUntilFull(refused));
    }

    @Test
    void tokensLeftAreWholeTokensAndSecondsUntilFullAreRoundedUp() {
        TokenBuckets buckets = new TokenBuckets(60, 5, 10, clock::get);
        buckets.charge("a");
        buckets.charge("a");
        clock.addAndGet(TimeUnit.MILLISECONDS.toNanos(300)); // 1.7 s until full
        long charge = buckets.charge("a"); // 2.7 s until full: 2.3 tokens
        assertEquals(2, buckets.tokensLeft(charge));
        assertEquals(3, buckets.secondsUntilFull(charge));
    }

    @Test
    void retryAfterIsTheWaitRoundedUpToWholeSecondsAndAtLeastOne() {
        TokenBuckets buckets = new TokenBuckets(60, 1, 10, clock::get); // a token a second, no tolerance
        buckets.charge("a");
        assertEquals(1, buckets.retryAfterSeconds(buckets.charge("a")));
        clock.addAndGet(TimeUnit.MILLISECONDS.toNanos(999));
        assertEquals(1, buckets.retryAfterSeconds(buckets.charge("a")), "a millisecond is still a whole second");
        TokenBuckets slow = new TokenBuckets(5, 1, 10, clock::get); // a token every 12 s
        slow.charge("a");
        clock.addAndGet(TimeUnit.MILLISECONDS.toNanos(800));
        assertEquals(12, slow.retryAfterSeconds(slow.charge("a")), "11.2 s rounded up");
    }
}
