package cn.rescueforce.teams.drill;

import java.time.ZoneOffset;

/** Drills and training records between the entities and the API models. */
public final class DrillMapper {

    private DrillMapper() {
    }

    public static cn.rescueforce.teams.api.model.Drill toApi(Drill drill) {
        return new cn.rescueforce.teams.api.model.Drill()
                .id(drill.id)
                .teamId(drill.teamId)
                .heldOn(drill.heldOn)
                .type(drill.type)
                .scenario(drill.scenario)
                .participants(drill.participants)
                .durationMinutes(drill.durationMinutes)
                .findings(drill.findings)
                .createdAt(drill.createdAt.atOffset(ZoneOffset.UTC));
    }

    /** A training record, with the member's name and training hours after it. */
    public static cn.rescueforce.teams.api.model.TrainingRecord toApi(DrillService.Training training) {
        TrainingRecord record = training.record();
        return new cn.rescueforce.teams.api.model.TrainingRecord()
                .id(record.id)
                .teamId(record.teamId)
                .memberId(record.memberId)
                .memberName(training.member().name)
                .trainedOn(record.trainedOn)
                .hours(record.hours)
                .subject(record.subject)
                .memberTrainingHours(training.member().trainingHours)
                .createdAt(record.createdAt.atOffset(ZoneOffset.UTC));
    }
}
