package cn.rescueforce.assessment.standard;

import cn.rescueforce.assessment.api.model.IndicatorSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A section of a standard and its indicators, kept as JSON inside the standard version they belong to. */
public class StandardSection {

    public String code;
    public String title;
    public List<Indicator> indicators = new ArrayList<>();

    public static class Indicator {
        public String code;
        public String title;
        public double maxScore;
        public boolean veto;
        public boolean evidenceRequired;
        public IndicatorSource source = IndicatorSource.MANUAL;
        public String guidance;

        /** Filled from equipment-api's compliance report of the team at submission. */
        public boolean fromEquipment() {
            return source == IndicatorSource.EQUIPMENT_COMPLIANCE;
        }

        // JSON values are compared by content, so that reading a row never makes it look changed (and bump its version)
        @Override
        public boolean equals(Object o) {
            return o instanceof Indicator that && Objects.equals(code, that.code) && Objects.equals(title, that.title)
                    && Double.compare(maxScore, that.maxScore) == 0 && veto == that.veto && evidenceRequired == that.evidenceRequired
                    && source == that.source && Objects.equals(guidance, that.guidance);
        }

        @Override
        public int hashCode() {
            return Objects.hash(code, title, maxScore, veto, evidenceRequired, source, guidance);
        }
    }

    // JSON values are compared by content, so that reading a row never makes it look changed (and bump its version)
    @Override
    public boolean equals(Object o) {
        return o instanceof StandardSection that && Objects.equals(code, that.code) && Objects.equals(title, that.title)
                && Objects.equals(indicators, that.indicators);
    }

    @Override
    public int hashCode() {
        return Objects.hash(code, title, indicators);
    }
}
