package cn.rescueforce.kit.bulk;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TemplateTest {

    static final Template UNITS = new Template("units", List.of(Column.required("name", "单位名称"),
            Column.required("creditCode", "统一社会信用代码"), Column.optional("address", "地址")));

    @Test
    void theHeaderRowNamesEachColumnInBothLanguages() {
        assertEquals(List.of("单位名称 / name", "统一社会信用代码 / creditCode", "地址 / address"), UNITS.headerRow());
    }

    @Test
    void anImportMayNameColumnsInEitherLanguageInAnyOrder() {
        Template.Header header = UNITS.read(List.of("creditCode", "单位名称", " 地址/address "));
        assertTrue(header.problems().isEmpty(), header.problems().toString());
        ImportRow row = header.row(2, List.of("91510000MA6123456P", "四川煤业", ""));
        assertEquals("四川煤业", row.text("name"));
        assertEquals("91510000MA6123456P", row.text("creditCode"));
        assertEquals(null, row.text("address"));
    }

    @Test
    void anUnknownColumnAMissingRequiredOneAndATwiceGivenOneAreHeaderProblems() {
        Template.Header header = UNITS.read(Arrays.asList("name", "名称", null, "NAME"));
        assertEquals(List.of(new RowProblem(1, "column 2", "unknown column header", "无法识别的列标题"),
                new RowProblem(1, "name", "column given twice", "列重复出现"),
                new RowProblem(1, "creditCode", "required column missing (header 统一社会信用代码 / creditCode)",
                        "缺少必需的列（列标题 统一社会信用代码 / creditCode）")), header.problems());
    }

    @Test
    void unreadableCellsAreReportedTogetherByField() {
        ImportRow row = new ImportRow(7, java.util.Map.of("joinedOn", "2019/03/01", "hours", "ten"));
        row.date("joinedOn", true);
        row.integer("hours", false);
        row.requiredText("name");
        var problem = org.junit.jupiter.api.Assertions.assertThrows(cn.rescueforce.kit.problem.ProblemException.class, row::check);
        assertEquals(List.of("joinedOn", "hours", "name"), problem.errors().stream().map(e -> e.field()).toList());
    }
}
