package cn.rescueforce.kit.webhooks;

import cn.rescueforce.kit.i18n.Text;
import cn.rescueforce.kit.problem.Problem;
import cn.rescueforce.kit.problem.ProblemException;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * Where a subscription's deliveries may go (README, "Change feed and webhooks"): an absolute {@code https} URL
 * ({@code http} too where {@link WebhooksConfig#requireHttps()} is off) without credentials or fragment, whose host
 * resolves only to public addresses — never a private, loopback, link-local, unique-local, CGNAT, multicast,
 * unspecified, broadcast or documentation-only one (unless {@link WebhooksConfig#allowPrivateAddresses()}, dev,
 * local and test only). Checked when the subscription is created and again before every delivery, after resolving
 * the name then, so a name that later points inside the network is refused too; redirects are never followed.
 */
public final class WebhookTarget {

    /** Resolves a host name; tests replace DNS. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    static final String FIELD = "targetUrl";

    private final boolean requireHttps;
    private final boolean allowPrivateAddresses;
    private final Resolver resolver;

    public WebhookTarget(boolean requireHttps, boolean allowPrivateAddresses, Resolver resolver) {
        this.requireHttps = requireHttps;
        this.allowPrivateAddresses = allowPrivateAddresses;
        this.resolver = resolver;
    }

    public static WebhookTarget of(WebhooksConfig config) {
        return new WebhookTarget(config.requireHttps(), config.allowPrivateAddresses(), InetAddress::getAllByName);
    }

    /** The URL a subscription names, or 400 {@code webhook-target-refused} naming {@code targetUrl}. */
    public URI accept(String url) {
        try {
            URI uri = parse(url);
            resolve(uri);
            return uri;
        } catch (Refused e) {
            throw refused(e.why());
        }
    }

    /** The addresses a delivery may connect to now; {@link Refused} when the target is not (or no longer) allowed. */
    public List<InetAddress> resolve(URI uri) throws Refused {
        String host = uri.getHost();
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw new Refused(Text.of("the host {0} does not resolve", host));
        }
        if (addresses.length == 0) {
            throw new Refused(Text.of("the host {0} does not resolve", host));
        }
        if (!allowPrivateAddresses) {
            for (InetAddress address : addresses) {
                if (!isPublic(address)) {
                    throw new Refused(Text.of("the host {0} resolves to {1}, an address that is not public (private, loopback, link-local, unique-local, CGNAT, multicast or unspecified)", host, address.getHostAddress()));
                }
            }
        }
        return List.of(addresses);
    }

    URI parse(String url) throws Refused {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new Refused(Text.of("is not a URL"));
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new Refused(Text.of("must be an absolute https URL with a host"));
        }
        if (requireHttps && !scheme.equals("https")) {
            throw new Refused(Text.of("must use https"));
        }
        if (uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            throw new Refused(Text.of("must not carry credentials or a fragment"));
        }
        return uri;
    }

    /** Whether an address is reachable on the public internet, i.e. no SSRF into the operator's network. */
    public static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return isPublicV4(b);
        }
        if (address instanceof Inet6Address) {
            int first = b[0] & 0xff;
            if ((first & 0xfe) == 0xfc) {
                return false; // fc00::/7 unique-local
            }
            if (first == 0xfe && (b[1] & 0xc0) == 0xc0) {
                return false; // fec0::/10 site-local (deprecated)
            }
            if (first == 0x20 && (b[1] & 0xff) == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8) {
                return false; // 2001:db8::/32 documentation
            }
            boolean zeroPrefix = true;
            for (int i = 0; i < 10; i++) {
                zeroPrefix &= b[i] == 0;
            }
            if (zeroPrefix && ((b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff || b[10] == 0 && b[11] == 0)) {
                // ::ffff:a.b.c.d (IPv4-mapped) and ::a.b.c.d (IPv4-compatible): the IPv4 address decides
                return isPublicV4(new byte[]{b[12], b[13], b[14], b[15]});
            }
            if (first == 0x00 || first == 0xff) {
                return false;
            }
            if (first == 0x20 && b[1] == 0x02) {
                return isPublicV4(new byte[]{b[2], b[3], b[4], b[5]}); // 2002::/16 6to4 embeds an IPv4 address
            }
            return true;
        }
        return false;
    }

    private static boolean isPublicV4(byte[] b) {
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        int a2 = b[2] & 0xff;
        return !(a0 == 0                                  // 0.0.0.0/8 "this network", unspecified
                || a0 == 10                               // 10/8 private
                || a0 == 127                              // loopback
                || a0 == 100 && a1 >= 64 && a1 <= 127     // 100.64/10 CGNAT
                || a0 == 169 && a1 == 254                 // link-local (cloud metadata at 169.254.169.254)
                || a0 == 172 && a1 >= 16 && a1 <= 31      // 172.16/12 private
                || a0 == 192 && a1 == 0 && a2 == 0        // 192.0.0/24 IETF protocol assignments
                || a0 == 192 && a1 == 0 && a2 == 2        // TEST-NET-1
                || a0 == 192 && a1 == 168                 // 192.168/16 private
                || a0 == 198 && (a1 == 18 || a1 == 19)    // 198.18/15 benchmarking
                || a0 == 198 && a1 == 51 && a2 == 100     // TEST-NET-2
                || a0 == 203 && a1 == 0 && a2 == 113      // TEST-NET-3
                || a0 >= 224);                            // multicast, reserved, broadcast
    }

    /** 400 {@code webhook-target-refused} (common.yaml) naming the field. */
    static ProblemException refused(Text why) {
        return new ProblemException(400, "webhook-target-refused", "Webhook target refused",
                Text.of("targetUrl {0}", why), List.of(new Problem.FieldError(FIELD, why)));
    }

    /** A target a delivery may not go to. */
    public static final class Refused extends Exception {
        private final Text why;

        public Refused(Text why) {
            super(why.english());
            this.why = why;
        }

        /** Why, to be said to the client in its language. */
        public Text why() {
            return why;
        }
    }
}
