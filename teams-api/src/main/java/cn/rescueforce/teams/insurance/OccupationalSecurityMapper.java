package cn.rescueforce.teams.insurance;

import cn.rescueforce.kit.personaldata.PersonalDataCipher;
import cn.rescueforce.teams.api.model.InsurancePolicyInput;
import cn.rescueforce.teams.api.model.InsurancePolicyUpdate;
import cn.rescueforce.teams.api.model.UninsuredMember;
import cn.rescueforce.teams.api.model.UninsuredMembers;
import cn.rescueforce.teams.certificate.CertificateService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.time.ZoneOffset;

/**
 * Policies and injuries between the entities and the API models. The policy number is decrypted here, for the answer
 * only, to the levels that read members (OccupationalSecurityService), in full, as the member's phone.
 */
@ApplicationScoped
public class OccupationalSecurityMapper {

    @Inject
    PersonalDataCipher cipher;

    public static InsurancePolicy.Terms terms(InsurancePolicyInput input) {
        return new InsurancePolicy.Terms(input.getInsurer(), input.getPolicyNumber(), BigDecimal.valueOf(input.getSumInsured()),
                input.getValidFrom(), input.getValidTo());
    }

    public static InsurancePolicy.Terms terms(InsurancePolicyUpdate update) {
        return new InsurancePolicy.Terms(update.getInsurer(), update.getPolicyNumber(), BigDecimal.valueOf(update.getSumInsured()),
                update.getValidFrom(), update.getValidTo());
    }

    public cn.rescueforce.teams.api.model.InsurancePolicy toApi(InsurancePolicy policy) {
        return new cn.rescueforce.teams.api.model.InsurancePolicy()
                .id(policy.id)
                .memberId(policy.memberId)
                .teamId(policy.teamId)
                .kind(policy.kind)
                .insurer(policy.insurer)
                .policyNumber(policy.policyNumber(cipher))
                .sumInsured(policy.sumInsured.doubleValue())
                .validFrom(policy.validFrom)
                .validTo(policy.validTo)
                .inForce(policy.inForceOn(CertificateService.today()))
                .createdAt(policy.createdAt.atOffset(ZoneOffset.UTC))
                .updatedAt(policy.updatedAt.atOffset(ZoneOffset.UTC))
                .version(policy.version);
    }

    public static cn.rescueforce.teams.api.model.DutyInjury toApi(DutyInjury injury) {
        return new cn.rescueforce.teams.api.model.DutyInjury()
                .id(injury.id)
                .memberId(injury.memberId)
                .teamId(injury.teamId)
                .occurredOn(injury.occurredOn)
                .mobilizationOrderId(injury.mobilizationOrderId)
                .drillId(injury.drillId)
                .severity(injury.severity)
                .recognizedAsWorkInjury(injury.recognizedAsWorkInjury)
                .daysLost(injury.daysLost)
                .description(injury.description)
                .createdAt(injury.createdAt.atOffset(ZoneOffset.UTC))
                .version(injury.version);
    }

    public static UninsuredMembers toApi(OccupationalSecurityService.Coverage coverage) {
        return new UninsuredMembers()
                .teamId(coverage.teamId())
                .asOf(coverage.asOf())
                .servingMembers(coverage.servingMembers())
                .insuredMembers(coverage.insuredMembers())
                .uninsured(coverage.uninsured().stream()
                        .map(m -> new UninsuredMember().memberId(m.id).name(m.name).role(m.role)).toList());
    }
}
