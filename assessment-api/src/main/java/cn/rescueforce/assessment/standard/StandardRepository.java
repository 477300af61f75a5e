package cn.rescueforce.assessment.standard;

import cn.rescueforce.kit.query.Where;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class StandardRepository implements PanacheRepositoryBase<Standard, UUID> {

    public int latestVersionOf(String code) {
        Integer latest = find("select max(s.standardVersion) from Standard s where s.code = ?1", code).project(Integer.class).firstResult();
        return latest == null ? 0 : latest;
    }

    public Optional<Standard> publishedVersionOf(String code) {
        return find("code = ?1 and status = ?2", code, Standard.Status.PUBLISHED).firstResultOptional();
    }

    public boolean draftExists(String code) {
        return count("code = ?1 and status = ?2", code, Standard.Status.DRAFT) > 0;
    }

    public PanacheQuery<Standard> search(Where where, Sort sort) {
        return find(where.query(), sort, where.parameters());
    }
}
