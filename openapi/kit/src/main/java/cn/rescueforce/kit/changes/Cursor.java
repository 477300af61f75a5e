package cn.rescueforce.kit.changes;

import cn.rescueforce.kit.i18n.Text;
import cn.rescueforce.kit.problem.ProblemException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * A position in the change feed as one caller holds it: {@code base64url("c1.<position>.<caller>")}, where
 * {@code <caller>} is a digest of the token's subject. Opaque to clients (the contract says so); a cursor that
 * does not parse, or that another caller was given, is a 400 {@code invalid-cursor}: a client must not page through
 * another caller's view of the feed.
 */
public record Cursor(long position, String caller) {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final int MAX_LENGTH = 100;

    public static Cursor of(long position, String subject) {
        return new Cursor(position, fingerprint(subject));
    }

    public String encode() {
        return ENCODER.encodeToString(("c1." + position + "." + caller).getBytes(StandardCharsets.US_ASCII));
    }

    /** The cursor a client sent, which must be one this service gave {@code subject}. */
    public static Cursor decode(String text, String subject) {
        if (text == null || text.length() > MAX_LENGTH) {
            throw invalid(Text.of("The cursor is not one this service gives"));
        }
        String[] parts;
        try {
            parts = new String(DECODER.decode(text), StandardCharsets.US_ASCII).split("\\.");
        } catch (IllegalArgumentException e) {
            throw invalid(Text.of("The cursor is not one this service gives"));
        }
        if (parts.length != 3 || !parts[0].equals("c1") || !parts[1].matches("\\d{1,18}")) {
            throw invalid(Text.of("The cursor is not one this service gives"));
        }
        if (!parts[2].equals(fingerprint(subject))) {
            throw invalid(Text.of("The cursor was given to another caller: use a cursor from your own reads of the feed"));
        }
        return new Cursor(Long.parseLong(parts[1]), parts[2]);
    }

    static ProblemException invalid(Text detail) {
        return new ProblemException(400, "invalid-cursor", "Cursor is invalid", detail, null);
    }

    static String fingerprint(String subject) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(subject.getBytes(StandardCharsets.UTF_8));
            return ENCODER.encodeToString(java.util.Arrays.copyOf(digest, 9));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
