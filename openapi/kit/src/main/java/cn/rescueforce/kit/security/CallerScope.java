package cn.rescueforce.kit.security;

import cn.rescueforce.kit.i18n.Text;
import jakarta.inject.Inject;

import java.util.List;

import static cn.rescueforce.kit.security.ManagementLevel.MINE_SAFETY;
import static cn.rescueforce.kit.security.ManagementLevel.NATIONAL;
import static cn.rescueforce.kit.security.ManagementLevel.PROVINCIAL;
import static cn.rescueforce.kit.security.ManagementLevel.SERVICE;
import static cn.rescueforce.kit.security.ManagementLevel.UNIT;

/**
 * What every service's request-scoped {@code Scope} starts from: the verified caller and the level rule
 * (403 for an action a level may never take). Each service adds what it may see (404 when out of scope) on top,
 * through the caller's {@link TeamScope}.
 */
public abstract class CallerScope {

    /** Levels that maintain a team and what belongs to it (profile, readiness, members, equipment, call-ups). */
    public static final List<ManagementLevel> TEAM_EDITORS = List.of(NATIONAL, PROVINCIAL, MINE_SAFETY, UNIT);
    /** Levels that read teams and what belongs to them (other services through their service account). */
    public static final List<ManagementLevel> TEAM_READERS = List.of(NATIONAL, PROVINCIAL, MINE_SAFETY, UNIT, SERVICE);

    @Inject
    CurrentCaller currentCaller;

    public Caller caller() {
        return currentCaller.get();
    }

    /** 403 unless the caller's level is one of {@code levels}. */
    public void requireLevel(List<ManagementLevel> levels, Text action) {
        caller().requireLevel(levels, action);
    }

    public void requireLevel(ManagementLevel level, Text action) {
        requireLevel(List.of(level), action);
    }
}
