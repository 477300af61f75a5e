package cn.rescueforce.kit.migration;

import io.quarkus.flyway.FlywayConfigurationCustomizer;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.configuration.FluentConfiguration;

import java.util.ArrayList;
import java.util.List;

/**
 * The kit's part of every service's Flyway: besides the kit's location (db/kit, in the kit's configuration
 * defaults), the rule that lets databases migrated before the kit's tables moved there validate
 * ({@link KitTablesMove}), for a service that says which checksum its V1 had.
 */
@Singleton
public class KitMigrations implements FlywayConfigurationCustomizer {

    @Inject
    KitTablesConfig config;

    @Override
    public void customize(FluentConfiguration configuration) {
        if (config.formerChecksum().isEmpty()) {
            return;
        }
        // added to the callbacks Quarkus configured (quarkus.flyway.callbacks), not instead of them
        List<Callback> callbacks = new ArrayList<>(List.of(configuration.getCallbacks()));
        callbacks.add(new KitTablesMove(config.formerlyIn(), config.formerChecksum().getAsInt()));
        configuration.callbacks(callbacks.toArray(Callback[]::new));
    }
}
