package cn.rescueforce.teams.figures;

import cn.rescueforce.kit.i18n.Text;

import cn.rescueforce.kit.audit.AuditTrail;
import cn.rescueforce.kit.conditional.ETags;
import cn.rescueforce.kit.security.ManagementLevel;
import cn.rescueforce.teams.api.model.FigureTargetsInput;
import cn.rescueforce.teams.security.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;

/** The national targets: read by every level that reads figures, set by {@code national} only. */
@ApplicationScoped
public class FigureTargetService {

    @Inject
    Scope scope;

    @Inject
    AuditTrail audit;

    public FigureTargetSet get() {
        scope.requireLevel(FigureService.READERS, Text.of("read the targets"));
        return FigureTargetSet.current();
    }

    @Transactional
    public FigureTargetSet set(FigureTargetsInput input, String ifMatch) {
        scope.requireLevel(ManagementLevel.NATIONAL, Text.of("set the targets"));
        FigureTargetSet set = FigureTargetSet.findById(FigureTargetSet.THE_SET, LockModeType.PESSIMISTIC_WRITE);
        ETags.requireMatch(ifMatch, set.version);
        set.replace(input.getTargets().stream()
                .map(t -> new FigureTargetSet.Target(t.getCategory(), t.getDue(), t.getTeams(), t.getRescuers()))
                .toList(), scope.caller().sub(), Instant.now());
        set.persistAndFlush();
        audit.record(FigureTargetChanges.ENTITY_TYPE, FigureTargetSet.ENTITY_ID, "TARGET_SET", null, List.of("targets"));
        return set;
    }
}
