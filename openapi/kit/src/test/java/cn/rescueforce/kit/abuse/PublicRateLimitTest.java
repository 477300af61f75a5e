package cn.rescueforce.kit.abuse;

import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PublicRateLimitTest {

    @Test
    void retryAfterIsTheWaitRoundedUpToWholeSecondsAndAtLeastOne() {
        assertEquals(1, PublicRateLimit.retryAfterSeconds(1));
        assertEquals(1, PublicRateLimit.retryAfterSeconds(TimeUnit.SECONDS.toNanos(1)));
        assertEquals(2, PublicRateLimit.retryAfterSeconds(TimeUnit.SECONDS.toNanos(1) + 1));
        assertEquals(12, PublicRateLimit.retryAfterSeconds(TimeUnit.MILLISECONDS.toNanos(11_200)));
    }

    @Test
    void anIpv4ClientIsCountedByItsAddress() {
        assertEquals("203.0.113.7", PublicRateLimit.clientKey("203.0.113.7"));
    }

    @Test
    void anIpv6ClientIsCountedByItsSlash64WhateverTheNotation() {
        String key = "2001:db8:0:1::/64";
        assertEquals(key, PublicRateLimit.clientKey("2001:db8:0:1::5"));
        assertEquals(key, PublicRateLimit.clientKey("2001:0db8:0000:0001:aaaa:bbbb:cccc:dddd"));
        assertEquals(key, PublicRateLimit.clientKey("[2001:db8:0:1:0:0:0:9]"));
        assertEquals(key, PublicRateLimit.clientKey("2001:db8:0:1::9%eth0"));
        assertEquals("0:0:0:0::/64", PublicRateLimit.clientKey("0:0:0:0:0:0:0:1"));
    }

    @Test
    void anIpv4MappedAddressIsItsIpv4Client() {
        assertEquals("203.0.113.7", PublicRateLimit.clientKey("::ffff:203.0.113.7"));
    }

    @Test
    void somethingThatIsNoAddressIsCountedAsItIs() {
        assertEquals("1:2:3", PublicRateLimit.clientKey("1:2:3"));
        assertEquals("zz::1", PublicRateLimit.clientKey("zz::1"));
    }

    interface Generated {
        String open();

        String closed();
    }

    static class Resource implements Generated {
        @Override
        @RateLimited
        public String open() {
            return "";
        }

        @Override
        public String closed() {
            return "";
        }
    }

    @Test
    void aMethodIsLimitedWhenItsImplementationIsMarkedEvenIfTheInterfaceMethodIsMatched() throws NoSuchMethodException {
        org.junit.jupiter.api.Assertions.assertTrue(PublicRateLimit.isMarked(Resource.class, Generated.class.getMethod("open")));
        org.junit.jupiter.api.Assertions.assertTrue(PublicRateLimit.isMarked(Resource.class, Resource.class.getMethod("open")));
        org.junit.jupiter.api.Assertions.assertFalse(PublicRateLimit.isMarked(Resource.class, Generated.class.getMethod("closed")));
    }
}
