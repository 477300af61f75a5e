package cn.rescueforce.kit.problem;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BodySizeLimitTest {

    @Test
    void aDeclaredLengthAboveTheLimitExceedsIt() {
        assertTrue(BodySizeLimit.exceeds("1025", 1024));
        assertTrue(BodySizeLimit.exceeds(" 99999999999 ", 1024));
    }

    @Test
    void aDeclaredLengthUpToTheLimitDoesNot() {
        assertFalse(BodySizeLimit.exceeds("1024", 1024));
        assertFalse(BodySizeLimit.exceeds("0", 1024));
    }

    @Test
    void anAbsentOrMalformedLengthIsLeftToTheServer() {
        assertFalse(BodySizeLimit.exceeds(null, 1024));
        assertFalse(BodySizeLimit.exceeds("many", 1024));
    }

    @Test
    void onlyTheUploadOfABulkFileMayBeLarger() {
        assertTrue(BodySizeLimit.isUpload("POST", "/api/v1/bulk/members/import-jobs"));
        assertFalse(BodySizeLimit.isUpload("GET", "/api/v1/bulk/members/import-jobs"));
        assertFalse(BodySizeLimit.isUpload("POST", "/api/v1/bulk/members/import-jobs/1/problems"));
        assertFalse(BodySizeLimit.isUpload("POST", "/api/v1/teams"));
    }
}
