package cn.rescueforce.teams.nearest;

import cn.rescueforce.teams.api.model.Specialty;

import java.util.Collection;

/** A set of specialties as the bits of a {@code long} (bit = the value's position in the contract's Specialty). */
final class SpecialtyMask {

    static {
        if (Specialty.values().length > Long.SIZE) {
            throw new IllegalStateException("Specialty has more values than a long has bits: hold them as an EnumSet");
        }
    }

    private SpecialtyMask() {
    }

    static long of(Collection<Specialty> specialties) {
        long mask = 0;
        for (Specialty specialty : specialties) {
            mask |= 1L << specialty.ordinal();
        }
        return mask;
    }

    /** At least one in common ({@code &&} on the arrays in SQL). */
    static boolean anyOf(long held, long asked) {
        return (held & asked) != 0;
    }

    /** Every one asked for ({@code @>} in SQL). */
    static boolean allOf(long held, long asked) {
        return (held & asked) == asked;
    }
}
