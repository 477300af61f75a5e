package cn.rescueforce.teams.unit;

import cn.rescueforce.teams.api.model.SupportingUnitInput;

import java.time.ZoneOffset;

/** Supporting units between the entity and the API models. */
public final class SupportingUnitMapper {

    private SupportingUnitMapper() {
    }

    public static SupportingUnit.Details details(SupportingUnitInput input) {
        return new SupportingUnit.Details(input.getName(), input.getCreditCode(), input.getProvince(), input.getAddress(),
                input.getContactName(), input.getContactPhone());
    }

    public static cn.rescueforce.teams.api.model.SupportingUnit toApi(SupportingUnit unit) {
        return new cn.rescueforce.teams.api.model.SupportingUnit()
                .id(unit.id)
                .name(unit.name)
                .creditCode(unit.creditCode)
                .province(unit.province)
                .address(unit.address)
                .contactName(unit.contactName)
                .contactPhone(unit.contactPhone)
                .createdAt(unit.createdAt.atOffset(ZoneOffset.UTC))
                .updatedAt(unit.updatedAt.atOffset(ZoneOffset.UTC))
                .version(unit.version);
    }
}
