package cn.rescueforce.kit.webhooks;

import cn.rescueforce.kit.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The SSRF rules of webhook targets with the prod profile's settings (https only, public addresses only). */
class WebhookTargetTest {

    /** A DNS for the test: names to fixed addresses. */
    private static final Map<String, String> DNS = Map.of(
            "hooks.sc-emergency.gov.cn", "202.61.88.10",
            "internal.example", "10.0.3.7",
            "metadata.example", "169.254.169.254",
            "rebinding.example", "127.0.0.1");

    private final WebhookTarget prod = new WebhookTarget(true, false, WebhookTargetTest::resolve);
    private final WebhookTarget test = new WebhookTarget(false, true, WebhookTargetTest::resolve);

    @Test
    void aPublicHttpsTargetIsAccepted() {
        assertEquals(URI.create("https://hooks.sc-emergency.gov.cn/rescue-force"), prod.accept("https://hooks.sc-emergency.gov.cn/rescue-force"));
    }

    @Test
    void prodRefusesPlainHttpCredentialsAndOtherSchemes() {
        assertRefused("http://hooks.sc-emergency.gov.cn/hook", "must use https");
        assertRefused("https://user:pw@hooks.sc-emergency.gov.cn/hook", "credentials");
        assertRefused("ftp://hooks.sc-emergency.gov.cn/hook", "absolute https URL");
        assertRefused("/relative/hook", "absolute https URL");
        assertRefused("https://unknown.example/hook", "does not resolve");
    }

    @Test
    void prodRefusesHostsResolvingInsideTheNetwork() {
        assertRefused("https://internal.example/hook", "10.0.3.7");
        assertRefused("https://metadata.example/latest", "169.254.169.254");
        assertRefused("https://127.0.0.1:8080/hook", "127.0.0.1");
        assertRefused("https://[::1]/hook", "not public");
    }

    @Test
    void aNameThatLaterResolvesInsideIsRefusedAtDelivery() {
        assertThrows(WebhookTarget.Refused.class, () -> prod.resolve(URI.create("https://rebinding.example/hook")));
    }

    @Test
    void everyNonPublicRangeIsRefused() throws Exception {
        for (String address : new String[]{"0.0.0.0", "10.1.2.3", "100.64.0.1", "100.127.255.254", "127.0.0.1",
                "169.254.1.1", "172.16.0.1", "172.31.255.255", "192.168.1.1", "192.0.2.1", "198.18.0.1", "224.0.0.1",
                "255.255.255.255", "::", "::1", "fe80::1", "fc00::1", "fd12:3456::1", "ff02::1", "::ffff:10.0.0.1",
                "::ffff:127.0.0.1", "2002:0a00:0001::1", "2001:db8::1"}) {
            assertFalse(WebhookTarget.isPublic(InetAddress.getByName(address)), address);
        }
        for (String address : new String[]{"202.61.88.10", "8.8.8.8", "100.63.255.255", "100.128.0.1", "172.32.0.1",
                "2400:3200::1", "::ffff:8.8.8.8"}) {
            assertTrue(WebhookTarget.isPublic(InetAddress.getByName(address)), address);
        }
    }

    @Test
    void devAndTestAllowALocalReceiver() {
        assertDoesNotThrow(() -> test.accept("http://127.0.0.1:8089/hook"));
    }

    private void assertRefused(String url, String why) {
        ProblemException refused = assertThrows(ProblemException.class, () -> prod.accept(url));
        assertEquals(400, refused.status());
        assertTrue(refused.type().endsWith("/webhook-target-refused"), refused.type());
        assertEquals("targetUrl", refused.errors().get(0).field());
        assertTrue(refused.errors().get(0).message().english().contains(why), refused.errors().get(0).message().english());
    }

    private static InetAddress[] resolve(String host) throws UnknownHostException {
        String literal = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (literal.matches("[0-9.]+") || literal.contains(":")) {
            return new InetAddress[]{InetAddress.getByName(literal)};
        }
        String address = DNS.get(host);
        if (address == null) {
            throw new UnknownHostException(host);
        }
        return new InetAddress[]{InetAddress.getByName(address)};
    }
}
