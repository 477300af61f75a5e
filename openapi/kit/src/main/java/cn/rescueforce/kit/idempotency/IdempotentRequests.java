package cn.rescueforce.kit.idempotency;

import cn.rescueforce.kit.i18n.Text;
import cn.rescueforce.kit.problem.ProblemException;
import cn.rescueforce.kit.security.CurrentCaller;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Makes a state-changing POST (a creation or a transition) safe to retry. With an {@code Idempotency-Key} the
 * key is claimed, the effect runs and the record of its response is written in one transaction; a replay with
 * the same key, target ({@code POST /path}) and body gets the first response back with
 * {@code Idempotent-Replayed: true} and changes nothing, the same key with another target or body is a 422.
 * Concurrent first uses of one key wait on the key's unique constraint: one runs the effect, the others roll
 * back and answer its replay. Keys belong to the caller ({@code sub}) and live 24 hours. Only successful
 * responses are kept: an effect that fails (a problem) leaves no record, so the key can be used again.
 */
@ApplicationScoped
public class IdempotentRequests {

    static final Duration KEPT_FOR = Duration.ofHours(24);
    static final String REPLAYED_HEADER = "Idempotent-Replayed";

    @Inject
    ObjectMapper mapper;

    @Inject
    CurrentCaller caller;

    @Inject
    EntityManager em;

    @Inject
    CurrentVertxRequest currentRequest;

    /** The key is optional: without it the effect simply runs. */
    public Response execute(String key, Object request, Supplier<Response> effect) {
        if (key == null) {
            return QuarkusTransaction.joiningExisting().call(effect::get);
        }
        return once(key, request, effect);
    }

    /** The key is required (the effect moves quantities): without it a 428 and nothing runs. */
    public Response executeRequired(String key, Object request, Supplier<Response> effect) {
        if (key == null) {
            throw ProblemException.idempotencyKeyRequired();
        }
        return once(key, request, effect);
    }

    private Response once(String key, Object request, Supplier<Response> effect) {
        if (key.isBlank() || key.length() > 100) {
            throw ProblemException.invalid("Idempotency-Key", Text.of("must be 1 to 100 characters"));
        }
        String owner = caller.get().sub();
        String hash = requestHash(mapper, target(), request);
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                Optional<IdempotencyRecord> prior = find(owner, key);
                if (prior.isPresent()) {
                    return replay(prior.get(), hash);
                }
                // claim the key before the effect: a concurrent first use waits here on the unique constraint
                // until this transaction ends, then fails and answers this one's replay
                IdempotencyRecord record = claim(owner, key, hash);
                Response response = effect.get();
                remember(record, response);
                return response;
            });
        } catch (PersistenceException raced) {
            // another request with the same key committed first: answer as its replay
            return QuarkusTransaction.requiringNew().call(() -> find(owner, key)
                    .map(record -> replay(record, hash))
                    .orElseThrow(() -> raced));
        }
    }

    /** The method and path of the current request, e.g. {@code POST /api/v1/call-ups/…/closure}. */
    private String target() {
        HttpServerRequest http = currentRequest.getCurrent().request();
        return http.method().name() + " " + http.path();
    }

    private Optional<IdempotencyRecord> find(String owner, String key) {
        Optional<IdempotencyRecord> found = IdempotencyRecord.<IdempotencyRecord>find("callerSub = ?1 and key = ?2", owner, key)
                .firstResultOptional();
        if (found.isPresent() && found.get().createdAt.isBefore(Instant.now().minus(KEPT_FOR))) {
            found.get().delete();
            em.flush();
            return Optional.empty();
        }
        return found;
    }

    private Response replay(IdempotencyRecord record, String hash) {
        if (!record.requestHash.equals(hash)) {
            throw ProblemException.idempotencyKeyReused();
        }
        Response.ResponseBuilder replay = Response.status(record.status).header(REPLAYED_HEADER, "true");
        if (record.body != null) {
            replay.entity(record.body).type(MediaType.APPLICATION_JSON_TYPE);
        }
        if (record.location != null) {
            replay.header(HttpHeaders.LOCATION, record.location);
        }
        if (record.etag != null) {
            replay.header(HttpHeaders.ETAG, record.etag);
        }
        return replay.build();
    }

    private IdempotencyRecord claim(String owner, String key, String hash) {
        IdempotencyRecord record = new IdempotencyRecord();
        record.id = UUID.randomUUID();
        record.callerSub = owner;
        record.key = key;
        record.requestHash = hash;
        record.status = 0; // not answered yet; the same transaction sets it before anyone can read it
        record.createdAt = Instant.now();
        record.persist();
        em.flush();
        return record;
    }

    private void remember(IdempotencyRecord record, Response response) {
        record.status = response.getStatus();
        record.body = response.hasEntity() ? write(mapper, response.getEntity()) : null;
        record.location = response.getHeaderString(HttpHeaders.LOCATION);
        record.etag = response.getHeaderString(HttpHeaders.ETAG);
    }

    /**
     * The SHA-256 of the target and the request as JSON, hex: the same target and body give the same hash,
     * another target or another body another one.
     */
    static String requestHash(ObjectMapper mapper, String target, Object request) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            String fingerprint = target + "\n" + write(mapper, request);
            return HexFormat.of().formatHex(sha.digest(fingerprint.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String write(ObjectMapper mapper, Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + (value == null ? "null" : value.getClass()), e);
        }
    }
}
