package cn.rescueforce.teams.problem;

import cn.rescueforce.kit.i18n.Text;
import cn.rescueforce.kit.problem.ProblemException;
import cn.rescueforce.kit.problem.UniqueViolations;
import cn.rescueforce.teams.member.Member;
import cn.rescueforce.teams.mobilization.MobilizationOrder;
import cn.rescueforce.teams.team.Team;
import cn.rescueforce.teams.unit.SupportingUnit;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/**
 * teams-api's unique constraints (db/migration V1, V3, V5), each answered as the problem the service raises when
 * its own check sees the existing record first: a concurrent request that won the race is no generic conflict.
 */
@ApplicationScoped
public class UniqueConstraints implements UniqueViolations {

    @Override
    public Optional<ProblemException> problemFor(String constraintName) {
        return Optional.ofNullable(switch (constraintName) {
            case "team_code_unique" -> Team.codeTaken(Text.of("A team with this code already exists"));
            case "supporting_unit_credit_code_unique" ->
                    SupportingUnit.creditCodeTaken(Text.of("A supporting unit with this credit code is already registered"));
            case "member_id_number_hash_serving_unique" ->
                    Member.personAlreadyServing(Text.of("A person with this ID number already serves in a team"));
            case "mobilization_order_one_open_per_team" -> MobilizationOrder.openOrderExists();
            default -> null;
        });
    }
}
