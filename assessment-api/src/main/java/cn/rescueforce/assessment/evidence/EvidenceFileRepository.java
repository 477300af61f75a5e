package cn.rescueforce.assessment.evidence;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class EvidenceFileRepository implements PanacheRepositoryBase<EvidenceFile, UUID> {

    public PanacheQuery<EvidenceFile> ofAssessment(UUID assessmentId) {
        return find("assessmentId", Sort.by("uploadedAt").and("id"), assessmentId);
    }

    public Optional<EvidenceFile> ofAssessment(UUID assessmentId, UUID id) {
        return find("id = :id and assessmentId = :assessment", Parameters.with("id", id).and("assessment", assessmentId))
                .firstResultOptional();
    }

    public Optional<EvidenceFile> withHash(UUID assessmentId, String sha256) {
        return find("assessmentId = :assessment and sha256 = :sha256", Parameters.with("assessment", assessmentId).and("sha256", sha256))
                .firstResultOptional();
    }

    /** Which of {@code ids} are files of {@code assessmentId}. */
    public List<UUID> idsOf(UUID assessmentId, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return getEntityManager().createQuery("select f.id from EvidenceFile f where f.assessmentId = :assessment and f.id in :ids", UUID.class)
                .setParameter("assessment", assessmentId).setParameter("ids", ids).getResultList();
    }
}
