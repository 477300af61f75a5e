package cn.rescueforce.equipment.support;

import cn.rescueforce.devkit.testing.ServiceDouble;
import cn.rescueforce.devkit.testing.ServiceDoubles;
import cn.rescueforce.devkit.testing.TeamsApiDouble;

import java.util.List;

/** The service equipment-api calls, teams-api, as its double; {@link Teams} seeds it for every test class. */
public class OtherServices extends ServiceDoubles {

    static final TeamsApiDouble TEAMS_API = new TeamsApiDouble();

    @Override
    protected List<ServiceDouble> doubles() {
        return List.of(TEAMS_API);
    }
}
