package cn.rescueforce.teams.figures;

import cn.rescueforce.teams.api.model.FigureSet;
import cn.rescueforce.teams.api.model.FigureSource;
import cn.rescueforce.teams.api.model.FigureTarget;
import cn.rescueforce.teams.api.model.FigureTargets;
import cn.rescueforce.teams.api.model.NamedCount;

import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/** Figures, targets and snapshots as the API answers them. */
final class FigureMapper {

    private FigureMapper() {
    }

    static FigureSet toApi(FigureTally.Counts counts, OffsetDateTime computedAt) {
        return new FigureSet()
                .source(FigureSource.TEAMS_API)
                .computedAt(computedAt)
                .teams(counts.teams)
                .teamsByStatus(named(counts.teamsByStatus))
                .teamsByGrade(named(counts.teamsByGrade))
                .teamsByReadiness(named(counts.teamsByReadiness))
                .rescuers(counts.rescuers)
                .rescuersByTalentType(named(counts.rescuersByTalentType))
                .rescuersByRole(named(counts.rescuersByRole))
                .membersWithValidCertificate(counts.withValidCertificate)
                .validCertificateShare(counts.validCertificateShare())
                .drills(counts.drills)
                .drillHours(counts.drillHours())
                .trainingHours(counts.trainingHours);
    }

    static FigureTargets toApi(FigureTargetSet set) {
        return new FigureTargets()
                .targets(set.targets.stream().map(t -> new FigureTarget().category(t.category).due(t.due).teams(t.teams)
                        .rescuers(t.rescuers)).toList())
                .updatedAt(set.updatedAt == null ? null : set.updatedAt.atOffset(ZoneOffset.UTC))
                .version(set.version);
    }

    static cn.rescueforce.teams.api.model.FigureSnapshot toApi(FigureSnapshot snapshot) {
        SnapshotFigures figures = SnapshotFigures.read(snapshot.figures);
        return new cn.rescueforce.teams.api.model.FigureSnapshot()
                .month(YearMonth.from(snapshot.month).toString())
                .scopeKey(snapshot.scopeKey)
                .takenAt(snapshot.takenAt.atOffset(ZoneOffset.UTC))
                .teams(figures.teams())
                .teamsByCategory(named(figures.teamsByCategory()))
                .rescuers(figures.rescuers())
                .rescuersByCategory(named(figures.rescuersByCategory()))
                .membersWithValidCertificate(figures.membersWithValidCertificate())
                .validCertificateShare(figures.validCertificateShare())
                .drillsYearToDate(figures.drillsYearToDate())
                .drillHoursYearToDate(figures.drillHoursYearToDate())
                .trainingHoursYearToDate(figures.trainingHoursYearToDate())
                .mobilizationsInMonth(figures.mobilizationsInMonth())
                .insuredMembers(figures.insuredMembers())
                .insuredShare(figures.insuredShare())
                .inspectionsYearToDate(figures.inspectionsYearToDate())
                .hazardsFoundYearToDate(figures.hazardsFoundYearToDate())
                .technicalServicesYearToDate(figures.technicalServicesYearToDate())
                .serviceDaysYearToDate(figures.serviceDaysYearToDate())
                .outreachActivitiesYearToDate(figures.outreachActivitiesYearToDate())
                .outreachParticipantsYearToDate(figures.outreachParticipantsYearToDate());
    }

    /** Counts by value, in the value's order. */
    static List<NamedCount> named(Map<String, Long> counts) {
        return counts.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> new NamedCount().value(e.getKey()).count(e.getValue())).toList();
    }
}
