package cn.rescueforce.kit.abuse;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The key of the address bucket: the client's address, an IPv6 client's /64. */
class RateLimitsTest {

    @Test
    void anIpv4ClientIsCountedByItsAddress() {
        assertEquals("203.0.113.7", RateLimits.addressKey("203.0.113.7"));
    }

    @Test
    void anIpv6ClientIsCountedByItsSlash64WhateverTheNotation() {
        String key = "2001:db8:0:1::/64";
        assertEquals(key, RateLimits.addressKey("2001:db8:0:1::5"));
        assertEquals(key, RateLimits.addressKey("2001:0db8:0000:0001:aaaa:bbbb:cccc:dddd"));
        assertEquals(key, RateLimits.addressKey("[2001:db8:0:1:0:0:0:9]"));
        assertEquals(key, RateLimits.addressKey("2001:db8:0:1::9%eth0"));
        assertEquals("0:0:0:0::/64", RateLimits.addressKey("0:0:0:0:0:0:0:1"));
    }

    @Test
    void anIpv4MappedAddressIsItsIpv4Client() {
        assertEquals("203.0.113.7", RateLimits.addressKey("::ffff:203.0.113.7"));
    }

    @Test
    void somethingThatIsNoAddressIsCountedAsItIs() {
        assertEquals("1:2:3", RateLimits.addressKey("1:2:3"));
        assertEquals("zz::1", RateLimits.addressKey("zz::1"));
    }
}
