package cn.rescueforce.kit.personaldata;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Base64;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the services refuse to start with: each refusal names the variable, never a key. */
class PersonalDataKeysTest {

    static final String KEY_A = PersonalDataCipherTest.KEY_A;
    static final String HASH = PersonalDataCipherTest.HASH;

    static String refusal(String keys, String current, String hash, boolean development) {
        PersonalDataException e = assertThrows(PersonalDataException.class, () -> PersonalDataKeys.parse(keys, current, hash, development));
        for (String secret : new String[]{KEY_A, HASH, DEV_1, DEV_HASH}) {
            assertFalse(e.getMessage().contains(secret), "a key in: " + e.getMessage());
        }
        return e.getMessage();
    }

    @Test
    void missingValuesNameTheirVariable() {
        assertTrue(refusal(null, "a", HASH, false).contains("PERSONAL_DATA_KEYS is not set"));
        assertTrue(refusal("a:" + KEY_A, " ", HASH, false).contains("PERSONAL_DATA_KEY_ID is not set"));
        assertTrue(refusal("a:" + KEY_A, "a", "", false).contains("PERSONAL_DATA_HASH_KEY is not set"));
    }

    @Test
    void malformedKeysAreRefused() {
        assertTrue(refusal("a:" + KEY_A.substring(4), "a", HASH, false).contains("must be 32 bytes"));
        assertTrue(refusal("a:not*base64", "a", HASH, false).contains("is not base64"));
        assertTrue(refusal(KEY_A, "a", HASH, false).contains("not keyId:base64"));
        assertTrue(refusal("a.b:" + KEY_A, "a.b", HASH, false).contains("not keyId:base64"));
        assertTrue(refusal("a:" + KEY_A + ",a:" + HASH, "a", HASH, false).contains("twice"));
        assertTrue(refusal("a:" + KEY_A, "a", "c2hvcnQ=", false).contains("PERSONAL_DATA_HASH_KEY must be 32 bytes"));
    }

    @Test
    void theCurrentKeyMustBeAmongTheKeys() {
        String message = refusal("a:" + KEY_A, "b", HASH, false);
        assertTrue(message.contains("PERSONAL_DATA_KEY_ID names the key id 'b'") && message.contains("holds a"), message);
    }

    @Test
    void theDevelopmentKeysAreRefusedOutsideTheDevelopmentProfilesUnderAnyName() {
        assertTrue(refusal("dev-1:" + DEV_1, "dev-1", HASH, false).contains("'dev-1'"));
        assertTrue(refusal("prod-1:" + DEV_1, "prod-1", HASH, false).contains("development key"));
        assertTrue(refusal("dev-9:" + KEY_A, "dev-9", HASH, false).contains("'dev-9'"));
        assertTrue(refusal("a:" + KEY_A, "a", DEV_HASH, false).contains("PERSONAL_DATA_HASH_KEY holds a development key"));
        assertDoesNotThrow(() -> PersonalDataKeys.parse("dev-1:" + DEV_1, "dev-1", DEV_HASH, true));
        assertEquals("a", PersonalDataKeys.parse(" a:" + KEY_A + " ", " a ", HASH, false).currentKeyId());
    }

    @Test
    void theFingerprintsCoverEveryKeyOfTheKitsDevelopmentDefaults() throws IOException {
        Set<String> fingerprints = developmentDefaults().stream()
                .map(base64 -> PersonalDataKeys.fingerprint(Base64.getDecoder().decode(base64))).collect(Collectors.toSet());
        assertEquals(3, fingerprints.size());
        assertEquals(PersonalDataKeys.DEVELOPMENT_KEY_FINGERPRINTS, fingerprints);
    }

    static final String DEV_1;
    static final String DEV_HASH;

    static {
        try {
            Properties defaults = kitDefaults();
            DEV_1 = defaultOf(defaults.getProperty("%dev,local,test.rescue-force.personal-data.keys")).split(",")[0].split(":")[1];
            DEV_HASH = defaultOf(defaults.getProperty("%dev,local,test.rescue-force.personal-data.hash-key"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The base64 keys of the kit's development defaults (the defaults of the ${VARIABLE:default} expressions). */
    static Set<String> developmentDefaults() throws IOException {
        Properties defaults = kitDefaults();
        Set<String> keys = Arrays.stream(defaultOf(defaults.getProperty("%dev,local,test.rescue-force.personal-data.keys")).split(","))
                .map(entry -> entry.substring(entry.indexOf(':') + 1)).collect(Collectors.toSet());
        return Set.copyOf(concat(keys, defaultOf(defaults.getProperty("%dev,local,test.rescue-force.personal-data.hash-key"))));
    }

    private static Set<String> concat(Set<String> set, String one) {
        java.util.HashSet<String> all = new java.util.HashSet<>(set);
        all.add(one);
        return all;
    }

    private static String defaultOf(String expression) {
        return expression.substring(expression.indexOf(':') + 1, expression.length() - 1);
    }

    private static Properties kitDefaults() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = PersonalDataKeysTest.class.getResourceAsStream("/META-INF/microprofile-config.properties")) {
            properties.load(in);
        }
        return properties;
    }
}
