package cn.rescueforce.kit.personaldata;

import org.junit.jupiter.api.Test;

import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** AES-256-GCM values with their key id, rotation between keys, and the keyed hash; no Quarkus. */
class PersonalDataCipherTest {

    static final String KEY_A = "O3QyWm2fLq6cQmYVJ4cN0X1y8xq7YkQ8k5y0mVbZr0s=";
    static final String KEY_B = "qk0vQmJ8l4nY1pVh0c6wX3z9uE2rT5yA7sD1fG4hJ6k=";
    static final String HASH = "Zm9yLXRlc3RzLW9ubHktMzItYnl0ZXMtb2YtaGFzaCE=";
    static final PersonalDataField ID_NUMBER = new PersonalDataField("member.id_number");
    static final PersonalDataField PHONE = new PersonalDataField("member.phone");

    static PersonalDataCipher cipher(String current) {
        return new PersonalDataCipher(PersonalDataKeys.parse("2026-a:" + KEY_A + ",2026-b:" + KEY_B, current, HASH, false));
    }

    @Test
    void aValueComesBackAndCarriesItsKeyIdButNotTheClearText() {
        PersonalDataCipher cipher = cipher("2026-a");
        String stored = cipher.encrypt(ID_NUMBER, "11010519491231002X");
        assertTrue(stored.startsWith("v1.2026-a."), stored);
        assertEquals("v1.2026-a.", cipher.currentKeyPrefix());
        assertFalse(stored.contains("11010519491231002X"));
        assertEquals("11010519491231002X", cipher.decrypt(ID_NUMBER, stored));
        assertEquals("张伟 13800138000", cipher.decrypt(PHONE, cipher.encrypt(PHONE, "张伟 13800138000")));
        assertNull(cipher.encrypt(PHONE, null));
        assertNull(cipher.decrypt(PHONE, null));
    }

    @Test
    void theSameValueIsEncryptedDifferentlyEachTime() {
        PersonalDataCipher cipher = cipher("2026-a");
        assertNotEquals(cipher.encrypt(PHONE, "13800138000"), cipher.encrypt(PHONE, "13800138000"));
    }

    @Test
    void aTamperedValueFailsAuthentication() {
        PersonalDataCipher cipher = cipher("2026-a");
        String stored = cipher.encrypt(ID_NUMBER, "11010519491231002X");
        String data = stored.substring("v1.2026-a.".length());
        byte[] bytes = Base64.getUrlDecoder().decode(data);
        bytes[bytes.length / 2] ^= 1;
        String tampered = "v1.2026-a." + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        PersonalDataException e = assertThrows(PersonalDataException.class, () -> cipher.decrypt(ID_NUMBER, tampered));
        assertTrue(e.getMessage().contains("fails authentication"), e.getMessage());
        assertFalse(e.getMessage().contains(data));
    }

    @Test
    void aValueMovedToAnotherColumnOrRelabelledWithAnotherKeyFailsAuthentication() {
        PersonalDataCipher cipher = cipher("2026-a");
        String phone = cipher.encrypt(PHONE, "13800138000");
        assertThrows(PersonalDataException.class, () -> cipher.decrypt(ID_NUMBER, phone));
        String relabelled = phone.replace("v1.2026-a.", "v1.2026-b.");
        assertThrows(PersonalDataException.class, () -> cipher.decrypt(PHONE, relabelled));
    }

    @Test
    void afterARotationOldValuesStayReadableAndAreRecognisedForReEncryption() {
        String underA = cipher("2026-a").encrypt(PHONE, "13800138000");
        PersonalDataCipher rotated = cipher("2026-b");
        assertFalse(rotated.isUnderCurrentKey(underA));
        assertEquals("2026-a", rotated.keyIdOf(underA));
        assertEquals("13800138000", rotated.decrypt(PHONE, underA));
        String underB = rotated.encrypt(PHONE, rotated.decrypt(PHONE, underA));
        assertTrue(underB.startsWith("v1.2026-b."));
        assertTrue(rotated.isUnderCurrentKey(underB));
        assertTrue(rotated.isUnderCurrentKey(null));
    }

    @Test
    void aValueUnderAKeyNoLongerConfiguredIsAnErrorNamingTheKeyIdNeverANull() {
        String underA = cipher("2026-a").encrypt(PHONE, "13800138000");
        PersonalDataCipher withoutA = new PersonalDataCipher(PersonalDataKeys.parse("2026-b:" + KEY_B, "2026-b", HASH, false));
        PersonalDataException e = assertThrows(PersonalDataException.class, () -> withoutA.decrypt(PHONE, underA));
        assertTrue(e.getMessage().contains("'2026-a'") && e.getMessage().contains("PERSONAL_DATA_KEYS"), e.getMessage());
        assertFalse(withoutA.knows("2026-a"));
    }

    @Test
    void malformedValuesAreErrors() {
        PersonalDataCipher cipher = cipher("2026-a");
        assertThrows(PersonalDataException.class, () -> cipher.decrypt(PHONE, "13800138000"));
        assertThrows(PersonalDataException.class, () -> cipher.decrypt(PHONE, "v1.2026-a.%%%"));
        assertThrows(PersonalDataException.class, () -> cipher.decrypt(PHONE, "v1.2026-a.AAAA"));
        assertThrows(PersonalDataException.class, () -> cipher.decrypt(PHONE, "v2.2026-a.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"));
    }

    @Test
    void theHashIsKeyedStableAndPerField() {
        PersonalDataCipher a = cipher("2026-a");
        String hash = a.hash(ID_NUMBER, "11010519491231002X");
        assertEquals(64, hash.length());
        assertEquals(hash, cipher("2026-b").hash(ID_NUMBER, "11010519491231002X"), "the hash does not depend on the current key");
        assertNotEquals(hash, a.hash(ID_NUMBER, "110105194912310037"));
        assertNotEquals(hash, a.hash(PHONE, "11010519491231002X"));
        PersonalDataCipher otherHashKey = new PersonalDataCipher(PersonalDataKeys.parse("2026-a:" + KEY_A, "2026-a", KEY_B, false));
        assertNotEquals(hash, otherHashKey.hash(ID_NUMBER, "11010519491231002X"));
    }
}
