package cn.rescueforce.teams.mobilization;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Settings of mobilization orders. */
@ConfigMapping(prefix = "rescue-force.mobilization")
public interface MobilizationConfig {

    /**
     * How long after a step a team without connectivity may still report it with the time it happened
     * ({@code occurredAt}); later, the step is refused: a response time remembered days later is no measurement.
     */
    @WithDefault("PT24H")
    Duration lateReportWindow();
}
