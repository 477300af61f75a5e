package cn.rescueforce.kit.abuse;

import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The RateLimit and RateLimit-Policy values (draft-ietf-httpapi-ratelimit-headers) an answer carries. */
class QuotaTest {

    private final AtomicLong clock = new AtomicLong(5_000_000_000L);

    @Test
    void thePolicyNamesTheBucketAndItsRequestsPerMinute() {
        assertEquals("\"caller\";q=3000;w=60", new Quota(Quota.CALLER, 3000, 600, 10, clock::get).policy());
        assertEquals("\"address\";q=300;w=60", new Quota(Quota.ADDRESS, 300, 60, 10, clock::get).policy());
    }

    @Test
    void theFirstRequestLeavesTheBurstLessOneAndTheBucketFullWithinASecond() {
        Quota quota = new Quota(Quota.CALLER, 3000, 600, 10, clock::get);
        assertEquals("\"caller\";r=599;t=1", quota.remaining(quota.charge("iss sub")));
    }

    @Test
    void anEmptiedBucketSaysNothingIsLeftAndWhenItIsFullAgain() {
        Quota quota = new Quota(Quota.ADDRESS, 60, 3, 10, clock::get); // a token a second
        quota.charge("a");
        quota.charge("a");
        long last = quota.charge("a");
        assertEquals("\"address\";r=0;t=3", quota.remaining(last));
        long refused = quota.charge("a");
        assertEquals("\"address\";r=0;t=3", quota.remaining(refused));
        assertEquals(1, quota.retryAfterSeconds(refused));
        clock.addAndGet(TimeUnit.MILLISECONDS.toNanos(1_500));
        assertEquals("\"address\";r=0;t=3", quota.remaining(quota.charge("a")), "1.5 s gave one token, which this request took");
        clock.addAndGet(TimeUnit.SECONDS.toNanos(10));
        assertEquals("\"address\";r=2;t=1", quota.remaining(quota.charge("a")));
    }
}
