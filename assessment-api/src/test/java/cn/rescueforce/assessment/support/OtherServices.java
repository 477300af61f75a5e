package cn.rescueforce.assessment.support;

import cn.rescueforce.devkit.testing.ServiceDouble;
import cn.rescueforce.devkit.testing.ServiceDoubles;
import cn.rescueforce.devkit.testing.TeamsApiDouble;

import java.util.List;

/** The services assessment-api calls, as doubles: teams-api (devkit's) and equipment-api (this module's). */
public class OtherServices extends ServiceDoubles {

    private final TeamsApiDouble teams = new TeamsApiDouble();
    private final EquipmentApiDouble equipment = new EquipmentApiDouble();

    @Override
    protected List<ServiceDouble> doubles() {
        return List.of(teams, equipment);
    }
}
