package cn.rescueforce.teams.prevention;

import cn.rescueforce.kit.i18n.Text;

import cn.rescueforce.kit.audit.AuditTrail;
import cn.rescueforce.kit.paging.PageRequest;
import cn.rescueforce.kit.problem.Problem;
import cn.rescueforce.kit.problem.ProblemException;
import cn.rescueforce.kit.query.Where;
import cn.rescueforce.kit.security.TeamScope;
import cn.rescueforce.teams.api.model.HazardCount;
import cn.rescueforce.teams.api.model.HazardKind;
import cn.rescueforce.teams.api.model.OutreachActivityInput;
import cn.rescueforce.teams.api.model.OutreachAudience;
import cn.rescueforce.teams.api.model.PreventionGrouping;
import cn.rescueforce.teams.api.model.PreventiveInspectionInput;
import cn.rescueforce.teams.api.model.TeamCategory;
import cn.rescueforce.teams.api.model.TechnicalServiceInput;
import cn.rescueforce.teams.api.model.TechnicalServiceKind;
import cn.rescueforce.teams.certificate.CertificateService;
import cn.rescueforce.teams.security.Scope;
import cn.rescueforce.teams.team.Team;
import cn.rescueforce.teams.team.TeamService;
import cn.rescueforce.teams.unit.CreditCode;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What the teams do between rescues: preventive inspections at enterprises, technical services, popular-science and
 * training activities. Recorded by the levels that edit the team (as drills), read by the levels that read teams,
 * each in its scope; yearly totals per team, province or category.
 */
@ApplicationScoped
public class PreventionService {

    static final Map<String, String> INSPECTION_SORTABLE = Map.of("inspectedOn", "inspectedOn", "hazardsFound", "hazardsFound");
    static final Map<String, String> SERVICE_SORTABLE = Map.of("startedOn", "startedOn", "days", "days");
    static final Map<String, String> OUTREACH_SORTABLE = Map.of("heldOn", "heldOn", "participants", "participants");

    @Inject
    TeamService teams;

    @Inject
    Scope scope;

    @Inject
    AuditTrail audit;

    @Inject
    EntityManager em;

    /** The filters every prevention list has; {@code from} and {@code to} are inclusive. */
    public record Filter(UUID teamId, String province, TeamCategory category, LocalDate from, LocalDate to) {
    }

    /** What the teams of one group did in a year. */
    public record Counts(long inspections, long hazardsFound, long technicalServices, long serviceDays,
                         long outreachActivities, long outreachParticipants) {

        static final Counts NONE = new Counts(0, 0, 0, 0, 0, 0);

        Counts plus(Counts other) {
            return new Counts(inspections + other.inspections, hazardsFound + other.hazardsFound,
                    technicalServices + other.technicalServices, serviceDays + other.serviceDays,
                    outreachActivities + other.outreachActivities, outreachParticipants + other.outreachParticipants);
        }
    }

    /** One group of the totals: {@code key} is the team's id, the province code or the category's name. */
    public record Group(String key, Counts counts) {
    }

    /** The yearly totals, groups ordered by key, with their sum. */
    public record Totals(int year, PreventionGrouping groupBy, List<Group> groups, Counts total) {
    }

