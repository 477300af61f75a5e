package cn.rescueforce.equipment.compliance;

import cn.rescueforce.equipment.catalog.EquipmentType;
import cn.rescueforce.equipment.configuration.StandardConfiguration;
import cn.rescueforce.equipment.equipment.EquipmentItem;
import cn.rescueforce.equipment.teams.TeamRef;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A team's equipment measured against the standard configuration of its category on {@code today}. The
 * definitions are part of the contract (ComplianceReport in openapi/equipment-api.yaml; assessment-api scores
 * the equipment indicator from it).
 *
 * @param lines   one per required type, in the configuration's order
 * @param overdue the team's items whose inspection is overdue
 */
public record Compliance(TeamRef team, StandardConfiguration configuration, List<Requirement> lines,
                         List<Overdue> overdue, LocalDate today) {

    /** An item whose inspection is overdue, with its catalog type. */
    public record Overdue(EquipmentItem item, EquipmentType type) {
    }

    /**
     * What one line of the configuration requires and what the team holds of it in service.
     *
     * @param inService items of the type in service and not expired
     */
    public record Requirement(EquipmentType type, int required, int inService) {

        /** What is missing to meet the requirement. */
        public int gap() {
            return Math.max(0, required - inService);
        }

        /** The required quantity the team covers: extra items of one type do not make up for another. */
        public int covered() {
            return Math.min(inService, required);
        }
    }

    /**
     * Measures the team's items in service, by type, against each line of the configuration; {@code types} holds
     * the catalog types of the configuration's lines and of the overdue items.
     */
    public static Compliance measure(TeamRef team, StandardConfiguration configuration, Map<UUID, Long> inServiceByType,
                                     List<EquipmentItem> overdue, Map<UUID, EquipmentType> types, LocalDate today) {
        List<Requirement> lines = configuration.lines.stream()
                .map(line -> new Requirement(types.get(line.equipmentTypeId), line.minimumQuantity,
                        inServiceByType.getOrDefault(line.equipmentTypeId, 0L).intValue()))
                .toList();
        return new Compliance(team, configuration, lines,
                overdue.stream().map(item -> new Overdue(item, types.get(item.equipmentTypeId))).toList(), today);
    }

    public int requiredTotal() {
        return lines.stream().mapToInt(Requirement::required).sum();
    }

    public int coveredTotal() {
        return lines.stream().mapToInt(Requirement::covered).sum();
    }

    public int gapTotal() {
        return lines.stream().mapToInt(Requirement::gap).sum();
    }

    /** 100 × covered ÷ required, one decimal, half up; a configuration always requires at least one item. */
    public double percent() {
        return BigDecimal.valueOf(coveredTotal() * 100L).divide(BigDecimal.valueOf(requiredTotal()), 1, RoundingMode.HALF_UP)
                .doubleValue();
    }

    /** Every gap is 0 and no inspection is overdue. */
    public boolean compliant() {
        return gapTotal() == 0 && overdue.isEmpty();
    }
}
