package cn.rescueforce.teams.bulk;

import cn.rescueforce.devkit.testing.Tokens;
import cn.rescueforce.kit.bulk.SheetFormat;
import cn.rescueforce.teams.support.Registry;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static cn.rescueforce.teams.bulk.BulkImportTest.file;
import static cn.rescueforce.teams.bulk.BulkImportTest.finished;
import static cn.rescueforce.teams.bulk.BulkImportTest.problems;
import static cn.rescueforce.teams.bulk.BulkImportTest.read;
import static cn.rescueforce.teams.bulk.BulkImportTest.upload;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Teams as a bulk file over HTTP with real tokens: each row is POST /api/v1/teams (a province registers teams of its
 * own province only, with a supporting unit it can see, named by credit code; the body's constraints; a unique
 * code), other levels refused, a dry run that changes nothing, the template and an export that imports again.
 */
@QuarkusTest
class TeamBulkImportTest {

    static final String TEAMS = "/api/v1/bulk/teams";
    static final List<String> HEADER = List.of("队伍编码 / code", "队伍名称 / name", "队伍类别 / category", "所在省份 / province",
            "依托单位信用代码 / supportingUnitCreditCode", "驻地纬度 / baseLat", "驻地经度 / baseLon", "驻地地址 / baseAddress",
            "驻地城市 / baseCity", "值班电话 / dutyPhone", "专业方向 / specialties");

    @Inject
    AgroalDataSource database;

    static String creditCodeOf(UUID unit) {
        return given().auth().oauth2(Tokens.national()).get("/api/v1/supporting-units/" + unit).then().statusCode(200)
                .extract().path("creditCode");
    }

    static List<String> row(String province, String creditCode) {
        Map<String, Object> body = Registry.teamBody(province, "MINING", UUID.randomUUID());
        return new ArrayList<>(List.of((String) body.get("code"), (String) body.get("name"), "MINING", province, creditCode,
                "28.2147", "104.9658", "宜宾市珙县", "宜宾市", "0831-4561119", "MINE_FIRE;MINE_FLOODING"));
    }

    static Map<String, Object> team(String code) {
        List<Map<String, Object>> found = given().auth().oauth2(Tokens.national()).queryParam("q", code).get("/api/v1/teams")
                .then().statusCode(200).extract().path("items");
        return found.stream().filter(t -> t.get("code").equals(code)).findFirst().orElse(null);
    }

