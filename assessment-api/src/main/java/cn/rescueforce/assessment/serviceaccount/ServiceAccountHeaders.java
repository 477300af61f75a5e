package cn.rescueforce.assessment.serviceaccount;

import io.quarkus.arc.Arc;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;

/** Puts the service-account bearer token on every call of the generated clients (registered in application.properties). */
public class ServiceAccountHeaders implements ClientRequestFilter {

    @Override
    public void filter(ClientRequestContext request) {
        String token = Arc.container().instance(ServiceAccountToken.class).get().current();
        request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + token);
    }
}
