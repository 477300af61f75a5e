package cn.rescueforce.teams.incident;

import cn.rescueforce.kit.i18n.Text;

import cn.rescueforce.kit.problem.ProblemException;
import cn.rescueforce.kit.security.Caller;
import cn.rescueforce.kit.security.ManagementLevel;
import cn.rescueforce.kit.security.TeamSet;
import cn.rescueforce.teams.api.model.CommandCenter;
import cn.rescueforce.teams.api.model.IncidentCategory;
import cn.rescueforce.teams.api.model.IncidentSeverity;
import cn.rescueforce.teams.api.model.IncidentStatus;
import cn.rescueforce.teams.api.model.IncidentType;
import cn.rescueforce.teams.api.model.TeamCategory;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * An accident or a natural disaster under one on-site command center. Mobilization orders of several teams belong
 * to it, its teams and its command center report the situation, and once every order is over it is closed with a
 * summary and the lessons learned (the case base). It moves OPEN → CONTAINED → CLOSED. The first of its provinces
 * is the lead province, whose levels manage it; a mining accident is the mine-safety levels' business too.
 */
@Entity
@Table(name = "incident")
public class Incident extends PanacheEntityBase {

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public IncidentType type;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public IncidentCategory category;

    @Column(nullable = false)
    public String title;

    public String description;

    @Column(nullable = false)
    public double lat;

    @Column(nullable = false)
    public double lon;

    public String address;

    @Column(name = "lead_province", nullable = false)
    public String leadProvince;

    /** Every province, the lead first, as {@code ,510000,500000,} (one {@code like} finds a province). */
    @Column(nullable = false)
    public String provinces;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public IncidentSeverity severity;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    /** The supporting unit (enterprise) where it happened, if any: that unit manages the incident. */
    @Column(name = "supporting_unit_id")
    public UUID supportingUnitId;

    public String commander;

    @Column(name = "commander_phone")
    public String commanderPhone;

    @Column(name = "command_post_lat")
    public Double commandPostLat;

    @Column(name = "command_post_lon")
    public Double commandPostLon;

