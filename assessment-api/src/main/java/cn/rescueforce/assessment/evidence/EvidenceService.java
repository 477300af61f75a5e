package cn.rescueforce.assessment.evidence;

import cn.rescueforce.kit.i18n.Text;
import cn.rescueforce.assessment.assessment.Assessment;
import cn.rescueforce.assessment.assessment.AssessmentRepository;
import cn.rescueforce.assessment.security.Scope;
import cn.rescueforce.kit.audit.AuditTrail;
import cn.rescueforce.kit.paging.PageRequest;
import cn.rescueforce.kit.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import static cn.rescueforce.kit.security.ManagementLevel.ASSESSOR;
import static cn.rescueforce.kit.security.ManagementLevel.MINE_SAFETY;
import static cn.rescueforce.kit.security.ManagementLevel.NATIONAL;
import static cn.rescueforce.kit.security.ManagementLevel.PROVINCIAL;
import static cn.rescueforce.kit.security.ManagementLevel.UNIT;

/**
 * Evidence files of an assessment (openapi/assessment-api.yaml, Evidence): the assigned assessor uploads them while
 * the assessment is open; whoever may read the assessment lists and downloads them.
 *
 * <p>An upload is streamed to a temporary file while it is hashed, counted against its type's limit and its signature
 * checked, so neither the body nor the object store is involved before the file is known to be acceptable; the object
 * is then written under its SHA-256, and only then is its row committed, with the audit record and the change event,
 * in one short transaction. A crash in between leaves an object no row names: never listed or served, and reused by
 * the next upload of the same bytes. No database transaction is open while the body arrives.
 */
@ApplicationScoped
public class EvidenceService {

    static final List<String> UPLOADED_FIELDS = List.of("assessmentId", "fileName", "contentType", "size", "sha256");

    @Inject
    AssessmentRepository assessments;

    @Inject
    EvidenceFileRepository files;

    @Inject
    EvidenceStore store;

    @Inject
    EvidenceConfig config;

    @Inject
    Scope scope;

    @Inject
    AuditTrail audit;

    /** The outcome of an upload: the file, and whether this upload stored it (false: the same bytes were there). */
    public record Upload(EvidenceFile file, boolean created) {
    }

    /** What was read of an upload: its size, SHA-256 and whether it starts as its type does. */
    record Spooled(long size, String sha256) {
    }

    public Upload upload(UUID assessmentId, String fileName, String contentType, Long declaredLength, InputStream body) {
        scope.requireLevel(List.of(ASSESSOR), Text.of("upload evidence"));
        Assessment assessment = scope.visible(assessments.findById(assessmentId), assessmentId);
        assessment.assertEvaluationMayChange();
        EvidenceType type = EvidenceType.required(contentType);
        long limit = type.limit(config);
        if (declaredLength != null && declaredLength > limit) {
            throw tooLarge(type, limit);
        }
        Path spool = null;
        try {
            spool = Files.createTempFile("evidence-", ".upload");
            Spooled spooled;
            try (OutputStream out = Files.newOutputStream(spool)) {
                spooled = spool(body, out, type, limit);
            }
            EvidenceFile known = files.withHash(assessmentId, spooled.sha256()).orElse(null);
            if (known != null) {
                return new Upload(known, false);
            }
            store.put(EvidenceFile.objectKey(spooled.sha256()), spool, spooled.size(), type.mediaType);
            String by = scope.caller().sub();
            return QuarkusTransaction.requiringNew().call(() -> record(assessmentId, fileName.trim(), type, spooled, by));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (spool != null) {
                try {
                    Files.deleteIfExists(spool);
                } catch (IOException ignored) {
                    // a temporary file left behind is removed with the temporary directory
                }
            }
        }
    }

    /** The row, under the assessment's lock (so a finalization cannot slip in), unless these bytes arrived meanwhile. */
    private Upload record(UUID assessmentId, String fileName, EvidenceType type, Spooled spooled, String bySub) {
        Assessment assessment = assessments.findForUpdate(assessmentId);
        assessment.assertEvaluationMayChange();
        EvidenceFile known = files.withHash(assessmentId, spooled.sha256()).orElse(null);
        if (known != null) {
            return new Upload(known, false);
        }
        EvidenceFile file = EvidenceFile.of(assessmentId, fileName, type, spooled.size(), spooled.sha256(), bySub, Instant.now().truncatedTo(ChronoUnit.MICROS));
        files.persist(file);
        files.flush();
        audit.record("EvidenceFile", file.id, "UPLOADED", assessment.teamProvince, UPLOADED_FIELDS);
        return new Upload(file, true);
    }

    /**
     * Copies {@code body} to {@code out}, hashing and counting it: 413 once it passes {@code limit}, 400 when it does
     * not start with {@code type}'s signature or is empty (checked on its first bytes, before the rest is read).
     */
    static Spooled spool(InputStream body, OutputStream out, EvidenceType type, long limit) throws IOException {
        MessageDigest sha256 = sha256();
        byte[] buffer = new byte[64 * 1024];
        byte[] head = new byte[EvidenceType.SIGNATURE_LENGTH];
        int headLength = 0;
        boolean checked = false;
        long size = 0;
        int read;
        while ((read = body.read(buffer)) != -1) {
            size += read;
            if (size > limit) {
                throw tooLarge(type, limit);
            }
            if (!checked) {
                int take = Math.min(read, head.length - headLength);
                System.arraycopy(buffer, 0, head, headLength, take);
                headLength += take;
                if (headLength == head.length) {
                    requireSignature(type, head, headLength);
                    checked = true;
                }
            }
            sha256.update(buffer, 0, read);
            out.write(buffer, 0, read);
        }
        if (!checked) {
            requireSignature(type, head, headLength);
        }
        return new Spooled(size, HexFormat.of().formatHex(sha256.digest()));
    }

    private static void requireSignature(EvidenceType type, byte[] head, int length) {
        if (length == 0) {
            throw new ProblemException(400, "evidence-content-mismatch", "Evidence content does not match its type",
                    Text.of("The file is empty"), null);
        }
        if (!type.matches(head, length)) {
            throw new ProblemException(400, "evidence-content-mismatch", "Evidence content does not match its type",
                    Text.of("The file declared as {0} does not start with the signature of {1}", type.mediaType, type.mediaType), null);
        }
    }

    private static ProblemException tooLarge(EvidenceType type, long limit) {
        return new ProblemException(413, "evidence-too-large", "Evidence file too large",
                Text.of("An evidence file of type {0} may be at most {1} bytes", type.mediaType, limit), null);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The file of the assessment, to whoever may read the assessment; 404 otherwise, as for the assessment. */
    public EvidenceFile get(UUID assessmentId, UUID id) {
        visibleAssessment(assessmentId);
        return files.ofAssessment(assessmentId, id).orElseThrow(() -> ProblemException.notFound(Text.of("evidence file"), id));
    }

    public PanacheQuery<EvidenceFile> list(UUID assessmentId, PageRequest page) {
        visibleAssessment(assessmentId);
        return files.ofAssessment(assessmentId).page(page.panachePage());
    }

    /** The object's bytes; the caller closes the stream. */
    public InputStream open(EvidenceFile file) {
        return store.open(file.objectKey);
    }

    private void visibleAssessment(UUID assessmentId) {
        scope.requireLevel(List.of(NATIONAL, PROVINCIAL, MINE_SAFETY, UNIT, ASSESSOR), Text.of("read evidence"));
        scope.visible(assessments.findById(assessmentId), assessmentId);
    }
}
