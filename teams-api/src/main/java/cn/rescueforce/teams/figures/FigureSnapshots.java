package cn.rescueforce.teams.figures;

import cn.rescueforce.kit.i18n.Text;

import cn.rescueforce.kit.audit.AuditTrail;
import cn.rescueforce.kit.problem.ProblemException;
import cn.rescueforce.kit.security.Caller;
import cn.rescueforce.kit.security.ManagementLevel;
import cn.rescueforce.teams.api.model.FigureSeries;
import cn.rescueforce.teams.api.model.FigureSnapshotRun;
import cn.rescueforce.teams.api.model.TeamCategory;
import cn.rescueforce.teams.security.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The monthly snapshots of the figures: taken for every scope of an ended month from the data's dates (scheduled on
 * the first day of the next month, or a backfill by {@code national}), once per month and scope, and read back as a
 * time series of the caller's scope.
 */
@ApplicationScoped
public class FigureSnapshots {

    /** The longest series one answer holds (FigureSeries.points in the contract). */
    static final int MAX_MONTHS = 120;
    /** The advisory lock of a month's run: this base plus yyyyMM. */
    private static final long MONTH_LOCK = 0x46494755_00000000L;

    @Inject
    Scope scope;

    @Inject
    RegistryFigures registry;

    @Inject
    AuditTrail audit;

    @Inject
    EntityManager em;

    /** {@code POST /api/v1/figures/snapshots}: national backfills (or takes again, keeping what exists) an ended month. */
    @Transactional
    public FigureSnapshotRun take(String month) {
        scope.requireLevel(ManagementLevel.NATIONAL, Text.of("take figure snapshots"));
        return take(parse("month", month));
    }

    /** The month's snapshots of every scope that had teams or activity; those already taken are kept. */
    @Transactional
    public FigureSnapshotRun take(YearMonth month) {
        YearMonth current = YearMonth.now(ZoneOffset.UTC);
        if (!month.isBefore(current)) {
            throw new ProblemException(409, "month-not-ended", "Month not ended", Text.of("{0} has not ended; its snapshot is taken on {1}", month, month.plusMonths(1).atDay(1)), null);
        }
        // one run of a month at a time (the scheduled run of every replica, a backfill): the later one finds the
        // earlier one's snapshots and keeps them; the unique key (month, scope) stands behind this
        em.createNativeQuery("select pg_advisory_xact_lock(:key)").setParameter("key", MONTH_LOCK + month.getYear() * 100L
                + month.getMonthValue()).getSingleResult();
        Set<String> existing = Set.copyOf(em.createQuery("select s.scopeKey from FigureSnapshot s where s.month = :month", String.class)
                .setParameter("month", month.atDay(1)).getResultList());
        FigureTally tally = registry.asOf(month.atDay(1));
        Instant takenAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        int taken = 0;
        int kept = 0;
        for (SnapshotScope snapshotScope : scopes(tally)) {
            if (existing.contains(snapshotScope.key())) {
                kept++;
                continue;
            }
            FigureSnapshot snapshot = FigureSnapshot.of(month.atDay(1), snapshotScope,
                    SnapshotFigures.of(tally.fold(snapshotScope.cells())), takenAt);
            snapshot.persist();
            audit.record(FigureSnapshotChanges.ENTITY_TYPE, snapshot.id, "SNAPSHOT_TAKEN", snapshotScope.province(), List.of("figures"));
            taken++;
        }
        return new FigureSnapshotRun().month(month.toString()).taken(taken).kept(kept);
    }

    /** The series of the caller's scope (national: of a province when asked), oldest first. */
    public FigureSeries series(String from, String to, String province, String scopeKey) {
        scope.requireLevel(FigureService.READERS, Text.of("read the figures' series"));
        YearMonth first = parse("from", from);
        YearMonth last = parse("to", to);
        if (last.isBefore(first)) {
            throw ProblemException.invalid("to", Text.of("must not be before from"));
        }
        if (ChronoUnit.MONTHS.between(first, last) >= MAX_MONTHS) {
            throw ProblemException.invalid("to", Text.of("at most {0} months from from", MAX_MONTHS));
        }
        String key = scopeKey(scope.caller(), province, scopeKey);
        return new FigureSeries().scopeKey(key).from(first.toString()).to(last.toString())
                .points(FigureSnapshot.series(key, first.atDay(1), last.atDay(1)).stream().map(FigureMapper::toApi).toList());
    }

    /** The snapshot scope a caller reads: its own; national any (the whole registry by default). Another's: 404. */
    static String scopeKey(Caller caller, String province, String scopeKey) {
        if (scopeKey != null) {
            if (province != null) {
                throw ProblemException.invalid("scopeKey", Text.of("names a scope already: send either province or scopeKey"));
            }
            if (!caller.is(ManagementLevel.NATIONAL) && !scopeKey.equals(scopeKey(caller, null, null))) {
                throw ProblemException.notFound(Text.of("series of scope"), scopeKey);
            }
            return scopeKey;
        }
        return switch (caller.level()) {
            case NATIONAL -> province == null ? SnapshotScope.NATIONAL.key() : SnapshotScope.province(province).key();
            case PROVINCIAL -> own(caller, province, SnapshotScope.province(caller.region()));
            case MINE_SAFETY -> own(caller, province, SnapshotScope.mining(caller.region()));
            case UNIT -> own(caller, province, SnapshotScope.unit(caller.org()));
            default -> throw ProblemException.forbidden(Text.of("Level {0} may not read the figures' series", caller.level()));
        };
    }

    private static String own(Caller caller, String province, SnapshotScope own) {
        if (province != null && !province.equals(caller.region())) {
            throw ProblemException.notFound(Text.of("series of province"), province);
        }
        return own.key();
    }

    /** National; each province with teams or activity; the mining teams of each such province; each supporting unit. */
    static List<SnapshotScope> scopes(FigureTally tally) {
        Set<String> provinces = new java.util.TreeSet<>();
        Set<String> mining = new java.util.TreeSet<>();
        Set<UUID> units = new LinkedHashSet<>();
        tally.cells().forEach(cell -> {
            provinces.add(cell.province());
            if (cell.category() == TeamCategory.MINING) {
                mining.add(cell.province());
            }
            if (cell.unit() != null) {
                units.add(cell.unit());
            }
        });
        List<SnapshotScope> scopes = new ArrayList<>();
        scopes.add(SnapshotScope.NATIONAL);
        provinces.forEach(p -> scopes.add(SnapshotScope.province(p)));
        mining.forEach(p -> scopes.add(SnapshotScope.mining(p)));
        units.stream().sorted().forEach(u -> scopes.add(SnapshotScope.unit(u)));
        return scopes;
    }

    static YearMonth parse(String field, String month) {
        try {
            return YearMonth.parse(month);
        } catch (DateTimeParseException | NullPointerException e) {
            throw ProblemException.invalid(field, Text.of("must be a month yyyy-MM"));
        }
    }
}
