package cn.rescueforce.equipment.configuration;

import cn.rescueforce.equipment.api.model.TeamCategory;
import cn.rescueforce.kit.query.Where;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class StandardConfigurationRepository implements PanacheRepositoryBase<StandardConfiguration, UUID> {

    public Optional<StandardConfiguration> current(TeamCategory category) {
        return find("category", Sort.by("version", Sort.Direction.Descending), category).firstResultOptional();
    }

    public int highestVersion(TeamCategory category) {
        Integer highest = find("select max(c.version) from StandardConfiguration c where c.category = ?1", category)
                .project(Integer.class).firstResult();
        return highest == null ? 0 : highest;
    }

    public boolean isCurrent(StandardConfiguration configuration) {
        return configuration.version == highestVersion(configuration.category);
    }

    public PanacheQuery<StandardConfiguration> search(TeamCategory category, boolean currentOnly) {
        Where where = new Where()
                .equal("c.category", category)
                .condition(currentOnly, "c.version = (select max(o.version) from StandardConfiguration o where o.category = c.category)");
        return find("select c from StandardConfiguration c" + where.clause() + " order by c.category, c.version desc", where.parameters());
    }
}
