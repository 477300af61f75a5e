package cn.rescueforce.equipment.bulk;

import cn.rescueforce.devkit.testing.InjectDouble;
import cn.rescueforce.devkit.testing.TeamsApiDouble;
import cn.rescueforce.devkit.testing.Tokens;
import cn.rescueforce.equipment.support.Fixtures;
import cn.rescueforce.equipment.support.Teams;
import cn.rescueforce.kit.bulk.SheetFormat;
import cn.rescueforce.kit.bulk.SheetReader;
import cn.rescueforce.kit.bulk.SheetWriter;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static cn.rescueforce.equipment.support.Fixtures.PROBLEMS;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Team equipment as a bulk file over HTTP with real tokens: each row is POST /api/v1/teams/{teamId}/equipment (scope
 * per row at every level, the item's rules), the team by code or id, a dry run that changes nothing, both commit
 * modes, the same upload twice, the template and an export that imports again.
 */
@QuarkusTest
class EquipmentBulkImportTest {

    static final String EQUIPMENT = "/api/v1/bulk/equipment";
    static final List<String> HEADER = List.of("队伍编码 / teamCode", "队伍ID / teamId", "装备类型编码 / equipmentTypeCode",
            "出厂编号 / serialNumber", "状态 / status", "购置日期 / acquiredOn", "到期日期 / expiresOn",
            "最近检查日期 / lastInspectedOn", "备注 / note");
    static final String TOMORROW = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();

    @InjectDouble
    TeamsApiDouble teamsApi;

    @Inject
    AgroalDataSource database;

    String code(Teams.Team team) {
        return teamsApi.team(team.id()).path("code").asText();
    }

    /** A row naming the team by code (id empty) or by id (code empty). */
    static List<String> row(String teamCode, UUID teamId, String type, String serial, String acquiredOn) {
        return new ArrayList<>(List.of(teamCode == null ? "" : teamCode, teamId == null ? "" : teamId.toString(), type, serial,
                "IN_SERVICE", acquiredOn, "", "", "批量导入"));
    }

    static String serial() {
        return "BULK-" + Fixtures.next();
    }

    static byte[] file(SheetFormat format, List<String> header, List<List<String>> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (SheetWriter writer = SheetWriter.open(format, out)) {
            writer.row(header);
            rows.forEach(writer::row);
        }
        return out.toByteArray();
    }

    static Response upload(String token, SheetFormat format, byte[] file, String query) {
        return given().auth().oauth2(token).contentType(format.mediaType()).body(file).post(EQUIPMENT + "/import-jobs" + query);
    }

    static Response finished(String token, String id) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(600));
        while (true) {
            Response job = given().auth().oauth2(token).get(EQUIPMENT + "/import-jobs/" + id);
            job.then().statusCode(200);
            String status = job.path("status");
            if (List.of("COMPLETED", "REJECTED", "FAILED").contains(status)) {
                return job;
            }
            assertTrue(Instant.now().isBefore(deadline), "job " + id + " still " + status);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
        }
    }

    static List<Map<String, Object>> problems(String token, String id) {
        return given().auth().oauth2(token).queryParam("size", 200).get(EQUIPMENT + "/import-jobs/" + id + "/problems")
                .then().statusCode(200).extract().path("items");
    }

    static int items(UUID teamId) {
        return given().auth().oauth2(Tokens.national()).queryParam("size", 1).get("/api/v1/teams/" + teamId + "/equipment")
                .then().statusCode(200).extract().path("total");
    }

    static List<List<String>> read(SheetFormat format, byte[] content) {
        List<List<String>> rows = new ArrayList<>();
        SheetReader.read(format, new ByteArrayInputStream(content), (number, cells) -> rows.add(cells.stream()
                .map(c -> c == null ? "" : c).toList()) || true);
        return rows;
    }

    long count(String table) throws SQLException {
        try (Connection c = database.getConnection(); ResultSet rs = c.createStatement().executeQuery("select count(*) from " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void aProvinceImportsItsTeamsEquipmentRowByRowAsTheSingleRequestWouldAnswer() {
        Teams.Team own = Teams.team("530000", Teams.MINING);
        Teams.Team second = Teams.team("530000", Teams.HAZARDOUS_CHEMICALS);
        Teams.Team other = Teams.team("440000", Teams.MINING);
        String taken = serial();
        Fixtures.item(own, Map.of("equipmentTypeCode", "RESP-SCBA-4H", "serialNumber", taken, "acquiredOn", "2024-01-10"));
        String repeated = serial();
        List<List<String>> rows = List.of(
                row(code(own), null, "RESP-SCBA-4H", serial(), "2024-03-01"),            // 2 by code
                row(null, second.id(), "RESP-SCBA-4H", serial(), "2024-03-01"),          // 3 by id
                row(code(other), null, "RESP-SCBA-4H", serial(), "2024-03-01"),          // 4 another province: not found
                row(null, other.id(), "RESP-SCBA-4H", serial(), "2024-03-01"),           // 5 the same by id
                row(code(own), null, "NO-SUCH-TYPE", serial(), "2024-03-01"),            // 6 unknown type
                row(code(own), null, "RESP-SCBA-4H", serial(), TOMORROW),                // 7 acquired in the future
                row(code(own), null, "RESP-SCBA-4H", taken, "2024-03-01"),               // 8 serial registered already
                row(code(own), null, "RESP-SCBA-4H", repeated, "2024-03-01"),            // 9
                row(code(own), null, "RESP-SCBA-4H", repeated, "2024-03-01"),            // 10 repeats row 9
                row(null, null, "RESP-SCBA-4H", serial(), "2024-03-01"),                 // 11 no team
                row("T-530000-NONE", null, "RESP-SCBA-4H", serial(), "2024-03-01"));     // 12 no such team
        int before = items(own.id());
        String token = Tokens.provincial("530000");
        String id = upload(token, SheetFormat.CSV, file(SheetFormat.CSV, HEADER, rows), "?mode=VALID_ROWS")
                .then().statusCode(202).header("Location", containsString(EQUIPMENT + "/import-jobs/"))
                .body("kind", equalTo("equipment")).body("status", equalTo("QUEUED")).extract().path("id");
        finished(token, id).then().body("status", equalTo("COMPLETED")).body("rowsTotal", equalTo(11))
                .body("rowsApplied", equalTo(3)).body("problems", equalTo(8));
        List<Map<String, Object>> report = problems(token, id);
        assertEquals(List.of(4, 5, 6, 7, 8, 10, 11, 12), report.stream().map(p -> (Integer) p.get("row")).toList());
        assertEquals(List.of("row", "row", "equipmentTypeCode", "acquiredOn", "row", "row", "teamCode", "row"),
                report.stream().map(p -> (String) p.get("field")).toList());
        assertTrue(((String) report.get(0).get("problem")).contains("not-found"), report.toString());
        assertTrue(((String) report.get(4).get("problem")).contains("duplicate-serial-number"), report.toString());
        assertTrue(((String) report.get(5).get("problem")).contains("repeats an earlier row"), report.toString());
        // an out-of-scope team is reported by what the row said, never by an id the row did not give
        assertFalse(report.get(0).get("problem").toString().contains(other.id().toString()), report.toString());
        assertEquals(before + 2, items(own.id()));
        assertEquals(1, items(second.id()));
        assertEquals(0, items(other.id()));
        given().auth().oauth2(token).queryParam("size", 50).get("/api/v1/teams/" + own.id() + "/equipment").then()
                .body("items.serialNumber", org.hamcrest.Matchers.hasItems(rows.get(0).get(3), repeated));
    }

    @Test
    void everyLevelImportsWithinItsScopeAndTheOthersAreRefused() {
        Teams.Team mining = Teams.team("140000", Teams.MINING);
        Teams.Team chemicals = Teams.team("140000", Teams.HAZARDOUS_CHEMICALS);
        // mine-safety: the mining team, not the chemicals team of its province
        String mineSafety = Tokens.mineSafety("140000");
        String job = upload(mineSafety, SheetFormat.XLSX, file(SheetFormat.XLSX, HEADER, List.of(
                row(null, mining.id(), "RESP-SCBA-4H", serial(), "2024-03-01"),
                row(null, chemicals.id(), "RESP-SCBA-4H", serial(), "2024-03-01"))), "?mode=VALID_ROWS")
                .then().statusCode(202).body("format", equalTo("xlsx")).extract().path("id");
        finished(mineSafety, job).then().body("status", equalTo("COMPLETED")).body("rowsApplied", equalTo(1))
                .body("problems", equalTo(1));
        assertEquals(3, problems(mineSafety, job).get(0).get("row"));
        // a unit: its own team only
        String unit = Tokens.unit(mining.unitId());
        job = upload(unit, SheetFormat.CSV, file(SheetFormat.CSV, HEADER, List.of(
                row(code(mining), null, "RESP-SCBA-4H", serial(), "2024-03-01"),
                row(code(chemicals), null, "RESP-SCBA-4H", serial(), "2024-03-01"))), "?mode=VALID_ROWS")
                .then().statusCode(202).extract().path("id");
        finished(unit, job).then().body("rowsApplied", equalTo(1)).body("problems", equalTo(1));
        assertTrue(problems(unit, job).get(0).get("problem").toString().contains("not-found"));
        assertEquals(2, items(mining.id()));
        assertEquals(0, items(chemicals.id()));
        // national: any team
        job = upload(Tokens.national(), SheetFormat.CSV, file(SheetFormat.CSV, HEADER, List.of(
                row(code(chemicals), null, "RESP-SCBA-4H", serial(), "2024-03-01"))), "")
                .then().statusCode(202).body("mode", equalTo("ALL_OR_NOTHING")).extract().path("id");
        finished(Tokens.national(), job).then().body("status", equalTo("COMPLETED")).body("rowsApplied", equalTo(1));
        assertEquals(1, items(chemicals.id()));

        byte[] csv = file(SheetFormat.CSV, HEADER, List.of(row(code(mining), null, "RESP-SCBA-4H", serial(), "2024-03-01")));
        for (String token : List.of(Tokens.assessor(UUID.randomUUID()), Tokens.service())) {
            upload(token, SheetFormat.CSV, csv, "").then().statusCode(403).body("type", equalTo(PROBLEMS + "forbidden"));
            given().auth().oauth2(token).get(EQUIPMENT + "/template").then().statusCode(403);
        }
        given().auth().oauth2(Tokens.assessor(UUID.randomUUID())).get(EQUIPMENT + "/export").then().statusCode(403);
        given().get(EQUIPMENT + "/template").then().statusCode(401);
        given().auth().oauth2(Tokens.national()).contentType("application/json").body("{}").post(EQUIPMENT + "/import-jobs")
                .then().statusCode(415).body("type", equalTo(PROBLEMS + "unsupported-media-type"));
        // a job is its uploader's only
        given().auth().oauth2(Tokens.provincial("140000")).get(EQUIPMENT + "/import-jobs/" + job).then().statusCode(404)
                .body("type", equalTo(PROBLEMS + "not-found"));
    }

    @Test
    void aDryRunReportsEveryBadRowAndChangesNothingAndAllOrNothingAppliesNoneThenAll() throws SQLException {
        Teams.Team team = Teams.team("620000", Teams.MINING);
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            rows.add(row(i % 2 == 0 ? code(team) : null, i % 2 == 0 ? null : team.id(), "RESP-SCBA-4H", serial(), "2024-03-01"));
        }
        List<List<String>> withBad = new ArrayList<>(rows);
        withBad.set(16, row(code(team), null, "RESP-SCBA-4H", serial(), "2024-3-1"));          // row 18
        withBad.set(203, row(code(team), null, "RESP-SCBA-4H", rows.get(2).get(3), "2024-03-01")); // row 205 repeats row 4
        List<String> badStatus = new ArrayList<>(rows.get(231));
        badStatus.set(4, "BROKEN");
        withBad.set(231, badStatus);                                                              // row 233
        long items = count("equipment_item");
        long audit = count("audit_event");
        long changes = count("change_event");
        String dry = upload(Tokens.provincial("620000"), SheetFormat.XLSX, file(SheetFormat.XLSX, HEADER, withBad), "?dryRun=true")
                .then().statusCode(202).body("dryRun", equalTo(true)).extract().path("id");
        finished(Tokens.provincial("620000"), dry).then().body("status", equalTo("COMPLETED")).body("rowsValidated", equalTo(300))
                .body("rowsApplied", equalTo(0)).body("problems", equalTo(3));
        List<Map<String, Object>> report = problems(Tokens.provincial("620000"), dry);
        assertEquals(List.of(18, 205, 233), report.stream().map(p -> (Integer) p.get("row")).toList());
        assertEquals(List.of("acquiredOn", "row", "status"), report.stream().map(p -> (String) p.get("field")).toList());
        assertEquals(items, count("equipment_item"));
        assertEquals(audit, count("audit_event"));
        assertEquals(changes, count("change_event"));

        String rejected = upload(Tokens.provincial("620000"), SheetFormat.CSV, file(SheetFormat.CSV, HEADER, withBad), "")
                .then().statusCode(202).extract().path("id");
        finished(Tokens.provincial("620000"), rejected).then().body("status", equalTo("REJECTED")).body("rowsApplied", equalTo(0))
                .body("problems", equalTo(3));
        assertEquals(0, items(team.id()));

        byte[] good = file(SheetFormat.CSV, HEADER, rows);
        String applied = upload(Tokens.provincial("620000"), SheetFormat.CSV, good, "").then().statusCode(202).extract().path("id");
        finished(Tokens.provincial("620000"), applied).then().body("status", equalTo("COMPLETED")).body("rowsApplied", equalTo(300));
        assertEquals(300, items(team.id()));
        // the same file again is the same job, never applied twice
        upload(Tokens.provincial("620000"), SheetFormat.CSV, good, "").then().statusCode(200)
                .header("Idempotent-Replayed", "true").body("id", equalTo(applied));
        assertEquals(300, items(team.id()));
    }

    @Test
    void theTemplateHasBothLanguagesAndAnExportOfTheScopeImportsAgain() {
        byte[] template = given().auth().oauth2(Tokens.unit(UUID.randomUUID())).queryParam("format", "xlsx").get(EQUIPMENT + "/template")
                .then().statusCode(200).contentType(containsString("spreadsheetml"))
                .header("Content-Disposition", containsString("equipment-template.xlsx")).extract().asByteArray();
        assertEquals(List.of(HEADER), read(SheetFormat.XLSX, template));

        Teams.Team team = Teams.team("650000", Teams.MINING);
        Teams.Team elsewhere = Teams.team("460000", Teams.MINING);
        List<List<String>> rows = List.of(row(code(team), null, "RESP-SCBA-4H", serial(), "2024-03-01"),
                row(null, team.id(), "RESP-SCBA-4H", serial(), "2024-03-02"));
        // English headers alone, in another order
        List<String> english = List.of("teamCode", "teamId", "equipmentTypeCode", "serialNumber", "status", "acquiredOn",
                "expiresOn", "lastInspectedOn", "note");
        String job = upload(Tokens.national(), SheetFormat.CSV, file(SheetFormat.CSV, english, rows), "").then().statusCode(202)
                .extract().path("id");
        finished(Tokens.national(), job).then().body("status", equalTo("COMPLETED")).body("rowsApplied", equalTo(2));
        Fixtures.item(elsewhere, Fixtures.itemBody("RESP-SCBA-4H", "2024-01-10"));

        String csv = given().auth().oauth2(Tokens.provincial("650000")).get(EQUIPMENT + "/export").then().statusCode(200)
                .contentType(containsString("text/csv")).extract().asString();
        List<List<String>> exported = read(SheetFormat.CSV, csv.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(HEADER, exported.get(0));
        assertEquals(3, exported.size(), csv);
        for (List<String> line : exported.subList(1, 3)) {
            assertEquals(code(team), line.get(0));
            assertEquals(team.id().toString(), line.get(1));
            assertEquals("RESP-SCBA-4H", line.get(2));
        }
        assertTrue(exported.stream().anyMatch(l -> l.get(3).equals(rows.get(0).get(3))), csv);
        assertFalse(csv.contains(elsewhere.id().toString()), "another province's item in the export");
        byte[] xlsx = given().auth().oauth2(Tokens.service()).queryParam("format", "xlsx").get(EQUIPMENT + "/export")
                .then().statusCode(200).extract().asByteArray();
        assertTrue(read(SheetFormat.XLSX, xlsx).stream().anyMatch(l -> l.get(1).equals(elsewhere.id().toString())));
        // the export imports again: every row is an item registered already, nothing else wrong
        String again = upload(Tokens.provincial("650000"), SheetFormat.CSV, csv.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "?dryRun=true").then().statusCode(202).extract().path("id");
        finished(Tokens.provincial("650000"), again).then().body("status", equalTo("COMPLETED")).body("problems", equalTo(2));
        given().auth().oauth2(Tokens.provincial("650000")).get(EQUIPMENT + "/import-jobs/" + again + "/problems")
                .then().body("items.problem", everyItem(containsString("duplicate-serial-number")));
    }
}
