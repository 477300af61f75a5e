package cn.rescueforce.equipment.problem;

import cn.rescueforce.equipment.catalog.EquipmentType;
import cn.rescueforce.equipment.depot.StockLine;
import cn.rescueforce.equipment.equipment.EquipmentItem;
import cn.rescueforce.kit.problem.ProblemException;
import cn.rescueforce.kit.problem.UniqueViolations;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/**
 * The unique constraints of equipment-api's schema (db/migration) that a concurrent request can win between the
 * service's own check and the commit: the loser gets the same problem as when the check sees the record first.
 * The others are never reached through a request: a standard configuration's version is taken under an advisory
 * lock, and lines listing a type or a stock line twice are refused as invalid before anything is written.
 */
@ApplicationScoped
public class EquipmentUniqueViolations implements UniqueViolations {

    @Override
    public Optional<ProblemException> problemFor(String constraintName) {
        return Optional.ofNullable(switch (constraintName) {
            case "equipment_type_code_unique" -> EquipmentType.codeTaken(null);
            case "equipment_item_serial_unique" -> EquipmentItem.serialTaken(null, null);
            case "stock_line_batch_unique" -> StockLine.batchTaken(null, null);
            default -> null;
        });
    }
}
