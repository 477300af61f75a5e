package cn.rescueforce.assessment.evidence;

import cn.rescueforce.kit.i18n.Text;
import cn.rescueforce.kit.problem.ProblemException;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.MemorySize;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.BucketAlreadyExistsException;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The S3-compatible object store the evidence files' bytes are kept in (any S3 service in production; the embedded
 * s3proxy of {@code scripts/run} and the tests). Objects are written once under the file's SHA-256 and never deleted
 * through this service: writing the same key again writes the same bytes.
 */
@ApplicationScoped
public class EvidenceStore {

    private static final Logger LOG = Logger.getLogger(EvidenceStore.class);

    private final EvidenceConfig config;
    private final long bodyLimit;
    private S3Client s3;

    EvidenceStore(EvidenceConfig config, @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize bodyLimit) {
        this.config = config;
        this.bodyLimit = bodyLimit.asLongValue();
    }

    /** A video at the limit must get past Quarkus's own body limit (README "Evidence files"). */
    void checkLimits(@Observes StartupEvent start) {
        if (bodyLimit < config.maxVideoSize().asLongValue() || bodyLimit < config.maxSize().asLongValue()) {
            throw new IllegalStateException("quarkus.http.limits.max-body-size (" + bodyLimit + " bytes) is below the largest evidence file ("
                    + "assessment.evidence.max-video-size / max-size); raise it to at least that");
        }
    }

    private synchronized S3Client client() {
        if (s3 == null) {
            EvidenceConfig.Store store = config.store();
            S3ClientBuilder builder = S3Client.builder()
                    .region(Region.of(store.region()))
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(store.accessKey(), store.secretKey())))
                    .forcePathStyle(store.pathStyle())
                    // checksums only where S3 requires them: S3-compatible services (MinIO, s3proxy, ...) differ in the
                    // trailing-checksum uploads the SDK sends by default; the service keeps its own SHA-256 of each file
                    .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                    .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                    .httpClient(UrlConnectionHttpClient.builder()
                            .connectionTimeout(Duration.ofSeconds(5))
                            .socketTimeout(Duration.ofSeconds(60))
                            .build());
            store.endpoint().ifPresent(builder::endpointOverride);
            s3 = builder.build();
        }
        return s3;
    }

    /** Writes {@code file} ({@code size} bytes) under {@code key}, unless an object of that size is there already. */
    public void put(String key, Path file, long size, String contentType) {
        try {
            if (exists(key, size)) {
                return;
            }
            try {
                write(key, file, size, contentType);
            } catch (NoSuchBucketException e) {
                if (!config.store().createBucket()) {
                    throw e;
                }
                createBucket();
                write(key, file, size, contentType);
            }
        } catch (SdkClientException | S3Exception e) {
            throw unavailable(e);
        }
    }

    private void write(String key, Path file, long size, String contentType) {
        client().putObject(b -> b.bucket(config.store().bucket()).key(key).contentType(contentType).contentLength(size),
                RequestBody.fromFile(file));
    }

    private void createBucket() {
        try {
            client().createBucket(b -> b.bucket(config.store().bucket()));
        } catch (BucketAlreadyOwnedByYouException | BucketAlreadyExistsException e) {
            // another replica created it meanwhile
        }
    }

    private boolean exists(String key, long size) {
        try {
            return client().headObject(b -> b.bucket(config.store().bucket()).key(key)).contentLength() == size;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    /** The object's bytes, read as they are sent on; the caller closes the stream. */
    public InputStream open(String key) {
        try {
            ResponseInputStream<GetObjectResponse> object = client().getObject(b -> b.bucket(config.store().bucket()).key(key));
            return object;
        } catch (SdkClientException | S3Exception e) {
            throw unavailable(e);
        }
    }

    @PreDestroy
    synchronized void close() {
        if (s3 != null) {
            s3.close();
        }
    }

    /** The object store did not answer, or refused: a 503 {@code dependency-unavailable}; the cause is logged. */
    private static ProblemException unavailable(Exception cause) {
        LOG.warnf("evidence object store: %s", cause.toString());
        return ProblemException.unavailable(Text.of("The evidence object store cannot be reached or did not answer in time; retry later"));
    }
}
