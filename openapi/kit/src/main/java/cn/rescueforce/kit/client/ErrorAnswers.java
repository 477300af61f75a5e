package cn.rescueforce.kit.client;

import io.quarkus.arc.Unremovable;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/**
 * The one response-exception mapper of every generated client (listed in {@code quarkus.rest-client.providers}
 * by the kit's configuration defaults). Each generated client also registers its own {@code ApiExceptionMapper},
 * which throws that client's checked {@code ApiException}; this mapper runs first (a lower priority number), so an
 * error answer always arrives as an unchecked {@link ErrorAnswer} and no client can meet another client's
 * exception type.
 */
@Singleton
@Unremovable // found by class name from the configuration, never injected
public class ErrorAnswers implements ResponseExceptionMapper<ErrorAnswer> {

    @Override
    public boolean handles(int status, MultivaluedMap<String, Object> headers) {
        return status >= 400;
    }

    @Override
    public ErrorAnswer toThrowable(Response response) {
        return new ErrorAnswer(response.getStatus());
    }

    @Override
    public int getPriority() {
        return Priorities.USER - 100;
    }
}
