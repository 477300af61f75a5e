package cn.rescueforce.teams.certificate;

import cn.rescueforce.kit.changes.Audience;
import cn.rescueforce.kit.changes.ChangeSource;
import cn.rescueforce.kit.security.ManagementLevel;
import cn.rescueforce.kit.security.TeamScope;
import cn.rescueforce.teams.member.Member;
import cn.rescueforce.teams.team.Team;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

/**
 * Members' certificates in the change feed, as {@code GET /api/v1/members/{memberId}/certificates} lists them (its
 * state as of the day of the change). Readers are those of the member ({@code CertificateService.ofMember} reads
 * the member first): the team editors whose scope covers the member's team. A certificate names a person's
 * qualification, so the feed keeps it encrypted like the member itself.
 */
@ApplicationScoped
public class CertificateChanges implements ChangeSource {

    @Override
    public String entityType() {
        return "Certificate";
    }

    @Override
    public List<String> eventTypes() {
        return List.of("certificate.recorded");
    }

    @Override
    public String eventType(String action) {
        return ChangeSource.eventType("certificate", action, eventTypes());
    }

    @Override
    public Representation represent(UUID id) {
        Certificate certificate = Certificate.findById(id);
        if (certificate == null) {
            return null;
        }
        ChangeSource.asStored(certificate);
        Member member = Member.findById(certificate.memberId);
        Team team = Team.findById(member.teamId);
        return Representation.withPersonalData(CertificateMapper.toApi(certificate, CertificateService.today()), null,
                Audience.team(team.province, TeamScope.isMining(team.category), team.supportingUnitId)
                        .onlyLevels(ManagementLevel.PROVINCIAL, ManagementLevel.MINE_SAFETY, ManagementLevel.UNIT));
    }
}
