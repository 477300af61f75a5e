package cn.rescueforce.e2e;

import java.security.SecureRandom;
import java.util.Base64;
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
    private static final String PERSONAL_DATA_KEY_ID = "e2e-1";
    private final Map<String, String> values = new LinkedHashMap<>();

    synchronized String value(String secret, String key) {
        return values.computeIfAbsent(secret + "/" + key, k -> generated(secret, key));
    }

    /**
     * A value as k8s/README.md ("Secrets") has it created: the personal-data keys in their format (a key id and
     * 32 random bytes in base64, the current key's id, a 32-byte hash key), any other key a random string.
     */
    private static String generated(String secret, String key) {
        if (secret.equals("personal-data-keys")) {
            switch (key) {
                case "keys":
                    return PERSONAL_DATA_KEY_ID + ":" + Base64.getEncoder().encodeToString(bytes(32));
                case "current-key":
                    return PERSONAL_DATA_KEY_ID;
                case "hash-key":
                    return Base64.getEncoder().encodeToString(bytes(32));
                default:
                    break;
            }
        }
        return "e2e-" + HexFormat.of().formatHex(bytes(24));
    }

    synchronized void set(String secret, String key, String value) {
        values.put(secret + "/" + key, value);
    }

    /** Every secret value handed out, non-empty ones only (not the personal-data key id: teams-api logs it). */
    synchronized Set<String> values() {
        Set<String> all = new LinkedHashSet<>();
        values.forEach((name, v) -> {
            if (v != null && !v.isEmpty() && !name.equals("personal-data-keys/current-key")) {
                all.add(v);
            }
        });
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
