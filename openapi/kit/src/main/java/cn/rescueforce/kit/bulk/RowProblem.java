package cn.rescueforce.kit.bulk;

import cn.rescueforce.kit.i18n.Language;
import cn.rescueforce.kit.i18n.Text;

/**
 * One line of an import's report: the row (as a spreadsheet numbers it: the header is row 1), the field (a column
 * key) and what is wrong, never the value itself — in English ({@code problem}) and in Chinese ({@code problemZh}),
 * both rendered when the problem is found, so that the report is read in the reader's language however late.
 */
public record RowProblem(int row, String field, String problem, String problemZh) {

    public RowProblem {
        problem = cut(problem);
        problemZh = problemZh == null ? problem : cut(problemZh);
        field = field.length() > 60 ? field.substring(0, 60) : field;
    }

    /** {@code problem} in both languages. */
    public static RowProblem of(int row, String field, Text problem) {
        return new RowProblem(row, field, problem.render(Language.EN), problem.render(Language.ZH));
    }

    /** What is wrong, in {@code language}. */
    public String in(Language language) {
        return language == Language.ZH ? problemZh : problem;
    }

    private static String cut(String text) {
        return text.length() > 300 ? text.substring(0, 297) + "..." : text;
    }
}
