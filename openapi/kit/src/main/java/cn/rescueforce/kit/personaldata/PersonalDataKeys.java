package cn.rescueforce.kit.personaldata;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The keys of {@link PersonalDataCipher}, checked once at start: several AES-256 keys by id (values written under
 * any of them stay readable), the current one new values are written with, and the HMAC key of the look-up hashes.
 * Every refusal names the environment variable and what is wrong with it, never a key.
 */
public final class PersonalDataKeys {

    public static final String KEYS_VARIABLE = "PERSONAL_DATA_KEYS";
    public static final String CURRENT_KEY_VARIABLE = "PERSONAL_DATA_KEY_ID";
    public static final String HASH_KEY_VARIABLE = "PERSONAL_DATA_HASH_KEY";

    /** A key id goes into every stored value ({@code v1.<keyId>.<data>}), so it holds neither '.', ':' nor ','. */
    private static final String KEY_ID = "[A-Za-z0-9_-]{1,32}";
    private static final int KEY_BYTES = 32;

    /**
     * The development keys of the kit's defaults (profiles dev, local, test), public in this repository: their ids
     * all start with {@code dev-}, and these are the SHA-256 fingerprints of their bytes (the two AES keys and the
     * hash key). Outside those profiles neither the ids nor the bytes are accepted, under any name.
     */
    static final String DEVELOPMENT_KEY_ID_PREFIX = "dev-";
    static final Set<String> DEVELOPMENT_KEY_FINGERPRINTS = Set.of(
            "2ce68414f878322d390d695f2cbe2eaca5bcd2681674308dd9e461f72a800a83",
            "18b7e30774c6613fcc1c58946c5e509ab2de3acc5904bbf1214252888a184e37",
            "425d3f2cbc7ca41c72ad875ab75dbb3d8c8264cfc5d32f6bf141de3a2fb5f308");

    private final Map<String, SecretKey> keys;
    private final String currentKeyId;
    private final SecretKey hashKey;

    private PersonalDataKeys(Map<String, SecretKey> keys, String currentKeyId, SecretKey hashKey) {
        this.keys = Collections.unmodifiableMap(keys);
        this.currentKeyId = currentKeyId;
        this.hashKey = hashKey;
    }

    /**
     * The keys from their configured text: {@code keys} as {@code keyId:base64,...}, the current key's id, the
     * hash key as base64. {@code developmentKeysAllowed} only in the dev, local and test profiles.
     *
     * @throws PersonalDataException naming the environment variable when a value is missing or malformed
     */
    public static PersonalDataKeys parse(String keys, String currentKeyId, String hashKey, boolean developmentKeysAllowed) {
        if (keys == null || keys.isBlank()) {
            throw refused(KEYS_VARIABLE, "is not set; it lists the keys as keyId:base64-of-32-bytes,...");
        }
        Map<String, SecretKey> parsed = new LinkedHashMap<>();
        for (String entry : keys.split(",")) {
            int colon = entry.indexOf(':');
            String id = colon < 0 ? "" : entry.substring(0, colon).trim();
            if (!id.matches(KEY_ID)) {
                throw refused(KEYS_VARIABLE, "has an entry that is not keyId:base64 (a key id is 1 to 32 letters, digits, '-' or '_')");
            }
            if (parsed.containsKey(id)) {
                throw refused(KEYS_VARIABLE, "names the key id '" + id + "' twice");
            }
            byte[] bytes = decodeKey(entry.substring(colon + 1).trim(), KEYS_VARIABLE + " (key '" + id + "')");
            refuseDevelopmentKey(id, bytes, KEYS_VARIABLE, developmentKeysAllowed);
            parsed.put(id, new SecretKeySpec(bytes, "AES"));
        }
        if (currentKeyId == null || currentKeyId.isBlank()) {
            throw refused(CURRENT_KEY_VARIABLE, "is not set; it names the key of " + KEYS_VARIABLE + " new values are written with");
        }
        if (!parsed.containsKey(currentKeyId.trim())) {
            throw refused(CURRENT_KEY_VARIABLE, "names the key id '" + currentKeyId.trim() + "', which " + KEYS_VARIABLE
                    + " does not hold (it holds " + String.join(", ", parsed.keySet()) + ")");
        }
        if (hashKey == null || hashKey.isBlank()) {
            throw refused(HASH_KEY_VARIABLE, "is not set; it is the base64 of 32 random bytes");
        }
        byte[] hashBytes = decodeKey(hashKey.trim(), HASH_KEY_VARIABLE);
        refuseDevelopmentKey(null, hashBytes, HASH_KEY_VARIABLE, developmentKeysAllowed);
        return new PersonalDataKeys(parsed, currentKeyId.trim(), new SecretKeySpec(hashBytes, "HmacSHA256"));
    }

    public String currentKeyId() {
        return currentKeyId;
    }

    SecretKey current() {
        return keys.get(currentKeyId);
    }

    /** The key with this id, or a {@link PersonalDataException} naming the id when none is configured. */
    SecretKey key(String keyId) {
        SecretKey key = keys.get(keyId);
        if (key == null) {
            throw new PersonalDataException("a value is encrypted under the key id '" + keyId + "', which " + KEYS_VARIABLE
                    + " does not hold (it holds " + String.join(", ", keys.keySet()) + "); add that key back");
        }
        return key;
    }

    public boolean knows(String keyId) {
        return keys.containsKey(keyId);
    }

    SecretKey hashKey() {
        return hashKey;
    }

    private static byte[] decodeKey(String base64, String variable) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw refused(variable, "is not base64");
        }
        if (bytes.length != KEY_BYTES) {
            throw refused(variable, "must be " + KEY_BYTES + " bytes (AES-256), base64-encoded; it has " + bytes.length
                    + " (generate one with: openssl rand -base64 32)");
        }
        return bytes;
    }

    private static void refuseDevelopmentKey(String id, byte[] bytes, String variable, boolean developmentKeysAllowed) {
        if (developmentKeysAllowed) {
            return;
        }
        if (id != null && id.startsWith(DEVELOPMENT_KEY_ID_PREFIX)) {
            throw refused(variable, "names the key id '" + id + "': ids starting with '" + DEVELOPMENT_KEY_ID_PREFIX
                    + "' are the development keys kept in the repository, accepted only in the dev, local and test profiles");
        }
        if (DEVELOPMENT_KEY_FINGERPRINTS.contains(fingerprint(bytes))) {
            throw refused(variable, "holds a development key kept in the repository, accepted only in the dev, local and "
                    + "test profiles; generate a key with: openssl rand -base64 32");
        }
    }

    /** The SHA-256 of a key's bytes, hex: how a development key is recognised without keeping it here. */
    static String fingerprint(byte[] key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PersonalDataException refused(String variable, String why) {
        return new PersonalDataException("Personal data keys: " + variable + " " + why + " (k8s/README.md, \"Personal data keys\")");
    }

    @Override
    public String toString() {
        return "PersonalDataKeys[" + String.join(",", keys.keySet()) + "; current " + currentKeyId + "]"; // ids only
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
