package cn.rescueforce.kit.migration;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.callback.BaseCallback;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

/** The kit's rule joins the callbacks a service configured, and only in a service whose V1 had the kit's tables. */
class KitMigrationsTest {

    /** A callback as a service would configure one (quarkus.flyway.callbacks). */
    static class ServiceCallback extends BaseCallback {
        @Override
        public void handle(Event event, Context context) {
        }
    }

    @Test
    void theKitTablesRuleIsAddedToTheServicesCallbacks() {
        Callback own = new ServiceCallback();
        FluentConfiguration configuration = Flyway.configure().callbacks(own);

        customizer(OptionalInt.of(2070273940)).customize(configuration);

        List<Callback> callbacks = List.of(configuration.getCallbacks());
        assertEquals(2, callbacks.size());
        assertSame(own, callbacks.get(0));
        assertInstanceOf(KitTablesMove.class, callbacks.get(1));
    }

    @Test
    void aServiceWhoseMigrationsNeverHadTheKitTablesGetsNoRule() {
        FluentConfiguration configuration = Flyway.configure();

        customizer(OptionalInt.empty()).customize(configuration);

        assertEquals(0, configuration.getCallbacks().length);
    }

    private static KitMigrations customizer(OptionalInt formerChecksum) {
        KitMigrations customizer = new KitMigrations();
        customizer.config = new KitTablesConfig() {
            @Override
            public String formerlyIn() {
                return "1";
            }

            @Override
            public OptionalInt formerChecksum() {
                return formerChecksum;
            }
        };
        return customizer;
    }
}
