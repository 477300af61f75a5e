package cn.rescueforce.assessment.evidence;

import cn.rescueforce.assessment.support.Fixtures;
import cn.rescueforce.devkit.testing.InjectDouble;
import cn.rescueforce.devkit.testing.TeamsApiDouble;
import cn.rescueforce.devkit.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static cn.rescueforce.assessment.support.Fixtures.MINING_STANDARD;
import static io.restassured.RestAssured.given;
import static io.restassured.config.EncoderConfig.encoderConfig;
import static io.restassured.RestAssured.config;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Evidence files over HTTP (openapi/assessment-api.yaml, Evidence): uploaded by the assigned assessor, read by whoever
 * reads the assessment, checked for type and size, cited by the evaluation and required by the finalization. The
 * object store is the in-process S3-compatible store of the tests (EmbeddedEvidenceStore); the test limits are 256 KiB
 * for photos and documents, 3 MiB for videos (application.properties, %test).
 */
@QuarkusTest
class EvidenceTest {

    private static final String PROBLEMS = "https://rescue-force.cn/problems/";
    private static final Random RANDOM = new Random();

    @InjectDouble
    TeamsApiDouble teams;

    private static String evidencePath(UUID assessment) {
        return "/api/v1/assessments/" + assessment + "/evidence";
    }

    /** A file of {@code size} bytes starting with {@code signature}, the rest random (so every file is new). */
    private static byte[] file(int size, int... signature) {
        byte[] bytes = new byte[size];
        RANDOM.nextBytes(bytes);
        for (int i = 0; i < signature.length; i++) {
            bytes[i] = (byte) signature[i];
        }
        return bytes;
    }

    static byte[] jpeg(int size) {
        return file(size, 0xFF, 0xD8, 0xFF, 0xE0);
    }

    static byte[] pdf(int size) {
        return file(size, '%', 'P', 'D', 'F', '-', '1', '.', '7');
    }

