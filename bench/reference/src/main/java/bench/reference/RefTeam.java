package bench.reference;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** One row of {@code ref_team} (bench/reads.sh creates and fills it): about the columns of a registry team. */
@Entity
@Table(name = "ref_team")
public class RefTeam extends PanacheEntityBase {
    @Id
    public Integer n;
    public UUID id;
    public String code;
    public String name;
    public String category;
    public String province;
    @Column(name = "unit_id")
    public UUID unitId;
    public String status;
    public Double lat;
    public Double lon;
    public Integer version;
}
