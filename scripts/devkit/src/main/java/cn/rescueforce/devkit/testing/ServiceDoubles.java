package cn.rescueforce.devkit.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Starts the doubles of the services a service calls and points its generated clients at them
 * ({@code quarkus.rest-client.<config key>.url}); a test receives a double in a field marked {@link InjectDouble}.
 * A module lists its doubles in a subclass named in its {@code @QuarkusTestResource}.
 */
public abstract class ServiceDoubles implements QuarkusTestResourceLifecycleManager {

    protected abstract List<ServiceDouble> doubles();

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>();
        for (ServiceDouble service : doubles()) {
            service.start();
            config.put("quarkus.rest-client." + service.configKey() + ".url", service.url());
        }
        return config;
    }

    @Override
    public void inject(TestInjector injector) {
        for (ServiceDouble service : doubles()) {
            injector.injectIntoFields(service, new TestInjector.AnnotatedAndMatchesType(InjectDouble.class, service.getClass()));
        }
    }

    @Override
    public void stop() {
        doubles().forEach(ServiceDouble::stop);
    }
}
