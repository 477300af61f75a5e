package cn.rescueforce.assessment.assessment;

import cn.rescueforce.kit.query.Where;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.UUID;

@ApplicationScoped
public class AssessmentRepository implements PanacheRepositoryBase<Assessment, UUID> {

    public PanacheQuery<Assessment> search(Where where, Sort sort) {
        return find(where.query(), sort, where.parameters());
    }

    /** The assessment locked for a state change, so concurrent finalizations or submissions serialize. */
    public Assessment findForUpdate(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }
}
