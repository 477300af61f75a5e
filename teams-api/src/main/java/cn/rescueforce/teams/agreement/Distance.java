package cn.rescueforce.teams.agreement;

/** Great-circle distance between two WGS 84 positions (haversine, mean Earth radius as the nearest-team search uses). */
final class Distance {

    static final double EARTH_RADIUS_KM = 6371.0088;

    private Distance() {
    }

    static double km(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1.0, Math.sqrt(a)));
    }

    /** To one decimal, as answered. */
    static double rounded(double km) {
        return Math.round(km * 10) / 10.0;
    }
}
