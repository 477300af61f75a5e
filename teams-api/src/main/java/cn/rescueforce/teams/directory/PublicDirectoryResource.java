package cn.rescueforce.teams.directory;

import cn.rescueforce.kit.paging.PageRequest;
import cn.rescueforce.teams.api.PublicDirectoryApi;
import cn.rescueforce.teams.api.model.PublicTeamPage;
import cn.rescueforce.teams.api.model.TeamCategory;
import cn.rescueforce.teams.reads.PageRepresentations;
import cn.rescueforce.teams.team.Team;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.Arrays;
import java.util.Map;

/**
 * The public directory: no token (so rate-limited per client address), active teams only, no personal data. Pages
 * are kept per question and registry version (PageRequest validated first); {@link PublicRevalidation} adds the
 * caching headers and answers revalidations.
 */
@ApplicationScoped
public class PublicDirectoryResource implements PublicDirectoryApi {

    static final Map<String, String> SORTABLE = Map.of("name", "name", "province", "province", "category", "category");

    @Inject
    PublicDirectory directory;

    @Inject
    PageRepresentations pages;

    @Override
    public Response listPublicTeams(Integer page, Integer size, String sort, TeamCategory category, String province, String q) {
        PageRequest request = PageRequest.of(page, size, sort, SORTABLE, Sort.by("province").and("name"));
        Object question = Arrays.asList("public", request.page(), request.size(), sort, category, province, q);
        return Response.ok(pages.json(question, () -> {
            PanacheQuery<Team> found = directory.activeTeams(category, province, q, request);
            return new PublicTeamPage(found.list().stream().map(PublicDirectoryMapper::toApi).toList(),
                    request.page(), request.size(), found.count());
        }), MediaType.APPLICATION_JSON_TYPE).build();
    }
}
