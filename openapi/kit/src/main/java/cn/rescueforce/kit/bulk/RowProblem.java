package cn.rescueforce.kit.bulk;

/**
 * One line of an import's report: the row (as a spreadsheet numbers it: the header is row 1), the field (a column
 * key) and what is wrong, never the value itself.
 */
public record RowProblem(int row, String field, String problem) {

    public RowProblem {
        problem = problem.length() > 300 ? problem.substring(0, 297) + "..." : problem;
        field = field.length() > 60 ? field.substring(0, 60) : field;
    }
}
