package cn.rescueforce.teams.bulk;

import cn.rescueforce.devkit.testing.Tokens;
import cn.rescueforce.kit.bulk.SheetFormat;
import cn.rescueforce.teams.support.Registry;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static cn.rescueforce.teams.bulk.BulkImportTest.file;
import static cn.rescueforce.teams.bulk.BulkImportTest.finished;
import static cn.rescueforce.teams.bulk.BulkImportTest.problems;
import static cn.rescueforce.teams.bulk.BulkImportTest.sha256;
import static cn.rescueforce.teams.bulk.BulkImportTest.upload;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Members as a bulk file: a dry run of 1,000 rows that reports its three bad rows (one of them repeating an earlier
 * row's ID number) and changes nothing, and an import interrupted by a restart (the job as a stopped instance left it
 * in the database) that completes with each row applied once, in both commit modes.
 */
@QuarkusTest
class MemberBulkImportTest {

    static final String MEMBERS = "/api/v1/bulk/members";
    static final List<String> HEADER = List.of("队伍编码 / teamCode", "姓名 / name", "职务 / role", "人才类型 / talentType",
            "身份证号 / idNumber", "手机号码 / phone", "入队日期 / joinedOn", "培训学时 / trainingHours");

    @Inject
    AgroalDataSource database;

    static String codeOf(UUID team) {
        return given().auth().oauth2(Tokens.national()).get("/api/v1/teams/" + team).then().statusCode(200).extract().path("code");
    }

    static List<String> member(String teamCode, int n) {
        return new ArrayList<>(List.of(teamCode, "队员" + n, "RESCUER", "SKILLED_CRAFT", Registry.idNumber(),
                String.format("139%08d", n), "2019-03-01", "40"));
    }

    static int members(UUID team) {
        return given().auth().oauth2(Tokens.national()).queryParam("size", 1).get("/api/v1/teams/" + team + "/members")
                .then().statusCode(200).extract().path("total");
    }

