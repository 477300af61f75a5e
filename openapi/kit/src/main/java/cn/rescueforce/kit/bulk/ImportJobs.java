package cn.rescueforce.kit.bulk;

import cn.rescueforce.kit.i18n.Text;
import cn.rescueforce.kit.problem.ProblemException;
import cn.rescueforce.kit.security.Caller;
import cn.rescueforce.kit.security.CurrentCaller;
import io.quarkus.arc.All;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * Bulk import jobs as the API sees them: an upload becomes a job (the same caller, kind, file and options are the
 * same job, never applied twice), its progress and its per-row report are read by the caller who uploaded it
 * (anyone else: 404). The rows themselves are worked through by {@link ImportWorker}.
 */
@ApplicationScoped
public class ImportJobs {

    @Inject
    @All
    List<BulkKind> kinds;

    @Inject
    CurrentCaller currentCaller;

    @Inject
    EntityManager em;

    @Inject
    BulkConfig config;

    /** An upload's job, and whether this upload created it (false: the same upload was made before). */
    public record Submitted(ImportJob job, boolean created) {
    }

    public BulkKind kind(String name) {
        return kinds.stream().filter(k -> k.kind().equals(name)).findFirst()
                .orElseThrow(() -> ProblemException.notFound(Text.of("bulk kind"), name));
    }

    /** The template: the header row alone, in the format asked for. */
    public Template template(String kindName) {
        return kind(kindName).template();
    }

    @Transactional
    public Submitted submit(String kindName, String contentType, ImportMode mode, boolean dryRun, byte[] content,
                            String sha256) {
        BulkKind kind = kind(kindName);
        Caller caller = currentCaller.get();
        caller.requireLevel(kind.importers(), Text.of("import {0}", kindName));
        SheetFormat format = SheetFormat.ofUpload(contentType);
        if (content.length == 0) {
            throw ProblemException.invalid("body", Text.of("the file is empty"));
        }
        ImportMode effectiveMode = mode == null ? ImportMode.ALL_OR_NOTHING : mode;
        // the same upload again: its job, whatever state it is in; two identical uploads at once queue on this lock
        em.createNativeQuery("select pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .setParameter("key", "bulk_job:" + caller.sub() + ":" + sha256).getSingleResult();
        ImportJob same = sameUpload(caller.sub(), kindName, sha256, effectiveMode, dryRun);
        if (same != null) {
            return new Submitted(same, false);
        }
        ImportJob job = ImportJob.upload(kindName, format, effectiveMode, dryRun, sha256, content.length, caller);
        em.persist(job);
        em.flush();
        em.createNativeQuery("insert into bulk_job_file (job_id, content) values (:id, :content)")
                .setParameter("id", job.id).setParameter("content", content).executeUpdate();
        return new Submitted(job, true);
    }

    private ImportJob sameUpload(String sub, String kind, String sha256, ImportMode mode, boolean dryRun) {
        return em.createQuery("from ImportJob where callerSub = :sub and kind = :kind and fileSha256 = :sha"
                        + " and mode = :mode and dryRun = :dryRun", ImportJob.class)
                .setParameter("sub", sub).setParameter("kind", kind).setParameter("sha", sha256)
                .setParameter("mode", mode).setParameter("dryRun", dryRun)
                .getResultStream().findFirst().orElse(null);
    }

    /** The job, for the caller who uploaded it; 404 for anyone else, as if it did not exist. */
    public ImportJob get(String kindName, UUID id) {
        kind(kindName);
        ImportJob job = em.find(ImportJob.class, id);
        if (job == null || !job.kind.equals(kindName) || !job.callerSub.equals(currentCaller.get().sub())) {
            throw ProblemException.notFound(Text.of("import job"), id);
        }
        return job;
    }

    public record ProblemPage(List<RowProblem> items, int page, int size, long total) {
    }

    /** The job's per-row report, by row, a page at a time, each problem in both languages. */
    public ProblemPage problems(String kindName, UUID id, Integer page, Integer size) {
        ImportJob job = get(kindName, id);
        int p = page == null ? 0 : page;
        int s = size == null ? 50 : size;
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select row_no, field, problem, problem_zh from bulk_job_problem"
                        + " where job_id = :id order by row_no, seq")
                .setParameter("id", job.id).setFirstResult(p * s).setMaxResults(s).getResultList();
        long total = ((Number) em.createNativeQuery("select count(*) from bulk_job_problem where job_id = :id")
                .setParameter("id", job.id).getSingleResult()).longValue();
        return new ProblemPage(rows.stream().map(r -> new RowProblem(((Number) r[0]).intValue(), (String) r[1], (String) r[2], (String) r[3])).toList(),
                p, s, total);
    }

    static byte[] readLimited(InputStream body, long limit) {
        if (body == null) {
            return new byte[0];
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        try (body) {
            int n;
            while ((n = body.read(buffer)) > 0) {
                if (out.size() + (long) n > limit) {
                    throw new ProblemException(413, "payload-too-large", "Request body too large",
                            Text.of("A bulk file may be at most {0} bytes", limit), null);
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
