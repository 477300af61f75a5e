package cn.rescueforce.teams.figures;

import cn.rescueforce.kit.conditional.ETags;
import cn.rescueforce.kit.i18n.Text;

import cn.rescueforce.kit.security.ManagementLevel;
import cn.rescueforce.kit.security.TeamScope;
import cn.rescueforce.teams.api.model.FigureGroup;
import cn.rescueforce.teams.api.model.FigureGrouping;
import cn.rescueforce.teams.api.model.FigureReport;
import cn.rescueforce.teams.api.model.FigureSource;
import cn.rescueforce.teams.api.model.MobilizationFigureGroup;
import cn.rescueforce.teams.api.model.MobilizationFigures;
import cn.rescueforce.teams.api.model.ResponseFigureGroup;
import cn.rescueforce.teams.api.model.ResponseFigureGrouping;
import cn.rescueforce.teams.api.model.TargetProgress;
import cn.rescueforce.teams.api.model.TeamCategory;
import cn.rescueforce.teams.certificate.CertificateService;
import cn.rescueforce.teams.insurance.OccupationalSecurityService;
import cn.rescueforce.teams.mobilization.ResponseFigureService;
import cn.rescueforce.teams.prevention.PreventionService;
import cn.rescueforce.teams.security.Scope;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The figures toward the 2026 and 2035 goals of the caller's scope ({@code GET /api/v1/figures}): the registry's own
 * counts ({@link RegistryFigures}), this year's response figures ({@link ResponseFigureService}), members' insurance and
 * this year's prevention work ({@link TeamWorkFigures}), equipment compliance
 * and grades from the services that own them, and progress against the national targets. A section whose service
 * cannot answer is marked unavailable; the others stand.
 */
@ApplicationScoped
public class FigureService {

    /** The levels that read figures: the team editors (assessors reach teams only through their assessments). */
    static final List<ManagementLevel> READERS = Scope.TEAM_EDITORS;

    @Inject
    Scope scope;

    @Inject
    RegistryFigures registry;

    @Inject
    ResponseFigureService responseFigures;

    @Inject
    TeamWorkFigures work;

    @Inject
    EquipmentFigures equipment;

    @Inject
    GradeFigures grades;

    @Inject
    FigureSections sections;

    @Inject
    ObjectMapper json;

    private static final Logger LOG = Logger.getLogger(FigureService.class);

    /** A report and its ETag: a hash of its figures with the times left out, so unchanged figures keep their tag. */
    public record Answer(FigureReport report, long etag) {
    }

    public Answer report(String province, TeamCategory category, FigureGrouping groupBy) {
        scope.requireLevel(READERS, Text.of("read figures"));
        long started = System.nanoTime();
        FigureCoverage coverage = FigureCoverage.of(scope.caller(), province, category);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        LocalDate today = CertificateService.today();
        FigureSections.Answer kept = sections.of(FigureSections.Question.of(coverage, groupBy, today),
                () -> compute(coverage, groupBy, today));
        FigureSections.Sections own = kept.sections();
        long ownDone = System.nanoTime();
        FigureTally tally = own.tally();
        FigureTally.Counts totals = tally.fold(cell -> true);
        Map<UUID, TeamWorkFigures.Covered> covered = TeamWorkFigures.covered(own.teams());
        FigureReport report = new FigureReport()
                .year(today.getYear())
                .scope(coverage.toApi())
                .groupBy(groupBy)
                .totals(FigureMapper.toApi(totals, null))
                .mobilizations(mobilizations(own.responses(), today))
                .insurance(TeamWorkFigures.insurance(own.shares(), covered, groupBy, today))
                .prevention(TeamWorkFigures.prevention(own.prevention(), covered, groupBy, today.getYear()));
        long equipmentStarted = System.nanoTime();
        report.equipment(equipment.of(own.teams()));
        long gradesStarted = System.nanoTime();
        report.grades(grades.of(coverage));
        long gradesDone = System.nanoTime();
        report.progress(progress(tally, FigureTargetSet.current()));
        if (groupBy != null) {
            Map<String, FigureTally.Counts> groups = tally.foldBy(cell -> groupBy == FigureGrouping.PROVINCE
                    ? cell.province() : cell.category().name());
            List<FigureGroup> rows = new ArrayList<>();
            groups.forEach((key, counts) -> {
                FigureGroup group = new FigureGroup().key(key).figures(FigureMapper.toApi(counts, null));
                if (groupBy == FigureGrouping.PROVINCE) {
                    group.province(key);
                } else {
                    group.category(TeamCategory.fromValue(key));
                }
                rows.add(group);
            });
            report.groups(rows);
        }
        long etag = etag(report);
        stamp(report, now);
        LOG.debugf("figures %s: own sections %s %d ms, equipment %d ms, grades %d ms, whole %d ms",
                coverage.toApi().getLevel(), kept.kept() ? "kept" : "computed", millis(started, ownDone),
                millis(equipmentStarted, gradesStarted), millis(gradesStarted, gradesDone), millis(started, System.nanoTime()));
        return new Answer(report, etag);
    }

