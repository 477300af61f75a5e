package cn.rescueforce.devkit.testing;

import cn.rescueforce.devkit.DevToken;

import java.util.UUID;

/** Real signed tokens of every management level (development key pair, trusted by the services' test profile). */
public final class Tokens {

    private Tokens() {
    }

    public static String national() {
        return DevToken.level("national").subject("national-center").sign();
    }

    public static String provincial(String region) {
        return DevToken.level("provincial").region(region).subject("provincial-" + region).sign();
    }

    public static String mineSafety(String region) {
        return DevToken.level("mine-safety").region(region).subject("mine-safety-" + region).sign();
    }

    public static String unit(UUID org) {
        return DevToken.level("unit").org(org).subject("unit-" + org).sign();
    }

    public static String assessor(UUID org) {
        return DevToken.level("assessor").org(org).subject("assessor-" + org).sign();
    }

    public static String service() {
        return DevToken.level("service").subject("service-account-under-test").sign();
    }
}
