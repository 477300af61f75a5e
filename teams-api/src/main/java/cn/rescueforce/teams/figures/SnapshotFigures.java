package cn.rescueforce.teams.figures;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Map;

/**
 * The figures a monthly snapshot keeps (FigureSnapshot in openapi/teams-api.yaml), as stored in its JSON column. The
 * insurance and prevention figures are null in snapshots stored before they were kept (those read back without them).
 */
record SnapshotFigures(long teams, Map<String, Long> teamsByCategory, long rescuers, Map<String, Long> rescuersByCategory,
                       long membersWithValidCertificate, double validCertificateShare, long drillsYearToDate,
                       double drillHoursYearToDate, long trainingHoursYearToDate, long mobilizationsInMonth,
                       Long insuredMembers, Double insuredShare, Long inspectionsYearToDate, Long hazardsFoundYearToDate,
                       Long technicalServicesYearToDate, Long serviceDaysYearToDate, Long outreachActivitiesYearToDate,
                       Long outreachParticipantsYearToDate) {

    /** Its own mapper, so that the REST API's JSON settings never decide whether stored rows can be read back. */
    private static final ObjectMapper JSON = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    static SnapshotFigures of(FigureTally.Counts counts) {
        return new SnapshotFigures(counts.teams, counts.teamsByCategory, counts.rescuers, counts.rescuersByCategory,
                counts.withValidCertificate, counts.validCertificateShare(), counts.drills, counts.drillHours(),
                counts.trainingHours, counts.mobilizations, counts.insured, FigureTally.share(counts.insured, counts.rescuers),
                counts.inspections, counts.hazardsFound, counts.technicalServices, counts.serviceDays, counts.outreachActivities,
                counts.outreachParticipants);
    }

    String json() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write snapshot figures", e);
        }
    }

    static SnapshotFigures read(String json) {
        try {
            return JSON.readValue(json, SnapshotFigures.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read snapshot figures", e);
        }
    }
}
