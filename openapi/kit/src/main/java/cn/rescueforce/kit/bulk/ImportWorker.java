package cn.rescueforce.kit.bulk;

import cn.rescueforce.kit.i18n.Language;

import cn.rescueforce.kit.i18n.Text;
import cn.rescueforce.kit.problem.Problem.FieldError;
import cn.rescueforce.kit.problem.ProblemException;
import cn.rescueforce.kit.problem.UniqueViolations;
import jakarta.enterprise.inject.Instance;
import cn.rescueforce.kit.security.CurrentCaller;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.hibernate.Session;
import org.jboss.logging.Logger;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Works through the unfinished import jobs, resumably: the job's state and its row checkpoint are in PostgreSQL,
 * so a job survives a restart of the service and is taken up again, from its checkpoint, by whichever instance's
 * worker takes it next (a job row is taken with {@code for update skip locked} when its lease is free or ran out;
 * every chunk renews the lease and first checks that this worker still holds it).
 * <ol>
 * <li>Counting: the rows are counted and the header is read (a header problem rejects the job: nothing applied).</li>
 * <li>Validating, a chunk at a time: each row runs through the kind's single-item operation inside a savepoint that
 * is rolled back after it, the chunk's rows in one transaction that is always rolled back (one rule in one place:
 * the dry run is the real operation, undone; one transaction per chunk, not per row), and a second row with the same
 * key as an earlier one of the file is reported; the problems and the checkpoint are written together. A dry run
 * ends here, COMPLETED, having changed nothing.</li>
 * <li>Applying. VALID_ROWS: the rows without a problem, a chunk per transaction, the chunk's changes and the
 * checkpoint committed together, so after a restart each row is applied exactly once; a row that fails now (the
 * registry changed since it was checked) is reported and the chunk is applied row by row. ALL_OR_NOTHING: a job
 * with any problem is REJECTED without applying anything; otherwise every row is applied in ONE transaction that
 * also completes the job. "Nothing" survives a restart: until that transaction commits, nothing of it is visible,
 * and a crash rolls it back whole, the job staying APPLYING with checkpoint 0, to be applied again from its first
 * row. A row failing in it rolls back every row: the job is REJECTED, the row reported.</li>
 * </ol>
 * Memory stays bounded: the file is streamed (SheetReader) and only a chunk of rows is held at a time; the
 * uploaded bytes (at most rescue-force.bulk.max-upload-size) are read once per run and deleted when the job ends.
 */
@ApplicationScoped
public class ImportWorker {

    private static final Logger LOG = Logger.getLogger(ImportWorker.class);
    /** This instance's name as a lease owner; a new one after each restart. */
    private final UUID self = UUID.randomUUID();

    @Inject
    EntityManager em;

    @Inject
    ImportJobs jobs;

    @Inject
    BulkConfig config;

    @Inject
    Instance<UniqueViolations> uniqueViolations;

    @Scheduled(every = "${rescue-force.bulk.poll-every:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void poll() {
        Instant until = Instant.now().plus(config.runBudget());
        UUID id;
        while (Instant.now().isBefore(until) && (id = take()) != null) {
            work(id, until);
        }
    }

