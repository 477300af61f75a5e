package cn.rescueforce.teams.incident;

import cn.rescueforce.teams.api.model.CommandCenter;
import cn.rescueforce.teams.api.model.GeoPoint;
import cn.rescueforce.teams.api.model.IncidentRecord;
import cn.rescueforce.teams.api.model.IssuingAuthority;
import cn.rescueforce.teams.api.model.SituationNeed;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Incidents and situation reports between the entities and the API model. */
public final class IncidentMapper {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private IncidentMapper() {
    }

    public static IncidentRecord toApi(Incident incident) {
        IncidentRecord record = new IncidentRecord()
                .id(incident.id)
                .type(incident.type)
                .category(incident.category)
                .title(incident.title)
                .description(incident.description)
                .location(new GeoPoint(incident.lat, incident.lon))
                .address(incident.address)
                .provinces(new ArrayList<>(incident.provinceList()))
                .leadProvince(incident.leadProvince)
                .severity(incident.severity)
                .occurredAt(utc(incident.occurredAt))
                .supportingUnitId(incident.supportingUnitId)
                .status(incident.status)
                .openedBy(new IssuingAuthority()
                        .level(IssuingAuthority.LevelEnum.fromValue(incident.openerLevel.name()))
                        .region(incident.openerRegion)
                        .org(incident.openerOrg)
                        .sub(incident.openerSub))
                .openedAt(utc(incident.openedAt))
                .containedAt(utc(incident.containedAt))
                .closedAt(utc(incident.closedAt))
                .summary(incident.summary)
                .lessonsLearned(incident.lessonsLearned)
                .version(incident.version);
        if (incident.commander != null) {
            record.commandCenter(new CommandCenter()
                    .commander(incident.commander)
                    .contactPhone(incident.commanderPhone)
                    .location(new GeoPoint(incident.commandPostLat, incident.commandPostLon))
                    .address(incident.commandPostAddress));
        }
        return record;
    }

    public static cn.rescueforce.teams.api.model.SituationReport toApi(SituationReport report, String teamName) {
        return new cn.rescueforce.teams.api.model.SituationReport()
                .id(report.id)
                .incidentId(report.incidentId)
                .source(report.source)
                .orderId(report.orderId)
                .teamId(report.teamId)
                .teamName(teamName)
                .at(utc(report.observedAt))
                .reportedAt(utc(report.reportedAt))
                .reportedBy(new IssuingAuthority()
                        .level(IssuingAuthority.LevelEnum.fromValue(report.reporterLevel.name()))
                        .region(report.reporterRegion)
                        .org(report.reporterOrg)
                        .sub(report.reporterSub))
                .rescuedAlive(report.rescuedAlive)
                .bodiesRecovered(report.bodiesRecovered)
                .evacuated(report.evacuated)
                .rescuersInjured(report.rescuersInjured)
                .needs(needs(report.needs))
                .text(report.text);
    }

    static String needsJson(List<SituationNeed> needs) {
        try {
            return JSON.writeValueAsString(needs == null ? List.of() : needs);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("needs cannot be written as JSON", e);
        }
    }

    static List<SituationNeed> needs(String json) {
        try {
            return new ArrayList<>(JSON.readValue(json, new TypeReference<List<SituationNeed>>() {
            }));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored needs are not the contract's JSON", e);
        }
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
