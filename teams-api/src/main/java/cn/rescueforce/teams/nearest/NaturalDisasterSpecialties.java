package cn.rescueforce.teams.nearest;

import cn.rescueforce.teams.api.model.NaturalDisasterType;
import cn.rescueforce.teams.api.model.Specialty;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static cn.rescueforce.teams.api.model.Specialty.BUILDING_COLLAPSE;
import static cn.rescueforce.teams.api.model.Specialty.EARTHQUAKE_SEARCH_RESCUE;
import static cn.rescueforce.teams.api.model.Specialty.FLOOD_DRAINAGE;
import static cn.rescueforce.teams.api.model.Specialty.GEOLOGICAL_DISASTER_RESCUE;
import static cn.rescueforce.teams.api.model.Specialty.HIGH_ANGLE_RESCUE;
import static cn.rescueforce.teams.api.model.Specialty.WATER_RESCUE;

/**
 * The one place that says which specialties serve a natural disaster ("one specialty, several capabilities": a
 * production-safety team helps in natural disasters with what it trained for). The contract's NaturalDisasterType
 * documents the same mapping; {@code NaturalDisasterSpecialtiesTest} keeps the two in agreement.
 */
public final class NaturalDisasterSpecialties {

    private static final Map<NaturalDisasterType, List<Specialty>> SERVED_BY = new EnumMap<>(Map.of(
            NaturalDisasterType.EARTHQUAKE, List.of(EARTHQUAKE_SEARCH_RESCUE, BUILDING_COLLAPSE, HIGH_ANGLE_RESCUE),
            NaturalDisasterType.FLOOD, List.of(WATER_RESCUE, FLOOD_DRAINAGE),
            NaturalDisasterType.LANDSLIDE, List.of(GEOLOGICAL_DISASTER_RESCUE, EARTHQUAKE_SEARCH_RESCUE),
            NaturalDisasterType.TYPHOON, List.of(WATER_RESCUE, FLOOD_DRAINAGE, HIGH_ANGLE_RESCUE, BUILDING_COLLAPSE)));

    private NaturalDisasterSpecialties() {
    }

    /** The specialties of which a team needs one to serve the disaster. */
    public static List<Specialty> servedBy(NaturalDisasterType disaster) {
        return SERVED_BY.get(disaster);
    }
}
