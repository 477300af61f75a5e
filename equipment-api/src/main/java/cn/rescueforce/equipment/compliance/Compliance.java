package cn.rescueforce.equipment.compliance;

import cn.rescueforce.equipment.catalog.EquipmentType;
import cn.rescueforce.equipment.configuration.StandardConfiguration;
import cn.rescueforce.equipment.equipment.EquipmentItem;
import cn.rescueforce.equipment.teams.TeamRef;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A team's equipment measured against the standard configuration of its category, and the lines its specialties
 * add, on {@code today}. The
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
     * What the configuration requires of one type and what the team holds of it in service.
     *
     * @param inService     items of the type in service and not expired
     * @param bySpecialties the team's specialties whose lines add to {@code required}, in the configuration's order
     */
    public record Requirement(EquipmentType type, int required, int inService, List<String> bySpecialties) {

        public Requirement(EquipmentType type, int required, int inService) {
            this(type, required, inService, List.of());
        }

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
     * Measures the team's items in service, by type, against the configuration's lines that apply to it: the
     * category's, plus those of the team's specialties, which add their quantities to a type the category requires
     * too (one requirement per type: the category's types in the configuration's order, then those only a specialty
     * requires). {@code types} holds the catalog types of the configuration's lines and of the overdue items.
     */
    public static Compliance measure(TeamRef team, StandardConfiguration configuration, Map<UUID, Long> inServiceByType,
                                     List<EquipmentItem> overdue, Map<UUID, EquipmentType> types, LocalDate today) {
        Map<UUID, Integer> required = new LinkedHashMap<>();
        Map<UUID, List<String>> bySpecialties = new HashMap<>();
        // the category's lines first, then the specialties', each in the configuration's order
        List<StandardConfiguration.Line> applying = new ArrayList<>(configuration.lines.stream().filter(l -> l.specialty == null).toList());
        applying.addAll(configuration.lines.stream().filter(l -> l.specialty != null && l.appliesTo(team.specialties())).toList());
        for (StandardConfiguration.Line line : applying) {
            required.merge(line.equipmentTypeId, line.minimumQuantity, Integer::sum);
            List<String> specialties = bySpecialties.computeIfAbsent(line.equipmentTypeId, k -> new ArrayList<>());
            if (line.specialty != null) {
                specialties.add(line.specialty);
            }
        }
        List<Requirement> lines = required.entrySet().stream()
                .map(e -> new Requirement(types.get(e.getKey()), e.getValue(),
                        inServiceByType.getOrDefault(e.getKey(), 0L).intValue(), List.copyOf(bySpecialties.get(e.getKey()))))
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

    /**
     * 100 × covered ÷ required, one decimal, half up; 100 when nothing applies to the team (a configuration whose
     * lines are all for specialties the team does not have).
     */
    public double percent() {
        if (requiredTotal() == 0) {
            return 100.0;
        }
        return BigDecimal.valueOf(coveredTotal() * 100L).divide(BigDecimal.valueOf(requiredTotal()), 1, RoundingMode.HALF_UP)
                .doubleValue();
    }

    /** Every gap is 0 and no inspection is overdue. */
    public boolean compliant() {
        return gapTotal() == 0 && overdue.isEmpty();
    }
}