    /** teams-api's own sections, from its tables, each timed in the log (DEBUG of this class). */
    private FigureSections.Sections compute(FigureCoverage coverage, FigureGrouping groupBy, LocalDate today) {
        long started = System.nanoTime();
        FigureTally tally = registry.current(coverage.teams(), today);
        long registryDone = System.nanoTime();
        List<Object[]> teams = coverage.coversNothing() ? List.of() : registry.teams(coverage.teams());
        long teamsDone = System.nanoTime();
        List<ResponseFigureGroup> responses = responses(coverage, groupBy, today);
        long responsesDone = System.nanoTime();
        TeamScope teamScope = coverage.caller().teamScope();
        List<OccupationalSecurityService.TeamShare> shares = work.shares(teamScope, teams, today);
        long insuranceDone = System.nanoTime();
        List<PreventionService.Group> prevention = work.work(teamScope, teams, today.getYear());
        long preventionDone = System.nanoTime();
        LOG.debugf("figures computed: registry %d ms, teams %d ms, responses %d ms, insurance %d ms, prevention %d ms",
                millis(started, registryDone), millis(registryDone, teamsDone), millis(teamsDone, responsesDone),
                millis(responsesDone, insuranceDone), millis(insuranceDone, preventionDone));
        return new FigureSections.Sections(tally, teams, responses, shares, prevention);
    }

    /** This year's response figures' groups: per province, per category when the answer is grouped so. */
    private List<ResponseFigureGroup> responses(FigureCoverage coverage, FigureGrouping groupBy, LocalDate today) {
        if (coverage.coversNothing()) {
            return List.of();
        }
        OffsetDateTime from = yearStart(today);
        ResponseFigureGrouping grouping = groupBy == FigureGrouping.CATEGORY ? ResponseFigureGrouping.CATEGORY : ResponseFigureGrouping.PROVINCE;
        return responseFigures.figures(from, from.plusYears(1), grouping, coverage.province(), coverage.category()).getGroups();
    }

    /** This year's orders, per province (per category when the answer is grouped so), as the response figures give them. */
    private static MobilizationFigures mobilizations(List<ResponseFigureGroup> responses, LocalDate today) {
        OffsetDateTime from = yearStart(today);
        OffsetDateTime to = from.plusYears(1);
        List<MobilizationFigureGroup> groups = responses.stream()
                .map(g -> new MobilizationFigureGroup().key(g.getKey()).province(g.getProvince()).category(g.getCategory())
                        .orders(g.getOrders()).acknowledge(g.getAcknowledge()).departure(g.getDeparture()).arrival(g.getArrival())
                        .lateDepartures((long) g.getLateDepartures().size()))
                .toList();
        return new MobilizationFigures()
                .source(FigureSource.TEAMS_API)
                .from(from)
                .to(to)
                .orders(groups.stream().mapToLong(MobilizationFigureGroup::getOrders).sum())
                .lateDepartures(groups.stream().mapToLong(MobilizationFigureGroup::getLateDepartures).sum())
                .groups(groups);
    }

    private static OffsetDateTime yearStart(LocalDate today) {
        return today.withDayOfYear(1).atStartOfDay().atOffset(ZoneOffset.UTC);
    }

    private static long millis(long from, long to) {
        return (to - from) / 1_000_000;
    }

    /** Each national target against the teams and rescuers of the answer's category. */
    static List<TargetProgress> progress(FigureTally tally, FigureTargetSet targets) {
        if (targets == null) {
            return List.of();
        }
        return targets.targets.stream().map(target -> {
            FigureTally.Counts counts = tally.fold(cell -> cell.category() == target.category);
            return new TargetProgress()
                    .category(target.category)
                    .due(target.due)
                    .teamsTarget(target.teams)
                    .teams(counts.teams)
                    .teamsShare(FigureTally.share(counts.teams, target.teams))
                    .rescuersTarget(target.rescuers)
                    .rescuers(counts.rescuers)
                    .rescuersShare(FigureTally.share(counts.rescuers, target.rescuers));
        }).toList();
    }

    /**
     * Every section's time: teams-api's own (registry, orders, insurance, prevention) are now, the other services' say
     * when they computed.
     */
    private static void stamp(FigureReport report, OffsetDateTime now) {
        report.computedAt(now);
        report.getTotals().computedAt(now);
        if (report.getGroups() != null) {
            report.getGroups().forEach(group -> group.getFigures().computedAt(now));
        }
        report.getInsurance().computedAt(now);
        report.getPrevention().computedAt(now);
        report.getMobilizations().computedAt(now).to(report.getMobilizations().getTo().isAfter(now) ? now : report.getMobilizations().getTo());
    }

    private long etag(FigureReport unstamped) {
        OffsetDateTime equipmentAt = unstamped.getEquipment().getComputedAt();
        OffsetDateTime gradesAt = unstamped.getGrades().getComputedAt();
        unstamped.getEquipment().computedAt(null);
        unstamped.getGrades().computedAt(null);
        try {
            return ETags.ofContent(json.writeValueAsString(unstamped));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot hash the figures", e);
        } finally {
            unstamped.getEquipment().computedAt(equipmentAt);
            unstamped.getGrades().computedAt(gradesAt);
        }
    }
}
