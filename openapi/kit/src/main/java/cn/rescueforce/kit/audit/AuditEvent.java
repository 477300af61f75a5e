package cn.rescueforce.kit.audit;

import cn.rescueforce.kit.security.ManagementLevel;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One state change: who (sub, level, region, org), when, which entity, what action, which fields. */
@Entity
@Table(name = "audit_event")
public class AuditEvent extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public Instant at;

    @Column(name = "actor_sub", nullable = false)
    public String actorSub;

    @Enumerated(EnumType.STRING)
    @Column(name = "actor_level", nullable = false)
    public ManagementLevel actorLevel;

    @Column(name = "actor_region")
    public String actorRegion;

    @Column(name = "actor_org")
    public UUID actorOrg;

    @Column(name = "entity_type", nullable = false)
    public String entityType;

    @Column(name = "entity_id", nullable = false)
    public UUID entityId;

    @Column(nullable = false)
    public String action;

    /** Names only, never values: personal data must not reach the trail. */
    @Column(name = "changed_fields", nullable = false)
    public String[] changedFields;

    /** The province whose scope the entity is in, so a provincial level reads its own trail. */
    public String province;
}
