package cn.rescueforce.teams.insurance;

import cn.rescueforce.kit.changes.Audience;
import cn.rescueforce.kit.changes.ChangeSource;
import cn.rescueforce.kit.security.ManagementLevel;
import cn.rescueforce.kit.security.TeamScope;
import cn.rescueforce.teams.api.model.TeamCategory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.UUID;

/**
 * Insurance policies and injuries on duty in the change feed, as their reads answer them (the policy number in full),
 * to the levels that read members ({@code MemberChanges}' audience: national and the team editors whose scope covers
 * the team); the bodies hold personal data, so the feed keeps them encrypted.
 */
public final class OccupationalSecurityChanges {

    private OccupationalSecurityChanges() {
    }

    static Audience readersOfMembers(String province, TeamCategory category, UUID supportingUnitId) {
        return Audience.team(province, TeamScope.isMining(category), supportingUnitId)
                .onlyLevels(ManagementLevel.PROVINCIAL, ManagementLevel.MINE_SAFETY, ManagementLevel.UNIT);
    }

    @ApplicationScoped
    public static class Policies implements ChangeSource {

        @Inject
        OccupationalSecurityMapper mapper;

        @Override
        public String entityType() {
            return "InsurancePolicy";
        }

        @Override
        public List<String> eventTypes() {
            return List.of("insurance.recorded", "insurance.updated");
        }

        @Override
        public String eventType(String action) {
            return ChangeSource.eventType("insurance", action, eventTypes());
        }

        @Override
        public Representation represent(UUID id) {
            InsurancePolicy policy = InsurancePolicy.findById(id);
            if (policy == null) {
                return null;
            }
            ChangeSource.asStored(policy);
            return Representation.withPersonalData(mapper.toApi(policy), policy.version,
                    readersOfMembers(policy.province, policy.category, policy.supportingUnitId));
        }
    }

    @ApplicationScoped
    public static class Injuries implements ChangeSource {

        @Override
        public String entityType() {
            return "DutyInjury";
        }

        @Override
        public List<String> eventTypes() {
            return List.of("injury.recorded");
        }

        @Override
        public String eventType(String action) {
            return ChangeSource.eventType("injury", action, eventTypes());
        }

        @Override
        public Representation represent(UUID id) {
            DutyInjury injury = DutyInjury.findById(id);
            if (injury == null) {
                return null;
            }
            ChangeSource.asStored(injury);
            return Representation.withPersonalData(OccupationalSecurityMapper.toApi(injury), injury.version,
                    readersOfMembers(injury.province, injury.category, injury.supportingUnitId));
        }
    }
}
