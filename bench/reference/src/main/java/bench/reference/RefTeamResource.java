package bench.reference;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The framework's own ceiling for a blocking read by primary key: Panache findById, Jackson out, on a worker
 * thread; once without security, once behind quarkus-oidc bearer verification (RS256, the development key).
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class RefTeamResource {

    @GET
    @Path("open/teams/{n}")
    public RefTeam open(@PathParam("n") int n) {
        return lookup(n);
    }

    @GET
    @Path("secure/teams/{n}")
    @Authenticated
    public RefTeam secure(@PathParam("n") int n) {
        return lookup(n);
    }

    private static RefTeam lookup(int n) {
        RefTeam team = RefTeam.findById(n);
        if (team == null) {
            throw new NotFoundException();
        }
        return team;
    }
}
