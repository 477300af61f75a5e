package cn.rescueforce.fuzz;

import cn.rescueforce.devkit.DevToken;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Authorization headers: development tokens of every level (DevToken, the same as {@code scripts/dev-token})
 * and the invalid ones a secured operation must refuse with 401. Each comes with the shell text that
 * reproduces it in a curl line (never the token itself for a valid one).
 */
final class Tokens {

    record Auth(String label, String header, String curl, boolean valid) {
    }

    static final List<String> INVALID = List.of("none", "garbage", "empty-bearer", "basic-scheme", "expired",
            "foreign-key", "wrong-issuer", "tampered", "provincial-without-region", "unit-with-bad-org", "unknown-level");

    private final Map<String, String> minted = new ConcurrentHashMap<>();
    private final Pool pool;

    Tokens(Pool pool) {
        this.pool = pool;
    }

    /** A valid token of a random level (unit and assessor with an org seen in the answers when there is one). */
    Auth valid(Random random) {
        return switch (random.nextInt(8)) {
            case 0, 1 -> level("national", null);
            case 2 -> level("provincial", "510000");
            case 3 -> level("provincial", "140000");
            case 4 -> level("mine-safety", "510000");
            case 5 -> level("unit", orElseRandom(pool.pick("supportingUnitId", random), random));
            case 6 -> level("assessor", orElseRandom(pool.pick("assessorOrgId", random), random));
            default -> level("service", null);
        };
    }

    Auth national() {
        return level("national", null);
    }

    Auth level(String level, String arg) {
        String key = level + (arg == null ? "" : " " + arg);
        String token = minted.computeIfAbsent(key, k -> {
            DevToken t = DevToken.level(level).lifetime(Duration.ofHours(4));
            if (level.equals("provincial") || level.equals("mine-safety")) {
                t.region(arg);
            } else if (level.equals("unit") || level.equals("assessor")) {
                t.org(arg);
            }
            return t.sign();
        });
        return new Auth(key, "Bearer " + token, "-H \"Authorization: Bearer $(scripts/dev-token " + key + ")\"", true);
    }

    Auth invalid(String kind) {
        String header = switch (kind) {
            case "none" -> null;
            case "garbage" -> "Bearer not.a.jwt";
            case "empty-bearer" -> "Bearer ";
            case "basic-scheme" -> "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8));
            case "expired" -> "Bearer " + minted.computeIfAbsent(kind, k -> DevToken.level("national").expired(Duration.ofMinutes(10)).sign());
            case "foreign-key" -> "Bearer " + minted.computeIfAbsent(kind, k -> DevToken.level("national").signedWithForeignKey().sign());
            case "wrong-issuer" -> "Bearer " + minted.computeIfAbsent(kind,
                    k -> DevToken.level("national").issuer("https://evil.example/realms/rescue-force").sign());
            case "tampered" -> "Bearer " + minted.computeIfAbsent(kind, k -> tamper(DevToken.level("provincial").region("510000").sign()));
            case "provincial-without-region" -> "Bearer " + minted.computeIfAbsent(kind, k -> DevToken.level("provincial").sign());
            case "unit-with-bad-org" -> "Bearer " + minted.computeIfAbsent(kind, k -> DevToken.level("unit").org("not-a-uuid").sign());
            case "unknown-level" -> "Bearer " + minted.computeIfAbsent(kind, k -> DevToken.level("superuser").sign());
            default -> throw new IllegalArgumentException(kind);
        };
        String curl = switch (kind) {
            case "none" -> "";
            case "expired" -> "-H \"Authorization: Bearer $(scripts/dev-token national --ttl -3600)\"";
            case "garbage", "empty-bearer", "basic-scheme", "foreign-key", "tampered" -> "-H '" + "Authorization: " + header + "'";
            default -> "-H 'Authorization: Bearer <" + kind + " token: see Tokens.invalid>'";
        };
        return new Auth(kind, header, curl, false);
    }

    /** The payload of a provincial token changed to national, the signature kept: must not verify. */
    private static String tamper(String jwt) {
        String[] parts = jwt.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"provincial\"", "\"national\"");
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];
    }

    private static String orElseRandom(String id, Random random) {
        return id != null ? id : new java.util.UUID(random.nextLong(), random.nextLong()).toString();
    }
}
