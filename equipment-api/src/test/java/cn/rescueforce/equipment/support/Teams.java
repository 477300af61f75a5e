package cn.rescueforce.equipment.support;

import java.util.UUID;

/** Teams as teams-api knows them: seeded into its double ({@link OtherServices}), in the shape of the teams-api contract. */
public final class Teams {

    public static final String MINING = "MINING";
    public static final String HAZARDOUS_CHEMICALS = "HAZARDOUS_CHEMICALS";

    private Teams() {
    }

    /** A team as seen by national, province and unit. */
    public record Team(UUID id, String province, String category, UUID unitId) {
    }

    public static Team team(String province, String category) {
        return team(province, category, UUID.randomUUID());
    }

    public static Team team(String province, String category, UUID unitId) {
        UUID id = OtherServices.TEAMS_API.addTeam(province, category, unitId);
        return new Team(id, province, category, unitId);
    }

    /** The team's specialties in teams-api (values of the contract's Specialty), before equipment-api first reads it. */
    public static void specialties(UUID teamId, String... specialties) {
        OtherServices.TEAMS_API.specialties(teamId, specialties);
    }

    /** How often equipment-api looked the team up in teams-api. */
    public static int lookups(UUID teamId) {
        return OtherServices.TEAMS_API.lookups(teamId);
    }

    /** teams-api becomes unreachable until {@link #restore()}. */
    public static void outage() {
        OtherServices.TEAMS_API.stop();
    }

    public static void restore() {
        OtherServices.TEAMS_API.start();
    }
}
