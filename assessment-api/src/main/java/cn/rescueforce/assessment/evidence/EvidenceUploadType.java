package cn.rescueforce.assessment.evidence;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.regex.Pattern;

/**
 * An upload of a type evidence is not kept in is refused with 415 {@code unsupported-evidence-type}, which tells the
 * assessor's system which types are (the upload operation consumes only those, so JAX-RS would otherwise answer its
 * generic {@code unsupported-media-type}). Before matching, before the body is read.
 */
public class EvidenceUploadType {

    static final Pattern UPLOAD_PATH = Pattern.compile("/api/v1/assessments/[^/]+/evidence/?");

    @ServerRequestFilter(preMatching = true)
    public void requireEvidenceType(ContainerRequestContext request) {
        if ("POST".equals(request.getMethod()) && UPLOAD_PATH.matcher(request.getUriInfo().getPath()).matches()) {
            EvidenceType.required(request.getHeaderString(HttpHeaders.CONTENT_TYPE));
        }
    }
}
