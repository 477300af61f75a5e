package cn.rescueforce.kit.bulk;

import cn.rescueforce.kit.i18n.Text;
import cn.rescueforce.kit.idempotency.IdempotentRequests;
import cn.rescueforce.kit.security.CurrentCaller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.Map;
import java.util.function.Function;

/**
 * The HTTP side of bulk transfer shared by the services' BulkTransfer resources: templates and exports streamed as
 * files, an upload turned into an import job (202, or 200 for the same upload again).
 */
@ApplicationScoped
public class BulkTransfers {

    static final String REPLAYED_HEADER = "Idempotent-Replayed";

    @Inject
    ImportJobs jobs;

    @Inject
    CurrentCaller caller;

    @Inject
    IdempotentRequests idempotency;

    @Inject
    BulkConfig config;

    /** The header row alone; the levels that import the kind read it. */
    public Response template(String kindName, String formatName) {
        BulkKind kind = jobs.kind(kindName);
        caller.get().requireLevel(kind.importers(), Text.of("read the template of {0}", kindName));
        SheetFormat format = SheetFormat.ofDownload(formatName);
        return file(format, kindName + "-template", out -> {
            try (SheetWriter writer = SheetWriter.open(format, out)) {
                writer.row(kind.template().headerRow());
            }
        });
    }

    /** Every row of the kind in the caller's scope, streamed, with the template's header row. */
    public Response export(String kindName, String formatName) {
        BulkKind kind = jobs.kind(kindName);
        caller.get().requireLevel(kind.exporters(), Text.of("export {0}", kindName));
        SheetFormat format = SheetFormat.ofDownload(formatName);
        BulkKind.Export export = kind.export();
        return file(format, kindName, out -> {
            try (SheetWriter writer = SheetWriter.open(format, out)) {
                writer.row(kind.template().headerRow());
                export.writeTo(writer);
            }
        });
    }

    private static Response file(SheetFormat format, String name, StreamingOutput body) {
        return Response.ok(body, format.mediaType())
                .header("Content-Disposition", "attachment; filename=\"" + name + "." + format.extension() + "\"")
                .build();
    }

    /**
     * An upload as a job: 202 with the new job, or 200 with the job of the same upload made before. An
     * Idempotency-Key, when sent, answers a retry with the first response (IdempotentRequests).
     */
    public Response startImport(String kindName, String contentType, File body, String idempotencyKey, ImportMode mode,
                                boolean dryRun, Function<ImportJob, Object> toApi) {
        try {
            byte[] content;
            try (InputStream in = body == null ? InputStream.nullInputStream() : Files.newInputStream(body.toPath())) {
                content = ImportJobs.readLimited(in, config.maxUploadSize().asLongValue());
            }
            String sha256 = ImportJobs.sha256(content);
            Map<String, Object> request = Map.of("kind", kindName, "sha256", sha256, "dryRun", dryRun,
                    "mode", mode == null ? ImportMode.ALL_OR_NOTHING.name() : mode.name());
            return idempotency.execute(idempotencyKey, request, () -> {
                ImportJobs.Submitted submitted = jobs.submit(kindName, contentType, mode, dryRun, content, sha256);
                URI location = URI.create("/api/v1/bulk/" + kindName + "/import-jobs/" + submitted.job().id);
                Response.ResponseBuilder answer = submitted.created() ? Response.accepted(toApi.apply(submitted.job()))
                        : Response.ok(toApi.apply(submitted.job())).header(REPLAYED_HEADER, "true");
                return answer.location(location).build();
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (body != null) {
                body.delete(); // the temporary copy of the upload; the job keeps its own in the database
            }
        }
    }
}
