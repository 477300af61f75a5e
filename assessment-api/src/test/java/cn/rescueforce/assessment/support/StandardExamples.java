package cn.rescueforce.assessment.support;

import cn.rescueforce.assessment.api.model.IndicatorSource;
import cn.rescueforce.assessment.api.model.TeamCategory;
import cn.rescueforce.assessment.standard.Standard;
import cn.rescueforce.assessment.standard.StandardContent;
import cn.rescueforce.assessment.standard.StandardSection;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Standards built in memory for the plain unit tests, shaped like the seed mining standard (V2 migration):
 * 45 points over three sections, one veto indicator, one filled from the equipment report.
 */
public final class StandardExamples {

    public static final Instant DRAFTED = Instant.parse("2026-03-01T08:00:00Z");

    private StandardExamples() {
    }

    /** MGT: MR-MGT-1 (10, veto, evidence), MR-MGT-2 (5); EQP: MR-EQP-1 (20, equipment); TEC: MR-TEC-1 (10). */
    public static StandardContent miningContent() {
        return content(40, 35, 30);
    }

    public static StandardContent content(double grade1, double grade2, double grade3) {
        List<StandardSection> sections = new ArrayList<>();
        sections.add(section("MGT", indicator("MR-MGT-1", 10, true, true, IndicatorSource.MANUAL),
                indicator("MR-MGT-2", 5, false, false, IndicatorSource.MANUAL)));
        sections.add(section("EQP", indicator("MR-EQP-1", 20, false, false, IndicatorSource.EQUIPMENT_COMPLIANCE)));
        sections.add(section("TEC", indicator("MR-TEC-1", 10, false, false, IndicatorSource.MANUAL)));
        return new StandardContent("矿山救援队标准化考核规范", sections, grade1, grade2, grade3, 24);
    }

    public static Standard draft() {
        return Standard.draft("MINE-RESCUE", 2, TeamCategory.MINING, miningContent(), DRAFTED);
    }

    public static Standard published() {
        Standard standard = draft();
        standard.publish(DRAFTED.plusSeconds(3600));
        return standard;
    }

    public static StandardSection section(String code, StandardSection.Indicator... indicators) {
        StandardSection section = new StandardSection();
        section.code = code;
        section.title = code;
        section.indicators.addAll(List.of(indicators));
        return section;
    }

    public static StandardSection.Indicator indicator(String code, double maxScore, boolean veto, boolean evidenceRequired,
                                                      IndicatorSource source) {
        StandardSection.Indicator indicator = new StandardSection.Indicator();
        indicator.code = code;
        indicator.title = code;
        indicator.maxScore = maxScore;
        indicator.veto = veto;
        indicator.evidenceRequired = evidenceRequired;
        indicator.source = source;
        return indicator;
    }
}
