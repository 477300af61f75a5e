package cn.rescueforce.assessment.standard;

import cn.rescueforce.kit.i18n.Text;
import cn.rescueforce.kit.problem.Problem.FieldError;
import cn.rescueforce.kit.problem.ProblemException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a draft version says and may still change: its title, sections with their indicators, grade thresholds
 * and how long a pass is valid. The code and category of a version are fixed when it is drafted.
 */
public record StandardContent(String title, List<StandardSection> sections, double grade1Min, double grade2Min,
                              double grade3Min, int validityMonths) {

    /** The highest possible total: every indicator at its maximum. */
    public double maxTotal() {
        double total = 0; // added in order, as a reader of the standard adds them up
        for (StandardSection section : sections) {
            for (StandardSection.Indicator indicator : section.indicators) {
                total += indicator.maxScore;
            }
        }
        return total;
    }

    /**
     * A 400 listing every problem: codes unique within the version, at most one indicator filled from the
     * equipment report, thresholds falling from grade 1 to grade 3 and grade 1 reachable. Fields are named as
     * in the request ({@code sections[0].indicators[2].code}).
     */
    public void assertValid() {
        List<FieldError> errors = new ArrayList<>();
        Set<String> indicatorCodes = new HashSet<>();
        Set<String> sectionCodes = new HashSet<>();
        int equipmentIndicators = 0;
        for (int s = 0; s < sections.size(); s++) {
            StandardSection section = sections.get(s);
            if (!sectionCodes.add(section.code)) {
                errors.add(new FieldError("sections[" + s + "].code", Text.of("duplicate section code {0}", section.code)));
            }
            for (int i = 0; i < section.indicators.size(); i++) {
                StandardSection.Indicator indicator = section.indicators.get(i);
                String field = "sections[" + s + "].indicators[" + i + "]";
                if (!indicatorCodes.add(indicator.code)) {
                    errors.add(new FieldError(field + ".code", Text.of("duplicate indicator code {0}", indicator.code)));
                }
                if (indicator.fromEquipment()) {
                    equipmentIndicators++;
                    if (equipmentIndicators > 1) {
                        errors.add(new FieldError(field + ".source", Text.of("at most one indicator is filled from the equipment compliance report")));
                    }
                }
            }
        }
        if (!(grade1Min > grade2Min && grade2Min > grade3Min)) {
            errors.add(new FieldError("thresholds", Text.of("must fall: grade1 > grade2 > grade3")));
        }
        if (grade1Min > maxTotal()) {
            errors.add(new FieldError("thresholds.grade1", Text.of("exceeds the highest possible total {0}", maxTotal())));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }
}
