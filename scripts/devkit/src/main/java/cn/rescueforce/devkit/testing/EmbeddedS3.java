package cn.rescueforce.devkit.testing;

import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * An S3-compatible object store in this JVM, for {@code scripts/run} and the tests: s3proxy in front of jclouds'
 * filesystem blob store, so objects are plain files under {@code directory} (one folder per bucket) and nothing but
 * the JDK is needed. It checks AWS signatures (V2 or V4) with a fixed development key pair, so a client configured as
 * in production (endpoint, region, path-style access, access key and secret) talks to it unchanged.
 *
 * <p>For local use only: the key pair is public (in this file), and it listens on the loopback address.
 */
public final class EmbeddedS3 implements AutoCloseable {

    public static final String ACCESS_KEY = "local-evidence";
    public static final String SECRET_KEY = "local-evidence-secret-not-for-production";
    /** Any region name works with s3proxy; the client signs with it. */
    public static final String REGION = "us-east-1";

    private final S3Proxy proxy;
    private final BlobStoreContext context;
    private final String bucket;

    private EmbeddedS3(S3Proxy proxy, BlobStoreContext context, String bucket) {
        this.proxy = proxy;
        this.context = context;
        this.bucket = bucket;
    }

    /**
     * Starts the store on 127.0.0.1 ({@code port} 0: any free port) with its objects under {@code directory}, and
     * creates {@code bucket} when it is missing (kept across restarts).
     */
    public static EmbeddedS3 start(Path directory, String bucket, int port) {
        try {
            Files.createDirectories(directory);
            Properties properties = new Properties();
            properties.setProperty("jclouds.filesystem.basedir", directory.toAbsolutePath().toString());
            BlobStoreContext context = ContextBuilder.newBuilder("filesystem")
                    .credentials("identity", "credential")
                    .overrides(properties)
                    .buildView(BlobStoreContext.class);
            BlobStore store = context.getBlobStore();
            if (!store.containerExists(bucket)) {
                store.createContainerInLocation(null, bucket);
            }
            S3Proxy proxy = S3Proxy.builder()
                    .blobStore(store)
                    .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                    .endpoint(URI.create("http://127.0.0.1:" + port))
                    .build();
            proxy.start();
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (!proxy.getState().equals("STARTED")) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the embedded S3 store did not start within 30 s: " + proxy.getState());
                }
                Thread.onSpinWait();
            }
            return new EmbeddedS3(proxy, context, bucket);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("the embedded S3 store did not start", e);
        }
    }

    /** The endpoint a client is configured with (path-style access). */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + proxy.getPort());
    }

    public String bucket() {
        return bucket;
    }

    @Override
    public void close() {
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new IllegalStateException("the embedded S3 store did not stop", e);
        } finally {
            context.close();
        }
    }
}
