package cn.rescueforce.teams.bulk;

import cn.rescueforce.kit.bulk.BulkKind;
import cn.rescueforce.kit.bulk.Column;
import cn.rescueforce.kit.bulk.ImportRow;
import cn.rescueforce.kit.bulk.SheetWriter;
import cn.rescueforce.kit.bulk.Template;
import cn.rescueforce.kit.query.Where;
import cn.rescueforce.kit.security.ManagementLevel;
import cn.rescueforce.teams.security.Scope;
import cn.rescueforce.teams.unit.SupportingUnit;
import cn.rescueforce.teams.unit.SupportingUnitRepository;
import cn.rescueforce.teams.unit.SupportingUnitService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Arrays;
import java.util.List;

/**
 * Supporting units as a bulk file: a row is {@code POST /api/v1/supporting-units} (SupportingUnitService.register,
 * its validation, province rule, audit and change feed); the export is the units the caller lists.
 */
@ApplicationScoped
public class SupportingUnitRows implements BulkKind {

    static final Template TEMPLATE = new Template("units", List.of(
            Column.required("name", "单位名称"),
            Column.required("creditCode", "统一社会信用代码"),
            Column.required("province", "所在省份"),
            Column.optional("address", "地址"),
            Column.optional("contactName", "联系人"),
            Column.optional("contactPhone", "联系电话")));

    /** An export reads this many units per query. */
    static final int PAGE = 500;

    @Inject
    SupportingUnitService service;

    @Inject
    SupportingUnitRepository units;

    @Inject
    Scope scope;

    @Override
    public String kind() {
        return "units";
    }

    @Override
    public Template template() {
        return TEMPLATE;
    }

    @Override
    public List<ManagementLevel> importers() {
        return List.of(ManagementLevel.NATIONAL, ManagementLevel.PROVINCIAL);
    }

    @Override
    public List<ManagementLevel> exporters() {
        return Scope.TEAM_READERS;
    }

    @Override
    public void apply(ImportRow row) {
        SupportingUnit.Details details = new SupportingUnit.Details(row.requiredText("name"), row.requiredText("creditCode"),
                row.requiredText("province"), row.text("address"), row.text("contactName"), row.text("contactPhone"));
        row.check();
        service.register(details);
    }

    @Override
    public String duplicateKey(ImportRow row) {
        return row.text("creditCode");
    }

    @Override
    public Export export() {
        // the scope is the caller's, decided now, in the request (SupportingUnitService.list's rule)
        Where where = scope.caller().teamScope().restrict(new Where(), SupportingUnit.AS_HOST);
        return out -> {
            for (int page = 0; ; page++) {
                int index = page;
                List<List<String>> rows = QuarkusTransaction.requiringNew().call(() -> units.search(where, Sort.by("name").and("id"))
                        .page(index, PAGE).list().stream().map(SupportingUnitRows::cells).toList());
                rows.forEach(out::row);
                if (rows.size() < PAGE) {
                    return;
                }
            }
        };
    }

    private static List<String> cells(SupportingUnit unit) {
        return Arrays.asList(unit.name, unit.creditCode, unit.province, unit.address, unit.contactName, unit.contactPhone);
    }
}
