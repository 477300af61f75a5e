package cn.rescueforce.teams.bulk;

import cn.rescueforce.kit.i18n.Language;
import cn.rescueforce.kit.bulk.BulkTransfers;
import cn.rescueforce.kit.bulk.ImportJob;
import cn.rescueforce.kit.bulk.ImportJobs;
import cn.rescueforce.kit.bulk.ImportMode;
import cn.rescueforce.teams.api.BulkTransferApi;
import cn.rescueforce.teams.api.model.BulkFormat;
import cn.rescueforce.teams.api.model.BulkKind;
import cn.rescueforce.teams.api.model.ImportJobStatus;
import cn.rescueforce.teams.api.model.ImportProblem;
import cn.rescueforce.teams.api.model.ImportProblemPage;
import io.quarkus.security.Authenticated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import java.io.File;
import java.time.ZoneOffset;
import java.util.UUID;

/** Bulk import and export (openapi/teams-api.yaml, tag BulkTransfer); the machinery is the kit's (kit.bulk). */
@ApplicationScoped
@Authenticated
public class BulkTransferResource implements BulkTransferApi {

    @Inject
    BulkTransfers transfers;

    @Inject
    ImportJobs jobs;

    @Context
    HttpHeaders headers;

    @Override
    public Response getBulkTemplate(BulkKind kind, BulkFormat format) {
        return transfers.template(kind.toString(), format == null ? null : format.toString());
    }

    @Override
    public Response exportBulk(BulkKind kind, BulkFormat format) {
        return transfers.export(kind.toString(), format == null ? null : format.toString());
    }

    @Override
    public Response startImportJob(BulkKind kind, File body, String idempotencyKey, cn.rescueforce.teams.api.model.ImportMode mode,
                                   Boolean dryRun) {
        return transfers.startImport(kind.toString(), headers.getHeaderString(HttpHeaders.CONTENT_TYPE), body, idempotencyKey,
                mode == null ? null : ImportMode.valueOf(mode.toString()), Boolean.TRUE.equals(dryRun), this::toApi);
    }

    @Override
    public Response getImportJob(BulkKind kind, UUID jobId) {
        return Response.ok(toApi(jobs.get(kind.toString(), jobId))).build();
    }

    @Override
    public Response listImportProblems(BulkKind kind, UUID jobId, Integer page, Integer size) {
        ImportJobs.ProblemPage found = jobs.problems(kind.toString(), jobId, page, size);
        Language language = Language.of(headers);
        return Response.ok(new ImportProblemPage(found.items().stream()
                .map(p -> new ImportProblem(p.row(), p.field(), p.in(language))).toList(),
                found.page(), found.size(), found.total()))
                .header(Language.CONTENT_LANGUAGE, language.tag()).header("Vary", Language.ACCEPT_LANGUAGE).build();
    }

    private cn.rescueforce.teams.api.model.ImportJob toApi(ImportJob job) {
        return new cn.rescueforce.teams.api.model.ImportJob()
                .id(job.id)
                .kind(BulkKind.fromValue(job.kind))
                .format(BulkFormat.fromValue(job.format.extension()))
                .mode(cn.rescueforce.teams.api.model.ImportMode.fromValue(job.mode.name()))
                .dryRun(job.dryRun)
                .status(ImportJobStatus.fromValue(job.status.name()))
                .fileSha256(job.fileSha256)
                .fileSize(job.fileSize)
                .rowsTotal(job.totalRows)
                .rowsValidated(job.rowsValidated())
                .rowsApplied(job.rowsApplied)
                .problems(job.errorCount)
                .failure(job.failure)
                .createdAt(job.createdAt.atOffset(ZoneOffset.UTC))
                .updatedAt(job.updatedAt.atOffset(ZoneOffset.UTC))
                .finishedAt(job.finishedAt == null ? null : job.finishedAt.atOffset(ZoneOffset.UTC));
    }
}
