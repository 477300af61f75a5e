package cn.rescueforce.devkit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Mints development tokens: RS256 JWTs signed with the development key pair that the services trust in their
 * {@code dev}, {@code local} and {@code test} profiles only. JDK-only on purpose, so that
 * {@code scripts/dev-token} can run this file directly with {@code java DevToken.java} before anything is built.
 *
 * <pre>
 *   scripts/dev-token national
 *   scripts/dev-token provincial 510000
 *   scripts/dev-token mine-safety 140000
 *   scripts/dev-token unit 3f6d2a8e-1c4b-4e7a-9b0d-5a2e8c7f1d20
 *   scripts/dev-token assessor 7a1b2c3d-0000-4000-8000-000000000001
 *   scripts/dev-token service
 * </pre>
 */
public final class DevToken {

    /** The issuer the services expect in their development profiles. */
    public static final String ISSUER = "https://dev.rescue-force.local/realms/rescue-force";
    public static final List<String> LEVELS = List.of("national", "provincial", "mine-safety", "unit", "assessor", "service");

    private final Map<String, Object> claims = new LinkedHashMap<>();
    private Duration lifetime = Duration.ofHours(8);
    private Instant issuedAt = Instant.now();
    private boolean foreignKey;

    private DevToken(String level) {
        claims.put("iss", ISSUER);
        claims.put("sub", "dev-" + level);
        claims.put("groups", List.of(level));
        claims.put("jti", UUID.randomUUID().toString());
    }

    /** A token of one management level; add {@link #region} or {@link #org} as the level needs. */
    public static DevToken level(String level) {
        return new DevToken(level);
    }

    public DevToken region(String region) {
        return claim("region", region);
    }

    public DevToken org(Object org) {
        return claim("org", String.valueOf(org));
    }

    public DevToken subject(String sub) {
        return claim("sub", sub);
    }

    public DevToken issuer(String issuer) {
        return claim("iss", issuer);
    }

    public DevToken claim(String name, Object value) {
        claims.put(name, value);
        return this;
    }


    public DevToken lifetime(Duration lifetime) {
        this.lifetime = lifetime;
        return this;
    }

    /** A token that expired {@code ago} (issued one hour before it expired). */
    public DevToken expired(Duration ago) {
        this.issuedAt = Instant.now().minus(ago).minus(Duration.ofHours(1));
        this.lifetime = Duration.ofHours(1);
        return this;
    }

    /** Signs with a freshly generated key the services have never seen. */
    public DevToken signedWithForeignKey() {
        this.foreignKey = true;
        return this;
    }

    public String sign() {
        Map<String, Object> body = new LinkedHashMap<>(claims);
        body.put("iat", issuedAt.getEpochSecond());
        body.put("exp", issuedAt.plus(lifetime).getEpochSecond());
        String header = base64Url("{\"alg\":\"RS256\",\"typ\":\"JWT\"}");
        String payload = base64Url(toJson(body));
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(foreignKey ? foreignKey() : developmentKey());
            rsa.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
            return header + "." + payload + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a development token", e);
        }
    }

    public static void main(String[] args) {
        List<String> positional = new ArrayList<>();
        String sub = null;
        long ttlSeconds = Duration.ofHours(8).toSeconds();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--sub" -> sub = args[++i];
                case "--ttl" -> ttlSeconds = Long.parseLong(args[++i]);
                case "-h", "--help" -> usage(0);
                default -> positional.add(args[i]);
            }
        }
        if (positional.isEmpty() || !LEVELS.contains(positional.get(0))) {
            usage(2);
        }
        String level = positional.get(0);
        DevToken token = level(level).lifetime(Duration.ofSeconds(ttlSeconds));
        if (sub != null) {
            token.subject(sub);
        }
        switch (level) {
            case "provincial", "mine-safety" -> token.region(required(positional, level + " needs a province code, e.g. 510000"));
            case "unit", "assessor" -> token.org(UUID.fromString(required(positional, level + " needs an organisation id (UUID)")));
            default -> { }
        }
        System.out.println(token.sign());
    }

    private static String required(List<String> positional, String message) {
        if (positional.size() < 2) {
            System.err.println(message);
            usage(2);
        }
        return positional.get(1);
    }

    private static void usage(int status) {
        System.err.println("usage: dev-token LEVEL [REGION|ORG] [--sub NAME] [--ttl SECONDS]");
        System.err.println("  LEVEL: " + String.join(", ", LEVELS));
        System.err.println("  provincial and mine-safety take a province code (510000); unit and assessor an org UUID");
        System.exit(status);
    }

    private static PrivateKey developmentKey() throws GeneralSecurityException {
        String pem;
        try (InputStream in = DevToken.class.getResourceAsStream("/dev-keys/private.pem")) {
            if (in != null) {
                pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            } else {
                // run as a single source file: the launcher script says where the key is
                pem = Files.readString(Path.of(System.getProperty("devkit.key",
                        "scripts/devkit/src/main/resources/dev-keys/private.pem")));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the development key", e);
        }
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }

    private static PrivateKey foreignKey() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair().getPrivate();
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String toJson(Object value) {
        if (value instanceof String s) {
            StringBuilder out = new StringBuilder("\"");
            for (char c : s.toCharArray()) {
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    default -> {
                        if (c < 0x20) {
                            out.append(String.format("\\u%04x", (int) c));
                        } else {
                            out.append(c);
                        }
                    }
                }
            }
            return out.append('"').toString();
        }
        if (value instanceof Map<?, ?> map) {
            List<String> fields = new ArrayList<>();
            map.forEach((k, v) -> fields.add(toJson(String.valueOf(k)) + ":" + toJson(v)));
            return "{" + String.join(",", fields) + "}";
        }
        if (value instanceof List<?> list) {
            List<String> items = new ArrayList<>();
            list.forEach(v -> items.add(toJson(v)));
            return "[" + String.join(",", items) + "]";
        }
        return String.valueOf(value); // numbers and booleans
    }
}
