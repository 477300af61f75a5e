package cn.rescueforce.assessment.security;

import cn.rescueforce.assessment.assessment.Assessment;
import cn.rescueforce.kit.problem.ProblemException;
import cn.rescueforce.kit.security.Caller;
import cn.rescueforce.kit.security.CurrentCaller;
import cn.rescueforce.kit.security.ManagementLevel;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import java.util.List;

import static cn.rescueforce.kit.security.ManagementLevel.MINE_SAFETY;
import static cn.rescueforce.kit.security.ManagementLevel.NATIONAL;
import static cn.rescueforce.kit.security.ManagementLevel.PROVINCIAL;

/**
 * What the caller may see and do with assessments (DESIGN.md, management levels): the team-scoped rule of
 * the kit for the management levels, and for an assessor the assessments assigned to its organisation.
 * Out-of-scope objects are reported as missing (404), actions the level may never take as forbidden (403).
 */
@RequestScoped
public class Scope {

    /** Levels that schedule, cancel and finalize assessments of the teams in their scope. */
    public static final List<ManagementLevel> SCHEDULERS = List.of(NATIONAL, PROVINCIAL, MINE_SAFETY);

    @Inject
    CurrentCaller currentCaller;

    public Caller caller() {
        return currentCaller.get();
    }

    /** 403 unless the caller's level is one of {@code levels}. */
    public void requireLevel(List<ManagementLevel> levels, String action) {
        caller().requireLevel(levels, action);
    }

    public boolean coversTeam(String province, String category, java.util.UUID supportingUnitId) {
        return caller().covers(province, "MINING".equals(category), supportingUnitId);
    }

    public boolean maySee(Assessment assessment) {
        Caller caller = caller();
        if (caller.is(ManagementLevel.ASSESSOR)) {
            return caller.org().equals(assessment.assessorOrgId);
        }
        return coversTeam(assessment.teamProvince, assessment.teamCategory, assessment.teamSupportingUnitId);
    }

    /** The assessment, or 404 when it is out of the caller's scope, exactly as if it did not exist. */
    public Assessment visible(Assessment assessment, Object id) {
        if (assessment == null || !maySee(assessment)) {
            throw ProblemException.notFound("assessment", id);
        }
        return assessment;
    }

    /** The caller's scope as a query condition on assessments; "" when everything is visible. */
    public String visibleAssessments(Parameters params) {
        Caller caller = caller();
        return switch (caller.level()) {
            case NATIONAL, SERVICE -> "";
            case PROVINCIAL -> {
                params.and("scopeRegion", caller.region());
                yield "teamProvince = :scopeRegion";
            }
            case MINE_SAFETY -> {
                params.and("scopeRegion", caller.region()).and("scopeCategory", "MINING");
                yield "teamProvince = :scopeRegion and teamCategory = :scopeCategory";
            }
            case UNIT -> {
                params.and("scopeUnit", caller.org());
                yield "teamSupportingUnitId = :scopeUnit";
            }
            case ASSESSOR -> {
                params.and("scopeAssessor", caller.org());
                yield "assessorOrgId = :scopeAssessor";
            }
        };
    }
}