    long count(String sql) throws SQLException {
        try (Connection c = database.getConnection(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void aProvinceImportsTeamsOfItsOwnProvinceWithUnitsItCanSee() {
        UUID unit = Registry.unit("510000");
        UUID elsewhere = Registry.unit("440000");
        String credit = creditCodeOf(unit);
        List<List<String>> rows = new ArrayList<>();
        rows.add(row("510000", credit));                                    // 2 registered
        rows.add(row("510000", credit));                                    // 3 registered
        rows.add(row("440000", creditCodeOf(elsewhere)));                   // 4 another province: forbidden
        rows.add(row("510000", creditCodeOf(elsewhere)));                   // 5 a unit of another province: not found
        rows.add(row("510000", Registry.creditCode("510000")));             // 6 no such unit: not found
        List<String> badPhone = row("510000", credit);
        badPhone.set(9, "call us");
        rows.add(badPhone);                                                 // 7 dutyPhone against the contract's pattern
        List<String> badLat = row("510000", credit);
        badLat.set(5, "north");
        rows.add(badLat);                                                   // 8 baseLat not a number
        List<String> farLat = row("510000", credit);
        farLat.set(5, "95.5");
        rows.add(farLat);                                                   // 9 baseLat out of range
        List<String> repeat = row("510000", credit);
        repeat.set(0, rows.get(0).get(0));
        rows.add(repeat);                                                   // 10 the code of row 2 again
        List<String> badCategory = row("510000", credit);
        badCategory.set(2, "FIRE");
        rows.add(badCategory);                                              // 11 unknown category
        String token = Tokens.provincial("510000");
        String id = upload(token, TEAMS, SheetFormat.CSV, file(SheetFormat.CSV, HEADER, rows), "?mode=VALID_ROWS")
                .then().statusCode(202).body("kind", equalTo("teams")).extract().path("id");
        finished(token, TEAMS, id).then().body("status", equalTo("COMPLETED")).body("rowsTotal", equalTo(10))
                .body("rowsApplied", equalTo(2)).body("problems", equalTo(8));
        List<Map<String, Object>> report = problems(token, TEAMS, id);
        assertEquals(List.of(4, 5, 6, 7, 8, 9, 10, 11), report.stream().map(p -> (Integer) p.get("row")).toList());
        assertEquals(List.of("row", "row", "row", "dutyPhone", "baseLat", "baseLat", "row", "category"),
                report.stream().map(p -> (String) p.get("field")).toList());
        assertTrue(report.get(0).get("problem").toString().contains("forbidden"), report.toString());
        assertTrue(report.get(1).get("problem").toString().contains("not-found"), report.toString());
        assertFalse(report.get(1).get("problem").toString().contains(elsewhere.toString()), "the report names another province's unit id");
        assertTrue(report.get(6).get("problem").toString().contains("repeats an earlier row"), report.toString());

        Map<String, Object> registered = team(rows.get(0).get(0));
        assertEquals("PROPOSED", registered.get("status"));
        assertEquals(unit.toString(), registered.get("supportingUnitId"));
        assertEquals(List.of("MINE_FIRE", "MINE_FLOODING"), registered.get("specialties"));
        assertEquals("0831-4561119", registered.get("dutyPhone"));
        assertEquals(28.2147, ((Number) ((Map<?, ?>) registered.get("baseLocation")).get("lat")).doubleValue(), 1e-5);
        for (int i : List.of(2, 3, 4, 5)) {
            assertEquals(null, team(rows.get(i).get(0)), "row " + (i + 2) + " was registered");
        }
        // the lifecycle, audit and change feed of a single registration
        given().auth().oauth2(token).get("/api/v1/teams/" + registered.get("id") + "/status-history").then().statusCode(200)
                .body("items[0].action", equalTo("REGISTERED"));
    }

    @Test
    void onlyNationalAndProvincialImportTeamsAndEveryReaderExportsItsScope() throws SQLException {
        UUID unit = Registry.unit("650000");
        byte[] csv = file(SheetFormat.CSV, HEADER, List.of(row("650000", creditCodeOf(unit))));
        for (String token : List.of(Tokens.mineSafety("650000"), Tokens.unit(unit), Tokens.assessor(UUID.randomUUID()), Tokens.service())) {
            upload(token, TEAMS, SheetFormat.CSV, csv, "").then().statusCode(403)
                    .body("type", equalTo("https://rescue-force.cn/problems/forbidden"));
            given().auth().oauth2(token).get(TEAMS + "/template").then().statusCode(403);
        }
        given().auth().oauth2(Tokens.assessor(UUID.randomUUID())).get(TEAMS + "/export").then().statusCode(403);

        // a dry run of the national level: checked, nothing registered, audited or published
        long teams = count("select count(*) from team");
        long audit = count("select count(*) from audit_event");
        long changes = count("select count(*) from change_event");
        String dry = upload(Tokens.national(), TEAMS, SheetFormat.XLSX, file(SheetFormat.XLSX, HEADER,
                List.of(row("650000", creditCodeOf(unit)), row("650000", creditCodeOf(unit)))), "?dryRun=true")
                .then().statusCode(202).extract().path("id");
        finished(Tokens.national(), TEAMS, dry).then().body("status", equalTo("COMPLETED")).body("rowsValidated", equalTo(2))
                .body("problems", equalTo(0)).body("rowsApplied", equalTo(0));
        assertEquals(teams, count("select count(*) from team"));
        assertEquals(audit, count("select count(*) from audit_event"));
        assertEquals(changes, count("select count(*) from change_event"));

        String id = upload(Tokens.national(), TEAMS, SheetFormat.CSV, csv, "").then().statusCode(202).extract().path("id");
        finished(Tokens.national(), TEAMS, id).then().body("status", equalTo("COMPLETED")).body("rowsApplied", equalTo(1));
        String code = read(SheetFormat.CSV, csv).get(1).get(0);
        UUID other = Registry.team("460000", "MINING", Registry.unit("460000"));

        byte[] template = given().auth().oauth2(Tokens.provincial("650000")).queryParam("format", "xlsx").get(TEAMS + "/template")
                .then().statusCode(200).header("Content-Disposition", containsString("teams-template.xlsx")).extract().asByteArray();
        assertEquals(List.of(HEADER), read(SheetFormat.XLSX, template));
        for (String token : List.of(Tokens.provincial("650000"), Tokens.mineSafety("650000"), Tokens.unit(unit))) {
            byte[] export = given().auth().oauth2(token).queryParam("format", "xlsx").get(TEAMS + "/export").then().statusCode(200)
                    .extract().asByteArray();
            List<List<String>> rows = read(SheetFormat.XLSX, export);
            assertEquals(HEADER, rows.get(0));
            assertTrue(rows.stream().anyMatch(r -> r.get(0).equals(code) && r.get(4).equals(creditCodeOf(unit))
                    && r.get(10).equals("MINE_FIRE;MINE_FLOODING")), rows.toString());
            assertTrue(rows.stream().skip(1).allMatch(r -> r.get(3).equals("650000")), "another province in the export");
        }
        String everything = given().auth().oauth2(Tokens.national()).get(TEAMS + "/export").then().statusCode(200).extract().asString();
        String otherCode = given().auth().oauth2(Tokens.national()).get("/api/v1/teams/" + other).then().extract().path("code");
        assertTrue(everything.contains(otherCode) && everything.contains(code));
        // the province's export imports again: each team is registered already, nothing else is wrong
        String export = given().auth().oauth2(Tokens.provincial("650000")).get(TEAMS + "/export").then().statusCode(200).extract().asString();
        int exported = read(SheetFormat.CSV, export.getBytes(StandardCharsets.UTF_8)).size() - 1;
        String again = upload(Tokens.provincial("650000"), TEAMS, SheetFormat.CSV, export.getBytes(StandardCharsets.UTF_8), "?dryRun=true")
                .then().statusCode(202).extract().path("id");
        finished(Tokens.provincial("650000"), TEAMS, again).then().body("status", equalTo("COMPLETED")).body("problems", equalTo(exported));
        given().auth().oauth2(Tokens.provincial("650000")).queryParam("size", 200).get(TEAMS + "/import-jobs/" + again + "/problems")
                .then().body("items.problem", everyItem(containsString("team-code-taken")));
    }
}
