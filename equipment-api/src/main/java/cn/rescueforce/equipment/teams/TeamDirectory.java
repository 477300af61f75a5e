package cn.rescueforce.equipment.teams;

import cn.rescueforce.equipment.api.model.TeamCategory;
import cn.rescueforce.equipment.teams.client.ApiException;
import cn.rescueforce.equipment.teams.client.TeamsApi;
import cn.rescueforce.equipment.teams.client.model.Team;
import cn.rescueforce.kit.problem.ProblemException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.ContextResolver;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Teams as teams-api knows them, through the client generated from openapi/teams-api.yaml, called with the
 * service account. A team's scope facts change rarely (a team does not move province or host), so they are
 * reused for {@code cache-ttl}; a missing team is never cached, so a team registered a moment ago is found.
 * teams-api down, slow or refusing our service account is a 503 for our caller, never a 500.
 */
@ApplicationScoped
public class TeamDirectory {

    private static final Logger LOG = Logger.getLogger(TeamDirectory.class);

    @Inject
    TeamsApiConfig config;

    @Inject
    ServiceAccountToken serviceAccount;

    @Inject
    ObjectMapper mapper;

    private TeamsApi teams;
    private final Map<UUID, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(TeamRef team, Instant until) {
    }

    /** Every call to teams-api carries the service account's bearer token. */
    static final class ServiceAccountAuthorization implements ClientRequestFilter {

        private final ServiceAccountToken token;

        ServiceAccountAuthorization(ServiceAccountToken token) {
            this.token = token;
        }

        @Override
        public void filter(ClientRequestContext request) {
            request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + token.current());
        }
    }

    /** Reads teams-api's answers with a mapper that ignores fields this client does not know yet. */
    static final class TolerantReader implements ContextResolver<ObjectMapper> {

        private final ObjectMapper mapper;

        TolerantReader(ObjectMapper mapper) {
            this.mapper = mapper;
        }

        @Override
        public ObjectMapper getContext(Class<?> type) {
            return mapper;
        }
    }

    @PostConstruct
    void connect() {
        // a tolerant reader: teams-api may add fields to Team without breaking this service
        ObjectMapper tolerant = mapper.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        teams = QuarkusRestClientBuilder.newBuilder()
                .baseUri(config.url())
                .connectTimeout(config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(config.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .register(new ServiceAccountAuthorization(serviceAccount))
                .register(new TolerantReader(tolerant))
                .build(TeamsApi.class);
    }

    /** The team, or 404 when teams-api does not know it; 503 when teams-api cannot answer. */
    public TeamRef get(UUID teamId) {
        Cached cached = cache.get(teamId);
        if (cached != null && Instant.now().isBefore(cached.until())) {
            return cached.team();
        }
        TeamRef team = fetch(teamId);
        if (!config.cacheTtl().isZero()) {
            if (cache.size() >= config.cacheMaxEntries()) {
                cache.clear();
            }
            cache.put(teamId, new Cached(team, Instant.now().plus(config.cacheTtl())));
        }
        return team;
    }

    private TeamRef fetch(UUID teamId) {
        serviceAccount.current(); // a missing service account is a 503 of its own, before any call
        try {
            Team team = teams.getTeam(teamId, null);
            return new TeamRef(team.getId(), team.getName(), TeamCategory.fromValue(team.getCategory().name()),
                    team.getProvince(), team.getSupportingUnitId());
        } catch (ApiException e) {
            int status = e.getResponse().getStatus();
            if (status == 404) {
                throw ProblemException.notFound("team", teamId);
            }
            LOG.warnf("teams-api answered %d for team %s", status, teamId);
            throw ProblemException.unavailable("teams-api answered " + status + " for the team lookup");
        } catch (ProcessingException e) {
            LOG.warnf("teams-api unreachable for team %s: %s", teamId, e.getMessage());
            throw ProblemException.unavailable("teams-api did not answer in time");
        }
    }

    /** Forgets every cached team (tests, and after an outage when freshness matters). */
    public void forgetAll() {
        cache.clear();
    }
}
