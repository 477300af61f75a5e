package cn.rescueforce.kit.changes;

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

/**
 * One committed change as the feed publishes it. {@code position} is taken while the transaction holds the
 * feed's lock, just before it commits ({@link ChangeRecorder}): positions are in commit order, and every
 * position below the highest one visible belongs to a transaction that has ended. The columns after
 * {@code actorLevel} are the {@link Audience}.
 */
@Entity
@Table(name = "change_event")
public class ChangeEvent extends PanacheEntityBase {

    @Id
    public Long position;

    @Column(nullable = false, unique = true)
    public UUID id;

    @Column(nullable = false)
    public String type;

    @Column(name = "entity_type", nullable = false)
    public String entityType;

    @Column(name = "entity_id", nullable = false)
    public UUID entityId;

    @Column(name = "entity_version")
    public Long entityVersion;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "actor_level", nullable = false)
    public ManagementLevel actorLevel;

    /** {@link Audience.Kind} by name. */
    @Column(nullable = false)
    public String audience;

    /** {@link Audience#teams}: the teams' provinces, {@code ,A,B,} or null ({@link cn.rescueforce.kit.security.TeamSet#column}). */
    @Column(columnDefinition = "text")
    public String provinces;

    /** The provinces of the mining teams among them, like {@link #provinces}. */
    @Column(name = "mining_provinces", columnDefinition = "text")
    public String miningProvinces;

    /** Their supporting units, like {@link #provinces}. */
    @Column(columnDefinition = "text")
    public String units;

    @Column(name = "assessor_org")
    public UUID assessorOrg;

    /** {@code ,LEVEL,LEVEL,} or null: {@link Audience#columnValues}. */
    public String levels;

    /** {@code ,LEVEL,LEVEL,} or null: {@link Audience#columnValues}. */
    @Column(name = "every_of")
    public String everyOf;

    /** The representation as JSON; encrypted ({@code v1.<keyId>.…}) when {@code personalData}. */
    @Column(nullable = false, columnDefinition = "text")
    public String body;

    @Column(name = "personal_data", nullable = false)
    public boolean personalData;
}
