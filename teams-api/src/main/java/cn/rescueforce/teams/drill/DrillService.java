package cn.rescueforce.teams.drill;

import cn.rescueforce.kit.i18n.Text;
import cn.rescueforce.kit.audit.AuditTrail;
import cn.rescueforce.kit.paging.PageRequest;
import cn.rescueforce.kit.problem.ProblemException;
import cn.rescueforce.kit.query.Where;
import cn.rescueforce.teams.api.model.DrillInput;
import cn.rescueforce.teams.api.model.DrillTotals;
import cn.rescueforce.teams.api.model.DrillType;
import cn.rescueforce.teams.api.model.DrillTypeCount;
import cn.rescueforce.teams.api.model.TrainingRecordInput;
import cn.rescueforce.teams.certificate.CertificateService;
import cn.rescueforce.teams.member.Member;
import cn.rescueforce.teams.member.MemberRepository;
import cn.rescueforce.teams.team.Team;
import cn.rescueforce.teams.team.TeamService;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Drills and training of a team, and their yearly totals. */
@ApplicationScoped
public class DrillService {

    static final Map<String, String> SORTABLE = Map.of("heldOn", "heldOn", "type", "type");

    @Inject
    TeamService teams;

    @Inject
    MemberRepository members;

    @Inject
    AuditTrail audit;

    @Inject
    EntityManager em;

    public record Training(TrainingRecord record, Member member) {
    }

    @Transactional
    public Drill record(UUID teamId, DrillInput input) {
        Team team = teams.editable(teamId, Text.of("record drills"));
        if (input.getHeldOn().isAfter(CertificateService.today())) {
            throw ProblemException.invalid("heldOn", Text.of("must not be in the future"));
        }
        Drill drill = new Drill();
        drill.id = UUID.randomUUID();
        drill.teamId = team.id;
        drill.heldOn = input.getHeldOn();
        drill.type = input.getType();
        drill.scenario = input.getScenario().trim();
        drill.participants = input.getParticipants();
        drill.durationMinutes = input.getDurationMinutes();
        drill.findings = input.getFindings();
        drill.createdAt = Instant.now();
        drill.persist();
        audit.record("Drill", drill.id, "RECORDED", team.province,
                List.of("heldOn", "type", "scenario", "participants", "durationMinutes", "findings"));
        return drill;
    }

    public PanacheQuery<Drill> list(UUID teamId, Integer year, PageRequest page) {
        Team team = teams.get(teamId);
        Where where = new Where().equal("teamId", team.id);
        if (year != null) {
            where.atLeast("heldOn", LocalDate.of(year, 1, 1)).before("heldOn", LocalDate.of(year + 1, 1, 1));
        }
        return Drill.<Drill>find(where.query(), page.sort(), where.parameters()).page(page.panachePage());
    }

    /** Training hours of one member of the team; the member row is locked so that concurrent records all count. */
    @Transactional
    public Training recordTraining(UUID teamId, TrainingRecordInput input) {
        Team team = teams.editable(teamId, Text.of("record training hours"));
        Member member = members.findForUpdate(input.getMemberId());
        if (member == null || !member.teamId.equals(team.id)) {
            throw ProblemException.notFound(Text.of("member of this team"), input.getMemberId());
        }
        member.assertServing();
        if (input.getTrainedOn().isAfter(CertificateService.today())) {
            throw ProblemException.invalid("trainedOn", Text.of("must not be in the future"));
        }
        TrainingRecord record = new TrainingRecord();
        record.id = UUID.randomUUID();
        record.teamId = team.id;
        record.memberId = member.id;
        record.trainedOn = input.getTrainedOn();
        record.hours = input.getHours();
        record.subject = input.getSubject().trim();
        record.createdAt = Instant.now();
        record.persist();
        member.addTrainingHours(record.hours, record.createdAt);
        em.flush();
        audit.record("Member", member.id, "TRAINING_RECORDED", team.province, List.of("trainingHours"));
        return new Training(record, member);
    }

    public DrillTotals totals(UUID teamId, Integer year) {
        Team team = teams.get(teamId);
        int y = year == null ? CertificateService.today().getYear() : year;
        LocalDate start = LocalDate.of(y, 1, 1);
        LocalDate end = start.plusYears(1);
        List<Object[]> byType = em.createQuery("select d.type, count(d), sum(d.durationMinutes), sum(d.participants * d.durationMinutes)"
                        + " from Drill d where d.teamId = :teamId and d.heldOn >= :start and d.heldOn < :end group by d.type order by d.type",
                Object[].class).setParameter("teamId", team.id).setParameter("start", start).setParameter("end", end).getResultList();
        long drills = 0;
        long minutes = 0;
        long participantMinutes = 0;
        List<DrillTypeCount> counts = new ArrayList<>();
        for (Object[] row : byType) {
            long count = ((Number) row[1]).longValue();
            drills += count;
            minutes += ((Number) row[2]).longValue();
            participantMinutes += ((Number) row[3]).longValue();
            counts.add(new DrillTypeCount((DrillType) row[0], count));
        }
        Object[] training = em.createQuery("select coalesce(sum(r.hours), 0), count(distinct r.memberId) from TrainingRecord r"
                        + " where r.teamId = :teamId and r.trainedOn >= :start and r.trainedOn < :end", Object[].class)
                .setParameter("teamId", team.id).setParameter("start", start).setParameter("end", end).getSingleResult();
        return new DrillTotals(team.id, y, drills, counts, hours(minutes), hours(participantMinutes),
                ((Number) training[0]).longValue(), ((Number) training[1]).longValue());
    }

    private static double hours(long minutes) {
        return Math.round(minutes / 60.0 * 10) / 10.0;
    }

    static Sort defaultSort() {
        return Sort.by("heldOn", Sort.Direction.Descending);
    }
}
