package cn.rescueforce.teams.figures;

import cn.rescueforce.kit.security.Caller;
import cn.rescueforce.kit.security.CurrentCaller;
import cn.rescueforce.kit.security.ManagementLevel;
import cn.rescueforce.teams.api.model.FigureSnapshotRun;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.YearMonth;
import java.time.ZoneOffset;

/**
 * Takes the snapshots of the month just ended on the first day of each month ({@code figures.snapshot-cron}). Every
 * replica runs it; the month's lock and the unique key make the second run keep the first's snapshots. It acts as
 * teams-api's own service account, the actor its audit records and change events name.
 */
@ApplicationScoped
public class MonthlySnapshotSchedule {

    private static final Logger LOG = Logger.getLogger(MonthlySnapshotSchedule.class);
    static final Caller TEAMS_API = new Caller("teams-api", ManagementLevel.SERVICE, null, null);

    @Inject
    FigureSnapshots snapshots;

    @Inject
    CurrentCaller currentCaller;

    @Scheduled(cron = "{figures.snapshot-cron}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @ActivateRequestContext
    void takeLastMonth() {
        currentCaller.actAs(TEAMS_API);
        YearMonth month = YearMonth.now(ZoneOffset.UTC).minusMonths(1);
        FigureSnapshotRun run = snapshots.take(month);
        LOG.infof("figure snapshots of %s: %d taken, %d kept", month, run.getTaken(), run.getKept());
    }
}
