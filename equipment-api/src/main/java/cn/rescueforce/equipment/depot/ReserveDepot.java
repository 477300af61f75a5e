package cn.rescueforce.equipment.depot;

import cn.rescueforce.equipment.api.model.DepotOwnerLevel;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A material reserve depot, owned and managed by one level: national, a province, or a supporting unit. */
@Entity
@Table(name = "reserve_depot")
public class ReserveDepot extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "owner_level", nullable = false)
    public DepotOwnerLevel ownerLevel;

    public String province;

    @Column(name = "unit_id")
    public UUID unitId;

    @Column(name = "location_lat", nullable = false)
    public double locationLat;

    @Column(name = "location_lon", nullable = false)
    public double locationLon;

    public String address;

    @Column(name = "contact_phone")
    public String contactPhone;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    public static ReserveDepot register(String name, DepotOwnerLevel ownerLevel, String province, UUID unitId,
                                        double lat, double lon, String address, String contactPhone, Instant at) {
        ReserveDepot depot = new ReserveDepot();
        depot.id = UUID.randomUUID();
        depot.name = name.trim();
        depot.ownerLevel = ownerLevel;
        depot.province = province;
        depot.unitId = unitId;
        depot.locationLat = lat;
        depot.locationLon = lon;
        depot.address = address;
        depot.contactPhone = contactPhone;
        depot.createdAt = at;
        depot.updatedAt = at;
        return depot;
    }

    /** A national depot serves every team, a provincial depot the teams of its province, a unit depot its unit's teams. */
    public boolean serves(String teamProvince, UUID teamUnitId) {
        return switch (ownerLevel) {
            case NATIONAL -> true;
            case PROVINCIAL -> Objects.equals(province, teamProvince);
            case UNIT -> Objects.equals(unitId, teamUnitId);
        };
    }
}
