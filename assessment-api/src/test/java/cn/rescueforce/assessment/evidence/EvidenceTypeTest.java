package cn.rescueforce.assessment.evidence;

import cn.rescueforce.kit.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The evidence types' signatures and the upload's spooling (hash, count, limit), without Quarkus. */
class EvidenceTypeTest {

    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE1, 0, 0, 0, 0, 0, 0, 0, 0};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13};
    private static final byte[] PDF = {'%', 'P', 'D', 'F', '-', '1', '.', '4', '\n', '%', 0, 0};
    private static final byte[] MP4 = {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'm', 'p', '4', '2'};

    @Test
    void contentTypesAreKnownWithoutParametersOrCase() {
        assertEquals(EvidenceType.JPEG, EvidenceType.of("IMAGE/JPEG; charset=binary").orElseThrow());
        assertEquals(EvidenceType.MP4, EvidenceType.of("video/mp4").orElseThrow());
        assertTrue(EvidenceType.of("image/gif").isEmpty());
        assertTrue(EvidenceType.of(null).isEmpty());
        ProblemException refused = assertThrows(ProblemException.class, () -> EvidenceType.required("application/msword"));
        assertEquals(415, refused.status());
        assertEquals("https://rescue-force.cn/problems/unsupported-evidence-type", refused.type());
    }

    @Test
    void eachTypeMatchesOnlyItsOwnSignature() {
        byte[][] files = {JPEG, PNG, PDF, MP4};
        EvidenceType[] types = {EvidenceType.JPEG, EvidenceType.PNG, EvidenceType.PDF, EvidenceType.MP4};
        for (int f = 0; f < files.length; f++) {
            for (int t = 0; t < types.length; t++) {
                assertEquals(f == t, types[t].matches(files[f], files[f].length), types[t] + " on file " + f);
            }
        }
        assertFalse(EvidenceType.PNG.matches(PNG, 4), "a file shorter than the signature");
    }

    @Test
    void spoolingHashesAndCountsTheBytesAsSent() throws Exception {
        byte[] body = new byte[200_000];
        System.arraycopy(PDF, 0, body, 0, PDF.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EvidenceService.Spooled spooled = EvidenceService.spool(new ByteArrayInputStream(body), out, EvidenceType.PDF, body.length);
        assertEquals(body.length, spooled.size());
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body)), spooled.sha256());
        assertArrayEquals(body, out.toByteArray());
    }

    @Test
    void spoolingStopsAtTheLimitAndAtAWrongSignature() {
        byte[] body = new byte[1001];
        System.arraycopy(JPEG, 0, body, 0, JPEG.length);
        ProblemException tooLarge = assertThrows(ProblemException.class,
                () -> EvidenceService.spool(new ByteArrayInputStream(body), new ByteArrayOutputStream(), EvidenceType.JPEG, 1000));
        assertEquals(413, tooLarge.status());
        assertEquals("https://rescue-force.cn/problems/evidence-too-large", tooLarge.type());
        ProblemException mismatch = assertThrows(ProblemException.class,
                () -> EvidenceService.spool(new ByteArrayInputStream(body), new ByteArrayOutputStream(), EvidenceType.PNG, 5000));
        assertEquals(400, mismatch.status());
        assertEquals("https://rescue-force.cn/problems/evidence-content-mismatch", mismatch.type());
        ProblemException empty = assertThrows(ProblemException.class,
                () -> EvidenceService.spool(new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream(), EvidenceType.PNG, 5000));
        assertEquals("https://rescue-force.cn/problems/evidence-content-mismatch", empty.type());
    }
}
