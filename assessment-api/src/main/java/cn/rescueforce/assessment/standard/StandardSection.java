package cn.rescueforce.assessment.standard;

import java.util.ArrayList;
import java.util.List;

/** A section of a standard and its indicators, kept as JSON inside the standard version they belong to. */
public class StandardSection {

    public String code;
    public String title;
    public List<Indicator> indicators = new ArrayList<>();

    public static class Indicator {
        public static final String MANUAL = "MANUAL";
        /** Filled from equipment-api's compliance report of the team at submission. */
        public static final String EQUIPMENT_COMPLIANCE = "EQUIPMENT_COMPLIANCE";

        public String code;
        public String title;
        public double maxScore;
        public boolean veto;
        public boolean evidenceRequired;
        public String source = MANUAL;
        public String guidance;

        public boolean fromEquipment() {
            return EQUIPMENT_COMPLIANCE.equals(source);
        }

        // JSON values are compared by content, so that reading a row never makes it look changed (and bump its version)
        @Override
        public boolean equals(Object o) {
            return o instanceof Indicator that && java.util.Objects.equals(code, that.code) && java.util.Objects.equals(title, that.title) && java.util.Objects.equals(maxScore, that.maxScore) && java.util.Objects.equals(veto, that.veto) && java.util.Objects.equals(evidenceRequired, that.evidenceRequired) && java.util.Objects.equals(source, that.source) && java.util.Objects.equals(guidance, that.guidance);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(code, title, maxScore, veto, evidenceRequired, source, guidance);
        }
    }

    // JSON values are compared by content, so that reading a row never makes it look changed (and bump its version)
    @Override
    public boolean equals(Object o) {
        return o instanceof StandardSection that && java.util.Objects.equals(code, that.code) && java.util.Objects.equals(title, that.title) && java.util.Objects.equals(indicators, that.indicators);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(code, title, indicators);
    }
}
