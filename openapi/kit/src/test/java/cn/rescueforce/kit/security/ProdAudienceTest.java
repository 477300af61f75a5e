package cn.rescueforce.kit.security;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.common.MapBackedConfigSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URL;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * The kit's defaults make the prod profile require the API audience without any environment variable, let the
 * environment (ordinal 300, above the defaults' 100) replace it, and leave the other profiles to their own keys.
 */
class ProdAudienceTest {

    private static final String AUDIENCE = "quarkus.oidc.token.audience";

    private static SmallRyeConfig config(String profile, Map<String, String> environment) throws IOException {
        URL defaults = ProdAudienceTest.class.getClassLoader().getResource("META-INF/microprofile-config.properties");
        assertNotNull(defaults);
        return new SmallRyeConfigBuilder().withProfile(profile).addDefaultInterceptors()
                .withSources(new PropertiesConfigSource(defaults, 100))
                .withSources(new MapBackedConfigSource("environment", environment, 300) {
                })
                .build();
    }

    @Test
    void prodRequiresTheApiAudienceByDefault() throws IOException {
        assertEquals("rescue-force-api", config("prod", Map.of()).getValue(AUDIENCE, String.class));
    }

    @Test
    void theEnvironmentReplacesTheAudience() throws IOException {
        assertEquals("other-api", config("prod", Map.of("QUARKUS_OIDC_TOKEN_AUDIENCE", "other-api")).getValue(AUDIENCE, String.class));
        assertEquals("other-api", config("prod", Map.of(AUDIENCE, "other-api")).getValue(AUDIENCE, String.class));
    }

    @Test
    void theDevelopmentProfilesDoNotSetIt() throws IOException {
        assertEquals(Optional.empty(), config("test", Map.of()).getOptionalValue(AUDIENCE, String.class));
    }
}
