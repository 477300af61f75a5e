package cn.rescueforce.teams.support;

import cn.rescueforce.devkit.testing.ServiceDouble;
import cn.rescueforce.devkit.testing.ServiceDoubles;

import java.util.List;

/** The services teams-api's figures call, as doubles: equipment-api and assessment-api (this module's). */
public class OtherServices extends ServiceDoubles {

    private final EquipmentApiDouble equipment = new EquipmentApiDouble();
    private final AssessmentApiDouble assessment = new AssessmentApiDouble();

    @Override
    protected List<ServiceDouble> doubles() {
        return List.of(equipment, assessment);
    }
}
