package cn.rescueforce.assessment.evidence;

import cn.rescueforce.assessment.api.model.EvidenceContentType;
import jakarta.enterprise.context.ApplicationScoped;

import static cn.rescueforce.assessment.Utc.of;

/** Evidence files as the API models of openapi/assessment-api.yaml. */
@ApplicationScoped
public class EvidenceMapper {

    public cn.rescueforce.assessment.api.model.EvidenceFile toApi(EvidenceFile file) {
        return new cn.rescueforce.assessment.api.model.EvidenceFile()
                .id(file.id)
                .assessmentId(file.assessmentId)
                .fileName(file.fileName)
                .contentType(EvidenceContentType.fromValue(file.type.mediaType))
                .size(file.size)
                .sha256(file.sha256)
                .uploadedAt(of(file.uploadedAt));
    }
}