    @Column(name = "command_post_address")
    public String commandPostAddress;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public IncidentStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "opener_level", nullable = false)
    public ManagementLevel openerLevel;

    @Column(name = "opener_region")
    public String openerRegion;

    @Column(name = "opener_org")
    public UUID openerOrg;

    @Column(name = "opener_sub", nullable = false)
    public String openerSub;

    @Column(name = "opened_at", nullable = false)
    public Instant openedAt;

    @Column(name = "contained_at")
    public Instant containedAt;

    @Column(name = "closed_at")
    public Instant closedAt;

    public String summary;

    @Column(name = "lessons_learned")
    public String lessonsLearned;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    /** The family of a type: the {@code …_ACCIDENT} types are production-safety accidents, the others natural disasters. */
    public static IncidentCategory categoryOf(IncidentType type) {
        return type.name().endsWith("_ACCIDENT") ? IncidentCategory.PRODUCTION_SAFETY : IncidentCategory.NATURAL_DISASTER;
    }

    /** The accident type of a team category: what an order issued with its own incident facts is opened as. */
    public static IncidentType accidentOf(TeamCategory category) {
        return switch (category) {
            case MINING -> IncidentType.MINING_ACCIDENT;
            case HAZARDOUS_CHEMICALS -> IncidentType.HAZARDOUS_CHEMICALS_ACCIDENT;
            case OIL_GAS -> IncidentType.OIL_GAS_ACCIDENT;
            case TUNNEL_CONSTRUCTION -> IncidentType.TUNNEL_CONSTRUCTION_ACCIDENT;
            case OTHER -> IncidentType.OTHER_PRODUCTION_SAFETY_ACCIDENT;
        };
    }

    /** A new OPEN incident, opened by {@code opener}; the caller has checked that it may. */
    public static Incident open(IncidentType type, String title, String description, double lat, double lon, String address,
                                List<String> provinces, IncidentSeverity severity, Instant occurredAt, UUID supportingUnitId,
                                Caller opener, Instant now) {
        Incident incident = new Incident();
        incident.id = UUID.randomUUID();
        incident.type = type;
        incident.category = categoryOf(type);
        incident.title = title.trim();
        incident.description = description == null || description.isBlank() ? null : description.trim();
        incident.lat = lat;
        incident.lon = lon;
        incident.address = address;
        incident.leadProvince = provinces.get(0);
        incident.provinces = "," + String.join(",", provinces) + ",";
        incident.severity = severity;
        incident.occurredAt = occurredAt;
        incident.supportingUnitId = supportingUnitId;
        incident.status = IncidentStatus.OPEN;
        incident.openerLevel = opener.level();
        incident.openerRegion = opener.region();
        incident.openerOrg = opener.org();
        incident.openerSub = opener.sub();
        incident.openedAt = now;
        incident.updatedAt = now;
        return incident;
    }

    public List<String> provinceList() {
        return Arrays.stream(provinces.split(",")).filter(p -> !p.isEmpty()).toList();
    }

    public boolean concerns(String province) {
        return provinces.contains("," + province + ",");
    }

    public boolean isMining() {
        return type == IncidentType.MINING_ACCIDENT;
    }

    /**
     * Whether the caller's levels see the incident for its own sake (not through an engaged team): the team scope
     * rule applied as if the incident were a team in each of its provinces, of the mining category when it is a
     * mining accident, hosted by its enterprise.
     */
    public boolean concernsScopeOf(Caller caller) {
        return caller.teamScope().coversAny(teams());
    }

    /**
     * The incident as teams for the scope rule ({@link #concernsScopeOf}): one in each of its provinces, of the mining
     * category when it is a mining accident, hosted by its enterprise.
     */
    public TeamSet teams() {
        TeamSet teams = TeamSet.NONE;
        for (String province : provinceList()) {
            teams = teams.and(province, isMining(), supportingUnitId);
        }
        return teams;
    }

    /**
     * Whether the caller manages the incident (command center, transitions, command center's reports): national,
     * the levels of its lead province (mine-safety for a mining accident), the unit at whose enterprise it happened.
     */
    public boolean isManagedBy(Caller caller) {
        return caller.covers(leadProvince, isMining(), supportingUnitId);
    }

    public void setCommandCenter(CommandCenter center, Instant now) {
        assertNotClosed();
        commander = center.getCommander().trim();
        commanderPhone = center.getContactPhone().trim();
        commandPostLat = center.getLocation().getLat();
        commandPostLon = center.getLocation().getLon();
        commandPostAddress = center.getAddress();
        updatedAt = now;
    }

    public void contain(Instant now) {
        if (status != IncidentStatus.OPEN) {
            throw ProblemException.invalidTransition(Text.of("The incident is {0}; only an OPEN incident can become CONTAINED", status));
        }
        status = IncidentStatus.CONTAINED;
        containedAt = now;
        updatedAt = now;
    }

    /** Closes a CONTAINED incident whose orders are all over ({@code openOrders} is how many are not). */
    public void close(String summary, String lessonsLearned, long openOrders, Instant now) {
        if (status != IncidentStatus.CONTAINED) {
            throw ProblemException.invalidTransition(Text.of("The incident is {0}; only a CONTAINED incident can be closed", status));
        }
        if (openOrders > 0) {
            throw new ProblemException(409, "incident-has-open-orders", "Incident has open orders",
                    Text.of("{0} mobilization order(s) of this incident are not completed or cancelled", openOrders), null);
        }
        status = IncidentStatus.CLOSED;
        closedAt = now;
        this.summary = summary.trim();
        this.lessonsLearned = lessonsLearned.trim();
        updatedAt = now;
    }

    /** A team was mobilized under the incident: its readers grow by the team's, and its version moves on. */
    public void teamEngaged(Instant now) {
        assertNotClosed();
        updatedAt = now;
    }

    /** A situation report changes what the incident's readers know: its version moves on. */
    public void situationReported(Instant now) {
        assertNotClosed();
        updatedAt = now;
    }

    public void assertNotClosed() {
        if (status == IncidentStatus.CLOSED) {
            throw ProblemException.invalidTransition(Text.of("The incident is CLOSED"));
        }
    }
}
