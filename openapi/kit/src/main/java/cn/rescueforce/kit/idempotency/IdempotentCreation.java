package cn.rescueforce.kit.idempotency;

import cn.rescueforce.kit.problem.ProblemException;
import cn.rescueforce.kit.security.CurrentCaller;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
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
 * Makes a creating POST safe to retry. With an {@code Idempotency-Key}, the creation and the record of its
 * response commit in one transaction; a replay with the same key and body gets the first response back, the
 * same key with another body a 422. Keys belong to the caller ({@code sub}) and live 24 hours.
 */
@ApplicationScoped
public class IdempotentCreation {

    static final Duration KEPT_FOR = Duration.ofHours(24);
    static final String REPLAYED_HEADER = "Idempotent-Replayed";

    @Inject
    ObjectMapper mapper;

    @Inject
    CurrentCaller caller;

    @Inject
    EntityManager em;

    public Response create(String key, Object request, Supplier<Response> creation) {
        if (key == null) {
            return QuarkusTransaction.joiningExisting().call(creation::get);
        }
        if (key.isBlank() || key.length() > 100) {
            throw ProblemException.invalid("Idempotency-Key", "must be 1 to 100 characters");
        }
        String owner = caller.get().sub();
        String hash = requestHash(mapper, request);
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                Optional<IdempotencyRecord> prior = find(owner, key);
                if (prior.isPresent()) {
                    return replay(prior.get(), hash);
                }
                Response response = creation.get();
                remember(owner, key, hash, response);
                em.flush(); // a concurrent first use of the same key fails here, on the unique constraint
                return response;
            });
        } catch (PersistenceException raced) {
            // another request with the same key committed first: answer as its replay
            return QuarkusTransaction.requiringNew().call(() -> find(owner, key)
                    .map(record -> replay(record, hash))
                    .orElseThrow(() -> raced));
        }
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

    private void remember(String owner, String key, String hash, Response response) {
        IdempotencyRecord record = new IdempotencyRecord();
        record.id = UUID.randomUUID();
        record.callerSub = owner;
        record.key = key;
        record.requestHash = hash;
        record.status = response.getStatus();
        record.body = response.hasEntity() ? write(mapper, response.getEntity()) : null;
        record.location = response.getHeaderString(HttpHeaders.LOCATION);
        record.etag = response.getHeaderString(HttpHeaders.ETAG);
        record.createdAt = Instant.now();
        record.persist();
    }

    /** The SHA-256 of the request as JSON, hex: the same body gives the same hash, any other body another. */
    static String requestHash(ObjectMapper mapper, Object request) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(write(mapper, request).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String write(ObjectMapper mapper, Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass(), e);
        }
    }
}
