package cn.rescueforce.assessment.evidence;

import cn.rescueforce.kit.i18n.Text;
import cn.rescueforce.kit.problem.ProblemException;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The types evidence is kept in (openapi/assessment-api.yaml, EvidenceContentType), each with the signature its bytes
 * start with, so that a file is what its {@code Content-Type} says: a renamed document is not accepted as a photo.
 */
public enum EvidenceType {

    JPEG("image/jpeg", false),
    PNG("image/png", false),
    PDF("application/pdf", false),
    MP4("video/mp4", true);

    /** The most bytes {@link #matches} looks at. */
    static final int SIGNATURE_LENGTH = 12;

    private static final byte[] JPEG_SIGNATURE = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] PDF_SIGNATURE = {'%', 'P', 'D', 'F', '-'};
    private static final byte[] MP4_BOX = {'f', 't', 'y', 'p'};

    public final String mediaType;
    /** Videos have their own, larger limit ({@link EvidenceConfig#maxVideoSize()}). */
    public final boolean video;

    EvidenceType(String mediaType, boolean video) {
        this.mediaType = mediaType;
        this.video = video;
    }

    /** The type of a {@code Content-Type} header (parameters and case ignored), if evidence is kept in it. */
    public static Optional<EvidenceType> of(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        String bare = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.mediaType.equals(bare)).findFirst();
    }

    /** The type of a {@code Content-Type}, or 415 {@code unsupported-evidence-type}. */
    public static EvidenceType required(String contentType) {
        return of(contentType).orElseThrow(() -> new ProblemException(415, "unsupported-evidence-type", "Unsupported evidence type",
                contentType == null ? Text.of("Evidence is image/jpeg, image/png, application/pdf or video/mp4; the request names no Content-Type")
                        : Text.of("Evidence is image/jpeg, image/png, application/pdf or video/mp4, not {0}", contentType), null));
    }

    /** The largest file of this type, in bytes. */
    public long limit(EvidenceConfig config) {
        return (video ? config.maxVideoSize() : config.maxSize()).asLongValue();
    }

    /**
     * Whether {@code head}, the first {@code length} bytes of a file (at least {@link #SIGNATURE_LENGTH} unless the
     * file is shorter), start as a file of this type does. An MP4 file starts with its {@code ftyp} box: a 4-byte size,
     * then {@code ftyp}.
     */
    public boolean matches(byte[] head, int length) {
        return switch (this) {
            case JPEG -> startsWith(head, length, 0, JPEG_SIGNATURE);
            case PNG -> startsWith(head, length, 0, PNG_SIGNATURE);
            case PDF -> startsWith(head, length, 0, PDF_SIGNATURE);
            case MP4 -> startsWith(head, length, 4, MP4_BOX);
        };
    }

    private static boolean startsWith(byte[] head, int length, int offset, byte[] signature) {
        if (length < offset + signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if (head[offset + i] != signature[i]) {
                return false;
            }
        }
        return true;
    }
}
