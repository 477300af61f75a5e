package cn.rescueforce.teams.personaldata;

import cn.rescueforce.devkit.testing.Tokens;
import cn.rescueforce.kit.personaldata.PersonalDataCipher;
import cn.rescueforce.kit.personaldata.PersonalDataField;
import cn.rescueforce.kit.personaldata.PersonalDataKeys;
import cn.rescueforce.teams.support.Registry;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Members' personal data at rest, read straight from the members table: encrypted under the current key (dev-2 in the
 * test profile), converted from clear rows and from the former key dev-1 by the re-encryption operation, and still
 * unique by ID number.
 */
@QuarkusTest
class PersonalDataTest {

    static final String PHONE = "13912345678";

    @Inject
    AgroalDataSource database;

    UUID unit;
    UUID team;

    @BeforeEach
    void registry() {
        unit = Registry.unit("510000");
        team = Registry.activeTeam("510000", "MINING", unit);
    }

    static Map<String, Object> member(String idNumber) {
        return Map.of("name", "王强", "role", "RESCUER", "talentType", "SKILLED_CRAFT", "idNumber", idNumber,
                "phone", PHONE, "joinedOn", "2019-03-01");
    }

    @Test
    void theMembersTableHoldsNeitherTheClearIdNumberNorThePhoneButTheKeyId() throws SQLException {
        String idNumber = Registry.idNumber();
        String id = given().auth().oauth2(Tokens.unit(unit)).contentType(ContentType.JSON).body(member(idNumber))
                .post("/api/v1/teams/" + team + "/members").then().statusCode(201)
                .body("phone", equalTo(PHONE)).extract().path("id");
        Map<String, String> row = row(UUID.fromString(id));
        row.forEach((column, value) -> {
            assertFalse(value != null && value.contains(idNumber), "the clear ID number in column " + column);
            assertFalse(value != null && value.contains(idNumber.substring(6, 14)), "the birth date in column " + column);
            assertFalse(value != null && value.contains(PHONE), "the clear phone in column " + column);
        });
        assertTrue(row.get("id_number_encrypted").startsWith("v1.dev-2."), row.get("id_number_encrypted"));
        assertTrue(row.get("phone_encrypted").startsWith("v1.dev-2."), row.get("phone_encrypted"));
        assertEquals(64, row.get("id_number_hash").length());
        assertNull(row.get("id_number"));
        assertNull(row.get("phone"));
    }

    @Test
    void aRowStillInClearIsEncryptedByTheJobAndReadsAsBefore() throws SQLException {
        String idNumber = Registry.idNumber();
        UUID id = insertMember(idNumber, PHONE, null, null, null);
        assertEquals(idNumber, row(id).get("id_number"), "the row starts in clear");

        given().auth().oauth2(Tokens.national()).post("/api/v1/personal-data/re-encryption").then().statusCode(200)
                .body("currentKeyId", equalTo("dev-2")).body("encrypted", greaterThanOrEqualTo(2)).body("remaining", equalTo(0));

        Map<String, String> row = row(id);
        assertNull(row.get("id_number"));
        assertNull(row.get("phone"));
        assertTrue(row.get("id_number_encrypted").startsWith("v1.dev-2."));
        assertTrue(row.get("phone_encrypted").startsWith("v1.dev-2."));
        given().auth().oauth2(Tokens.provincial("510000")).get("/api/v1/members/" + id).then().statusCode(200)
                .body("idNumberMasked", equalTo(idNumber.substring(0, 6) + "********" + idNumber.substring(14)))
                .body("phone", equalTo(PHONE));
    }

