package cn.rescueforce.e2e;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The namespace's Secrets as this run fills them: what the operators create in a cluster (k8s/README.md, "Secrets")
 * is generated here, once per name and key, so that a secretKeyRef of a Deployment and a placeholder of the
 * KeycloakRealmImport that name the same key get the same value, as in the cluster. Values a test sets explicitly
 * (the database's credentials, which must be this machine's) are recorded too; {@link #values()} lists them all
 * for the log check.
 */
final class ClusterSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();
    private final Map<String, String> values = new LinkedHashMap<>();

    synchronized String value(String secret, String key) {
        return values.computeIfAbsent(secret + "/" + key, k -> "e2e-" + HexFormat.of().formatHex(bytes(24)));
    }

    synchronized void set(String secret, String key, String value) {
        values.put(secret + "/" + key, value);
    }

    /** Every value handed out, non-empty ones only. */
    synchronized Set<String> values() {
        Set<String> all = new LinkedHashSet<>();
        values.values().stream().filter(v -> v != null && !v.isEmpty()).forEach(all::add);
        return all;
    }

    static String random() {
        return "e2e-" + HexFormat.of().formatHex(bytes(16));
    }

    private static byte[] bytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
