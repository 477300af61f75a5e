package cn.rescueforce.assessment.evidence;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.util.Optional;

/**
 * Evidence files: their size limits and the S3-compatible object store they are kept in (application.properties,
 * prefix {@code assessment.evidence}; README "Evidence files").
 */
@ConfigMapping(prefix = "assessment.evidence")
public interface EvidenceConfig {

    /** The largest photo or PDF document. */
    @WithDefault("20M")
    MemorySize maxSize();

    /**
     * The largest video; also the most any upload may send, so {@code quarkus.http.limits.max-body-size} must not be
     * below it (the service refuses to start otherwise: {@link EvidenceStore}).
     */
    @WithDefault("100M")
    MemorySize maxVideoSize();

    Store store();

    interface Store {
        /** The S3 service's URL; none: AWS S3 of {@link #region()}. */
        Optional<URI> endpoint();

        String region();

        String bucket();

        /** Path-style addressing ({@code endpoint/bucket/key}), which MinIO and most S3-compatible services need. */
        @WithDefault("true")
        boolean pathStyle();

        /**
         * Whether to create the bucket when it is missing (an in-cluster MinIO or the embedded store); off for an S3
         * service, whose bucket is created beforehand with its retention settings.
         */
        @WithDefault("false")
        boolean createBucket();

        String accessKey();

        String secretKey();
    }
}