    @Test
    void valuesUnderTheFormerKeyAreReEncryptedUnderTheCurrentOne() throws SQLException {
        String idNumber = Registry.idNumber();
        PersonalDataCipher former = cipherWithCurrentKey("dev-1");
        PersonalDataField idNumberField = new PersonalDataField("member.id_number");
        UUID id = insertMember(null, null, former.encrypt(idNumberField, idNumber), former.hash(idNumberField, idNumber),
                former.encrypt(new PersonalDataField("member.phone"), PHONE));
        assertTrue(row(id).get("phone_encrypted").startsWith("v1.dev-1."), "the row starts under the former key");
        given().auth().oauth2(Tokens.national()).get("/api/v1/members/" + id).then().statusCode(200).body("phone", equalTo(PHONE));

        given().auth().oauth2(Tokens.national()).post("/api/v1/personal-data/re-encryption").then().statusCode(200)
                .body("currentKeyId", equalTo("dev-2")).body("reEncrypted", greaterThanOrEqualTo(2)).body("remaining", equalTo(0));

        Map<String, String> row = row(id);
        assertTrue(row.get("id_number_encrypted").startsWith("v1.dev-2."), row.get("id_number_encrypted"));
        assertTrue(row.get("phone_encrypted").startsWith("v1.dev-2."), row.get("phone_encrypted"));
        given().auth().oauth2(Tokens.national()).get("/api/v1/members/" + id).then().statusCode(200)
                .body("idNumberMasked", equalTo(idNumber.substring(0, 6) + "********" + idNumber.substring(14)))
                .body("phone", equalTo(PHONE));
        given().auth().oauth2(Tokens.national()).post("/api/v1/personal-data/re-encryption").then().statusCode(200)
                .body("encrypted", equalTo(0)).body("reEncrypted", equalTo(0)).body("remaining", equalTo(0));
    }

    @Test
    void theIdNumberStaysUniqueAcrossEncryption() throws SQLException {
        String idNumber = Registry.idNumber();
        insertMember(idNumber, PHONE, null, null, null);
        given().auth().oauth2(Tokens.national()).post("/api/v1/personal-data/re-encryption").then().statusCode(200);
        UUID otherTeam = Registry.activeTeam("510000", "MINING", unit);
        given().auth().oauth2(Tokens.unit(unit)).contentType(ContentType.JSON).body(member(idNumber))
                .post("/api/v1/teams/" + otherTeam + "/members").then().statusCode(409)
                .body("type", equalTo("https://rescue-force.cn/problems/person-already-serving"));
    }

    @Test
    void onlyNationalMayReEncryptAndTheAuditTrailKeepsNoPersonalData() {
        for (String token : new String[]{Tokens.provincial("510000"), Tokens.mineSafety("510000"), Tokens.unit(unit),
                Tokens.assessor(UUID.randomUUID()), Tokens.service()}) {
            given().auth().oauth2(token).post("/api/v1/personal-data/re-encryption").then().statusCode(403)
                    .body("type", equalTo("https://rescue-force.cn/problems/forbidden"));
        }
        given().post("/api/v1/personal-data/re-encryption").then().statusCode(401);
        given().auth().oauth2(Tokens.national()).post("/api/v1/personal-data/re-encryption").then().statusCode(200);
        given().auth().oauth2(Tokens.national()).get("/api/v1/audit-events?entityType=PersonalData").then().statusCode(200)
                .body("items.action", hasItem("RE_ENCRYPTED"))
                .body("items[0].changedFields", equalTo(java.util.List.of("change.data", "member.idNumber", "member.phone")));
    }

    @Test
    void theChangeFeedsBodiesWithPersonalDataAreReEncryptedToo() throws SQLException {
        String idNumber = Registry.idNumber();
        String id = given().auth().oauth2(Tokens.unit(unit)).contentType(ContentType.JSON).body(member(idNumber))
                .post("/api/v1/teams/" + team + "/members").then().statusCode(201).extract().path("id");
        PersonalDataField body = new PersonalDataField("change_event.body");
        String stored = changeBody(UUID.fromString(id));
        assertTrue(stored.startsWith("v1.dev-2."), "the change's body is encrypted under the current key: " + stored);
        assertFalse(stored.contains(PHONE), stored);
        // as if written before the key rotation: the same body under the former key
        String clear = cipherWithCurrentKey("dev-2").decrypt(body, stored);
        setChangeBody(UUID.fromString(id), cipherWithCurrentKey("dev-1").encrypt(body, clear));
        given().auth().oauth2(Tokens.national()).post("/api/v1/personal-data/re-encryption").then().statusCode(200)
                .body("reEncrypted", greaterThanOrEqualTo(1)).body("remaining", equalTo(0));

        String after = changeBody(UUID.fromString(id));
        assertTrue(after.startsWith("v1.dev-2."), after);
        assertEquals(clear, cipherWithCurrentKey("dev-2").decrypt(body, after));
        String cursor = null;
        java.util.List<Map<String, Object>> mine = new java.util.ArrayList<>();
        boolean more = true;
        while (more) {
            var page = given().auth().oauth2(Tokens.unit(unit)).queryParam("limit", 1000)
                    .queryParams(cursor == null ? Map.of() : Map.of("after", cursor))
                    .get("/api/v1/changes").then().statusCode(200).extract().jsonPath();
            mine.addAll(page.<Map<String, Object>>getList("items").stream().filter(c -> id.equals(c.get("entityId"))).toList());
            cursor = page.getString("next");
            more = page.getBoolean("hasMore");
        }
        assertEquals(1, mine.size(), "the member's change, read through the feed after the re-encryption");
        @SuppressWarnings("unchecked")
        Map<String, Object> data = (Map<String, Object>) mine.get(0).get("data");
        assertEquals(PHONE, data.get("phone"));
        assertEquals(idNumber.substring(0, 6) + "********" + idNumber.substring(14), data.get("idNumberMasked"));
    }

