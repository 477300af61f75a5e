package cn.rescueforce.teams.incident;

import cn.rescueforce.kit.i18n.Text;

import cn.rescueforce.kit.audit.AuditTrail;
import cn.rescueforce.kit.conditional.ETags;
import cn.rescueforce.kit.paging.PageRequest;
import cn.rescueforce.kit.problem.Problem;
import cn.rescueforce.kit.problem.ProblemException;
import cn.rescueforce.kit.query.Where;
import cn.rescueforce.kit.security.Caller;
import cn.rescueforce.kit.security.ManagementLevel;
import cn.rescueforce.kit.security.Provinces;
import cn.rescueforce.teams.api.model.CommandCenter;
import cn.rescueforce.teams.api.model.IncidentCategory;
import cn.rescueforce.teams.api.model.IncidentInput;
import cn.rescueforce.teams.api.model.IncidentStatus;
import cn.rescueforce.teams.api.model.IncidentType;
import cn.rescueforce.teams.mobilization.MobilizationOrder;
import cn.rescueforce.teams.mobilization.MobilizationOrderRepository;
import cn.rescueforce.teams.security.Scope;
import cn.rescueforce.teams.team.Team;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Incidents under one on-site command center. Who opens one: national; a provincial level for its province (the
 * lead province); a mine-safety level for a mining accident in its province; a unit for an incident at its own
 * enterprise. Who sees one: whoever it concerns ({@link Incident#concernsScopeOf}: the levels of its provinces,
 * mine-safety for mining accidents, its enterprise's unit) and whoever may see a team engaged in it. Who manages
 * it (command center, containment, closure): national and the opening rule applied to its lead province and
 * enterprise ({@link Incident#isManagedBy}).
 */
@ApplicationScoped
public class IncidentService {

    static final Map<String, String> SORTABLE = Map.of("occurredAt", "occurredAt", "openedAt", "openedAt", "status", "status");

    /** Clock skew allowed on a reported time (a phone's clock), as for mobilization steps. */
    private static final java.time.Duration CLOCK_SKEW = MobilizationOrder.CLOCK_SKEW;

    @Inject
    IncidentRepository incidents;

    @Inject
    MobilizationOrderRepository orders;

    @Inject
    Scope scope;

    @Inject
    AuditTrail audit;

    public record Filter(IncidentStatus status, IncidentType type, IncidentCategory category, String province,
                         OffsetDateTime occurredFrom, OffsetDateTime occurredTo) {
    }

    public record CaseFilter(IncidentType type, IncidentCategory category, String province, Integer year, String text) {
    }

    @Transactional
    public Incident open(IncidentInput input) {
        scope.requireLevel(Scope.TEAM_EDITORS, Text.of("open incidents"));
        Caller caller = scope.caller();
        List<Problem.FieldError> errors = new ArrayList<>();
        List<String> provinces = input.getProvinces();
        for (int i = 0; i < provinces.size(); i++) {
            if (!Provinces.isKnown(provinces.get(i))) {
                errors.add(new Problem.FieldError("provinces[" + i + "]", Text.of("unknown province code {0}", provinces.get(i))));
            }
        }
        if (provinces.stream().distinct().count() < provinces.size()) {
            errors.add(new Problem.FieldError("provinces", Text.of("names a province twice")));
        }
        Instant now = now();
        Instant occurredAt = MobilizationOrder.atDatabasePrecision(input.getOccurredAt().toInstant());
        if (occurredAt.isAfter(now.plus(CLOCK_SKEW))) {
            errors.add(new Problem.FieldError("occurredAt", Text.of("must not be in the future")));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        UUID unit = input.getSupportingUnitId();
        if (caller.is(ManagementLevel.UNIT)) {
            if (unit != null && !unit.equals(caller.org())) {
                throw ProblemException.forbidden(Text.of("A unit opens incidents at its own enterprise only"));
            }
            unit = caller.org();
        }
        Incident incident = Incident.open(input.getType(), input.getTitle(), input.getDescription(), input.getLocation().getLat(),
                input.getLocation().getLon(), input.getAddress(), provinces, input.getSeverity(), occurredAt, unit, caller, now);
        assertMayOpen(caller, incident);
        if (input.getCommandCenter() != null) {
            incident.setCommandCenter(input.getCommandCenter(), now);
        }
        incidents.persist(incident);
        audit.record("Incident", incident.id, "OPENED", incident.leadProvince, List.of("type", "title", "description",
                "location", "address", "provinces", "severity", "occurredAt", "supportingUnitId", "commandCenter", "status"));
        return incident;
    }

    /** National opens any incident; the others as {@link Incident#isManagedBy}, or 403 (a level acting beyond its own). */
    private static void assertMayOpen(Caller caller, Incident incident) {
        if (incident.isManagedBy(caller)) {
            return;
        }
        if (caller.is(ManagementLevel.MINE_SAFETY) && caller.region().equals(incident.leadProvince)) {
            throw ProblemException.forbidden(Text.of("A mine-safety level opens mining accidents (MINING_ACCIDENT) only"));
        }
        throw ProblemException.forbidden(Text.of("Level {0} opens incidents whose lead province is its own (a unit: at its own enterprise) only; this one's is {1}", caller.level(), incident.leadProvince));
    }

    /**
     * The incident of an order issued with its own incident facts (the former way): a production-safety accident of
     * the team's category (or the natural disaster the facts name), in the facts' province, occurred at the alarm.
     */
    public Incident openForOrder(Team team, cn.rescueforce.teams.api.model.Incident facts, Instant alarmAt) {
        Caller caller = scope.caller();
        IncidentType type = Arrays.stream(IncidentType.values())
                .filter(t -> t.name().equals(facts.getType()) && Incident.categoryOf(t) == IncidentCategory.NATURAL_DISASTER)
                .findFirst().orElse(Incident.accidentOf(team.category));
        String description = facts.getDescription().trim();
        Incident incident = Incident.open(type, description.length() > 200 ? description.substring(0, 200) : description,
                description, facts.getLocation().getLat(), facts.getLocation().getLon(), facts.getAddress(),
                List.of(facts.getProvince()), facts.getSeverity(), alarmAt,
                caller.is(ManagementLevel.UNIT) ? caller.org() : null, caller, now());
        incidents.persist(incident);
        audit.record("Incident", incident.id, "OPENED", incident.leadProvince, List.of("type", "title", "description",
                "location", "address", "provinces", "severity", "occurredAt", "supportingUnitId", "status"));
        return incident;
    }

    /** The incident an order is issued under, locked; 404 when not visible, 409 when closed. */
    public Incident lockedForMobilization(UUID id) {
        Incident incident = visible(incidents.findForUpdate(id), id);
        incident.assertNotClosed();
        return incident;
    }

    /** An order was issued under the incident (the incident is locked: {@link #lockedForMobilization}). */
    public void teamEngaged(Incident incident) {
        incident.teamEngaged(now());
        incidents.flush();
        audit.record("Incident", incident.id, "TEAM_ENGAGED", incident.leadProvince, List.of("engagedTeams"));
    }

    public Incident get(UUID id) {
        scope.requireLevel(Scope.TEAM_EDITORS, Text.of("read incidents"));
        return visible(incidents.findById(id), id);
    }

    /** The incident, or 404 when the caller may not see it, exactly as if it did not exist. */
    Incident visible(Incident incident, UUID id) {
        if (incident == null || !maySee(incident)) {
            throw ProblemException.notFound(Text.of("incident"), id);
        }
        return incident;
    }

    boolean maySee(Incident incident) {
        if (incident.concernsScopeOf(scope.caller())) {
            return true;
        }
        Where engaged = scope.restrict(new Where(), "").equal("incidentId", incident.id);
        return orders.search(engaged, Sort.by("issuedAt")).count() > 0;
    }

    /** The incident for a change by the levels that manage it: 404 out of sight, 403 when seen but not managed. */
    private Incident managed(UUID id, Text action) {
        scope.requireLevel(Scope.TEAM_EDITORS, action);
        Incident incident = visible(incidents.findForUpdate(id), id);
        if (!incident.isManagedBy(scope.caller())) {
            throw ProblemException.forbidden(Text.of("Only national, the levels of the lead province {0} (mine-safety for a mining accident) and the unit where it happened may {1}", incident.leadProvince, action));
        }
        return incident;
    }

    @Transactional
    public Incident updateCommandCenter(UUID id, CommandCenter center, String ifMatch) {
        Incident incident = managed(id, Text.of("set the command center"));
        ETags.requireMatch(ifMatch, incident.version);
        incident.setCommandCenter(center, now());
        incidents.flush();
        audit.record("Incident", incident.id, "UPDATED", incident.leadProvince, List.of("commandCenter"));
        return incident;
    }

    @Transactional
    public Incident contain(UUID id, String ifMatch) {
        Incident incident = managed(id, Text.of("contain incidents"));
        requireOptionalMatch(ifMatch, incident);
        incident.contain(now());
        incidents.flush();
        audit.record("Incident", incident.id, "CONTAINED", incident.leadProvince, List.of("status", "containedAt"));
        return incident;
    }

    @Transactional
    public Incident close(UUID id, String summary, String lessonsLearned, String ifMatch) {
        Incident incident = managed(id, Text.of("close incidents"));
        requireOptionalMatch(ifMatch, incident);
        // the incident row lock is held: an order issued under it meanwhile waits, then finds it closed
        incident.close(summary, lessonsLearned, openOrders(incident.id), now());
        incidents.flush();
        audit.record("Incident", incident.id, "CLOSED", incident.leadProvince, List.of("status", "closedAt", "summary", "lessonsLearned"));
        return incident;
    }

    long openOrders(UUID incidentId) {
        return orders.count("incidentId = ?1 and status in ?2", incidentId, MobilizationOrder.OPEN);
    }

    private static void requireOptionalMatch(String ifMatch, Incident incident) {
        if (ifMatch != null && !ifMatch.isBlank()) {
            ETags.requireMatch(ifMatch, incident.version);
        }
    }

    public PanacheQuery<Incident> list(Filter filter, PageRequest page) {
        scope.requireLevel(Scope.TEAM_EDITORS, Text.of("list incidents"));
        Where where = visibleOnly(new Where())
                .equal("status", filter.status())
                .equal("type", filter.type())
                .equal("category", filter.category())
                .atLeast("occurredAt", filter.occurredFrom())
                .before("occurredAt", filter.occurredTo());
        concerning(where, filter.province());
        return incidents.search(where, page.sort()).page(page.panachePage());
    }

    /** The case base: closed incidents the caller sees, by type, category, province, year and text. */
    public PanacheQuery<Incident> cases(CaseFilter filter, PageRequest page) {
        scope.requireLevel(Scope.TEAM_EDITORS, Text.of("search the case base"));
        Where where = visibleOnly(new Where())
                .equal("status", IncidentStatus.CLOSED)
                .equal("type", filter.type())
                .equal("category", filter.category());
        concerning(where, filter.province());
        if (filter.year() != null) {
            where.atLeast("occurredAt", LocalDate.of(filter.year(), 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC))
                    .before("occurredAt", LocalDate.of(filter.year() + 1, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC));
        }
        String text = filter.text();
        if (text != null && !text.isBlank()) {
            where.anyOf(w -> w.contains("title", text), w -> w.contains("summary", text), w -> w.contains("lessonsLearned", text));
        }
        return incidents.search(where, page.sort()).page(page.panachePage());
    }

    /** The titles of incidents, by id (for figures per incident). */
    public Map<UUID, String> titles(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return incidents.list("id in ?1", ids).stream().collect(Collectors.toMap(i -> i.id, i -> i.title));
    }

    private static void concerning(Where where, String province) {
        if (province != null) {
            String name = where.name();
            where.condition("provinces like :" + name, Map.of(name, "%," + province + ",%"));
        }
    }

    /**
     * The visibility rule as a query condition: the incident concerns the caller's scope (in one of its provinces,
     * a mining accident for mine-safety, at its enterprise for a unit), or one of its orders goes to a team in scope.
     */
    private Where visibleOnly(Where where) {
        Caller caller = scope.caller();
        if (caller.teamScope().all()) {
            return where;
        }
        Map<String, Object> values = new HashMap<>();
        String engaged = renamed(scope.restrict(new Where(), "o."), where, values);
        return where.anyOf(w -> {
            switch (caller.level()) {
                case PROVINCIAL, MINE_SAFETY -> {
                    String name = w.name();
                    w.condition("provinces like :" + name, Map.of(name, "%," + caller.region() + ",%"));
                    if (caller.is(ManagementLevel.MINE_SAFETY)) {
                        w.equal("type", IncidentType.MINING_ACCIDENT);
                    }
                }
                case UNIT -> w.equal("supportingUnitId", caller.org());
                default -> w.condition(true, "1 = 0");
            }
        }, w -> w.condition("id in (select o.incidentId from MobilizationOrder o where " + engaged + ")", values));
    }

    /**
     * {@code inner}'s condition with its parameters named within {@code outer} (every Where names its own from p0),
     * their values put in {@code values}: the team scope rule, unchanged, as the sub-query's condition.
     */
    static String renamed(Where inner, Where outer, Map<String, Object> values) {
        Map<String, String> names = new HashMap<>();
        inner.parameterMap().forEach((name, value) -> {
            String fresh = outer.name();
            names.put(name, fresh);
            values.put(fresh, value);
        });
        Matcher m = Pattern.compile(":(p\\d+)\\b").matcher(inner.query());
        StringBuilder query = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(query, ":" + names.get(m.group(1)));
        }
        m.appendTail(query);
        return query.toString();
    }

    static Instant now() {
        return MobilizationOrder.atDatabasePrecision(Instant.now());
    }

    static Sort defaultSort() {
        return Sort.by("occurredAt", Sort.Direction.Descending);
    }

    /** The case base, the most recently closed first. */
    static Sort caseSort() {
        return Sort.by("closedAt", Sort.Direction.Descending);
    }
}
