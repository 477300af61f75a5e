package cn.rescueforce.kit.conditional;

import cn.rescueforce.kit.problem.ProblemException;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.function.Supplier;

/** Entity versions as HTTP validators: {@code ETag}, {@code If-Match}, {@code If-None-Match}. */
public final class ETags {

    private ETags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /**
     * The version of a representation that has no version column (computed, or carrying facts of other entities):
     * a hash of its canonical form, non-negative, equal for equal content.
     */
    public static long ofContent(String canonical) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(hash).getLong() & Long.MAX_VALUE;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** A change needs the version the client last read: 428 without it, 412 when it is stale. */
    public static void requireMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw ProblemException.preconditionRequired();
        }
        String current = of(currentVersion);
        for (String candidate : ifMatch.split(",")) {
            String tag = candidate.trim().replaceFirst("^W/", "");
            if (tag.equals("*") || tag.equals(current)) {
                return;
            }
        }
        throw ProblemException.preconditionFailed(current, ifMatch.trim());
    }

    /** True when the client's copy is current and a 304 answers the read. */
    public static boolean stillCurrent(String ifNoneMatch, long currentVersion) {
        if (ifNoneMatch == null) {
            return false;
        }
        String current = of(currentVersion);
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.trim().replaceFirst("^W/", "");
            if (tag.equals("*") || tag.equals(current)) {
                return true;
            }
        }
        return false;
    }

    /** 200 with the representation and its ETag. */
    public static Response ok(Object representation, long version) {
        return Response.ok(representation).tag(new EntityTag(String.valueOf(version))).build();
    }

    /** 201 with Location, the representation and its ETag. */
    public static Response created(URI location, Object representation, long version) {
        return Response.created(location).entity(representation).tag(new EntityTag(String.valueOf(version))).build();
    }

    /** A conditional read: 304 when the client's copy is current, else 200 with the representation. */
    public static Response read(String ifNoneMatch, long version, Supplier<Object> representation) {
        if (stillCurrent(ifNoneMatch, version)) {
            return Response.notModified(new EntityTag(String.valueOf(version))).build();
        }
        return ok(representation.get(), version);
    }
}
