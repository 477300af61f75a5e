package bench.reference;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.UUID;

/**
 * The same two reads as {@link RefTeamResource}, served on the event loop without a worker hop: Quarkus REST runs a
 * method returning {@code Uni} on the I/O thread that received the request, the reactive PostgreSQL client sends the
 * prepared select by primary key from that thread and Jackson writes the row there when it arrives. The framework's
 * ceiling for the option README "Performance / Reads" lists (issue 16): nothing in between the bearer check, one
 * indexed read and the JSON. The pool's size and pipelining are set in application.properties (why, there).
 */
@Path("/reactive")
@Produces(MediaType.APPLICATION_JSON)
public class ReactiveRefTeamResource {

    private static final String BY_KEY = "select n, id, code, name, category, province, unit_id, status, lat, lon, version"
            + " from ref_team where n = $1";

    private final Pool client;

    ReactiveRefTeamResource(Pool client) {
        this.client = client;
    }

    @GET
    @Path("open/teams/{n}")
    public Uni<Team> open(@PathParam("n") int n) {
        return lookup(n);
    }

    @GET
    @Path("secure/teams/{n}")
    @Authenticated
    public Uni<Team> secure(@PathParam("n") int n) {
        return lookup(n);
    }

    private Uni<Team> lookup(int n) {
        return client.preparedQuery(BY_KEY).execute(Tuple.of(n)).map(rows -> {
            RowIterator<Row> found = rows.iterator();
            if (!found.hasNext()) {
                throw new NotFoundException();
            }
            return Team.of(found.next());
        });
    }

    /** One row of {@code ref_team} with the JSON of {@link RefTeam} (the same properties, in the same order). */
    public record Team(Integer n, UUID id, String code, String name, String category, String province, UUID unitId,
                       String status, Double lat, Double lon, Integer version) {

        static Team of(Row row) {
            return new Team(row.getInteger(0), row.getUUID(1), row.getString(2), row.getString(3), row.getString(4),
                    row.getString(5), row.getUUID(6), row.getString(7), row.getDouble(8), row.getDouble(9),
                    row.getInteger(10));
        }
    }
}