    /** Takes the oldest unfinished job whose lease is free, or null. */
    UUID take() {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<UUID> free = em.createNativeQuery("select id from bulk_job where finished_at is null"
                            + " and (lease_until is null or lease_until < now()) order by created_at limit 1"
                            + " for update skip locked", UUID.class).getResultList();
            if (free.isEmpty()) {
                return null;
            }
            ImportJob job = em.find(ImportJob.class, free.get(0));
            renew(job);
            return job.id;
        });
    }

    private void renew(ImportJob job) {
        job.leaseOwner = self;
        job.leaseUntil = Instant.now().plus(config.lease());
        job.updatedAt = Instant.now();
    }

    /** The job, locked, if this worker still holds it. */
    private ImportJob held(UUID id) {
        ImportJob job = em.find(ImportJob.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (job == null || !self.equals(job.leaseOwner) || job.status.isFinal()) {
            throw new LostLease();
        }
        renew(job);
        return job;
    }

    /** The job went to another worker (its lease ran out) or ended: this worker stops working on it. */
    static final class LostLease extends RuntimeException {
        LostLease() {
            super(null, null, false, false);
        }
    }

    /** Works on one job as its caller until it ends, the run's time is up, or the lease is lost. */
    void work(UUID id, Instant until) {
        ManagedContext request = Arc.container().requestContext();
        request.activate();
        try {
            ImportJob job = QuarkusTransaction.requiringNew().call(() -> em.find(ImportJob.class, id));
            Arc.container().instance(CurrentCaller.class).get().actAs(job.caller());
            BulkKind kind = jobs.kind(job.kind);
            byte[] file = QuarkusTransaction.requiringNew().call(() -> (byte[]) em
                    .createNativeQuery("select content from bulk_job_file where job_id = :id")
                    .setParameter("id", id).getSingleResult());
            Run run = new Run(job, kind, file, until);
            run.go();
        } catch (LostLease lost) {
            LOG.debugf("import job %s: lease lost or job ended", id);
        } catch (SheetReader.UnreadableFile unreadable) {
            end(id, ImportStatus.FAILED, unreadable.getMessage());
        } catch (RuntimeException e) {
            LOG.errorf(e, "import job %s failed; it is taken up again when its lease runs out", id);
        } finally {
            request.terminate();
        }
    }

    private void end(UUID id, ImportStatus status, String why) {
        QuarkusTransaction.requiringNew().run(() -> {
            ImportJob job = em.find(ImportJob.class, id, LockModeType.PESSIMISTIC_WRITE);
            if (job != null && !job.status.isFinal()) {
                job.finish(status, why);
                deleteFile(id);
            }
        });
    }

    private void deleteFile(UUID id) {
        em.createNativeQuery("delete from bulk_job_file where job_id = :id").setParameter("id", id).executeUpdate();
    }

    /** Thrown at the end of a row's check: the row passed, and its transaction rolls back. */
    static final class Undone extends RuntimeException {
        Undone() {
            super(null, null, false, false);
        }
    }

    /** Out of time for this run: the lease is given back so the next run (or another instance) goes on. */
    static final class OutOfTime extends RuntimeException {
        OutOfTime() {
            super(null, null, false, false);
        }
    }

    /** One worker's run over one job. */
    private final class Run {
        private final UUID id;
        private final BulkKind kind;
        private final byte[] file;
        private final Instant until;
        private final SheetFormat format;
        private final ImportMode mode;
        private final boolean dryRun;

        Run(ImportJob job, BulkKind kind, byte[] file, Instant until) {
            this.id = job.id;
            this.kind = kind;
            this.file = file;
            this.until = until;
            this.format = job.format;
            this.mode = job.mode;
            this.dryRun = job.dryRun;
        }

        void go() {
            try {
                ImportStatus status = QuarkusTransaction.requiringNew().call(() -> held(id).status);
                if (status == ImportStatus.QUEUED) {
                    status = count();
                }
                if (status == ImportStatus.VALIDATING) {
                    status = validate();
                }
                if (status == ImportStatus.APPLYING) {
                    if (mode == ImportMode.ALL_OR_NOTHING) {
                        applyAll();
                    } else {
                        applyValidRows();
                    }
                }
            } catch (OutOfTime out) {
                QuarkusTransaction.requiringNew().run(() -> held(id).leaseUntil = Instant.now());
            }
        }

        private void read(SheetReader.RowHandler handler) {
            SheetReader.read(format, new ByteArrayInputStream(file), handler);
        }

        private Template.Header header() {
            Template.Header[] header = new Template.Header[1];
            read((number, cells) -> {
                header[0] = kind.template().read(cells);
                return false;
            });
            return header[0] == null ? kind.template().read(List.of()) : header[0];
        }

        /** Counts the data rows and reads the header: a header problem rejects the job before any row. */
        private ImportStatus count() {
            int[] last = {0};
            read((number, cells) -> {
                if (cells.stream().anyMatch(c -> c != null && !c.isBlank())) {
                    last[0] = number;
                }
                return true;
            });
            Template.Header header = header();
            return QuarkusTransaction.requiringNew().call(() -> {
                ImportJob job = held(id);
                job.totalRows = Math.max(0, last[0] - 1);
                job.checkpointRow = 1;
                if (!header.problems().isEmpty()) {
                    report(job, header.problems());
                    job.finish(ImportStatus.REJECTED, "the header row names columns this kind does not have, or misses required ones");
                    deleteFile(id);
                    return job.status;
                }
                job.status = ImportStatus.VALIDATING;
                return job.status;
            });
        }

        private ImportStatus validate() {
            Template.Header header = header();
            int from = QuarkusTransaction.requiringNew().call(() -> held(id).checkpointRow);
            Set<String> keys = new HashSet<>();
            Set<Integer> reported = reportedRows(0, Integer.MAX_VALUE);
            List<ImportRow> chunk = new ArrayList<>();
            read((number, cells) -> {
                if (number == 1) {
                    return true;
                }
                ImportRow row = header.row(number, cells);
                if (number <= from) {
                    // already checked before a restart: only its key is remembered, for the duplicates still to come
                    String key = row.isEmpty() || reported.contains(number) ? null : kind.duplicateKey(row);
                    if (key != null) {
                        keys.add(key);
                    }
                    return true;
                }
                chunk.add(row);
                if (chunk.size() >= config.chunkRows()) {
                    validateChunk(chunk, keys);
                    chunk.clear();
                }
                return true;
            });
            if (!chunk.isEmpty()) {
                validateChunk(chunk, keys);
            }
            return QuarkusTransaction.requiringNew().call(() -> {
                ImportJob job = held(id);
                if (dryRun) {
                    job.finish(ImportStatus.COMPLETED, null);
                    deleteFile(id);
                } else if (mode == ImportMode.ALL_OR_NOTHING && job.errorCount > 0) {
                    job.finish(ImportStatus.REJECTED, "rows with problems: nothing applied (mode ALL_OR_NOTHING)");
                    deleteFile(id);
                } else {
                    job.status = ImportStatus.APPLYING;
                    job.checkpointRow = 1;
                }
                return job.status;
            });
        }

        private void validateChunk(List<ImportRow> chunk, Set<String> keys) {
            checkTime();
            List<ImportRow> rows = chunk.stream().filter(r -> !r.isEmpty()).toList();
            Map<Integer, List<RowProblem>> checked = checkAll(rows);
            List<RowProblem> problems = new ArrayList<>();
            int valid = 0;
            for (ImportRow row : rows) {
                List<RowProblem> found = checked.get(row.number());
                if (found.isEmpty()) {
                    String key = kind.duplicateKey(row);
                    if (key != null && !keys.add(key)) {
                        found = List.of(RowProblem.of(row.number(), "row",
                                Text.of("repeats an earlier row of this file (the same unique value)")));
                    }
                }
                if (found.isEmpty()) {
                    valid++;
                }
                problems.addAll(found);
            }
            int last = chunk.get(chunk.size() - 1).number();
            int validRows = valid;
            QuarkusTransaction.requiringNew().run(() -> {
                ImportJob job = held(id);
                report(job, problems);
                job.rowsValid += validRows;
                job.checkpointRow = last;
            });
        }

        /**
         * Each row through the real operation, a chunk in one transaction that is always rolled back: every row runs
         * inside a savepoint that is rolled back after it, so each row is checked against the registry as it is (not
         * as the chunk's earlier rows would leave it; repeats within the file are the duplicate keys' business) and
         * nothing is ever changed. A row whose failure leaves the transaction unusable (marked rollback-only, as
         * a failing {@code @Transactional} operation or a constraint violation does) ends that transaction; the rows
         * after it go on in a new one. The problems of each row, by row number.
         */
        private Map<Integer, List<RowProblem>> checkAll(List<ImportRow> rows) {
            Map<Integer, List<RowProblem>> checked = new HashMap<>();
            int next = 0;
            while (next < rows.size()) {
                int start = next;
                int[] done = {start};
                try {
                    QuarkusTransaction.requiringNew().run(() -> {
                        // established once: rolling back to it leaves it in place for the next row (one statement a row)
                        savepoint("savepoint bulk_row");
                        for (int k = start; k < rows.size(); k++) {
                            ImportRow row = rows.get(k);
                            checked.put(row.number(), checkInSavepoint(row));
                            done[0] = k + 1;
                            if (QuarkusTransaction.isRollbackOnly()) {
                                break; // this transaction can do no more: the next row starts a new one
                            }
                            savepoint("rollback to savepoint bulk_row");
                            em.clear(); // what the row loaded or persisted is gone with its savepoint
                        }
                        throw new Undone(); // a check changes nothing
                    });
                } catch (Undone undone) {
                    // rolled back, as always
                } catch (RuntimeException e) {
                    if (done[0] == start) { // not even the first row could be checked: reported, and on to the next
                        ImportRow row = rows.get(start);
                        LOG.errorf(e, "import job %s: row %d could not be checked", id, row.number());
                        checked.put(row.number(), List.of(RowProblem.of(row.number(), "row", Text.of("could not be checked (internal error)"))));
                        done[0] = start + 1;
                    }
                }
                next = done[0];
            }
            return checked;
        }

        private void savepoint(String statement) {
            em.unwrap(Session.class).doWork(connection -> {
                try (Statement sql = connection.createStatement()) {
                    sql.execute(statement);
                }
            });
        }

        /** The row through the real operation, inside its savepoint: its problems, or none. */
        private List<RowProblem> checkInSavepoint(ImportRow row) {
            try {
                kind.apply(row);
                em.flush(); // constraints are checked now, not at a commit that never comes
                return List.of();
            } catch (ProblemException problem) {
                return problemsOf(row.number(), problem);
            } catch (LostLease | OutOfTime | Undone stop) {
                throw stop;
            } catch (RuntimeException e) {
                ProblemException problem = unwrap(e);
                if (problem != null) {
                    return problemsOf(row.number(), problem);
                }
                LOG.errorf(e, "import job %s: row %d could not be checked", id, row.number());
                return List.of(RowProblem.of(row.number(), "row", Text.of("could not be checked (internal error)")));
            }
        }

        private void applyValidRows() {
            Template.Header header = header();
            int from = QuarkusTransaction.requiringNew().call(() -> held(id).checkpointRow);
            Set<Integer> reported = reportedRows(from + 1, Integer.MAX_VALUE);
            List<ImportRow> chunk = new ArrayList<>();
            read((number, cells) -> {
                if (number <= from) {
                    return true;
                }
                chunk.add(header.row(number, cells));
                if (chunk.size() >= config.chunkRows()) {
                    applyChunk(chunk, reported);
                    chunk.clear();
                }
                return true;
            });
            if (!chunk.isEmpty()) {
                applyChunk(chunk, reported);
            }
            QuarkusTransaction.requiringNew().run(() -> {
                held(id).finish(ImportStatus.COMPLETED, null);
                deleteFile(id);
            });
        }

        private boolean applies(ImportRow row, Set<Integer> reported) {
            return !row.isEmpty() && !reported.contains(row.number());
        }

        /** The chunk's rows and the checkpoint in one transaction; a failing row sends the chunk row by row. */
        private void applyChunk(List<ImportRow> chunk, Set<Integer> reported) {
            checkTime();
            int last = chunk.get(chunk.size() - 1).number();
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    ImportJob job = held(id);
                    int applied = 0;
                    for (ImportRow row : chunk) {
                        if (applies(row, reported)) {
                            kind.apply(row);
                            applied++;
                        }
                    }
                    job.rowsApplied += applied;
                    job.checkpointRow = last;
                });
            } catch (LostLease lost) {
                throw lost;
            } catch (RuntimeException chunkFailed) {
                for (ImportRow row : chunk) {
                    applyOne(row, reported);
                }
            }
        }

        private void applyOne(ImportRow row, Set<Integer> reported) {
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    ImportJob job = held(id);
                    if (row.number() <= job.checkpointRow) {
                        return;
                    }
                    if (applies(row, reported)) {
                        kind.apply(row);
                        job.rowsApplied++;
                    }
                    job.checkpointRow = row.number();
                });
            } catch (LostLease lost) {
                throw lost;
            } catch (RuntimeException e) {
                ProblemException problem = unwrap(e);
                List<RowProblem> problems = problem != null ? problemsOf(row.number(), problem)
                        : List.of(RowProblem.of(row.number(), "row", Text.of("could not be applied (internal error)")));
                if (problem == null) {
                    LOG.errorf(e, "import job %s: row %d could not be applied", id, row.number());
                }
                QuarkusTransaction.requiringNew().run(() -> {
                    ImportJob job = held(id);
                    report(job, problems);
                    job.rowsValid--;
                    job.checkpointRow = row.number();
                });
            }
        }

        /** Every row, and the job's end, in one transaction: all or nothing, across a restart too. */
        private void applyAll() {
            Template.Header header = header();
            QuarkusTransaction.requiringNew().run(() -> {
                // the lease covers the whole transaction: nobody else starts the same job meanwhile
                held(id).leaseUntil = Instant.now().plus(config.allOrNothingTimeout());
            });
            int[] failedRow = {0};
            try {
                QuarkusTransaction.requiringNew().timeout((int) config.allOrNothingTimeout().toSeconds()).run(() -> {
                    ImportJob job = held(id);
                    int[] applied = {0};
                    read((number, cells) -> {
                        if (number == 1) {
                            return true;
                        }
                        ImportRow row = header.row(number, cells);
                        if (!row.isEmpty()) {
                            failedRow[0] = number;
                            kind.apply(row);
                            applied[0]++;
                            if (applied[0] % config.chunkRows() == 0) {
                                em.flush();
                                em.clear(); // bounded memory: what is flushed need not stay in the session
                            }
                        }
                        return true;
                    });
                    failedRow[0] = 0;
                    job = em.find(ImportJob.class, id);
                    job.rowsApplied = applied[0];
                    job.checkpointRow = job.totalRows + 1;
                    job.finish(ImportStatus.COMPLETED, null);
                    deleteFile(id);
                });
            } catch (LostLease lost) {
                throw lost;
            } catch (SheetReader.UnreadableFile unreadable) {
                throw unreadable;
            } catch (RuntimeException e) {
                ProblemException problem = unwrap(e);
                int row = failedRow[0];
                if (problem == null) {
                    LOG.errorf(e, "import job %s: the all-or-nothing transaction failed at row %d", id, row);
                }
                List<RowProblem> problems = problem != null ? problemsOf(row, problem)
                        : List.of(RowProblem.of(row, "row", Text.of("could not be applied (internal error)")));
                QuarkusTransaction.requiringNew().run(() -> {
                    ImportJob job = held(id);
                    report(job, problems);
                    job.finish(ImportStatus.REJECTED, "row " + row + " failed while applying: nothing applied (mode ALL_OR_NOTHING)");
                    deleteFile(id);
                });
            }
        }

        private void checkTime() {
            if (Instant.now().isAfter(until)) {
                throw new OutOfTime();
            }
        }

        private Set<Integer> reportedRows(int from, int to) {
            return QuarkusTransaction.requiringNew().call(() -> {
                @SuppressWarnings("unchecked")
                List<Number> rows = em.createNativeQuery("select distinct row_no from bulk_job_problem where job_id = :id"
                                + " and row_no between :from and :to")
                        .setParameter("id", id).setParameter("from", from).setParameter("to", to).getResultList();
                Set<Integer> set = new HashSet<>();
                rows.forEach(r -> set.add(r.intValue()));
                return set;
            });
        }

        /** The problem as report lines: field errors by field (personal fields without their message), else the title. */
        private List<RowProblem> problemsOf(int row, ProblemException problem) {
            List<FieldError> errors = problem.errors();
            if (errors != null && !errors.isEmpty()) {
                return errors.stream().map(e -> RowProblem.of(row, e.field(), safeMessage(e))).toList();
            }
            boolean personal = mentionsPersonalData(problem.detail(Language.EN));
            return List.of(new RowProblem(row, "row", titled(problem, Language.EN, personal), titled(problem, Language.ZH, personal)));
        }

        /** The problem's title and type, and its detail unless it names a personal column. */
        private String titled(ProblemException problem, Language language, boolean personal) {
            String detail = problem.detail(language);
            return problem.title(language) + " (" + problem.type() + ")" + (detail == null || personal ? "" : ": " + detail);
        }

        private Text safeMessage(FieldError error) {
            boolean personal = kind.template().columns().stream()
                    .anyMatch(c -> c.personal() && c.key().equals(error.field()));
            return personal ? Text.of("invalid (the value is personal data and is not repeated here)") : error.message();
        }

        /** A detail that names a personal column's key may carry its value: only the title is reported then. */
        private boolean mentionsPersonalData(String detail) {
            return detail != null && kind.template().columns().stream().anyMatch(c -> c.personal() && detail.contains(c.key()));
        }
    }

    /** Writes problems after the job's last ones (seq numbers them in the order found). */
    private void report(ImportJob job, List<RowProblem> problems) {
        int seq = job.errorCount;
        for (RowProblem p : problems) {
            em.createNativeQuery("insert into bulk_job_problem (job_id, row_no, field, problem, problem_zh, seq)"
                            + " values (:id, :row, :field, :problem, :problemZh, :seq)")
                    .setParameter("id", job.id).setParameter("row", p.row()).setParameter("field", p.field())
                    .setParameter("problem", p.problem()).setParameter("problemZh", p.problemZh())
                    .setParameter("seq", ++seq).executeUpdate();
        }
        job.errorCount = seq;
    }

    /** The problem a request would have been answered with (a unique constraint as the service names it), or null. */
    private ProblemException unwrap(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ProblemException problem) {
                return problem;
            }
            if (t instanceof org.hibernate.exception.ConstraintViolationException violation) {
                String constraint = violation.getConstraintName();
                for (UniqueViolations known : uniqueViolations) {
                    var problem = constraint == null ? java.util.Optional.<ProblemException>empty() : known.problemFor(constraint);
                    if (problem.isPresent()) {
                        return problem.get();
                    }
                }
                return ProblemException.conflict(Text.of("The row conflicts with an existing record ({0})", constraint));
            }
        }
        return null;
    }
}
