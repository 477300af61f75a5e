package cn.rescueforce.kit.client;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.Unremovable;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.ext.ContextResolver;

/**
 * The JSON of the generated clients (listed in {@code quarkus.rest-client.providers} by the kit's configuration
 * defaults): the service's own mapper, except that unknown fields are ignored. A service refuses unknown fields
 * in what it is sent, but a field another service adds to its v1 contract (which the contracts allow) must not
 * break the services that read it.
 */
@Singleton
@Unremovable // found by class name from the configuration, never injected
public class TolerantJson implements ContextResolver<ObjectMapper> {

    private final ObjectMapper tolerant;

    @Inject
    public TolerantJson(ObjectMapper mapper) {
        this.tolerant = mapper.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    @Override
    public ObjectMapper getContext(Class<?> type) {
        return tolerant;
    }
}