    String changeBody(UUID entityId) throws SQLException {
        try (Connection connection = database.getConnection();
             PreparedStatement select = connection.prepareStatement("select body from change_event where entity_id = ?")) {
            select.setObject(1, entityId);
            try (ResultSet rows = select.executeQuery()) {
                assertTrue(rows.next(), "no change of " + entityId);
                String body = rows.getString(1);
                assertFalse(rows.next(), "one change of " + entityId);
                return body;
            }
        }
    }

    void setChangeBody(UUID entityId, String body) throws SQLException {
        try (Connection connection = database.getConnection();
             PreparedStatement update = connection.prepareStatement("update change_event set body = ? where entity_id = ?")) {
            update.setString(1, body);
            update.setObject(2, entityId);
            assertEquals(1, update.executeUpdate());
        }
    }

    /** The development keys of the test profile, with another key current: how rows of a former key come about. */
    static PersonalDataCipher cipherWithCurrentKey(String current) {
        var config = ConfigProvider.getConfig();
        return new PersonalDataCipher(PersonalDataKeys.parse(config.getValue("rescue-force.personal-data.keys", String.class),
                current, config.getValue("rescue-force.personal-data.hash-key", String.class), true));
    }

    /** A member written by SQL: as rows were before encryption at rest (clear values), or encrypted by another cipher. */
    UUID insertMember(String clearIdNumber, String clearPhone, String idNumberEncrypted, String idNumberHash,
                      String phoneEncrypted) throws SQLException {
        UUID id = UUID.randomUUID();
        try (Connection connection = database.getConnection();
             PreparedStatement insert = connection.prepareStatement("insert into member (id, team_id, name, role, talent_type,"
                     + " id_number, phone, id_number_encrypted, id_number_hash, phone_encrypted, joined_on, status,"
                     + " training_hours, created_at, updated_at, version) values (?, ?, '赵磊', 'RESCUER', 'SKILLED_CRAFT', ?, ?,"
                     + " ?, ?, ?, date '2017-06-01', 'ACTIVE', 0, ?, ?, 0)")) {
            Timestamp now = Timestamp.from(Instant.now());
            insert.setObject(1, id);
            insert.setObject(2, team);
            insert.setString(3, clearIdNumber);
            insert.setString(4, clearPhone);
            insert.setString(5, idNumberEncrypted);
            insert.setString(6, idNumberHash);
            insert.setString(7, phoneEncrypted);
            insert.setTimestamp(8, now);
            insert.setTimestamp(9, now);
            insert.executeUpdate();
        }
        return id;
    }

    /** Every column of the member's row, as text. */
    Map<String, String> row(UUID id) throws SQLException {
        try (Connection connection = database.getConnection();
             PreparedStatement select = connection.prepareStatement("select * from member where id = ?")) {
            select.setObject(1, id);
            try (ResultSet rows = select.executeQuery()) {
                assertTrue(rows.next(), "no row " + id);
                Map<String, String> row = new LinkedHashMap<>();
                for (int column = 1; column <= rows.getMetaData().getColumnCount(); column++) {
                    row.put(rows.getMetaData().getColumnName(column), rows.getString(column));
                }
                assertNotNull(row.get("id"));
                return row;
            }
        }
    }
}
