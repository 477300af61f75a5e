package cn.rescueforce.equipment.teams;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** How equipment-api reaches teams-api, and as whom. */
@ConfigMapping(prefix = "rescue-force.teams-api")
public interface TeamsApiConfig {

    /** Base URL of teams-api. */
    @WithDefault("http://localhost:8081")
    URI url();

    @WithDefault("2S")
    Duration connectTimeout();

    /** A lookup slower than this answers 503 rather than holding the caller's request. */
    @WithDefault("3S")
    Duration readTimeout();

    /** How long a team's scope facts (province, category, supporting unit) are reused; 0 disables the cache. */
    @WithDefault("60S")
    Duration cacheTtl();

    @WithDefault("10000")
    int cacheMaxEntries();

    /** A fixed service-account bearer token (local runs and tests: a development token of level service). */
    Optional<String> token();

    /** Client-credentials grant against the realm's token endpoint (production). */
    Optional<URI> tokenUrl();

    Optional<String> clientId();

    Optional<String> clientSecret();
}
