package cn.rescueforce.teams.figures;

import cn.rescueforce.kit.security.TeamScope;
import cn.rescueforce.teams.api.model.FigureGrouping;
import cn.rescueforce.teams.api.model.ResponseFigureGroup;
import cn.rescueforce.teams.api.model.TeamCategory;
import cn.rescueforce.teams.insurance.OccupationalSecurityService;
import cn.rescueforce.teams.prevention.PreventionService;
import cn.rescueforce.teams.reads.FigureVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The sections of the figures teams-api computes from its own tables (the registry's counts, the covered teams, the
 * response figures, insurance and prevention work), kept per question and per {@link FigureVersion}: the version is
 * read by primary key before the sections are computed or kept ones served, and every committed change of a table
 * they read moves it, so kept sections are never older than the last committed change when they are served. The day
 * is part of the question (certificates and policies are valid on a day, the year's work starts on 1 January). The
 * other services' sections (equipment, grades) and the targets are asked on every request, never kept.
 */
@ApplicationScoped
public class FigureSections {

    /**
     * What the sections depend on besides the data: who asks (as far as the scope rule tells callers apart), the
     * filters, the grouping and the day.
     */
    record Question(TeamScope scope, String province, TeamCategory category, UUID unit, boolean nothing,
                    FigureGrouping groupBy, LocalDate today) {

        static Question of(FigureCoverage coverage, FigureGrouping groupBy, LocalDate today) {
            return new Question(coverage.caller().teamScope(), coverage.province(), coverage.category(), coverage.unit(),
                    coverage.coversNothing(), groupBy, today);
        }
    }

    /**
     * The sections as computed; never changed once made (the answer is built anew from them on each request).
     *
     * @param teams      the covered teams, as {@link RegistryFigures#teams} lists them
     * @param responses  this year's response figures' groups
     * @param shares     serving and insured members per team of the caller's scope
     * @param prevention this year's prevention work per team of the caller's scope
     */
    record Sections(FigureTally tally, List<Object[]> teams, List<ResponseFigureGroup> responses,
                    List<OccupationalSecurityService.TeamShare> shares, List<PreventionService.Group> prevention) {
    }

    /** The sections and whether they were kept ones, for the timing log. */
    record Answer(Sections sections, boolean kept) {
    }

    private record Kept(long version, Sections sections) {
    }

    /** The questions kept at most (scopes × filters × groupings); beyond, every kept answer is dropped. */
    static final int MAX_KEPT = 1000;

    private final Map<Question, Kept> kept = new ConcurrentHashMap<>();

    @Inject
    FigureVersion version;

    @ConfigProperty(name = "rescue-force.read-cache.enabled", defaultValue = "true")
    boolean enabled;

    /** The sections that answer {@code question} now: kept at the current version, or computed and kept. */
    Answer of(Question question, Supplier<Sections> compute) {
        if (!enabled) {
            return new Answer(compute.get(), false);
        }
        long current = version.current();
        Kept hit = kept.get(question);
        if (hit != null && hit.version() == current) {
            return new Answer(hit.sections(), true);
        }
        Sections sections = compute.get();
        if (kept.size() >= MAX_KEPT) {
            kept.clear(); // bounded memory beats a perfect eviction policy here
        }
        // computed after the version was read: at least as new as it; a later version already kept stays
        kept.merge(question, new Kept(current, sections), (former, made) -> former.version() > made.version() ? former : made);
        return new Answer(sections, false);
    }
}
