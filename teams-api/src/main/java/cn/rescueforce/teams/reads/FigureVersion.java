package cn.rescueforce.teams.reads;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The figures' read version: one row ({@code figure_version}, migration V11) that every committed change of a table
 * the figures' own sections read (teams, supporting units, members, certificates, drills, training records,
 * mobilization orders, insurance policies, preventive inspections, technical services, outreach activities) moves, by a
 * deferred trigger, once per transaction and in commit order, as {@link ReadVersion} for the registry. Read by primary
 * key on each request for figures, so that no replica serves figures older than the last committed change.
 */
@ApplicationScoped
public class FigureVersion {

    static final String QUERY = "select version from figure_version where id = 1";

    @Inject
    AgroalDataSource dataSource;

    /** The version now committed. */
    public long current() {
        return ReadVersion.read(dataSource, QUERY, "figure_version has no row: migration V11 not applied");
    }
}