    long count(String sql) throws SQLException {
        try (Connection c = database.getConnection(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void aDryRunOfAThousandMembersReportsItsThreeBadRowsAndChangesNothing() throws SQLException {
        UUID unit = Registry.unit("510000");
        UUID team = Registry.activeTeam("510000", "MINING", unit);
        String code = codeOf(team);
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            rows.add(member(code, i));
        }
        String good = rows.get(16).get(4);
        rows.get(16).set(4, good.substring(0, 17) + (good.charAt(17) == '1' ? '2' : '1')); // row 18: a wrong check digit
        rows.get(203).set(2, "CAPTAIN");                                                      // row 205: no such role
        rows.get(731).set(4, rows.get(99).get(4));                                            // row 733: row 101's ID number
        long teamVersion = count("select version from team where id = '" + team + "'");
        long memberRows = count("select count(*) from member");
        long audit = count("select count(*) from audit_event");
        long changes = count("select count(*) from change_event");
        String token = Tokens.unit(unit);
        String id = upload(token, MEMBERS, SheetFormat.XLSX, file(SheetFormat.XLSX, HEADER, rows), "?dryRun=true")
                .then().statusCode(202).body("dryRun", equalTo(true)).extract().path("id");
        finished(token, MEMBERS, id).then().body("status", equalTo("COMPLETED")).body("rowsTotal", equalTo(1000))
                .body("rowsValidated", equalTo(1000)).body("rowsApplied", equalTo(0)).body("problems", equalTo(3));
        List<Map<String, Object>> report = problems(token, MEMBERS, id);
        assertEquals(List.of(18, 205, 733), report.stream().map(p -> (Integer) p.get("row")).toList());
        assertEquals(List.of("idNumber", "role", "row"), report.stream().map(p -> (String) p.get("field")).toList());
        String text = report.toString();
        assertFalse(text.contains(good.substring(6, 14)) || text.contains(rows.get(99).get(4).substring(6, 14)), text);
        // the same report read in Chinese: the same rows and fields, the problems in Chinese
        List<Map<String, Object>> chinese = given().auth().oauth2(token).header("Accept-Language", "zh-CN").queryParam("size", 200)
                .get(MEMBERS + "/import-jobs/" + id + "/problems").then().statusCode(200)
                .header("Content-Language", "zh-CN").extract().path("items");
        assertEquals(report.stream().map(p -> p.get("row")).toList(), chinese.stream().map(p -> p.get("row")).toList());
        assertEquals("与本文件前面的某行重复（唯一值相同）", chinese.get(2).get("problem"));
        assertTrue(chinese.stream().allMatch(p -> ((String) p.get("problem")).codePoints()
                .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)), chinese.toString());
        assertEquals(0, members(team));
        assertEquals(teamVersion, count("select version from team where id = '" + team + "'"));
        assertEquals(memberRows, count("select count(*) from member"));
        assertEquals(audit, count("select count(*) from audit_event"));
        assertEquals(changes, count("select count(*) from change_event"));
    }

    @Test
    void aValidRowsImportInterruptedByARestartCompletesFromItsCheckpointEachRowOnce() throws SQLException {
        UUID unit = Registry.unit("520000");
        UUID team = Registry.activeTeam("520000", "MINING", unit);
        String code = codeOf(team);
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            rows.add(member(code, i));
        }
        byte[] csv = file(SheetFormat.CSV, HEADER, rows);
        // what the stopped instance committed with its checkpoint: rows 2 to 5, through the same operation
        for (List<String> row : rows.subList(0, 4)) {
            given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON)
                    .body(Map.of("name", row.get(1), "role", row.get(2), "talentType", row.get(3), "idNumber", row.get(4),
                            "phone", row.get(5), "joinedOn", row.get(6), "trainingHours", 40))
                    .post("/api/v1/teams/" + team + "/members").then().statusCode(201);
        }
        UUID id = leftByAStoppedInstance(csv, "VALID_ROWS", 5, 12, 4);
        Response job = finished(Tokens.national(), MEMBERS, id.toString());
        job.then().body("status", equalTo("COMPLETED")).body("rowsApplied", equalTo(12)).body("problems", equalTo(0));
        assertEquals(12, members(team));
        assertEquals(0, count("select count(*) from bulk_job_file where job_id = '" + id + "'"), "the file outlives its job");
    }

    @Test
    void anAllOrNothingImportInterruptedByARestartIsAppliedWholeOnce() throws SQLException {
        UUID unit = Registry.unit("530000");
        UUID team = Registry.activeTeam("530000", "MINING", unit);
        String code = codeOf(team);
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            rows.add(member(code, i));
        }
        byte[] csv = file(SheetFormat.CSV, HEADER, rows);
        // validated, its one transaction begun when the instance stopped: rolled back whole, so nothing is applied
        UUID id = leftByAStoppedInstance(csv, "ALL_OR_NOTHING", 1, 30, 0);
        finished(Tokens.national(), MEMBERS, id.toString()).then().body("status", equalTo("COMPLETED"))
                .body("rowsApplied", equalTo(30)).body("problems", equalTo(0));
        assertEquals(30, members(team));
        // uploading the same file again answers that job; nothing is applied a second time
        upload(Tokens.national(), MEMBERS, SheetFormat.CSV, csv, "").then().statusCode(200).body("id", equalTo(id.toString()))
                .body("status", equalTo("COMPLETED"));
        assertEquals(30, members(team));
    }

    @Test
    void certificatesArePerRowForMembersNamedByIdNumberWithinTheCallersScope() {
        UUID unit = Registry.unit("540000");
        UUID team = Registry.activeTeam("540000", "MINING", unit);
        UUID otherUnit = Registry.unit("540000");
        UUID otherTeam = Registry.activeTeam("540000", "MINING", otherUnit);
        List<String> ours = member(codeOf(team), 1);
        List<String> theirs = member(codeOf(otherTeam), 2);
        for (var entry : Map.of(team, ours, otherTeam, theirs).entrySet()) {
            given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON)
                    .body(Map.of("name", entry.getValue().get(1), "role", "RESCUER", "talentType", "SKILLED_CRAFT",
                            "idNumber", entry.getValue().get(4), "joinedOn", "2019-03-01", "trainingHours", 40))
                    .post("/api/v1/teams/" + entry.getKey() + "/members").then().statusCode(201);
        }
        String bad = ours.get(4).substring(0, 17) + (ours.get(4).charAt(17) == '1' ? '2' : '1');
        List<String> header = List.of("身份证号", "证书名称", "证书编号", "发证机关", "发证日期", "有效期至");
        List<List<String>> rows = List.of(
                List.of(ours.get(4), "矿山救护队员资格证", "KJ-2024-540-0001", "国家矿山安全监察局西藏局", "2024-03-15", "2027-03-14"),
                List.of(ours.get(4), "应急救援员（三级）", "YJ-2023-0042", "西藏自治区应急管理厅", "2023-06-01", ""),
                List.of(ours.get(4), "矿山救护队员资格证", "KJ-2024-540-0001", "国家矿山安全监察局西藏局", "2024-03-15", "2027-03-14"),
                List.of(theirs.get(4), "矿山救护队员资格证", "KJ-2024-540-0002", "国家矿山安全监察局西藏局", "2024-03-15", ""),
                List.of(bad, "矿山救护队员资格证", "KJ-2024-540-0003", "国家矿山安全监察局西藏局", "2024-03-15", ""),
                List.of(ours.get(4), "矿山救护队员资格证", "KJ-2024-540-0004", "国家矿山安全监察局西藏局", "2099-03-15", ""));
        String token = Tokens.unit(unit);
        String id = upload(token, "/api/v1/bulk/certificates", SheetFormat.CSV, file(SheetFormat.CSV, header, rows), "?mode=VALID_ROWS")
                .then().statusCode(202).body("kind", equalTo("certificates")).extract().path("id");
        finished(token, "/api/v1/bulk/certificates", id).then().body("status", equalTo("COMPLETED"))
                .body("rowsApplied", equalTo(2)).body("problems", equalTo(4));
        List<Map<String, Object>> report = problems(token, "/api/v1/bulk/certificates", id);
        assertEquals(List.of(4, 5, 6, 7), report.stream().map(p -> (Integer) p.get("row")).toList());
        assertEquals(List.of("row", "row", "idNumber", "issuedOn"), report.stream().map(p -> (String) p.get("field")).toList());
        String text = report.toString();
        assertFalse(text.contains(theirs.get(4).substring(6, 14)) || text.contains(bad.substring(6, 14)), text);
        String memberId = given().auth().oauth2(token).get("/api/v1/teams/" + team + "/members").then().statusCode(200)
                .extract().path("items[0].id");
        given().auth().oauth2(token).get("/api/v1/members/" + memberId + "/certificates").then().statusCode(200)
                .body("total", equalTo(2));
        // another unit may not import for this team; assessors may not import at all
        upload(Tokens.assessor(UUID.randomUUID()), "/api/v1/bulk/certificates", SheetFormat.CSV, file(SheetFormat.CSV, header, rows), "")
                .then().statusCode(403);
        String export = given().auth().oauth2(token).get("/api/v1/bulk/certificates/export").then().statusCode(200).extract().asString();
        assertTrue(export.contains("KJ-2024-540-0001") && export.contains("YJ-2023-0042"), export);
        assertFalse(export.contains(ours.get(4)) || export.contains("KJ-2024-540-0002"), export);
    }

    /**
     * A national job in APPLYING as a stopped instance leaves it: its checkpoint, the rows it applied, its file, and
     * a lease that ran out (the instance renews it no more).
     */
    private UUID leftByAStoppedInstance(byte[] csv, String mode, int checkpoint, int rows, int applied) throws SQLException {
        UUID id = UUID.randomUUID();
        try (Connection c = database.getConnection()) {
            try (PreparedStatement insert = c.prepareStatement("insert into bulk_job (id, kind, format, mode, dry_run, file_sha256,"
                    + " file_size, caller_sub, caller_level, status, checkpoint_row, total_rows, rows_valid, rows_applied,"
                    + " error_count, lease_owner, lease_until, created_at, updated_at) values (?, 'members', 'CSV', ?, false,"
                    + " ?, ?, 'national-center', 'NATIONAL', 'APPLYING', ?, ?, ?, ?, 0, ?, now() - interval '1 second', now(), now())")) {
                insert.setObject(1, id);
                insert.setString(2, mode);
                insert.setString(3, sha256(csv));
                insert.setLong(4, csv.length);
                insert.setInt(5, checkpoint);
                insert.setInt(6, rows);
                insert.setInt(7, rows);
                insert.setInt(8, applied);
                insert.setObject(9, UUID.randomUUID());
                insert.executeUpdate();
            }
            try (PreparedStatement file = c.prepareStatement("insert into bulk_job_file (job_id, content) values (?, ?)")) {
                file.setObject(1, id);
                file.setBytes(2, csv);
                file.executeUpdate();
            }
        }
        return id;
    }
}
