package cn.rescueforce.teams.geo;

/**
 * Great-circle distance between two WGS 84 positions: haversine on a sphere of the mean Earth radius (IUGG), the one
 * measure of the nearest-team search (in SQL and in memory) and of service agreements' distance rule. Positions are
 * also points on the unit sphere: the straight-line distance between two such points grows with the great-circle
 * distance, so it orders teams nearest first exactly (as the {@code earth_point} index of migration V7 does).
 */
public final class GreatCircle {

    /** Mean earth radius (IUGG), km. */
    public static final double EARTH_RADIUS_KM = 6371.0088;

    private GreatCircle() {
    }

    public static double km(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1.0, Math.sqrt(a)));
    }

    /** To one decimal, as answered. */
    public static double rounded(double km) {
        return Math.round(km * 10) / 10.0;
    }

    /** The position on the unit sphere: x towards (0°, 0°), y towards (0°, 90°E), z towards the north pole. */
    public static double[] unitPoint(double lat, double lon) {
        double phi = Math.toRadians(lat);
        double lambda = Math.toRadians(lon);
        return new double[] {Math.cos(phi) * Math.cos(lambda), Math.cos(phi) * Math.sin(lambda), Math.sin(phi)};
    }

    /** The squared straight-line distance between two points on the unit sphere: smaller is nearer. */
    public static double chordSquared(double[] a, double[] b) {
        double dx = a[0] - b[0];
        double dy = a[1] - b[1];
        double dz = a[2] - b[2];
        return dx * dx + dy * dy + dz * dz;
    }
}
