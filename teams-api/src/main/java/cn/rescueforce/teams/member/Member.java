package cn.rescueforce.teams.member;

import cn.rescueforce.kit.i18n.Text;
import cn.rescueforce.kit.personaldata.PersonalDataCipher;
import cn.rescueforce.kit.personaldata.PersonalDataField;
import cn.rescueforce.kit.problem.ProblemException;
import cn.rescueforce.teams.api.model.MemberRole;
import cn.rescueforce.teams.api.model.MemberStatus;
import cn.rescueforce.teams.api.model.TalentType;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A rescuer of a team. The ID number and phone are personal data: never logged, the ID number shown masked, both
 * stored encrypted ({@link PersonalDataCipher}), the ID number with its keyed hash for uniqueness and look-ups. The
 * member sets each encrypted value (and the hash with the ID number) itself; rows written before migration V5 hold
 * the clear values until {@link #protectPersonalData} converts them.
 */
@Entity
@Table(name = "member")
public class Member extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "team_id", nullable = false)
    public UUID teamId;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public MemberRole role;

    @Enumerated(EnumType.STRING)
    @Column(name = "talent_type", nullable = false)
    public TalentType talentType;

    static final PersonalDataField ID_NUMBER = new PersonalDataField("member.id_number");
    static final PersonalDataField PHONE = new PersonalDataField("member.phone");

    /** The clear ID number of a row written before migration V5, until the encryption job converts it; then null. */
    @Column(name = "id_number")
    String clearIdNumber;

    @Column(name = "id_number_encrypted")
    String idNumberEncrypted;

    /** {@link #idNumberHash(String, PersonalDataCipher)} of the ID number: unique among serving members. */
    @Column(name = "id_number_hash")
    String idNumberHash;

    /** The clear phone of a row written before migration V5, until the encryption job converts it; then null. */
    @Column(name = "phone")
    String clearPhone;

    @Column(name = "phone_encrypted")
    String phoneEncrypted;

    @Column(name = "joined_on", nullable = false)
    public LocalDate joinedOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public MemberStatus status;

    @Column(name = "training_hours", nullable = false)
    public int trainingHours;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    /** What may change about a member after joining (the name, ID number and joining date stay). */
    public record Changes(MemberRole role, TalentType talentType, String phone, MemberStatus status, Integer trainingHours) {
    }

    /** What the encryption job did to one member: values found in clear, values moved from a former key. */
    public record Protection(int encrypted, int reEncrypted) {
    }

    /** A rescuer joining a team, active from {@code joinedOn}; the ID number and phone are stored encrypted. */
    public static Member join(UUID teamId, String name, MemberRole role, TalentType talentType, String idNumber, String phone,
                              LocalDate joinedOn, Integer trainingHours, PersonalDataCipher cipher) {
        Member member = new Member();
        member.id = UUID.randomUUID();
        member.teamId = teamId;
        member.name = name.trim();
        member.role = role;
        member.talentType = talentType;
        member.recordIdNumber(idNumber, cipher);
        member.recordPhone(phone, cipher);
        member.joinedOn = joinedOn;
        member.status = MemberStatus.ACTIVE;
        member.trainingHours = trainingHours == null ? 0 : trainingHours;
        member.createdAt = Instant.now();
        member.updatedAt = member.createdAt;
        return member;
    }

    /** The keyed hash an ID number is unique and looked up by: of the normalized number, never the number itself. */
    public static String idNumberHash(String idNumber, PersonalDataCipher cipher) {
        return cipher.hash(ID_NUMBER, IdNumber.normalized(idNumber));
    }

    /** The ID number in clear, for this request only (shown masked: {@link IdNumber#masked}). */
    public String idNumber(PersonalDataCipher cipher) {
        return idNumberEncrypted == null ? clearIdNumber : cipher.decrypt(ID_NUMBER, idNumberEncrypted);
    }

    /** The keyed hash of the member's ID number (computed for a row still in clear). */
    public String idNumberHash(PersonalDataCipher cipher) {
        return idNumberHash != null ? idNumberHash : idNumberHash(clearIdNumber, cipher);
    }

    /** The phone in clear, for this request only. */
    public String phone(PersonalDataCipher cipher) {
        return phoneEncrypted == null ? clearPhone : cipher.decrypt(PHONE, phoneEncrypted);
    }

    /** The ID number encrypted under the current key, with its hash, in one step; no clear copy stays. */
    private void recordIdNumber(String idNumber, PersonalDataCipher cipher) {
        idNumberEncrypted = cipher.encrypt(ID_NUMBER, idNumber);
        idNumberHash = idNumberHash(idNumber, cipher);
        clearIdNumber = null;
    }

    private void recordPhone(String phone, PersonalDataCipher cipher) {
        phoneEncrypted = cipher.encrypt(PHONE, phone);
        clearPhone = null;
    }

    /**
     * Encrypts the values still held in clear and re-encrypts those under a key other than the current one (key
     * rotation); values already under the current key stay as they are.
     */
    public Protection protectPersonalData(PersonalDataCipher cipher) {
        int encrypted = 0;
        int reEncrypted = 0;
        if (clearIdNumber != null) {
            recordIdNumber(clearIdNumber, cipher);
            encrypted++;
        } else if (!cipher.isUnderCurrentKey(idNumberEncrypted)) {
            recordIdNumber(cipher.decrypt(ID_NUMBER, idNumberEncrypted), cipher);
            reEncrypted++;
        }
        if (clearPhone != null) {
            recordPhone(clearPhone, cipher);
            encrypted++;
        } else if (!cipher.isUnderCurrentKey(phoneEncrypted)) {
            recordPhone(cipher.decrypt(PHONE, phoneEncrypted), cipher);
            reEncrypted++;
        }
        return new Protection(encrypted, reEncrypted);
    }

    /** The changes; returns the fields that differ (none: nothing changes). Training hours stay when not given. */
    public List<String> change(Changes changes, PersonalDataCipher cipher) {
        List<String> changed = new ArrayList<>();
        if (role != changes.role()) changed.add("role");
        if (talentType != changes.talentType()) changed.add("talentType");
        if (!Objects.equals(phone(cipher), changes.phone())) changed.add("phone");
        if (status != changes.status()) changed.add("status");
        int hours = changes.trainingHours() == null ? trainingHours : changes.trainingHours();
        if (trainingHours != hours) changed.add("trainingHours");
        if (!changed.isEmpty()) {
            role = changes.role();
            talentType = changes.talentType();
            if (changed.contains("phone")) {
                recordPhone(changes.phone(), cipher);
            }
            status = changes.status();
            trainingHours = hours;
            updatedAt = Instant.now();
        }
        return changed;
    }

    /** Whether a change brings back a member who had left (who must not serve in another team by now). */
    public boolean returnsWith(Changes changes) {
        return status == MemberStatus.LEFT && changes.status() != MemberStatus.LEFT;
    }

    /**
     * A person (by the keyed hash of the ID number) serves in one team at a time: the service's check and the
     * partial unique index member_id_number_hash_serving_unique (V5) answer the same problem.
     */
    public static ProblemException personAlreadyServing(Text detail) {
        return new ProblemException(409, "person-already-serving", "Person already serves in a team", detail, null);
    }

    /** 409 once the member has left: a record of training is for the team's serving members. */
    public void assertServing() {
        if (status == MemberStatus.LEFT) {
            throw new ProblemException(409, "member-left", "Member has left the team", Text.of("The member has left the team"), null);
        }
    }

    /** Training on one day adds to the member's training hours. */
    public void addTrainingHours(int hours, Instant at) {
        assertServing();
        trainingHours += hours;
        updatedAt = at;
    }

    @Override
    public String toString() {
        return "Member[" + id + "]"; // never the personal data
    }
}
