package cn.rescueforce.teams.incident;

import cn.rescueforce.kit.security.ManagementLevel;
import cn.rescueforce.teams.api.model.SituationReportSource;
import cn.rescueforce.teams.api.model.TeamCategory;
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
 * What a team (through its order) or the command center reports from an incident: the counts since its previous
 * report, the needs, free text. A team's report copies its team's facts (province, category, supporting unit) from
 * the order, so that the team scope decides who reads it; the command center's reports are read by all who see the
 * incident. Reports are never changed: a correction is a new report.
 */
@Entity
@Table(name = "situation_report")
public class SituationReport extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "incident_id", nullable = false)
    public UUID incidentId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SituationReportSource source;

    @Column(name = "order_id")
    public UUID orderId;

    @Column(name = "team_id")
    public UUID teamId;

    public String province;

    @Enumerated(EnumType.STRING)
    public TeamCategory category;

    @Column(name = "supporting_unit_id")
    public UUID supportingUnitId;

    /** When the situation was observed. */
    @Column(name = "observed_at", nullable = false)
    public Instant observedAt;

    @Column(name = "reported_at", nullable = false)
    public Instant reportedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "reporter_level", nullable = false)
    public ManagementLevel reporterLevel;

    @Column(name = "reporter_region")
    public String reporterRegion;

    @Column(name = "reporter_org")
    public UUID reporterOrg;

    @Column(name = "reporter_sub", nullable = false)
    public String reporterSub;

    @Column(name = "rescued_alive", nullable = false)
    public int rescuedAlive;

    @Column(name = "bodies_recovered", nullable = false)
    public int bodiesRecovered;

    @Column(nullable = false)
    public int evacuated;

    @Column(name = "rescuers_injured", nullable = false)
    public int rescuersInjured;

    /** The needs, as the contract's JSON array of SituationNeed. */
    @Column(nullable = false)
    public String needs;

    public String text;
}
