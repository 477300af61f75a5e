package cn.rescueforce.equipment.callup;

import cn.rescueforce.kit.changes.Audience;
import cn.rescueforce.kit.changes.ChangeSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.UUID;

/**
 * Call-ups in the change feed, as {@code GET /api/v1/call-ups/{callUpId}} answers them, to whoever sees the call-up
 * ({@link CallUpScope}): those whose scope covers its team (the team's facts the call-up keeps). The depot's owner,
 * who sees it too, is among them: a depot serves only teams its owner's scope covers (a provincial depot the teams of
 * its province, a unit depot the unit's teams; CallUpService.assertServes), and national sees everything.
 */
@ApplicationScoped
public class CallUpChanges implements ChangeSource {

    static final List<String> EVENT_TYPES = List.of("callup.requested", "callup.approved", "callup.dispatched",
            "callup.closed", "callup.rejected", "callup.cancelled");

    @Inject
    CallUpService service;

    @Inject
    CallUpMapper mapper;

    @Override
    public String entityType() {
        return "CallUp";
    }

    @Override
    public List<String> eventTypes() {
        return EVENT_TYPES;
    }

    @Override
    public String eventType(String action) {
        return ChangeSource.eventType("callup", action, EVENT_TYPES);
    }

    @Override
    public Representation represent(UUID id) {
        CallUp callUp = ChangeSource.asStored(CallUp.findById(id));
        if (callUp == null) {
            return null;
        }
        return Representation.of(mapper.toApi(callUp, service.stockOf(callUp), service.depotsOf(List.of(callUp))),
                callUp.version, Audience.team(callUp.teamProvince, callUp.teamMining, callUp.teamUnitId));
    }
}
