package cn.rescueforce.teams.incident;

import cn.rescueforce.kit.i18n.Text;

import cn.rescueforce.kit.audit.AuditTrail;
import cn.rescueforce.kit.conditional.ETags;
import cn.rescueforce.kit.paging.PageRequest;
import cn.rescueforce.kit.problem.ProblemException;
import cn.rescueforce.kit.query.Where;
import cn.rescueforce.kit.security.Caller;
import cn.rescueforce.teams.api.model.IncidentOverview;
import cn.rescueforce.teams.api.model.IssuingAuthority;
import cn.rescueforce.teams.api.model.MobilizationStatus;
import cn.rescueforce.teams.api.model.SituationReportInput;
import cn.rescueforce.teams.api.model.SituationReportSource;
import cn.rescueforce.teams.api.model.SituationTotals;
import cn.rescueforce.teams.api.model.TeamTimeline;
import cn.rescueforce.teams.api.model.TimelineEntry;
import cn.rescueforce.teams.api.model.TimelineEntryKind;
import cn.rescueforce.teams.mobilization.MobilizationMapper;
import cn.rescueforce.teams.mobilization.MobilizationOrder;
import cn.rescueforce.teams.mobilization.MobilizationOrderRepository;
import cn.rescueforce.teams.mobilization.MobilizationService;
import cn.rescueforce.teams.security.Scope;
import cn.rescueforce.teams.team.TeamService;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Situation reports of an incident and its overview. A team reports through its order (the levels whose scope covers
 * the team, as for the order's steps); the command center through the levels that manage the incident. Everyone who
 * sees the incident reads its sums; the timelines and reports of teams only as far as the caller's team scope goes,
 * so that a province never reads another province's team, order or members through the incident.
 */
@ApplicationScoped
public class SituationReportService {

    @Inject
    IncidentService incidents;

    @Inject
    IncidentRepository incidentRepository;

    @Inject
    MobilizationService mobilizations;

    @Inject
    MobilizationOrderRepository orders;

    @Inject
    TeamService teams;

    @Inject
    Scope scope;

    @Inject
    AuditTrail audit;

    @Transactional
    public SituationReport report(UUID incidentId, SituationReportInput input) {
        scope.requireLevel(Scope.TEAM_EDITORS, Text.of("report the situation"));
        Incident incident = incidents.visible(incidentRepository.findForUpdate(incidentId), incidentId);
        Caller caller = scope.caller();
        Instant now = IncidentService.now();
        SituationReport report = new SituationReport();
        report.id = UUID.randomUUID();
        report.incidentId = incident.id;
        if (input.getOrderId() != null) {
            MobilizationOrder order = mobilizations.get(input.getOrderId());
            if (!order.incidentId.equals(incident.id)) {
                throw ProblemException.invalid("orderId", Text.of("is an order of another incident"));
            }
            report.source = SituationReportSource.TEAM;
            report.orderId = order.id;
            report.teamId = order.teamId;
            report.province = order.province;
            report.category = order.category;
            report.supportingUnitId = order.supportingUnitId;
        } else if (incident.isManagedBy(caller)) {
            report.source = SituationReportSource.COMMAND_CENTER;
        } else {
            throw ProblemException.forbidden(Text.of("The command center's reports come from national, the levels of the lead province {0} and the unit where it happened; a team reports with its orderId", incident.leadProvince));
        }
        incident.assertNotClosed();
        Instant observedAt = input.getAt() == null ? now : MobilizationOrder.atDatabasePrecision(input.getAt().toInstant());
        if (observedAt.isAfter(now.plus(MobilizationOrder.CLOCK_SKEW))) {
            throw ProblemException.invalid("at", Text.of("must not be in the future"));
        }
        if (observedAt.isBefore(incident.occurredAt)) {
            throw ProblemException.invalid("at", Text.of("must not precede the incident ({0})", incident.occurredAt));
        }
        report.observedAt = observedAt;
        report.reportedAt = now;
        report.reporterLevel = caller.level();
        report.reporterRegion = caller.region();
        report.reporterOrg = caller.org();
        report.reporterSub = caller.sub();
        report.rescuedAlive = count(input.getRescuedAlive());
        report.bodiesRecovered = count(input.getBodiesRecovered());
        report.evacuated = count(input.getEvacuated());
        report.rescuersInjured = count(input.getRescuersInjured());
        report.needs = IncidentMapper.needsJson(input.getNeeds());
        report.text = input.getText() == null || input.getText().isBlank() ? null : input.getText().trim();
        report.persist();
        incident.situationReported(now);
        incidentRepository.flush();
        audit.record("Incident", incident.id, "SITUATION_REPORTED", incident.leadProvince, List.of("situationReports"));
        return report;
    }

    private static int count(Integer value) {
        return value == null ? 0 : value;
    }

    /** The reports the caller reads: the command center's, and its teams'. */
    public PanacheQuery<SituationReport> list(UUID incidentId, PageRequest page) {
        Incident incident = incidents.get(incidentId);
        Where where = readable(new Where().equal("incidentId", incident.id));
        return SituationReport.<SituationReport>find(where.query(), page.sort(), where.parameters()).page(page.panachePage());
    }

    /**
     * One report as the list shows it: of an incident the caller sees, the command center's or one of a team in the
     * caller's scope; any other report, of this incident or another, is not found, as an incident out of scope is.
     */
    public SituationReport get(UUID incidentId, UUID reportId) {
        Incident incident = incidents.get(incidentId);
        Where where = readable(new Where().equal("incidentId", incident.id).equal("id", reportId));
        SituationReport report = SituationReport.<SituationReport>find(where.query(), where.parameters()).firstResult();
        if (report == null) {
            throw ProblemException.notFound(Text.of("situation report"), reportId);
        }
        return report;
    }

    /**
     * The validator of a report: its facts never change (a correction is a new report), but it carries the reporting
     * team's name, which may.
     */
    public static long version(SituationReport report, String teamName) {
        return ETags.ofContent(report.id + "\n" + (teamName == null ? "" : teamName));
    }

    static Sort defaultSort() {
        return Sort.by("observedAt", Sort.Direction.Descending);
    }

    private Where readable(Where where) {
        return where.anyOf(w -> w.equal("source", SituationReportSource.COMMAND_CENTER), w -> scope.restrict(w, ""));
    }

    public Map<UUID, String> teamNames(List<SituationReport> reports) {
        return teams.names(reports.stream().map(r -> r.teamId).filter(Objects::nonNull).collect(Collectors.toSet()));
    }

    /** The incident, the sums of all its reports, and the timelines of the caller's teams. */
    public IncidentOverview overview(UUID incidentId) {
        Incident incident = incidents.get(incidentId);
        List<MobilizationOrder> all = orders.list("incidentId = ?1", Sort.by("issuedAt").and("id"), incident.id);
        List<SituationReport> reports = SituationReport.list("incidentId = ?1", Sort.by("observedAt").and("id"), incident.id);
        SituationTotals totals = new SituationTotals()
                .reports((long) reports.size())
                .rescuedAlive(reports.stream().mapToLong(r -> r.rescuedAlive).sum())
                .bodiesRecovered(reports.stream().mapToLong(r -> r.bodiesRecovered).sum())
                .evacuated(reports.stream().mapToLong(r -> r.evacuated).sum())
                .rescuersInjured(reports.stream().mapToLong(r -> r.rescuersInjured).sum());
        List<MobilizationOrder> mine = all.stream()
                .filter(o -> scope.covers(o.province, o.category, o.supportingUnitId)).toList();
        Map<UUID, String> names = teams.names(mine.stream().map(o -> o.teamId).collect(Collectors.toSet()));
        Map<UUID, List<SituationReport>> byOrder = reports.stream().filter(r -> r.orderId != null)
                .collect(Collectors.groupingBy(r -> r.orderId));
        List<TeamTimeline> timelines = mine.stream()
                .map(o -> timeline(o, names.get(o.teamId), byOrder.getOrDefault(o.id, List.of())))
                .toList();
        return new IncidentOverview()
                .incident(IncidentMapper.toApi(incident))
                .engagedTeams((int) all.stream().map(o -> o.teamId).distinct().count())
                .openOrders((int) all.stream().filter(MobilizationOrder::isOpen).count())
                .totals(totals)
                .timelines(new ArrayList<>(timelines))
                .commandCenterReports(new ArrayList<>(reports.stream()
                        .filter(r -> r.source == SituationReportSource.COMMAND_CENTER)
                        .map(r -> IncidentMapper.toApi(r, null)).toList()));
    }

    private static TeamTimeline timeline(MobilizationOrder order, String teamName, List<SituationReport> reports) {
        cn.rescueforce.teams.api.model.MobilizationOrder api = MobilizationMapper.toApi(order, teamName);
        Stream<TimelineEntry> steps = Stream.of(
                        step(TimelineEntryKind.ISSUED, order.issuedAt, false),
                        step(TimelineEntryKind.ACKNOWLEDGED, order.acknowledgedAt, order.isReportedLate(MobilizationStatus.ACKNOWLEDGED)),
                        step(TimelineEntryKind.EN_ROUTE, order.departedAt, order.isReportedLate(MobilizationStatus.EN_ROUTE)),
                        step(TimelineEntryKind.ON_SITE, order.arrivedAt, order.isReportedLate(MobilizationStatus.ON_SITE)),
                        step(TimelineEntryKind.COMPLETED, order.completedAt, order.isReportedLate(MobilizationStatus.COMPLETED)),
                        step(TimelineEntryKind.CANCELLED, order.cancelledAt, false))
                .filter(Objects::nonNull);
        Stream<TimelineEntry> reported = reports.stream().map(r -> new TimelineEntry()
                .at(IncidentMapper.utc(r.observedAt)).kind(TimelineEntryKind.SITUATION_REPORT).reportedLate(false)
                .report(IncidentMapper.toApi(r, teamName)));
        List<TimelineEntry> entries = Stream.concat(steps, reported)
                .sorted(Comparator.comparing(TimelineEntry::getAt)).toList();
        return new TeamTimeline()
                .orderId(order.id)
                .teamId(order.teamId)
                .teamName(teamName)
                .teamProvince(order.province)
                .teamCategory(order.category)
                .task(order.task)
                .status(order.status)
                .issuedBy(api.getIssuedBy())
                .entries(new ArrayList<>(entries));
    }

    private static TimelineEntry step(TimelineEntryKind kind, Instant at, boolean late) {
        return at == null ? null : new TimelineEntry().at(IncidentMapper.utc(at)).kind(kind).reportedLate(late);
    }
}
