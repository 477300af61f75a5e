package cn.rescueforce.teams.bulk;

import cn.rescueforce.kit.i18n.Text;

import cn.rescueforce.kit.bulk.BulkKind;
import cn.rescueforce.kit.bulk.Column;
import cn.rescueforce.kit.bulk.ImportRow;
import cn.rescueforce.kit.bulk.Template;
import cn.rescueforce.kit.personaldata.PersonalDataCipher;
import cn.rescueforce.kit.problem.ProblemException;
import cn.rescueforce.kit.query.Where;
import cn.rescueforce.kit.security.ManagementLevel;
import cn.rescueforce.teams.api.model.CertificateInput;
import cn.rescueforce.teams.certificate.Certificate;
import cn.rescueforce.teams.certificate.CertificateService;
import cn.rescueforce.teams.member.IdNumber;
import cn.rescueforce.teams.member.Member;
import cn.rescueforce.teams.security.Scope;
import cn.rescueforce.teams.team.Team;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.validation.Validator;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Members' certificates as a bulk file, one certificate per row, the member named by the ID number of a person serving
 * in a team (a member repeated on several rows gets several certificates): a row is
 * {@code POST /api/v1/members/{memberId}/certificates} (CertificateService.add: the body's constraints of
 * CertificateInput, the member's team in the caller's scope and editable, the dates' rules, audit and change feed).
 * The member is found through the keyed hash of the ID number, as the registry finds serving persons, never through
 * a clear value; one the caller cannot see is "not found", without the ID number. The members themselves come first,
 * through the {@code members} kind. The export masks ID numbers as the read API does.
 */
@ApplicationScoped
public class CertificateRows implements BulkKind {

    static final Template TEMPLATE = new Template("certificates", List.of(
            Column.required("idNumber", "身份证号").personalData(),
            Column.required("name", "证书名称"),
            Column.optional("certificateNumber", "证书编号"),
            Column.required("issuer", "发证机关"),
            Column.required("issuedOn", "发证日期"),
            Column.optional("expiresOn", "有效期至")));

    static final int PAGE = 500;

    @Inject
    CertificateService service;

    @Inject
    Scope scope;

    @Inject
    EntityManager em;

    @Inject
    PersonalDataCipher cipher;

    @Inject
    Validator validator;

    @Override
    public String kind() {
        return "certificates";
    }

    @Override
    public Template template() {
        return TEMPLATE;
    }

    @Override
    public List<ManagementLevel> importers() {
        return Scope.TEAM_EDITORS;
    }

    @Override
    public List<ManagementLevel> exporters() {
        return Scope.TEAM_EDITORS;
    }

    @Override
    public void apply(ImportRow row) {
        String idNumber = row.requiredText("idNumber");
        CertificateInput input = new CertificateInput()
                .name(row.requiredText("name"))
                .certificateNumber(row.text("certificateNumber"))
                .issuer(row.requiredText("issuer"))
                .issuedOn(row.date("issuedOn", true))
                .expiresOn(row.date("expiresOn", false));
        row.validate(validator, input, Map.of());
        Text problem = idNumber == null ? null : IdNumber.problemWith(idNumber);
        if (problem != null) {
            row.error("idNumber", problem);
        }
        row.check();
        service.add(servingMember(idNumber).id, input);
    }

    /** The serving member with this ID number whose team the caller may edit, or 404 that does not repeat the number. */
    private Member servingMember(String idNumber) {
        scope.requireLevel(Scope.TEAM_EDITORS, Text.of("record certificates"));
        // LEFT as a literal, as in the partial index on the hash (MemberRepository.serving says why)
        List<Object[]> found = em.createQuery("select m, t from Member m, Team t where t.id = m.teamId"
                        + " and m.idNumberHash = :hash and m.status <> cn.rescueforce.teams.api.model.MemberStatus.LEFT",
                        Object[].class)
                .setParameter("hash", Member.idNumberHash(idNumber, cipher))
                .getResultList();
        if (found.isEmpty() || !scope.maySee((Team) found.get(0)[1])) {
            throw new ProblemException(404, "not-found", "Not found", Text.of("No member serving with the ID number of this row"), null);
        }
        return (Member) found.get(0)[0];
    }

    /** A certificate number names one certificate: the same one twice for the same person is reported. */
    @Override
    public String duplicateKey(ImportRow row) {
        String idNumber = row.text("idNumber");
        String number = row.text("certificateNumber");
        return idNumber == null || number == null ? null
                : IdNumber.normalized(idNumber) + "\u0000" + row.text("name") + "\u0000" + number;
    }

    @Override
    public Export export() {
        scope.requireLevel(Scope.TEAM_EDITORS, Text.of("read members"));
        Where where = scope.restrict(new Where(), "t.");
        return out -> {
            for (int page = 0; ; page++) {
                int index = page;
                List<List<String>> rows = QuarkusTransaction.requiringNew().call(() -> {
                    TypedQuery<Object[]> query = em.createQuery("select c, m from Certificate c, Member m, Team t"
                            + " where m.id = c.memberId and t.id = m.teamId"
                            + (where.query().isEmpty() ? "" : " and " + where.query())
                            + " order by t.code, m.name, m.id, c.issuedOn, c.id", Object[].class);
                    where.parameterMap().forEach(query::setParameter);
                    return query.setFirstResult(index * PAGE).setMaxResults(PAGE).getResultList().stream()
                            .map(r -> cells((Certificate) r[0], (Member) r[1])).toList();
                });
                rows.forEach(out::row);
                if (rows.size() < PAGE) {
                    return;
                }
            }
        };
    }

    private List<String> cells(Certificate certificate, Member member) {
        return Arrays.asList(IdNumber.masked(member.idNumber(cipher)), certificate.name, certificate.certificateNumber,
                certificate.issuer, certificate.issuedOn.toString(),
                certificate.expiresOn == null ? null : certificate.expiresOn.toString());
    }
}
