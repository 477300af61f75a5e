package cn.rescueforce.kit.security;

import java.util.Arrays;
import java.util.Optional;

/** The management levels (README, "How the API behaves"), as carried in the token's {@code groups} claim. */
public enum ManagementLevel {
    NATIONAL("national"),
    PROVINCIAL("provincial"),
    MINE_SAFETY("mine-safety"),
    UNIT("unit"),
    ASSESSOR("assessor"),
    SERVICE("service");

    private final String role;

    ManagementLevel(String role) {
        this.role = role;
    }

    /** The role name in the token, also usable in {@code @RolesAllowed}. */
    public String role() {
        return role;
    }

    public boolean needsRegion() {
        return this == PROVINCIAL || this == MINE_SAFETY;
    }

    public boolean needsOrg() {
        return this == UNIT || this == ASSESSOR;
    }

    public static Optional<ManagementLevel> ofRole(String role) {
        return Arrays.stream(values()).filter(level -> level.role.equals(role)).findFirst();
    }
}
