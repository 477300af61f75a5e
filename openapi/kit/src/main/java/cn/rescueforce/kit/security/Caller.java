package cn.rescueforce.kit.security;

import cn.rescueforce.kit.i18n.Text;
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
    public void requireLevel(List<ManagementLevel> levels, Text action) {
        if (!levels.contains(level)) {
            throw ProblemException.forbidden(Text.of("Level {0} may not {1} (allowed: {2})", level, action, levels.stream().map(Enum::name).collect(Collectors.joining(", "))));
        }
    }

    /** The caller's scope over teams: the one rule, as an in-memory check and as a query condition. */
    public TeamScope teamScope() {
        return TeamScope.of(this);
    }

    /** Whether a team with these facts is in the caller's scope ({@link TeamScope}). */
    public boolean covers(String teamProvince, boolean miningTeam, UUID supportingUnitId) {
        return teamScope().covers(teamProvince, miningTeam, supportingUnitId);
    }
}
