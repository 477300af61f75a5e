package cn.rescueforce.assessment.standard;

import cn.rescueforce.assessment.Utc;
import cn.rescueforce.assessment.api.model.GradeThresholds;
import cn.rescueforce.assessment.api.model.Indicator;
import cn.rescueforce.assessment.api.model.IndicatorInput;
import cn.rescueforce.assessment.api.model.IndicatorSource;
import cn.rescueforce.assessment.api.model.Section;
import cn.rescueforce.assessment.api.model.SectionInput;
import cn.rescueforce.assessment.api.model.StandardInput;
import cn.rescueforce.assessment.api.model.StandardStatus;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;

/** Standards between the entity and the API models of openapi/assessment-api.yaml. */
@ApplicationScoped
public class StandardMapper {

    /** The standard as served; lists leave the sections out (they are read one version at a time). */
    public cn.rescueforce.assessment.api.model.Standard toApi(Standard standard, boolean withSections) {
        List<Section> sections = !withSections ? List.of() : standard.sections.stream().map(s -> new Section()
                .code(s.code).title(s.title)
                .indicators(s.indicators.stream().map(i -> new Indicator()
                        .code(i.code).title(i.title).maxScore(i.maxScore).veto(i.veto).evidenceRequired(i.evidenceRequired)
                        .source(i.source).guidance(i.guidance)).toList())).toList();
        return new cn.rescueforce.assessment.api.model.Standard()
                .id(standard.id)
                .code(standard.code)
                .standardVersion(standard.standardVersion)
                .title(standard.title)
                .category(standard.category)
                .status(StandardStatus.valueOf(standard.status.name()))
                .sections(sections)
                .thresholds(new GradeThresholds().grade1(standard.grade1Min).grade2(standard.grade2Min).grade3(standard.grade3Min))
                .validityMonths(standard.validityMonths)
                .maxTotal(standard.maxTotal)
                .publishedAt(Utc.of(standard.publishedAt))
                .retiredAt(Utc.of(standard.retiredAt))
                .createdAt(Utc.of(standard.createdAt))
                .updatedAt(Utc.of(standard.updatedAt))
                .version(standard.version);
    }

    /** What a draft says, from the request; an indicator without a source is scored by hand. */
    public StandardContent toContent(StandardInput input) {
        List<StandardSection> sections = new ArrayList<>();
        for (SectionInput sectionInput : input.getSections()) {
            StandardSection section = new StandardSection();
            section.code = sectionInput.getCode();
            section.title = sectionInput.getTitle();
            for (IndicatorInput indicatorInput : sectionInput.getIndicators()) {
                StandardSection.Indicator indicator = new StandardSection.Indicator();
                indicator.code = indicatorInput.getCode();
                indicator.title = indicatorInput.getTitle();
                indicator.maxScore = indicatorInput.getMaxScore();
                indicator.veto = Boolean.TRUE.equals(indicatorInput.getVeto());
                indicator.evidenceRequired = Boolean.TRUE.equals(indicatorInput.getEvidenceRequired());
                indicator.source = indicatorInput.getSource() == null ? IndicatorSource.MANUAL : indicatorInput.getSource();
                indicator.guidance = indicatorInput.getGuidance();
                section.indicators.add(indicator);
            }
            sections.add(section);
        }
        return new StandardContent(input.getTitle().trim(), sections, input.getThresholds().getGrade1(),
                input.getThresholds().getGrade2(), input.getThresholds().getGrade3(), input.getValidityMonths());
    }
}