    @Transactional
    public Recorded<PreventiveInspection> recordInspection(UUID teamId, PreventiveInspectionInput input) {
        Team team = teams.editable(teamId, Text.of("record preventive inspections"));
        List<Problem.FieldError> errors = new ArrayList<>();
        Text creditCodeProblem = CreditCode.problemWith(input.getEnterpriseCreditCode());
        if (creditCodeProblem != null) {
            errors.add(new Problem.FieldError("enterpriseCreditCode", creditCodeProblem));
        }
        notInTheFuture(input.getInspectedOn(), "inspectedOn", errors);
        if (input.getFollowUpOn() != null && input.getFollowUpOn().isBefore(input.getInspectedOn())) {
            errors.add(new Problem.FieldError("followUpOn", Text.of("must not be before inspectedOn")));
        }
        Set<HazardKind> kinds = EnumSet.noneOf(HazardKind.class);
        for (HazardCount count : input.getHazards()) {
            if (!kinds.add(count.getKind())) {
                errors.add(new Problem.FieldError("hazards", Text.of("kind {0} is listed more than once", count.getKind())));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        List<HazardFinding> findings = input.getHazards().stream().map(c -> HazardFinding.of(c.getKind(), c.getCount())).toList();
        PreventiveInspection inspection = PreventiveInspection.by(team, input.getEnterpriseName(), input.getEnterpriseCreditCode(),
                input.getInspectedOn(), findings, input.getRectificationAdvice(), input.getFollowUpOn());
        inspection.persist();
        findings.forEach(f -> f.persist());
        em.flush();
        audit.record("PreventiveInspection", inspection.id, "INSPECTION_RECORDED", team.province, List.of("enterpriseName",
                "enterpriseCreditCode", "inspectedOn", "hazards", "rectificationAdvice", "followUpOn"));
        return new Recorded<>(inspection, team.name, findings);
    }

    @Transactional
    public Recorded<TechnicalService> recordService(UUID teamId, TechnicalServiceInput input) {
        Team team = teams.editable(teamId, Text.of("record technical services"));
        List<Problem.FieldError> errors = new ArrayList<>();
        notInTheFuture(input.getStartedOn(), "startedOn", errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        TechnicalService service = TechnicalService.by(team, input.getKind(), input.getClient(), input.getStartedOn(),
                input.getDays(), input.getDescription());
        service.persist();
        audit.record("TechnicalService", service.id, "RECORDED", team.province,
                List.of("kind", "client", "startedOn", "days", "description"));
        return new Recorded<>(service, team.name, List.of());
    }

    @Transactional
    public Recorded<OutreachActivity> recordOutreach(UUID teamId, OutreachActivityInput input) {
        Team team = teams.editable(teamId, Text.of("record outreach activities"));
        List<Problem.FieldError> errors = new ArrayList<>();
        notInTheFuture(input.getHeldOn(), "heldOn", errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        OutreachActivity activity = OutreachActivity.by(team, input.getKind(), input.getHeldOn(), input.getAudience(),
                input.getTopic(), input.getParticipants());
        activity.persist();
        audit.record("OutreachActivity", activity.id, "RECORDED", team.province,
                List.of("kind", "heldOn", "audience", "topic", "participants"));
        return new Recorded<>(activity, team.name, List.of());
    }

    /** A record with its team's name and, for an inspection, its findings. */
    public record Recorded<T>(T record, String teamName, List<HazardFinding> findings) {
    }

    public PanacheQuery<PreventiveInspection> inspections(Filter filter, HazardKind hazardKind, PageRequest page) {
        Where where = visible(filter, "", "inspectedOn");
        if (hazardKind != null) {
            String name = where.name();
            where.condition("id in (select h.inspectionId from HazardFinding h where h.kind = :" + name + ")", Map.of(name, hazardKind));
        }
        return PreventiveInspection.<PreventiveInspection>find(where.query(), page.sort(), where.parameters()).page(page.panachePage());
    }

    public PanacheQuery<TechnicalService> services(Filter filter, TechnicalServiceKind kind, PageRequest page) {
        Where where = visible(filter, "", "startedOn").equal("kind", kind);
        return TechnicalService.<TechnicalService>find(where.query(), page.sort(), where.parameters()).page(page.panachePage());
    }

    public PanacheQuery<OutreachActivity> outreach(Filter filter, OutreachAudience audience, PageRequest page) {
        Where where = visible(filter, "", "heldOn").equal("audience", audience);
        return OutreachActivity.<OutreachActivity>find(where.query(), page.sort(), where.parameters()).page(page.panachePage());
    }

    /** The findings of the inspections, by inspection id. */
    public Map<UUID, List<HazardFinding>> findings(Collection<PreventiveInspection> inspections) {
        if (inspections.isEmpty()) {
            return Map.of();
        }
        return HazardFinding.<HazardFinding>list("inspectionId in ?1",
                        inspections.stream().map(i -> i.id).toList()).stream()
                .collect(Collectors.groupingBy(f -> f.inspectionId));
    }

    /** The names of the teams of the records, by team id. */
    public Map<UUID, String> teamNames(Collection<UUID> teamIds) {
        return teams.names(Set.copyOf(teamIds));
    }

    /** {@code GET /api/v1/prevention-totals}: the caller's scope, after the level rule (assessor 403). */
    public Totals totals(Integer year, PreventionGrouping groupBy) {
        scope.requireLevel(Scope.TEAM_READERS, Text.of("read prevention totals"));
        return totals(scope.caller().teamScope(), year == null ? CertificateService.today().getYear() : year,
                groupBy == null ? PreventionGrouping.TEAM : groupBy);
    }

    /**
     * The year's inspections (and hazards found), technical services (and their days) and outreach activities (and
     * their participants) of the teams {@code teamScope} covers, grouped by team, province or category. Groups without
     * any record are left out. For national figures, pass the scope of the level they are for.
     */
    public Totals totals(TeamScope teamScope, int year, PreventionGrouping groupBy) {
        LocalDate start = LocalDate.of(year, 1, 1);
        LocalDate end = start.plusYears(1);
        Map<String, Counts> groups = new TreeMap<>();
        for (Object[] row : grouped(teamScope, groupBy, "count(x), coalesce(sum(x.hazardsFound), 0)", "PreventiveInspection",
                "inspectedOn", start, end)) {
            add(groups, row[0], new Counts(number(row[1]), number(row[2]), 0, 0, 0, 0));
        }
        for (Object[] row : grouped(teamScope, groupBy, "count(x), coalesce(sum(x.days), 0)", "TechnicalService",
                "startedOn", start, end)) {
            add(groups, row[0], new Counts(0, 0, number(row[1]), number(row[2]), 0, 0));
        }
        for (Object[] row : grouped(teamScope, groupBy, "count(x), coalesce(sum(x.participants), 0)", "OutreachActivity",
                "heldOn", start, end)) {
            add(groups, row[0], new Counts(0, 0, 0, 0, number(row[1]), number(row[2])));
        }
        Counts total = groups.values().stream().reduce(Counts.NONE, Counts::plus);
        return new Totals(year, groupBy, groups.entrySet().stream().map(e -> new Group(e.getKey(), e.getValue())).toList(), total);
    }

    private List<Object[]> grouped(TeamScope teamScope, PreventionGrouping groupBy, String aggregates, String entity,
                                   String dated, LocalDate start, LocalDate end) {
        String key = switch (groupBy) {
            case TEAM -> "x.teamId";
            case PROVINCE -> "x.province";
            case CATEGORY -> "x.category";
        };
        Where where = teamScope.restrict(new Where(), Scope.teamColumns("x."))
                .atLeast("x." + dated, start).before("x." + dated, end);
        var query = em.createQuery("select " + key + ", " + aggregates + " from " + entity + " x" + where.clause()
                + " group by " + key, Object[].class);
        where.parameterMap().forEach(query::setParameter);
        return query.getResultList();
    }

    private static void add(Map<String, Counts> groups, Object key, Counts counts) {
        String name = key instanceof Enum<?> e ? e.name() : key.toString();
        groups.merge(name, counts, Counts::plus);
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }

    /** The caller's scope (assessor 403) and the filters, on rows aliased {@code prefix} dated by {@code dated}. */
    private Where visible(Filter filter, String prefix, String dated) {
        scope.requireLevel(Scope.TEAM_READERS, Text.of("read prevention and service records"));
        return scope.restrict(new Where(), prefix)
                .equal(prefix + "teamId", filter.teamId())
                .equal(prefix + "province", filter.province())
                .equal(prefix + "category", filter.category())
                .atLeast(dated, filter.from())
                .atMost(dated, filter.to());
    }

    private static void notInTheFuture(LocalDate day, String field, List<Problem.FieldError> errors) {
        if (day.isAfter(CertificateService.today())) {
            errors.add(new Problem.FieldError(field, Text.of("must not be in the future")));
        }
    }

    static Sort inspectionSort() {
        return Sort.by("inspectedOn", Sort.Direction.Descending);
    }

    static Sort serviceSort() {
        return Sort.by("startedOn", Sort.Direction.Descending);
    }

    static Sort outreachSort() {
        return Sort.by("heldOn", Sort.Direction.Descending);
    }
}
