package cn.rescueforce.teams.prevention;

import cn.rescueforce.kit.changes.Audience;
import cn.rescueforce.kit.changes.ChangeSource;
import cn.rescueforce.kit.security.TeamScope;
import cn.rescueforce.teams.api.model.TeamCategory;
import cn.rescueforce.teams.team.TeamService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.UUID;

/**
 * Prevention and service records in the change feed, as their lists answer them, to the team readers whose scope
 * covers the record's team (the lists' rule, on the team facts each row copies). One source per entity type.
 */
public final class PreventionChanges {

    private PreventionChanges() {
    }

    static Audience audience(String province, TeamCategory category, UUID supportingUnitId) {
        return Audience.team(province, TeamScope.isMining(category), supportingUnitId);
    }

    @ApplicationScoped
    public static class Inspections implements ChangeSource {

        @Inject
        TeamService teams;

        @Override
        public String entityType() {
            return "PreventiveInspection";
        }

        @Override
        public List<String> eventTypes() {
            return List.of("prevention.inspection-recorded");
        }

        @Override
        public String eventType(String action) {
            return ChangeSource.eventType("prevention", action, eventTypes());
        }

        @Override
        public Representation represent(UUID id) {
            PreventiveInspection inspection = PreventiveInspection.findById(id);
            if (inspection == null) {
                return null;
            }
            ChangeSource.asStored(inspection);
            List<HazardFinding> findings = HazardFinding.list("inspectionId = ?1", inspection.id);
            return Representation.of(PreventionMapper.toApi(inspection, teams.names(List.of(inspection.teamId)).get(inspection.teamId),
                    findings), inspection.version, audience(inspection.province, inspection.category, inspection.supportingUnitId));
        }
    }

    @ApplicationScoped
    public static class Services implements ChangeSource {

        @Inject
        TeamService teams;

        @Override
        public String entityType() {
            return "TechnicalService";
        }

        @Override
        public List<String> eventTypes() {
            return List.of("service.recorded");
        }

        @Override
        public String eventType(String action) {
            return ChangeSource.eventType("service", action, eventTypes());
        }

        @Override
        public Representation represent(UUID id) {
            TechnicalService service = TechnicalService.findById(id);
            if (service == null) {
                return null;
            }
            ChangeSource.asStored(service);
            return Representation.of(PreventionMapper.toApi(service, teams.names(List.of(service.teamId)).get(service.teamId)),
                    service.version, audience(service.province, service.category, service.supportingUnitId));
        }
    }

    @ApplicationScoped
    public static class Outreach implements ChangeSource {

        @Inject
        TeamService teams;

        @Override
        public String entityType() {
            return "OutreachActivity";
        }

        @Override
        public List<String> eventTypes() {
            return List.of("outreach.recorded");
        }

        @Override
        public String eventType(String action) {
            return ChangeSource.eventType("outreach", action, eventTypes());
        }

        @Override
        public Representation represent(UUID id) {
            OutreachActivity activity = OutreachActivity.findById(id);
            if (activity == null) {
                return null;
            }
            ChangeSource.asStored(activity);
            return Representation.of(PreventionMapper.toApi(activity, teams.names(List.of(activity.teamId)).get(activity.teamId)),
                    activity.version, audience(activity.province, activity.category, activity.supportingUnitId));
        }
    }
}
