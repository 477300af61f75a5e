package cn.rescueforce.teams.directory;

import cn.rescueforce.kit.paging.PageRequest;
import cn.rescueforce.kit.query.Where;
import cn.rescueforce.teams.api.model.TeamCategory;
import cn.rescueforce.teams.api.model.TeamStatus;
import cn.rescueforce.teams.team.Team;
import cn.rescueforce.teams.team.TeamRepository;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** What enterprises may find without an account: the active teams, by category, province and name or city. */
@ApplicationScoped
public class PublicDirectory {

    @Inject
    TeamRepository teams;

    public PanacheQuery<Team> activeTeams(TeamCategory category, String province, String text, PageRequest page) {
        Where where = new Where()
                .equal("status", TeamStatus.ACTIVE)
                .equal("category", category)
                .equal("province", province)
                .anyOf(w -> w.contains("name", text), w -> w.contains("baseCity", text));
        return teams.search(where, page.sort()).page(page.panachePage());
    }
}
