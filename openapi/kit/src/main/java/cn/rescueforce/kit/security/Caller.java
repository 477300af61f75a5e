package cn.rescueforce.kit.security;

import java.util.UUID;

/**
 * Who is calling, from a verified token whose claims fit its level (see {@link LevelClaimsCheck}).
 * {@code region} is set for provincial and mine-safety callers, {@code org} for unit and assessor callers.
 */
public record Caller(String sub, ManagementLevel level, String region, UUID org) {

    public boolean is(ManagementLevel candidate) {
        return level == candidate;
    }

    public boolean isAnyOf(ManagementLevel... candidates) {
        for (ManagementLevel candidate : candidates) {
            if (level == candidate) {
                return true;
            }
        }
        return false;
    }

    /**
     * The rule of DESIGN.md for team-scoped objects: national (and other services) see every team; a province
     * its own; a mine-safety bureau the mining teams of its province; a unit the teams it hosts.
     */
    public boolean covers(String teamProvince, boolean miningTeam, UUID supportingUnitId) {
        return switch (level) {
            case NATIONAL, SERVICE -> true;
            case PROVINCIAL -> region.equals(teamProvince);
            case MINE_SAFETY -> miningTeam && region.equals(teamProvince);
            case UNIT -> org.equals(supportingUnitId);
            case ASSESSOR -> false;
        };
    }
}
