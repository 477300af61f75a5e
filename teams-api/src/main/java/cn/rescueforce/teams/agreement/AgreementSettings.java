package cn.rescueforce.teams.agreement;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of rescue service agreements (README, "Rescue service agreements"). */
@ConfigMapping(prefix = "rescue-force.agreements")
public interface AgreementSettings {

    /**
     * Farther than this between the team's base and the enterprise, an agreement is accepted with the warning
     * TEAM_BEYOND_DISTANCE: the policy pairs small enterprises with a neighbouring team, and beyond about 100 km of
     * road a team cannot arrive within the time a mine or plant emergency leaves.
     */
    @WithDefault("100")
    double maxDistanceKm();
}
