package cn.rescueforce.assessment.security;

import cn.rescueforce.kit.i18n.Text;
import cn.rescueforce.assessment.api.model.TeamCategory;
import cn.rescueforce.assessment.assessment.Assessment;
import cn.rescueforce.kit.problem.ProblemException;
import cn.rescueforce.kit.query.Where;
import cn.rescueforce.kit.security.Caller;
import cn.rescueforce.kit.security.CallerScope;
import cn.rescueforce.kit.security.ManagementLevel;
import cn.rescueforce.kit.security.TeamColumns;
import cn.rescueforce.kit.security.TeamScope;
import jakarta.enterprise.context.RequestScoped;

import java.util.List;
import java.util.UUID;

import static cn.rescueforce.kit.security.ManagementLevel.MINE_SAFETY;
import static cn.rescueforce.kit.security.ManagementLevel.NATIONAL;
import static cn.rescueforce.kit.security.ManagementLevel.PROVINCIAL;

/**
 * What the caller may see and do with assessments (README, "How the API behaves"): the kit's team scope
 * ({@link TeamScope}) for the management levels, and for an assessor the assessments assigned to its
 * organisation. Out-of-scope objects are reported as missing (404), actions the level may never take as
 * forbidden (403).
 */
@RequestScoped
public class Scope extends CallerScope {

    /** Levels that schedule, cancel and finalize assessments of the teams in their scope. */
    public static final List<ManagementLevel> SCHEDULERS = List.of(NATIONAL, PROVINCIAL, MINE_SAFETY);

    /** Where an assessment keeps the team facts that decide scope (JPQL properties of {@link Assessment}). */
    static final TeamColumns ASSESSED_TEAM = TeamColumns.withCategory("teamProvince", "teamCategory", TeamCategory.MINING,
            "teamSupportingUnitId");

    /** Whether a team is in the caller's scope; {@code category} is any contract's TeamCategory. */
    public boolean coversTeam(String province, Enum<?> category, UUID supportingUnitId) {
        return caller().covers(province, TeamScope.isMining(category), supportingUnitId);
    }

    public boolean maySee(Assessment assessment) {
        Caller caller = caller();
        if (caller.is(ManagementLevel.ASSESSOR)) {
            return caller.org().equals(assessment.assessorOrgId);
        }
        return caller.covers(assessment.teamProvince, assessment.isMining(), assessment.teamSupportingUnitId);
    }

    /** The assessment, or 404 when it is out of the caller's scope, exactly as if it did not exist. */
    public Assessment visible(Assessment assessment, Object id) {
        if (assessment == null || !maySee(assessment)) {
            throw ProblemException.notFound(Text.of("assessment"), id);
        }
        return assessment;
    }

    /** The same rule as {@link #maySee} as a condition on assessments, added to {@code where}. */
    public Where visibleAssessments(Where where) {
        Caller caller = caller();
        if (caller.is(ManagementLevel.ASSESSOR)) {
            return where.equal("assessorOrgId", caller.org());
        }
        return caller.teamScope().restrict(where, ASSESSED_TEAM);
    }
}
