package cn.rescueforce.kit.bulk;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.quarkus.runtime.configuration.MemorySize;

import java.time.Duration;

/** Bulk import (rescue-force.bulk.*). */
@ConfigMapping(prefix = "rescue-force.bulk")
public interface BulkConfig {

    /**
     * The largest upload (the import routes only; every other route keeps rescue-force.http.max-body-size,
     * see cn.rescueforce.kit.problem.BodySizeLimit). 20 MiB holds a 20,000-member file in either format.
     */
    @WithDefault("20M")
    MemorySize maxUploadSize();

    /** Rows validated or applied per transaction (VALID_ROWS) and between two checkpoints. */
    @WithDefault("200")
    int chunkRows();

    /** How long a worker holds a job between two checkpoints before another worker may take it up. */
    @WithDefault("60s")
    Duration lease();

    /** The time limit of the one transaction that applies an ALL_OR_NOTHING job. */
    @WithDefault("30m")
    Duration allOrNothingTimeout();

    /** How often the worker looks for unfinished jobs (ImportWorker's schedule reads it). */
    @WithDefault("2s")
    Duration pollEvery();

    /** How long one worker run keeps taking jobs before it returns (the next run goes on). */
    @WithDefault("5m")
    Duration runBudget();
}