    static byte[] mp4(int size) {
        return file(size, 0, 0, 0, 0x20, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm');
    }

    static ValidatableResponse upload(String token, UUID assessment, String contentType, byte[] bytes, String fileName) {
        return given().config(config().encoderConfig(encoderConfig().encodeContentTypeAs(contentType, ContentType.BINARY)))
                .auth().oauth2(token).contentType(contentType).queryParam("fileName", fileName).body(bytes)
                .post(evidencePath(assessment)).then();
    }

    static UUID uploaded(UUID assessor, UUID assessment, String contentType, byte[] bytes, String fileName) {
        return UUID.fromString(upload(Tokens.assessor(assessor), assessment, contentType, bytes, fileName)
                .statusCode(201).extract().path("id"));
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private UUID miningTeam(String province, UUID unit) {
        return teams.addTeam(province, "MINING", unit);
    }

    @Test
    void theAssessorUploadsListsAndDownloadsAFileWhoseSha256IsVerified() throws Exception {
        UUID assessor = UUID.randomUUID();
        UUID assessment = Fixtures.schedule(miningTeam("510000", UUID.randomUUID()), assessor);
        byte[] roster = pdf(150_000);
        String name = "值班记录 2026年11月.pdf";
        ExtractableResponse<Response> created = upload(Tokens.assessor(assessor), assessment, "application/pdf", roster, name)
                .statusCode(201)
                .body("assessmentId", equalTo(assessment.toString()))
                .body("fileName", equalTo(name))
                .body("contentType", equalTo("application/pdf"))
                .body("size", equalTo(roster.length))
                .body("sha256", equalTo(sha256(roster)))
                .extract();
        String id = created.path("id");
        assertEquals(evidencePath(assessment) + "/" + id, java.net.URI.create(created.header("Location")).getPath());

        given().auth().oauth2(Tokens.assessor(assessor)).get(evidencePath(assessment)).then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo(id)).body("items[0].sha256", equalTo(sha256(roster)));

        ExtractableResponse<Response> download = given().auth().oauth2(Tokens.assessor(assessor))
                .get(evidencePath(assessment) + "/" + id).then().statusCode(200)
                .contentType("application/pdf")
                .header("Content-Disposition", equalTo("attachment; filename*=UTF-8''"
                        + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20")))
                .extract();
        byte[] bytes = download.asByteArray();
        assertArrayEquals(roster, bytes);
        assertEquals(sha256(roster), sha256(bytes));
        assertEquals("sha-256=:" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(roster)) + ":",
                download.header("Repr-Digest"));

        // the same bytes again, under another name: the file already stored, nothing new (a retry is safe)
        upload(Tokens.assessor(assessor), assessment, "application/pdf", roster, "retry.pdf").statusCode(200)
                .body("id", equalTo(id)).body("fileName", equalTo(name));
        given().auth().oauth2(Tokens.assessor(assessor)).get(evidencePath(assessment)).then().body("total", equalTo(1));

        // recorded in the audit trail (and so published in the change feed as evidence.uploaded)
        given().auth().oauth2(Tokens.national()).queryParam("entityType", "EvidenceFile").queryParam("entityId", id)
                .get("/api/v1/audit-events").then().statusCode(200).body("items.action", equalTo(List.of("UPLOADED")));
    }

    @Test
    void theTeamsLevelsReadTheEvidenceAndEveryoneElseSeesNoSuchAssessment() {
        UUID unit = UUID.randomUUID();
        UUID assessor = UUID.randomUUID();
        UUID assessment = Fixtures.schedule(miningTeam("510000", unit), assessor);
        byte[] photo = jpeg(20_000);
        UUID id = uploaded(assessor, assessment, "image/jpeg", photo, "现场照片.jpg");
        String file = evidencePath(assessment) + "/" + id;

        for (String reader : List.of(Tokens.national(), Tokens.provincial("510000"), Tokens.mineSafety("510000"), Tokens.unit(unit))) {
            given().auth().oauth2(reader).get(evidencePath(assessment)).then().statusCode(200).body("items.id", hasItem(id.toString()));
            assertArrayEquals(photo, given().auth().oauth2(reader).get(file).then().statusCode(200).extract().asByteArray());
        }
        for (String outsider : List.of(Tokens.provincial("140000"), Tokens.mineSafety("140000"), Tokens.unit(UUID.randomUUID()),
                Tokens.assessor(UUID.randomUUID()))) {
            given().auth().oauth2(outsider).get(evidencePath(assessment)).then().statusCode(404)
                    .body("type", equalTo(PROBLEMS + "not-found"));
            given().auth().oauth2(outsider).get(file).then().statusCode(404).body("type", equalTo(PROBLEMS + "not-found"));
        }
        // another organisation's assessor cannot upload either; a management level never uploads
        upload(Tokens.assessor(UUID.randomUUID()), assessment, "image/jpeg", jpeg(1000), "x.jpg").statusCode(404);
        upload(Tokens.provincial("510000"), assessment, "image/jpeg", jpeg(1000), "x.jpg").statusCode(403)
                .body("type", equalTo(PROBLEMS + "forbidden"));
        // a file is found only under its own assessment
        UUID other = Fixtures.schedule(miningTeam("510000", unit), assessor);
        given().auth().oauth2(Tokens.national()).get(evidencePath(other) + "/" + id).then().statusCode(404);
        given().auth().oauth2(Tokens.assessor(assessor)).get(evidencePath(assessment)).then().body("total", equalTo(1));
    }

    @Test
    void bytesThatAreNotOfTheDeclaredTypeAndOtherTypesAreRefused() {
        UUID assessor = UUID.randomUUID();
        UUID assessment = Fixtures.schedule(miningTeam("510000", UUID.randomUUID()), assessor);
        String token = Tokens.assessor(assessor);
        upload(token, assessment, "image/jpeg", pdf(5000), "renamed.jpg").statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "evidence-content-mismatch"));
        upload(token, assessment, "video/mp4", jpeg(5000), "photo.mp4").statusCode(400)
                .body("type", equalTo(PROBLEMS + "evidence-content-mismatch"));
        upload(token, assessment, "image/png", new byte[0], "empty.png").statusCode(400)
                .body("type", equalTo(PROBLEMS + "evidence-content-mismatch"));
        upload(token, assessment, "application/msword", pdf(5000), "report.doc").statusCode(415)
                .body("type", equalTo(PROBLEMS + "unsupported-evidence-type"));
        given().auth().oauth2(token).get(evidencePath(assessment)).then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void eachTypeHasItsSizeLimitAndOnlyTheUploadTakesMoreThanOneMebibyte() {
        UUID assessor = UUID.randomUUID();
        UUID assessment = Fixtures.schedule(miningTeam("510000", UUID.randomUUID()), assessor);
        String token = Tokens.assessor(assessor);
        upload(token, assessment, "image/jpeg", jpeg(256 * 1024 + 1), "large.jpg").statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "evidence-too-large"))
                .body("detail", containsString("262144"));
        upload(token, assessment, "video/mp4", mp4(3 * 1024 * 1024 + 1), "long.mp4").statusCode(413)
                .body("type", equalTo(PROBLEMS + "evidence-too-large"));
        byte[] video = mp4(2 * 1024 * 1024);
        UUID id = uploaded(assessor, assessment, "video/mp4", video, "演练视频.mp4");
        assertArrayEquals(video, given().auth().oauth2(token).get(evidencePath(assessment) + "/" + id).then().statusCode(200)
                .contentType("video/mp4").extract().asByteArray());
        // every other path keeps the kit's 1 MiB
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"comments\":\"" + "x".repeat(1024 * 1024) + "\"}")
                .put("/api/v1/assessments/" + assessment + "/evaluation").then().statusCode(413)
                .body("type", equalTo(PROBLEMS + "payload-too-large"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void anEvaluationCitesOnlyTheFilesOfItsOwnAssessment() {
        UUID assessor = UUID.randomUUID();
        UUID team = miningTeam("510000", UUID.randomUUID());
        UUID assessment = Fixtures.schedule(team, assessor);
        UUID other = Fixtures.schedule(team, assessor);
        UUID foreign = uploaded(assessor, other, "image/png", file(3000, 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'), "其他考核.png");
        Map<String, Object> evaluation = Fixtures.evaluation(MINING_STANDARD, 0.8);
        Map<String, Object> line = ((List<Map<String, Object>>) evaluation.get("scores")).get(0);
        line.put("evidenceFiles", List.of(foreign.toString()));
        given().auth().oauth2(Tokens.assessor(assessor)).contentType(ContentType.JSON).body(evaluation)
                .put("/api/v1/assessments/" + assessment + "/evaluation").then().statusCode(400)
                .body("type", equalTo(PROBLEMS + "validation"))
                .body("errors.field", equalTo(List.of("scores[" + line.get("indicatorCode") + "].evidenceFiles[0]")));
        given().auth().oauth2(Tokens.national()).get("/api/v1/assessments/" + assessment).then().body("status", equalTo("SCHEDULED"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theFinalizationNeedsEvidenceForEveryIndicatorThatRequiresItAndAnAppealKeepsTheFiles() throws Exception {
        UUID unit = UUID.randomUUID();
        UUID assessor = UUID.randomUUID();
        UUID assessment = Fixtures.schedule(miningTeam("510000", unit), assessor);
        String evaluationPath = "/api/v1/assessments/" + assessment + "/evaluation";
        String finalization = "/api/v1/assessments/" + assessment + "/finalization";

        // scores first, without any evidence: accepted, but not finalized
        Map<String, Object> evaluation = Fixtures.evaluation(MINING_STANDARD, 1.0);
        List<Map<String, Object>> scores = (List<Map<String, Object>>) evaluation.get("scores");
        List<String> requiring = new ArrayList<>();
        for (Map<String, Object> line : scores) {
            if (line.remove("evidence") != null) {
                requiring.add((String) line.get("indicatorCode"));
            }
        }
        Fixtures.submit(assessment, assessor, evaluation);
        given().auth().oauth2(Tokens.national()).post(finalization).then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "evidence-missing"))
                .body("errors.field", containsInAnyOrder(requiring.stream().map(c -> "scores[" + c + "].evidenceFiles").toArray()));
        given().auth().oauth2(Tokens.national()).get("/api/v1/assessments/" + assessment).then().body("status", equalTo("SUBMITTED"));

        // the files uploaded and cited, the evaluation corrected: finalized
        byte[] roster = pdf(40_000);
        UUID file = uploaded(assessor, assessment, "application/pdf", roster, "值班记录.pdf");
        for (Map<String, Object> line : scores) {
            if (requiring.contains(line.get("indicatorCode"))) {
                line.put("evidenceFiles", List.of(file.toString()));
            }
        }
        String etag = given().auth().oauth2(Tokens.assessor(assessor)).get(evaluationPath).then().statusCode(200).extract().header("ETag");
        given().auth().oauth2(Tokens.assessor(assessor)).contentType(ContentType.JSON).header("If-Match", etag).body(evaluation)
                .put(evaluationPath).then().statusCode(200)
                .body("scores.find { it.indicatorCode == '" + requiring.get(0) + "' }.evidenceFiles", equalTo(List.of(file.toString())));
        given().auth().oauth2(Tokens.national()).post(finalization).then().statusCode(200).body("status", equalTo("FINALIZED"));
        upload(Tokens.assessor(assessor), assessment, "image/jpeg", jpeg(2000), "late.jpg").statusCode(409)
                .body("type", equalTo(PROBLEMS + "invalid-transition"));

        // appealed: under review again, the files are still there and unchanged; more may be added
        given().auth().oauth2(Tokens.unit(unit)).contentType(ContentType.JSON).body(Map.of("reason", "申请复核"))
                .post("/api/v1/assessments/" + assessment + "/appeal").then().statusCode(200).body("status", equalTo("SUBMITTED"));
        given().auth().oauth2(Tokens.unit(unit)).get(evidencePath(assessment)).then().statusCode(200)
                .body("items.id", equalTo(List.of(file.toString()))).body("items[0].sha256", equalTo(sha256(roster)));
        assertArrayEquals(roster, given().auth().oauth2(Tokens.national()).get(evidencePath(assessment) + "/" + file)
                .then().statusCode(200).extract().asByteArray());
        uploaded(assessor, assessment, "image/jpeg", jpeg(2000), "复核补充.jpg");
        given().auth().oauth2(Tokens.assessor(assessor)).get(evaluationPath).then().statusCode(200)
                .body("scores.find { it.indicatorCode == '" + requiring.get(0) + "' }.evidenceFiles", equalTo(List.of(file.toString())));
    }

    @Test
    void anEvaluationWithReferencesHeldByTheAssessorIsFinalizedAsBefore() {
        UUID team = miningTeam("510000", UUID.randomUUID());
        UUID assessment = Fixtures.submitted(team, UUID.randomUUID(), 0.8, "PERIODIC");
        given().auth().oauth2(Tokens.national()).post("/api/v1/assessments/" + assessment + "/finalization").then().statusCode(200)
                .body("grade", equalTo("GRADE_2"));
    }
}
