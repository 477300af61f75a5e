package cn.rescueforce.assessment.evidence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.Instant;
import java.util.UUID;

/**
 * A file an assessor uploaded to an assessment as evidence: what it is (name, type, size, SHA-256) and where its bytes
 * are in the object store. Never changed or deleted once stored (the table refuses it, V5__evidence_files.sql): an
 * evaluation cites it by id, an appeal keeps it.
 */
@Entity
@Immutable
@Table(name = "evidence_file")
public class EvidenceFile extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "assessment_id", nullable = false)
    public UUID assessmentId;

    @Column(name = "file_name", nullable = false)
    public String fileName;

    @Enumerated(EnumType.STRING)
    @Column(name = "content_type", nullable = false)
    public EvidenceType type;

    @Column(nullable = false)
    public long size;

    @Column(nullable = false)
    public String sha256;

    @Column(name = "object_key", nullable = false)
    public String objectKey;

    @Column(name = "uploaded_by", nullable = false)
    public String uploadedBy;

    @Column(name = "uploaded_at", nullable = false)
    public Instant uploadedAt;

    /** The file of {@code assessmentId} whose bytes hash to {@code sha256}, kept under that hash in the object store. */
    static EvidenceFile of(UUID assessmentId, String fileName, EvidenceType type, long size, String sha256, String bySub, Instant now) {
        EvidenceFile file = new EvidenceFile();
        file.id = UUID.randomUUID();
        file.assessmentId = assessmentId;
        file.fileName = fileName;
        file.type = type;
        file.size = size;
        file.sha256 = sha256;
        file.objectKey = objectKey(sha256);
        file.uploadedBy = bySub;
        file.uploadedAt = now;
        return file;
    }

    /** Content-addressed: the same bytes are one object, and an object is never overwritten with other bytes. */
    static String objectKey(String sha256) {
        return "evidence/sha256/" + sha256;
    }
}
