package cn.rescueforce.assessment.support;

import cn.rescueforce.devkit.testing.EmbeddedS3;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The object store of the tests' evidence files: the devkit's in-process S3-compatible store ({@link EmbeddedS3}) on a
 * free port, its objects in a temporary folder removed at the end, and assessment-api configured for it exactly as for
 * an S3 service in production (endpoint, region, bucket, path-style, access key and secret).
 */
public class EmbeddedEvidenceStore implements QuarkusTestResourceLifecycleManager {

    public static final String BUCKET = "rescue-force-evidence-test";

    private static Path folder;
    private EmbeddedS3 store;

    @Override
    public Map<String, String> start() {
        try {
            folder = Files.createTempDirectory("assessment-evidence-s3");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        store = EmbeddedS3.start(folder, BUCKET, 0);
        return Map.of(
                "assessment.evidence.store.endpoint", store.endpoint().toString(),
                "assessment.evidence.store.region", EmbeddedS3.REGION,
                "assessment.evidence.store.bucket", BUCKET,
                "assessment.evidence.store.path-style", "true",
                "assessment.evidence.store.access-key", EmbeddedS3.ACCESS_KEY,
                "assessment.evidence.store.secret-key", EmbeddedS3.SECRET_KEY);
    }

    /** Where the store keeps the objects of {@link #BUCKET} (jclouds' filesystem layout: one file per key). */
    public static Path objects() {
        return folder.resolve(BUCKET);
    }

    @Override
    public void stop() {
        if (store != null) {
            store.close();
        }
        if (folder != null) {
            try (Stream<Path> paths = Files.walk(folder)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temporary folder left behind
            }
        }
    }
}
