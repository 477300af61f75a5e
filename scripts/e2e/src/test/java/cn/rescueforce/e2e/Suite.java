package cn.rescueforce.e2e;

import cn.rescueforce.devkit.testing.TestPostgresServer;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keycloak and the three services, started once for every test class of the run (a JUnit extension keeps them in
 * the root context's store, which closes them after the last class) and always stopped: after the run, when
 * starting fails, and by a shutdown hook when the test JVM ends otherwise. Logs stay in target/e2e-logs.
 */
final class Suite implements ExtensionContext.Store.CloseableResource {

    final ClusterSecrets secrets = new ClusterSecrets();
    final KeycloakServer keycloak = new KeycloakServer();
    final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private final Thread hook = new Thread(this::stopAll, "stop-e2e-suite");

    private static Suite current;
    private static RuntimeException failure;

    /** The running suite, started on first use. */
    static synchronized Suite get() {
        if (failure != null) {
            throw new IllegalStateException("the suite did not start (see the first failure)", failure);
        }
        if (current == null) {
            Suite suite = new Suite();
            try {
                suite.start();
            } catch (RuntimeException e) {
                suite.stopAll();
                failure = e;
                throw e;
            }
            current = suite;
        }
        return current;
    }

    private void start() {
        long started = System.nanoTime();
        Runtime.getRuntime().addShutdownHook(hook);
        TestPostgresServer postgres = TestPostgresServer.get();
        for (String name : Repo.SERVICES) {
            services.put(name, new ServiceProcess(name));
        }
        keycloak.start(secrets);
        keycloak.warmUp(secrets);
        for (ServiceProcess service : services.values()) {
            service.configure(services, keycloak, secrets, postgres);
        }
        // in parallel: each reads its own database and the realm at start, none needs another to start
        services.values().forEach(ServiceProcess::start);
        for (ServiceProcess service : services.values()) {
            try {
                service.awaitReady();
            } catch (ServiceProcess.ExitedDuringStart exited) {
                // what the kubelet does with a container that exits during start; said loudly, and only once
                System.out.println("[e2e] WARNING " + service.name + " exited during start (" + exited.getMessage()
                        + "); restarting it once, as Kubernetes restarts a container. First attempt's log: " + exited.log);
                service.start();
                service.awaitReady();
            }
        }
        System.out.printf("[e2e] Keycloak and %s up after %d s%n", services.keySet(), Duration.ofNanos(System.nanoTime() - started).toSeconds());
    }

    ServiceProcess service(String name) {
        return services.get(name);
    }

    /** Every secret value this run handed to Keycloak or a service, and the administrator's password. */
    Set<String> secretValues() {
        Set<String> all = secrets.values();
        all.add(keycloak.adminPassword);
        return all;
    }

    private void stopAll() {
        List<Runnable> stops = new ArrayList<>();
        services.values().forEach(service -> stops.add(service::stop));
        stops.add(keycloak::stop);
        for (Runnable stop : stops) {
            try {
                stop.run();
            } catch (RuntimeException e) {
                System.out.println("[e2e] stopping: " + e);
            }
        }
    }

    @Override
    public void close() {
        stopAll();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway
        }
        System.out.println("[e2e] Keycloak and the services stopped; logs in " + Repo.logs());
    }

    /** Registers the suite in the run's root store on the first test class, so that it closes after the last. */
    static final class Extension implements BeforeAllCallback {
        @Override
        public void beforeAll(ExtensionContext context) {
            context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).getOrComputeIfAbsent(Suite.class, k -> Suite.get(), Suite.class);
        }
    }
}
