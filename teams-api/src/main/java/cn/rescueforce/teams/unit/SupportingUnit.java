package cn.rescueforce.teams.unit;

import cn.rescueforce.kit.i18n.Text;
import cn.rescueforce.kit.problem.ProblemException;
import cn.rescueforce.kit.security.TeamColumns;
import cn.rescueforce.kit.security.TeamScope;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** An enterprise that hosts one or more rescue teams. */
@Entity
@Table(name = "supporting_unit")
public class SupportingUnit extends PanacheEntityBase {

    /** {@link #isCoveredBy} as a query condition. */
    public static final TeamColumns AS_HOST = new TeamColumns("province", "1 = 1", null, "id");

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    @Column(name = "credit_code", nullable = false)
    public String creditCode;

    @Column(nullable = false)
    public String province;

    public String address;

    @Column(name = "contact_name")
    public String contactName;

    @Column(name = "contact_phone")
    public String contactPhone;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    /** What a unit's registration and its later updates give. */
    public record Details(String name, String creditCode, String province, String address, String contactName,
                          String contactPhone) {
    }

    /**
     * A unit is in a scope when a team it may host would be: a unit of the scope's province (for a mine-safety
     * bureau too, since any unit may host a mining team), or the unit whose scope it is.
     */
    public boolean isCoveredBy(TeamScope scope) {
        return scope.covers(province, true, id);
    }

    public static SupportingUnit register(Details details) {
        SupportingUnit unit = new SupportingUnit();
        unit.id = UUID.randomUUID();
        unit.createdAt = Instant.now();
        unit.apply(details);
        return unit;
    }

    /** The new details; returns the fields that differ from the current ones (none: nothing changes). */
    public List<String> update(Details details) {
        List<String> changed = new ArrayList<>();
        if (!Objects.equals(name, details.name().trim())) changed.add("name");
        if (!Objects.equals(creditCode, details.creditCode())) changed.add("creditCode");
        if (!Objects.equals(province, details.province())) changed.add("province");
        if (!Objects.equals(address, details.address())) changed.add("address");
        if (!Objects.equals(contactName, details.contactName())) changed.add("contactName");
        if (!Objects.equals(contactPhone, details.contactPhone())) changed.add("contactPhone");
        if (!changed.isEmpty()) {
            apply(details);
        }
        return changed;
    }

    private void apply(Details details) {
        name = details.name().trim();
        creditCode = details.creditCode();
        province = details.province();
        address = details.address();
        contactName = details.contactName();
        contactPhone = details.contactPhone();
        updatedAt = Instant.now();
    }

    /** One unit per credit code (the service's check and the constraint supporting_unit_credit_code_unique, V1). */
    public static ProblemException creditCodeTaken(Text detail) {
        return new ProblemException(409, "credit-code-taken", "Credit code already registered", detail, null);
    }
}
