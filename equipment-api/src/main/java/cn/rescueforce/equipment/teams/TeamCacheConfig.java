package cn.rescueforce.equipment.teams;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How long equipment-api reuses what teams-api said about a team (its client: quarkus.rest-client.teams-api.*). */
@ConfigMapping(prefix = "equipment.team-cache")
public interface TeamCacheConfig {

    /** How long a team's scope facts (province, category, supporting unit) are reused; 0 disables the cache. */
    @WithDefault("60S")
    Duration ttl();

    @WithDefault("10000")
    int maxEntries();
}
