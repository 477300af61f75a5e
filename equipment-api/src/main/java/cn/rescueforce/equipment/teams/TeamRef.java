package cn.rescueforce.equipment.teams;

import cn.rescueforce.equipment.api.model.TeamCategory;

import java.util.List;
import java.util.UUID;

/**
 * What equipment-api needs to know of a team of teams-api: who it is, whose scope it is in, and its specialties
 * (the values of the contracts' Specialty, which add configuration lines to its compliance report).
 */
public record TeamRef(UUID id, String name, TeamCategory category, String province, UUID supportingUnitId,
                      List<String> specialties) {

    /** A team whose specialties do not matter (none). */
    public TeamRef(UUID id, String name, TeamCategory category, String province, UUID supportingUnitId) {
        this(id, name, category, province, supportingUnitId, List.of());
    }

    public boolean mining() {
        return category == TeamCategory.MINING;
    }
}
