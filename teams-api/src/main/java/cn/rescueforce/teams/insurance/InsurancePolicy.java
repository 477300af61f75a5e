package cn.rescueforce.teams.insurance;

import cn.rescueforce.kit.personaldata.PersonalDataCipher;
import cn.rescueforce.kit.personaldata.PersonalDataField;
import cn.rescueforce.teams.api.model.InsuranceKind;
import cn.rescueforce.teams.api.model.TeamCategory;
import cn.rescueforce.teams.member.Member;
import cn.rescueforce.teams.team.Team;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * An insurance policy covering a member. The policy number is personal data, handled as the member's phone: stored
 * only encrypted ({@link PersonalDataCipher}, the column's name as associated data), decrypted for an answer only,
 * never logged ({@link #toString}) and never in the audit trail (which names fields, not values). The team's facts
 * are copied from the member's team so that the scope rule applies to the row.
 */
@Entity
@Table(name = "insurance_policy")
public class InsurancePolicy extends PanacheEntityBase {

    static final PersonalDataField POLICY_NUMBER = new PersonalDataField("insurance_policy.policy_number");

    @Id
    public UUID id;

    @Column(name = "member_id", nullable = false)
    public UUID memberId;

    @Column(name = "team_id", nullable = false)
    public UUID teamId;

    @Column(nullable = false)
    public String province;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TeamCategory category;

    @Column(name = "supporting_unit_id", nullable = false)
    public UUID supportingUnitId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public InsuranceKind kind;

    @Column(nullable = false)
    public String insurer;

    @Column(name = "policy_number_encrypted", nullable = false)
    String policyNumberEncrypted;

    @Column(name = "sum_insured", nullable = false)
    public BigDecimal sumInsured;

    @Column(name = "valid_from", nullable = false)
    public LocalDate validFrom;

    @Column(name = "valid_to", nullable = false)
    public LocalDate validTo;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    /** What a correction or an extension may change (the kind and the member stay). */
    public record Terms(String insurer, String policyNumber, BigDecimal sumInsured, LocalDate validFrom, LocalDate validTo) {
    }

    public static InsurancePolicy covering(Member member, Team team, InsuranceKind kind, Terms terms, PersonalDataCipher cipher) {
        InsurancePolicy policy = new InsurancePolicy();
        policy.id = UUID.randomUUID();
        policy.memberId = member.id;
        policy.teamId = team.id;
        policy.province = team.province;
        policy.category = team.category;
        policy.supportingUnitId = team.supportingUnitId;
        policy.kind = kind;
        policy.insurer = terms.insurer().trim();
        policy.policyNumberEncrypted = cipher.encrypt(POLICY_NUMBER, terms.policyNumber().trim());
        policy.sumInsured = terms.sumInsured();
        policy.validFrom = terms.validFrom();
        policy.validTo = terms.validTo();
        policy.createdAt = Instant.now();
        policy.updatedAt = policy.createdAt;
        return policy;
    }

    /** The policy number in clear, for this request's answer only. */
    public String policyNumber(PersonalDataCipher cipher) {
        return cipher.decrypt(POLICY_NUMBER, policyNumberEncrypted);
    }

    /** Whether the policy is in force on {@code day} (both ends included). */
    public boolean inForceOn(LocalDate day) {
        return !day.isBefore(validFrom) && !day.isAfter(validTo);
    }

    /** The new terms; returns the names of the fields that differ (none: nothing changes). */
    public List<String> change(Terms terms, PersonalDataCipher cipher) {
        List<String> changed = new ArrayList<>();
        String number = terms.policyNumber().trim();
        if (!insurer.equals(terms.insurer().trim())) changed.add("insurer");
        if (!policyNumber(cipher).equals(number)) changed.add("policyNumber");
        if (sumInsured.compareTo(terms.sumInsured()) != 0) changed.add("sumInsured");
        if (!validFrom.equals(terms.validFrom())) changed.add("validFrom");
        if (!validTo.equals(terms.validTo())) changed.add("validTo");
        if (!changed.isEmpty()) {
            insurer = terms.insurer().trim();
            if (changed.contains("policyNumber")) {
                policyNumberEncrypted = cipher.encrypt(POLICY_NUMBER, number);
            }
            sumInsured = terms.sumInsured();
            validFrom = terms.validFrom();
            validTo = terms.validTo();
            updatedAt = Instant.now();
        }
        return changed;
    }

    /** Re-encrypts the policy number under the current key when it is under a former one; whether it did. */
    public boolean protectPersonalData(PersonalDataCipher cipher) {
        if (cipher.isUnderCurrentKey(policyNumberEncrypted)) {
            return false;
        }
        policyNumberEncrypted = cipher.encrypt(POLICY_NUMBER, cipher.decrypt(POLICY_NUMBER, policyNumberEncrypted));
        return true;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof InsurancePolicy policy && Objects.equals(id, policy.id);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }

    @Override
    public String toString() {
        return "InsurancePolicy[" + id + "]"; // never the policy number
    }
}
