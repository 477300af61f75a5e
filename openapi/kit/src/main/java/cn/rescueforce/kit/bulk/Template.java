package cn.rescueforce.kit.bulk;

import cn.rescueforce.kit.i18n.Text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The columns of one kind of bulk file. A template, an export and an import share them: the header row of a template
 * or an export is {@link Column#header()} for each column, in order; an import may put its columns in any order and
 * name each in either language (or both); a column it leaves out is empty in every row.
 */
public record Template(String kind, List<Column> columns) {

    public List<String> headerRow() {
        return columns.stream().map(Column::header).toList();
    }

    public Column column(String key) {
        return columns.stream().filter(c -> c.key().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no column " + key + " in " + kind));
    }

    /** Which column each header cell names, or the problems of the header row (reported as row 1). */
    public Header read(List<String> cells) {
        Map<Integer, Column> byIndex = new HashMap<>();
        List<RowProblem> problems = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            if (cell == null || cell.isBlank()) {
                continue;
            }
            Column named = columns.stream().filter(c -> c.isNamedBy(cell)).findFirst().orElse(null);
            if (named == null) {
                problems.add(RowProblem.of(1, "column " + (i + 1), Text.of("unknown column header")));
            } else if (byIndex.containsValue(named)) {
                problems.add(RowProblem.of(1, named.key(), Text.of("column given twice")));
            } else {
                byIndex.put(i, named);
            }
        }
        for (Column column : columns) {
            if (column.required() && !byIndex.containsValue(column)) {
                problems.add(RowProblem.of(1, column.key(), Text.of("required column missing (header {0})", column.header())));
            }
        }
        return new Header(byIndex, problems);
    }

    public record Header(Map<Integer, Column> byIndex, List<RowProblem> problems) {

        /** A data row's cells by column key (blank cells left out). */
        public ImportRow row(int number, List<String> cells) {
            Map<String, String> values = new HashMap<>();
            byIndex.forEach((index, column) -> {
                if (index < cells.size() && cells.get(index) != null && !cells.get(index).isBlank()) {
                    values.put(column.key(), cells.get(index).strip());
                }
            });
            return new ImportRow(number, values);
        }
    }
}
