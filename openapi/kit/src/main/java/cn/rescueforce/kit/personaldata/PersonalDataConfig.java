package cn.rescueforce.kit.personaldata;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Optional;

/**
 * The keys personal data is protected with (the kit's defaults, section "personal data at rest"). Every value is
 * optional here, because only the services that store personal data need them: such a service injects
 * {@link PersonalDataCipher}, whose creation refuses missing or malformed keys with a message naming the
 * environment variable.
 */
@ConfigMapping(prefix = "rescue-force.personal-data")
public interface PersonalDataConfig {

    /** {@code keyId:base64-of-32-bytes,...} (environment PERSONAL_DATA_KEYS): every key values may be read with. */
    Optional<String> keys();

    /** The id of the key new values are written with (environment PERSONAL_DATA_KEY_ID); one of {@link #keys()}. */
    Optional<String> currentKey();

    /** Base64 of 32 bytes (environment PERSONAL_DATA_HASH_KEY): the HMAC key of the look-up hashes. */
    Optional<String> hashKey();

    /** How many rows one transaction of the encryption job converts or re-encrypts. */
    @WithDefault("200")
    int batchSize();
}
