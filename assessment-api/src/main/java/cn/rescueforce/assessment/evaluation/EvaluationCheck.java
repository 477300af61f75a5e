package cn.rescueforce.assessment.evaluation;

import cn.rescueforce.kit.i18n.Text;
import cn.rescueforce.assessment.api.model.EvaluationInput;
import cn.rescueforce.assessment.api.model.IndicatorScoreInput;
import cn.rescueforce.assessment.standard.Standard;
import cn.rescueforce.assessment.standard.StandardSection;
import cn.rescueforce.kit.problem.Problem.FieldError;
import cn.rescueforce.kit.problem.ProblemException;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * An evaluation checked against the standard version of its assessment. Every problem names its indicator
 * ({@code scores[MR-TRN-1].score}) so an assessor's system can point at the line to fix.
 */
final class EvaluationCheck {

    private EvaluationCheck() {
    }

    /** The assessor's scores as stored, or a 400 listing every bad indicator. */
    static List<Evaluation.Score> scoresOf(Standard standard, EvaluationInput input) {
        List<FieldError> errors = new ArrayList<>();
        List<Evaluation.Score> scores = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (IndicatorScoreInput given : input.getScores()) {
            String code = given.getIndicatorCode();
            String field = "scores[" + code + "]";
            StandardSection.Indicator indicator = standard.indicator(code).orElse(null);
            if (indicator == null) {
                errors.add(new FieldError(field + ".indicatorCode", Text.of("no such indicator in standard {0} version {1}", standard.code, standard.standardVersion)));
                continue;
            }
            if (!seen.add(code)) {
                errors.add(new FieldError(field, Text.of("scored more than once")));
                continue;
            }
            if (indicator.fromEquipment()) {
                errors.add(new FieldError(field, Text.of("filled from equipment-api's compliance report at submission; do not send it")));
                continue;
            }
            double score = given.getScore();
            if (score < 0 || score > indicator.maxScore) {
                errors.add(new FieldError(field + ".score", Text.of("must be between 0 and {0}", plain(indicator.maxScore))));
            }
            boolean veto = Boolean.TRUE.equals(given.getVetoTriggered());
            if (veto && !indicator.veto) {
                errors.add(new FieldError(field + ".vetoTriggered", Text.of("indicator {0} is not a veto indicator", code)));
            }
            // evidence an indicator requires may follow the scores: the finalization checks it (Evaluation#indicatorsWithoutEvidence)
            List<String> evidence = given.getEvidence() == null ? List.of() : given.getEvidence();
            Evaluation.Score stored = new Evaluation.Score();
            stored.indicatorCode = code;
            stored.sectionCode = standard.sectionOf(code);
            stored.score = score;
            stored.maxScore = indicator.maxScore;
            stored.vetoTriggered = veto;
            stored.source = indicator.source;
            stored.comment = given.getComment();
            stored.evidence = new ArrayList<>(evidence);
            stored.evidenceFiles = given.getEvidenceFiles() == null ? new ArrayList<>() : new ArrayList<>(given.getEvidenceFiles());
            scores.add(stored);
        }
        for (StandardSection.Indicator indicator : standard.indicators()) {
            if (!indicator.fromEquipment() && !seen.contains(indicator.code)) {
                errors.add(new FieldError("scores[" + indicator.code + "]", Text.of("indicator not scored")));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return scores;
    }

    /**
     * Every evidence file the evaluation cites is one of {@code filesOfAssessment} (the files uploaded to its
     * assessment), or a 400 naming each other one: a file of another assessment is cited as little as a missing one.
     */
    static void requireOwnFiles(EvaluationInput input, Collection<UUID> filesOfAssessment) {
        List<FieldError> errors = new ArrayList<>();
        for (IndicatorScoreInput given : input.getScores()) {
            List<UUID> cited = given.getEvidenceFiles() == null ? List.of() : new ArrayList<>(given.getEvidenceFiles());
            for (int i = 0; i < cited.size(); i++) {
                if (!filesOfAssessment.contains(cited.get(i))) {
                    errors.add(new FieldError("scores[" + given.getIndicatorCode() + "].evidenceFiles[" + i + "]",
                            Text.of("no evidence file {0} was uploaded to this assessment", cited.get(i))));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    /** Every evidence file id the evaluation cites. */
    static Set<UUID> citedFiles(EvaluationInput input) {
        Set<UUID> cited = new HashSet<>();
        for (IndicatorScoreInput given : input.getScores()) {
            if (given.getEvidenceFiles() != null) {
                cited.addAll(given.getEvidenceFiles());
            }
        }
        return cited;
    }

    static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
