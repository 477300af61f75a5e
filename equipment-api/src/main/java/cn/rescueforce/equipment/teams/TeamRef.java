package cn.rescueforce.equipment.teams;

import cn.rescueforce.equipment.api.model.TeamCategory;

import java.util.UUID;

/** What equipment-api needs to know of a team of teams-api: who it is and whose scope it is in. */
public record TeamRef(UUID id, String name, TeamCategory category, String province, UUID supportingUnitId) {

    public boolean mining() {
        return category == TeamCategory.MINING;
    }
}
