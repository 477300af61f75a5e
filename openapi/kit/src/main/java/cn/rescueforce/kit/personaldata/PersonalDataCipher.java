package cn.rescueforce.kit.personaldata;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Personal data at rest: each value encrypted with AES-256-GCM under a fresh random 96-bit nonce and stored as
 * {@code v1.<keyId>.<base64url(nonce | ciphertext | tag)>}. The associated data is {@code v1.<keyId>.<field>}: a
 * value moved to another column, or given another key id, fails authentication. New values use the current key;
 * any configured key reads. Look-ups and uniqueness go through {@link #hash}, an HMAC-SHA256, never the clear
 * value. Nothing here logs, and no message carries a value or a key.
 */
public final class PersonalDataCipher {

    static final String VERSION = "v1";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final PersonalDataKeys keys;
    private final SecureRandom random = new SecureRandom();

    public PersonalDataCipher(PersonalDataKeys keys) {
        this.keys = keys;
    }

    /** The id of the key new values are written with. */
    public String currentKeyId() {
        return keys.currentKeyId();
    }

    /** The value encrypted under the current key for this field; null stays null. */
    public String encrypt(PersonalDataField field, String clear) {
        if (clear == null) {
            return null;
        }
        String keyId = keys.currentKeyId();
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.current(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData(keyId, field));
            byte[] sealed = cipher.doFinal(clear.getBytes(StandardCharsets.UTF_8));
            byte[] stored = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, stored, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, stored, NONCE_BYTES, sealed.length);
            return VERSION + "." + keyId + "." + ENCODER.encodeToString(stored);
        } catch (GeneralSecurityException e) {
            throw new PersonalDataException("cannot encrypt " + field + " (" + e.getClass().getSimpleName() + ")");
        }
    }

    /**
     * The clear value of a stored one (null stays null).
     *
     * @throws PersonalDataException when the value is malformed, its key id is not configured, or it fails
     *                               authentication (tampered, or stored for another field): never a silent null
     */
    public String decrypt(PersonalDataField field, String stored) {
        if (stored == null) {
            return null;
        }
        String keyId = keyIdOf(stored);
        byte[] data;
        try {
            data = DECODER.decode(stored.substring(VERSION.length() + keyId.length() + 2));
        } catch (IllegalArgumentException e) {
            throw new PersonalDataException("a value of " + field + " is not valid base64url");
        }
        if (data.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new PersonalDataException("a value of " + field + " is too short to be encrypted data");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, keys.key(keyId), new GCMParameterSpec(TAG_BITS, data, 0, NONCE_BYTES));
            cipher.updateAAD(associatedData(keyId, field));
            return new String(cipher.doFinal(data, NONCE_BYTES, data.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new PersonalDataException("a value of " + field + " under the key '" + keyId
                    + "' fails authentication: altered, or stored for another field");
        } catch (GeneralSecurityException e) {
            throw new PersonalDataException("cannot decrypt a value of " + field + " (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** The id of the key a stored value is encrypted under (whether or not it is configured). */
    public String keyIdOf(String stored) {
        String[] parts = stored.split("\\.", 3);
        if (parts.length != 3 || !parts[0].equals(VERSION) || parts[1].isEmpty()) {
            throw new PersonalDataException("a stored value is not of the form " + VERSION + ".<keyId>.<data>");
        }
        return parts[1];
    }

    /**
     * What every value stored under the current key starts with ({@code v1.<keyId>.}): for queries that pick the
     * values still to encrypt or re-encrypt without decrypting them.
     */
    public String currentKeyPrefix() {
        return VERSION + "." + keys.currentKeyId() + ".";
    }

    /** Whether a stored value is written under the current key (null: nothing to re-encrypt). */
    public boolean isUnderCurrentKey(String stored) {
        return stored == null || keys.currentKeyId().equals(keyIdOf(stored));
    }

    /** Whether a key id is among the configured keys. */
    public boolean knows(String keyId) {
        return keys.knows(keyId);
    }

    /**
     * The keyed hash of a normalized value for look-ups and uniqueness: HMAC-SHA256 with the hash key over the
     * field's name and the value, hex (64 characters). The same value gives the same hash in the same field only.
     */
    public String hash(PersonalDataField field, String normalized) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(keys.hashKey());
            mac.update(PersonalDataKeys.utf8(field.name()));
            mac.update((byte) 0);
            return HexFormat.of().formatHex(mac.doFinal(PersonalDataKeys.utf8(normalized)));
        } catch (GeneralSecurityException e) {
            throw new PersonalDataException("cannot hash " + field + " (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static byte[] associatedData(String keyId, PersonalDataField field) {
        return PersonalDataKeys.utf8(VERSION + "." + keyId + "." + field.name());
    }

    @Override
    public String toString() {
        return "PersonalDataCipher[" + keys + "]";
    }
}
