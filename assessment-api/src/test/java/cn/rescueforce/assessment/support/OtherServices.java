package cn.rescueforce.assessment.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/** Starts the teams-api and equipment-api doubles and points the generated clients at them. */
public class OtherServices implements QuarkusTestResourceLifecycleManager {

    private final TeamsApiDouble teams = new TeamsApiDouble();
    private final EquipmentApiDouble equipment = new EquipmentApiDouble();

    @Override
    public Map<String, String> start() {
        teams.start();
        equipment.start();
        return Map.of(
                "quarkus.rest-client.teams-api.url", teams.url(),
                "quarkus.rest-client.equipment-api.url", equipment.url());
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(teams, new TestInjector.AnnotatedAndMatchesType(InjectDouble.class, TeamsApiDouble.class));
        injector.injectIntoFields(equipment, new TestInjector.AnnotatedAndMatchesType(InjectDouble.class, EquipmentApiDouble.class));
    }

    @Override
    public void stop() {
        teams.stop();
        equipment.stop();
    }
}
