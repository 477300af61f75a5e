package cn.rescueforce.teams.readiness;

import cn.rescueforce.teams.api.model.MemberRole;
import cn.rescueforce.teams.api.model.MemberStatus;
import cn.rescueforce.teams.api.model.ReadinessCheck;
import cn.rescueforce.teams.api.model.ReadinessWarning;
import cn.rescueforce.teams.api.model.ReadinessWarningCode;
import cn.rescueforce.teams.api.model.TeamCategory;
import cn.rescueforce.teams.certificate.Certificate;
import cn.rescueforce.teams.certificate.CertificateService;
import cn.rescueforce.teams.member.Member;
import cn.rescueforce.teams.squad.DutyRosterService;
import cn.rescueforce.teams.team.Team;
import cn.rescueforce.teams.team.TeamService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Whether a team still meets its category's minimums: headcount, the squad on duty now by the duty roster (no longer
 * inferred from the members outside the command), its commander's certificates, drills.
 */
@ApplicationScoped
public class ReadinessCheckService {

    /**
     * Minimum active members per category. A mine rescue team has at least three squads of nine (the mine
     * rescue regulations); the other categories use the registry's own figures.
     */
    static final Map<TeamCategory, Integer> MINIMUM_HEADCOUNT = new EnumMap<>(Map.of(
            TeamCategory.MINING, 27,
            TeamCategory.HAZARDOUS_CHEMICALS, 20,
            TeamCategory.OIL_GAS, 20,
            TeamCategory.TUNNEL_CONSTRUCTION, 15,
            TeamCategory.OTHER, 10));
    /**
     * The squad on duty (the duty roster) has at least six active members, standing by day and night: the mine rescue
     * rule (the contract, checkTeamReadiness), held for every category.
     */
    static final int MINIMUM_DUTY_SQUAD = 6;
    /** A drill is expected at least once a quarter. */
    static final int DRILL_INTERVAL_DAYS = 90;

    @Inject
    TeamService teams;

    @Inject
    DutyRosterService roster;

    @Inject
    EntityManager em;

    public ReadinessCheck check(UUID teamId) {
        Team team = teams.get(teamId);
        LocalDate today = CertificateService.today();
        List<ReadinessWarning> warnings = new ArrayList<>();

        int minimumHeadcount = MINIMUM_HEADCOUNT.get(team.category);
        if (team.headcount < minimumHeadcount) {
            warnings.add(warning(ReadinessWarningCode.HEADCOUNT_BELOW_MINIMUM, team.headcount + " active members; a "
                    + team.category + " team needs at least " + minimumHeadcount));
        }
        List<Member> active = Member.list("teamId = ?1 and status = ?2", team.id, MemberStatus.ACTIVE);
        DutyRosterService.OnDuty onDuty = roster.onDuty(team, Instant.now());
        int onDutyMembers = onDuty.squad() == null ? 0 : onDuty.squad().activeMembers();
        if (onDuty.squad() == null) {
            warnings.add(warning(ReadinessWarningCode.NO_SQUAD_ON_DUTY, "No squad is on the duty roster now"));
        } else if (onDutyMembers < MINIMUM_DUTY_SQUAD) {
            warnings.add(warning(ReadinessWarningCode.DUTY_SQUAD_BELOW_MINIMUM, "The squad on duty, "
                    + onDuty.squad().squad().name + ", has " + onDutyMembers + " active members; it needs at least " + MINIMUM_DUTY_SQUAD));
        }
        warnings.addAll(commanderWarnings(active.stream().filter(m -> m.role == MemberRole.COMMANDER).toList(), today));

        LocalDate lastDrill = em.createQuery("select max(d.heldOn) from Drill d where d.teamId = :teamId", LocalDate.class)
                .setParameter("teamId", team.id).getSingleResult();
        if (lastDrill == null || lastDrill.isBefore(today.minusDays(DRILL_INTERVAL_DAYS))) {
            warnings.add(warning(ReadinessWarningCode.DRILL_OVERDUE, (lastDrill == null ? "No drill recorded"
                    : "No drill since " + lastDrill) + "; one is expected at least every " + DRILL_INTERVAL_DAYS + " days"));
        }
        ReadinessCheck check = new ReadinessCheck(team.id, team.name, team.category, today, team.headcount, minimumHeadcount,
                onDutyMembers, MINIMUM_DUTY_SQUAD, warnings.isEmpty(), warnings).lastDrillOn(lastDrill);
        return onDuty.squad() == null ? check
                : check.dutySquadId(onDuty.squad().squad().id).dutySquadName(onDuty.squad().squad().name);
    }

    /**
     * An expired certificate no longer counts, but a renewed one (a valid certificate of the same name)
     * replaces it: only certificates whose every copy has expired are reported.
     */
    private List<ReadinessWarning> commanderWarnings(List<Member> commanders, LocalDate today) {
        if (commanders.isEmpty()) {
            return List.of(warning(ReadinessWarningCode.NO_COMMANDER, "The team has no active commander"));
        }
        List<ReadinessWarning> warnings = new ArrayList<>();
        for (Member commander : commanders) {
            Map<String, List<Certificate>> byName = Certificate.<Certificate>list("memberId", commander.id).stream()
                    .collect(Collectors.groupingBy(c -> c.name));
            byName.values().stream()
                    .filter(copies -> copies.stream().allMatch(c -> c.hasExpired(today)))
                    .map(copies -> copies.stream().max(Comparator.comparing(c -> c.expiresOn)).orElseThrow())
                    .sorted(Comparator.comparing(c -> c.expiresOn))
                    .forEach(expired -> warnings.add(warning(ReadinessWarningCode.COMMANDER_CERTIFICATE_EXPIRED,
                            commander.name + "'s certificate " + expired.name + " expired on " + expired.expiresOn)));
        }
        return warnings;
    }

    private static ReadinessWarning warning(ReadinessWarningCode code, String message) {
        return new ReadinessWarning(code, message);
    }
}
