package cn.rescueforce.kit.bulk;

import cn.rescueforce.kit.security.Caller;
import cn.rescueforce.kit.security.ManagementLevel;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/** A bulk import: what was uploaded by whom, with which options, and how far it got (V0_4__bulk_jobs.sql). */
@Entity
@Table(name = "bulk_job")
public class ImportJob extends PanacheEntityBase {

    @Id
    public UUID id;

    public String kind;

    @Enumerated(EnumType.STRING)
    public SheetFormat format;

    @Enumerated(EnumType.STRING)
    public ImportMode mode;

    @Column(name = "dry_run")
    public boolean dryRun;

    @Column(name = "file_sha256")
    public String fileSha256;

    @Column(name = "file_size")
    public long fileSize;

    @Column(name = "caller_sub")
    public String callerSub;

    @Enumerated(EnumType.STRING)
    @Column(name = "caller_level")
    public ManagementLevel callerLevel;

    @Column(name = "caller_region")
    public String callerRegion;

    @Column(name = "caller_org")
    public UUID callerOrg;

    @Enumerated(EnumType.STRING)
    public ImportStatus status;

    @Column(name = "checkpoint_row")
    public int checkpointRow;

    @Column(name = "total_rows")
    public Integer totalRows;

    @Column(name = "rows_valid")
    public int rowsValid;

    @Column(name = "rows_applied")
    public int rowsApplied;

    @Column(name = "error_count")
    public int errorCount;

    public String failure;

    @Column(name = "lease_owner")
    public UUID leaseOwner;

    @Column(name = "lease_until")
    public Instant leaseUntil;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    @Version
    public long version;

    static ImportJob upload(String kind, SheetFormat format, ImportMode mode, boolean dryRun, String sha256, long size,
                            Caller caller) {
        ImportJob job = new ImportJob();
        job.id = UUID.randomUUID();
        job.kind = kind;
        job.format = format;
        job.mode = mode;
        job.dryRun = dryRun;
        job.fileSha256 = sha256;
        job.fileSize = size;
        job.callerSub = caller.sub();
        job.callerLevel = caller.level();
        job.callerRegion = caller.region();
        job.callerOrg = caller.org();
        job.status = ImportStatus.QUEUED;
        job.createdAt = Instant.now();
        job.updatedAt = job.createdAt;
        return job;
    }

    public Caller caller() {
        return new Caller(callerSub, callerLevel, callerRegion, callerOrg);
    }

    /** The rows done in the current phase: checked while validating, all of them checked once applying. */
    public int rowsValidated() {
        return switch (status) {
            case QUEUED -> 0;
            // the checkpoint is the last row checked as the sheet numbers it (the header is row 1)
            case VALIDATING -> Math.max(0, checkpointRow - 1);
            default -> totalRows == null ? 0 : totalRows;
        };
    }

    /** The data rows of the file (the header row not counted), null until counted. */
    public Integer dataRows() {
        return totalRows;
    }

    void finish(ImportStatus end, String why) {
        status = end;
        failure = why;
        finishedAt = Instant.now();
        updatedAt = finishedAt;
        leaseOwner = null;
        leaseUntil = null;
    }
}
