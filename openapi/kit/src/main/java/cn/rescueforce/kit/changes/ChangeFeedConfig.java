package cn.rescueforce.kit.changes;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** The change feed's settings (README, "Change feed and webhooks"). */
@ConfigMapping(prefix = "rescue-force.changes")
public interface ChangeFeedConfig {

    /**
     * How long a change stays readable in the feed (and can be redelivered to a webhook). A cursor older than this
     * is answered {@code cursor-expired}: the client reads everything again. At least 30 days.
     */
    @WithDefault("P30D")
    Duration retention();

    /** The most changes one page of the feed holds ({@code limit} above it is a 400). */
    @WithDefault("1000")
    int maxLimit();

    /** Changes on a page when the client names no {@code limit}. */
    @WithDefault("100")
    int defaultLimit();
}
