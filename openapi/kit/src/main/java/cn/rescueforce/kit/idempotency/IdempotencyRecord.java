package cn.rescueforce.kit.idempotency;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** The first response to a creating request made with an {@code Idempotency-Key}, kept for replays. */
@Entity
@Table(name = "idempotency_record")
public class IdempotencyRecord extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "caller_sub", nullable = false)
    public String callerSub;

    @Column(name = "idempotency_key", nullable = false)
    public String key;

    @Column(name = "request_hash", nullable = false)
    public String requestHash;

    @Column(nullable = false)
    public int status;

    @Column(columnDefinition = "text")
    public String body;

    public String location;

    public String etag;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
