package cn.rescueforce.kit.security;

import cn.rescueforce.kit.problem.ProblemException;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

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

    /** 403 unless the caller's level is one of {@code levels}: an action this level may never take. */
    public void requireLevel(List<ManagementLevel> levels, String action) {
        if (!levels.contains(level)) {
            throw ProblemException.forbidden("Level " + level + " may not " + action + " (allowed: "
                    + levels.stream().map(Enum::name).collect(Collectors.joining(", ")) + ")");
        }
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
