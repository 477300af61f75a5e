package cn.rescueforce.kit.security;

/**
 * Where a query finds the three facts of a team that decide scope: its province, whether it is a mining team,
 * and its supporting unit. Each service names its own columns (JPQL property paths, with an alias when the
 * query has one); {@link TeamScope#restrict} turns the caller's scope into a condition over them.
 *
 * @param province       the team's province code, e.g. {@code "t.province"} or {@code "teamProvince"}
 * @param mining         a condition true exactly for mining teams; its only parameter, if any, is
 *                       {@code :miningCategory}, bound to {@code miningCategory}
 * @param miningCategory the value the mining condition compares with ({@code null} when it needs none)
 * @param supportingUnit the team's supporting unit id
 */
public record TeamColumns(String province, String mining, Object miningCategory, String supportingUnit) {

    /** A team stored with its category column: mining means {@code category = MINING}. */
    public static TeamColumns withCategory(String province, String category, Enum<?> mining, String supportingUnit) {
        if (!TeamScope.isMining(mining)) {
            throw new IllegalArgumentException("the mining category is named " + TeamScope.MINING + ", not " + mining);
        }
        return new TeamColumns(province, category + " = :miningCategory", mining, supportingUnit);
    }

    /** A copy of a team's facts kept as a boolean column (rows owned by a team of another service). */
    public static TeamColumns withMiningFlag(String province, String miningFlag, String supportingUnit) {
        return new TeamColumns(province, miningFlag + " = true", null, supportingUnit);
    }
}
