package cn.rescueforce.kit.migration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.OptionalInt;

/**
 * What a service's migration history says about the kit's tables before they moved to the kit's db/kit
 * (see {@link KitTablesMove}).
 */
@ConfigMapping(prefix = "rescue-force.kit-tables")
public interface KitTablesConfig {

    /** The service migration that created the kit's tables until they moved (V1 in every service). */
    @WithDefault("1")
    String formerlyIn();

    /**
     * That migration's Flyway checksum as it was then, the one databases migrated before the move record; absent
     * in a service whose migrations never created the kit's tables.
     */
    OptionalInt formerChecksum();
}
