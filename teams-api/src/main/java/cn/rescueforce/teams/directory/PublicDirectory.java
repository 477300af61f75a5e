package cn.rescueforce.teams.directory;

import cn.rescueforce.kit.paging.PageRequest;
import cn.rescueforce.teams.api.model.TeamCategory;
import cn.rescueforce.teams.api.model.TeamStatus;
import cn.rescueforce.teams.team.Team;
import cn.rescueforce.teams.team.TeamRepository;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;

/** What enterprises may find without an account: the active teams, by category, province and name or city. */
@ApplicationScoped
public class PublicDirectory {

    @Inject
    TeamRepository teams;

    public PanacheQuery<Team> activeTeams(TeamCategory category, String province, String text, PageRequest page) {
        Parameters params = Parameters.with("active", TeamStatus.ACTIVE);
        List<String> where = new ArrayList<>(List.of("status = :active"));
        if (category != null) {
            where.add("category = :category");
            params.and("category", category);
        }
        if (province != null) {
            where.add("province = :province");
            params.and("province", province);
        }
        if (text != null && !text.isBlank()) {
            where.add("(lower(name) like :text or lower(baseCity) like :text)");
            params.and("text", "%" + text.trim().toLowerCase() + "%");
        }
        return teams.search(String.join(" and ", where), page.sort(), params).page(page.panachePage());
    }
}
