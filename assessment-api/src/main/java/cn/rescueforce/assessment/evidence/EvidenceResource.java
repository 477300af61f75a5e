package cn.rescueforce.assessment.evidence;

import cn.rescueforce.assessment.api.EvidenceApi;
import cn.rescueforce.assessment.api.model.EvidenceFilePage;
import cn.rescueforce.kit.paging.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import io.quarkus.security.Authenticated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
@Authenticated
public class EvidenceResource implements EvidenceApi {

    @Inject
    EvidenceService service;

    @Inject
    EvidenceMapper mapper;

    @Context
    HttpHeaders headers;

    /** The body is read by the service as it arrives (this method runs on a worker thread, so the stream may block). */
    @Override
    public Response uploadEvidence(String fileName, UUID assessmentId, InputStream body) {
        EvidenceService.Upload upload = service.upload(assessmentId, fileName, headers.getHeaderString(HttpHeaders.CONTENT_TYPE),
                declaredLength(), body);
        if (!upload.created()) {
            return Response.ok(mapper.toApi(upload.file())).build();
        }
        return Response.created(URI.create("/api/v1/assessments/" + assessmentId + "/evidence/" + upload.file().id))
                .entity(mapper.toApi(upload.file())).build();
    }

    private Long declaredLength() {
        String length = headers.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return null;
        }
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Override
    public Response listEvidence(UUID assessmentId, Integer page, Integer size) {
        PageRequest request = PageRequest.of(page, size, null, Map.of(), Sort.by("uploadedAt"));
        PanacheQuery<EvidenceFile> found = service.list(assessmentId, request);
        return Response.ok(new EvidenceFilePage(found.list().stream().map(mapper::toApi).toList(),
                request.page(), request.size(), found.count())).build();
    }

    /** Streamed from the object store as it is read; {@code Repr-Digest} lets the reader check the bytes (RFC 9530). */
    @Override
    public Response downloadEvidence(UUID assessmentId, UUID evidenceId) {
        EvidenceFile file = service.get(assessmentId, evidenceId);
        InputStream object = service.open(file);
        StreamingOutput bytes = out -> {
            try (InputStream in = object) {
                in.transferTo(out);
            }
        };
        return Response.ok(bytes, file.type.mediaType)
                .header(HttpHeaders.CONTENT_LENGTH, file.size)
                .header("Content-Disposition", "attachment; filename*=UTF-8''" + URLEncoder.encode(file.fileName, StandardCharsets.UTF_8).replace("+", "%20"))
                .header("Repr-Digest", "sha-256=:" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(file.sha256)) + ":")
                .build();
    }
}
