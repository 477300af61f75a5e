package cn.rescueforce.teams.directory;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AnsweredUrlsTest {

    private static final String URL = "/api/v1/public/nearest-teams?lat=30.6600&lon=104.0600&category=MINING";

    @Test
    void aUrlIsRememberedAtItsVersionOnly() {
        AnsweredUrls answered = new AnsweredUrls(7);
        assertFalse(answered.contains(7, URL));
        answered.add(7, URL);
        assertTrue(answered.contains(7, URL));
        assertFalse(answered.contains(8, URL), "another version: through the resource");
        assertFalse(answered.contains(7, URL + "&limit=3"), "another URL");
        answered.add(6, URL + "&limit=5");
        assertFalse(answered.contains(7, URL + "&limit=5"), "an answer of an older version is not remembered");
    }

    @Test
    void manyUrlsKeepMostOfTheRecentOnesAndNeverInventOne() {
        AnsweredUrls answered = new AnsweredUrls(1);
        int urls = AnsweredUrls.SLOTS / 4;
        for (int i = 0; i < urls; i++) {
            answered.add(1, URL + "&i=" + i);
        }
        int kept = 0;
        for (int i = 0; i < urls; i++) {
            kept += answered.contains(1, URL + "&i=" + i) ? 1 : 0;
            assertFalse(answered.contains(1, URL + "&j=" + i));
        }
        assertTrue(kept > urls * 8 / 10, kept + " of " + urls + " remembered");
    }

    @Test
    void hashesOfNearbyUrlsDiffer() {
        Set<Long> hashes = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            hashes.add(AnsweredUrls.hash(String.format("%s&lat=%.4f", URL, 20 + i / 10_000.0)));
        }
        assertEquals(100_000, hashes.size());
    }
}
