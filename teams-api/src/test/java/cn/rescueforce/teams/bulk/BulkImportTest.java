package cn.rescueforce.teams.bulk;

import cn.rescueforce.devkit.testing.Tokens;
import cn.rescueforce.kit.bulk.SheetFormat;
import cn.rescueforce.kit.bulk.SheetReader;
import cn.rescueforce.kit.bulk.SheetWriter;
import cn.rescueforce.teams.support.Registry;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bulk import and export over HTTP with real tokens: dry run, the two commit modes, the same upload twice, scope
 * per row, levels, a job resumed after a restart, an export imported again, CSV and XLSX.
 */
@QuarkusTest
class BulkImportTest {

    static final String UNITS = "/api/v1/bulk/units";
    static final String MEMBERS = "/api/v1/bulk/members";
    static final List<String> UNIT_HEADER = List.of("单位名称 / name", "统一社会信用代码 / creditCode", "所在省份 / province",
            "地址 / address", "联系人 / contactName", "联系电话 / contactPhone");

    @Inject
    AgroalDataSource database;

    static List<String> unitRow(String province) {
        Map<String, Object> body = Registry.unitBody(province);
        return List.of((String) body.get("name"), (String) body.get("creditCode"), province, "四川省成都市锦江区", "王建国",
                "028-86001234");
    }

    static byte[] file(SheetFormat format, List<String> header, List<List<String>> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (SheetWriter writer = SheetWriter.open(format, out)) {
            writer.row(header);
            rows.forEach(writer::row);
        }
        return out.toByteArray();
    }

    static Response upload(String token, String kindPath, SheetFormat format, byte[] file, String query) {
        return given().auth().oauth2(token).contentType(format.mediaType()).body(file)
                .post(kindPath + "/import-jobs" + query);
    }

    /** The job once it has ended, polled until a generous deadline (a loaded runner validates 1,000 rows in minutes). */
    static Response finished(String token, String kindPath, String id) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(600));
        while (true) {
            Response job = given().auth().oauth2(token).get(kindPath + "/import-jobs/" + id);
            job.then().statusCode(200);
            String status = job.path("status");
            if (List.of("COMPLETED", "REJECTED", "FAILED").contains(status)) {
                return job;
            }
            assertTrue(Instant.now().isBefore(deadline), "job " + id + " still " + status);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
        }
    }

    static List<Map<String, Object>> problems(String token, String kindPath, String id) {
        return given().auth().oauth2(token).queryParam("size", 200).get(kindPath + "/import-jobs/" + id + "/problems")
                .then().statusCode(200).extract().path("items");
    }

    static int unitCount(String province) {
        return given().auth().oauth2(Tokens.national()).queryParam("province", province).queryParam("size", 1)
                .get("/api/v1/supporting-units").then().statusCode(200).extract().path("total");
    }

    static int auditCount() {
        return given().auth().oauth2(Tokens.national()).queryParam("entityType", "SupportingUnit").queryParam("size", 1)
                .get("/api/v1/audit-events").then().statusCode(200).extract().path("total");
    }

    long changeEvents() throws SQLException {
        try (Connection c = database.getConnection(); ResultSet rs = c.createStatement().executeQuery("select count(*) from change_event")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void aDryRunReportsTheThreeBadRowsOfAThousandAndChangesNothing() throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            rows.add(unitRow("650000"));
        }
        List<String> badCode = new ArrayList<>(rows.get(16));
        String code = badCode.get(1);
        badCode.set(1, code.substring(0, 17) + (code.charAt(17) == '0' ? '1' : '0'));
        rows.set(16, badCode); // row 18: the header is row 1
        List<String> badProvince = new ArrayList<>(rows.get(203));
        badProvince.set(2, "990000");
        rows.set(203, badProvince); // row 205
        List<String> noName = new ArrayList<>(rows.get(731));
        noName.set(0, "");
        rows.set(731, noName); // row 733
        int units = unitCount("650000");
        int audit = auditCount();
        long changes = changeEvents();

        String id = upload(Tokens.national(), UNITS, SheetFormat.CSV, file(SheetFormat.CSV, UNIT_HEADER, rows), "?dryRun=true")
                .then().statusCode(202).header("Location", containsString("/api/v1/bulk/units/import-jobs/"))
                .body("status", equalTo("QUEUED")).body("dryRun", equalTo(true)).extract().path("id");
        finished(Tokens.national(), UNITS, id).then()
                .body("status", equalTo("COMPLETED")).body("rowsTotal", equalTo(1000)).body("rowsValidated", equalTo(1000))
                .body("rowsApplied", equalTo(0)).body("problems", equalTo(3));
        List<Map<String, Object>> report = problems(Tokens.national(), UNITS, id);
        assertEquals(List.of(18, 205, 733), report.stream().map(p -> (Integer) p.get("row")).toList());
        assertEquals(List.of("creditCode", "province", "name"), report.stream().map(p -> (String) p.get("field")).toList());
        assertEquals(units, unitCount("650000"));
        assertEquals(audit, auditCount());
        assertEquals(changes, changeEvents());
    }

    @Test
    void validRowsAppliesTheGoodRowsOfAWorkbookAndReportsTheOthers() {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            rows.add(unitRow("540000"));
        }
        List<String> bad = new ArrayList<>(rows.get(4));
        bad.set(1, "not-a-credit-code");
        rows.set(4, bad);
        rows.add(new ArrayList<>(rows.get(0))); // row 22 repeats row 2's credit code
        int before = unitCount("540000");
        String id = upload(Tokens.national(), UNITS, SheetFormat.XLSX, file(SheetFormat.XLSX, UNIT_HEADER, rows), "?mode=VALID_ROWS")
                .then().statusCode(202).body("mode", equalTo("VALID_ROWS")).body("format", equalTo("xlsx")).extract().path("id");
        finished(Tokens.national(), UNITS, id).then().body("status", equalTo("COMPLETED"))
                .body("rowsTotal", equalTo(21)).body("rowsApplied", equalTo(19)).body("problems", equalTo(2));
        List<Map<String, Object>> report = problems(Tokens.national(), UNITS, id);
        assertEquals(List.of(6, 22), report.stream().map(p -> (Integer) p.get("row")).toList());
        assertEquals(before + 19, unitCount("540000"));
        given().auth().oauth2(Tokens.national()).queryParam("q", rows.get(1).get(1)).get("/api/v1/supporting-units")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].name", equalTo(rows.get(1).get(0)));
    }

    @Test
    void allOrNothingAppliesNoRowWhenOneIsBadAndEveryRowOtherwise() {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            rows.add(unitRow("460000"));
        }
        List<List<String>> withBad = new ArrayList<>(rows);
        List<String> bad = new ArrayList<>(rows.get(9));
        bad.set(2, "46000");
        withBad.set(9, bad);
        int before = unitCount("460000");
        String rejected = upload(Tokens.national(), UNITS, SheetFormat.CSV, file(SheetFormat.CSV, UNIT_HEADER, withBad), "?mode=ALL_OR_NOTHING")
                .then().statusCode(202).extract().path("id");
        finished(Tokens.national(), UNITS, rejected).then().body("status", equalTo("REJECTED"))
                .body("rowsApplied", equalTo(0)).body("problems", equalTo(1));
        assertEquals(before, unitCount("460000"));

        String applied = upload(Tokens.national(), UNITS, SheetFormat.CSV, file(SheetFormat.CSV, UNIT_HEADER, rows), "")
                .then().statusCode(202).body("mode", equalTo("ALL_OR_NOTHING")).extract().path("id");
        finished(Tokens.national(), UNITS, applied).then().body("status", equalTo("COMPLETED")).body("rowsApplied", equalTo(10));
        assertEquals(before + 10, unitCount("460000"));
    }

    @Test
    void theSameFileUploadedAgainIsTheSameJobAndIsAppliedOnce() {
        List<List<String>> rows = List.of(unitRow("630000"), unitRow("630000"), unitRow("630000"));
        byte[] csv = file(SheetFormat.CSV, UNIT_HEADER, rows);
        int before = unitCount("630000");
        String id = upload(Tokens.national(), UNITS, SheetFormat.CSV, csv, "?mode=VALID_ROWS").then().statusCode(202)
                .body("fileSha256", equalTo(sha256(csv))).extract().path("id");
        finished(Tokens.national(), UNITS, id).then().body("status", equalTo("COMPLETED")).body("rowsApplied", equalTo(3));
        upload(Tokens.national(), UNITS, SheetFormat.CSV, csv, "?mode=VALID_ROWS").then().statusCode(200)
                .header("Idempotent-Replayed", "true").body("id", equalTo(id)).body("status", equalTo("COMPLETED"));
        assertEquals(before + 3, unitCount("630000"));
        // another option is another job (a dry run of the same file changes nothing either)
        String dry = upload(Tokens.national(), UNITS, SheetFormat.CSV, csv, "?dryRun=true").then().statusCode(202).extract().path("id");
        assertFalse(dry.equals(id));
        // an Idempotency-Key reused for another file is refused
        given().auth().oauth2(Tokens.national()).contentType(SheetFormat.CSV_TYPE).header("Idempotency-Key", "bulk-key-" + id)
                .body(csv).post(UNITS + "/import-jobs?dryRun=true").then().statusCode(200);
        given().auth().oauth2(Tokens.national()).contentType(SheetFormat.CSV_TYPE).header("Idempotency-Key", "bulk-key-" + id)
                .body(file(SheetFormat.CSV, UNIT_HEADER, List.of(unitRow("630000")))).post(UNITS + "/import-jobs?dryRun=true")
                .then().statusCode(422).body("type", equalTo("https://rescue-force.cn/problems/idempotency-key-reused"));
        finished(Tokens.national(), UNITS, dry);
    }

    @Test
    void aProvincialImportIsRefusedRowByRowForAnotherProvince() {
        List<List<String>> rows = List.of(unitRow("510000"), unitRow("440000"), unitRow("510000"));
        String id = upload(Tokens.provincial("510000"), UNITS, SheetFormat.CSV, file(SheetFormat.CSV, UNIT_HEADER, rows), "?mode=VALID_ROWS")
                .then().statusCode(202).extract().path("id");
        finished(Tokens.provincial("510000"), UNITS, id).then().body("status", equalTo("COMPLETED"))
                .body("rowsApplied", equalTo(2)).body("problems", equalTo(1));
        List<Map<String, Object>> report = problems(Tokens.provincial("510000"), UNITS, id);
        assertEquals(3, report.get(0).get("row"));
        assertTrue(((String) report.get(0).get("problem")).contains("forbidden"), report.toString());

        // members: a team of another province does not exist for this caller, as GET of that team answers
        UUID sichuan = Registry.activeTeam("510000", "MINING", Registry.unit("510000"));
        UUID guangdong = Registry.activeTeam("440000", "MINING", Registry.unit("440000"));
        String sichuanCode = given().auth().oauth2(Tokens.national()).get("/api/v1/teams/" + sichuan).then().extract().path("code");
        String guangdongCode = given().auth().oauth2(Tokens.national()).get("/api/v1/teams/" + guangdong).then().extract().path("code");
        String idNumber = Registry.idNumber();
        List<String> memberHeader = List.of("teamCode", "name", "role", "talentType", "idNumber", "phone", "joinedOn", "trainingHours");
        List<List<String>> members = List.of(
                List.of(sichuanCode, "李强", "RESCUER", "SKILLED_CRAFT", idNumber, "13800138000", "2019-03-01", "40"),
                List.of(guangdongCode, "陈明", "RESCUER", "SKILLED_CRAFT", Registry.idNumber(), "13800138001", "2019-03-01", "40"));
        String job = upload(Tokens.provincial("510000"), MEMBERS, SheetFormat.XLSX, file(SheetFormat.XLSX, memberHeader, members),
                "?mode=VALID_ROWS").then().statusCode(202).extract().path("id");
        finished(Tokens.provincial("510000"), MEMBERS, job).then().body("status", equalTo("COMPLETED"))
                .body("rowsApplied", equalTo(1)).body("problems", equalTo(1));
        String report2 = given().auth().oauth2(Tokens.provincial("510000")).get(MEMBERS + "/import-jobs/" + job + "/problems")
                .then().statusCode(200).body("items[0].row", equalTo(3)).body("items[0].problem", containsString("not-found"))
                .extract().asString();
        assertFalse(report2.contains(idNumber.substring(6, 14)), "the report repeats personal data");
        given().auth().oauth2(Tokens.national()).get("/api/v1/teams/" + sichuan + "/members").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].name", equalTo("李强"));
        given().auth().oauth2(Tokens.national()).get("/api/v1/teams/" + guangdong + "/members").then().body("total", equalTo(0));
    }

    @Test
    void aBadIdNumberIsReportedByFieldWithoutItsValue() {
        UUID team = Registry.activeTeam("510000", "MINING", Registry.unit("510000"));
        String code = given().auth().oauth2(Tokens.national()).get("/api/v1/teams/" + team).then().extract().path("code");
        String good = Registry.idNumber();
        String bad = good.substring(0, 17) + (good.charAt(17) == '1' ? '2' : '1');
        List<String> header = List.of("队伍编码", "姓名", "职务", "人才类型", "身份证号", "手机号码", "入队日期", "培训学时");
        String job = upload(Tokens.national(), MEMBERS, SheetFormat.CSV, file(SheetFormat.CSV, header,
                List.of(List.of(code, "王强", "RESCUER", "SKILLED_CRAFT", bad, "13912345678", "2019-03-01", "8"),
                        List.of(code, "赵刚", "COMMANDER", "SKILLED_CRAFT", good, "13912345679", "2031-03-01", "8"))), "?dryRun=true")
                .then().statusCode(202).extract().path("id");
        finished(Tokens.national(), MEMBERS, job).then().body("status", equalTo("COMPLETED")).body("problems", equalTo(2));
        String report = given().auth().oauth2(Tokens.national()).get(MEMBERS + "/import-jobs/" + job + "/problems")
                .then().statusCode(200).body("items.field", equalTo(List.of("idNumber", "joinedOn"))).extract().asString();
        assertFalse(report.contains(bad) || report.contains(bad.substring(6, 14)) || report.contains("13912345678"), report);
    }

    @Test
    void levelsOutOfScopeAreRefused() {
        byte[] csv = file(SheetFormat.CSV, UNIT_HEADER, List.of(unitRow("510000")));
        UUID unit = Registry.unit("510000");
        upload(Tokens.unit(unit), UNITS, SheetFormat.CSV, csv, "").then().statusCode(403)
                .body("type", equalTo("https://rescue-force.cn/problems/forbidden"));
        upload(Tokens.assessor(UUID.randomUUID()), MEMBERS, SheetFormat.CSV, csv, "").then().statusCode(403);
        upload(Tokens.service(), MEMBERS, SheetFormat.CSV, csv, "").then().statusCode(403);
        given().auth().oauth2(Tokens.assessor(UUID.randomUUID())).get(MEMBERS + "/export").then().statusCode(403);
        given().auth().oauth2(Tokens.mineSafety("510000")).get(UNITS + "/template").then().statusCode(403);
        given().get(UNITS + "/template").then().statusCode(401);
        given().auth().oauth2(Tokens.national()).contentType("application/json").body("{}").post(UNITS + "/import-jobs")
                .then().statusCode(415);
        // a job is its uploader's: another caller, even national, does not find it
        String id = upload(Tokens.provincial("510000"), UNITS, SheetFormat.CSV, csv, "?dryRun=true").then().statusCode(202)
                .extract().path("id");
        given().auth().oauth2(Tokens.provincial("440000")).get(UNITS + "/import-jobs/" + id).then().statusCode(404)
                .body("type", equalTo("https://rescue-force.cn/problems/not-found"));
        given().auth().oauth2(Tokens.national()).get(UNITS + "/import-jobs/" + id + "/problems").then().statusCode(404);
        given().auth().oauth2(Tokens.provincial("510000")).get(MEMBERS + "/import-jobs/" + id).then().statusCode(404);
        finished(Tokens.provincial("510000"), UNITS, id);
    }

    @Test
    void anUploadMayBeLargerThanAJsonBodyWhichStaysLimited() {
        // 2 MiB: above every JSON route's 1 MiB, within the upload's 20 MiB; its header is wrong, so it ends at once
        StringBuilder big = new StringBuilder("unknown column\n");
        while (big.length() < 2 * 1024 * 1024) {
            big.append("x".repeat(1000)).append('\n');
        }
        String id = given().auth().oauth2(Tokens.national()).contentType(SheetFormat.CSV_TYPE).body(big.toString().getBytes())
                .post(UNITS + "/import-jobs?dryRun=true").then().statusCode(202).extract().path("id");
        finished(Tokens.national(), UNITS, id).then().body("status", equalTo("REJECTED")).body("rowsApplied", equalTo(0));
        given().auth().oauth2(Tokens.national()).get(UNITS + "/import-jobs/" + id + "/problems").then()
                .body("items.row", everyItem(equalTo(1))).body("items.field", hasItem("name"));
        given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON)
                .body("{\"name\":\"" + "x".repeat(1024 * 1024) + "\"}").post("/api/v1/supporting-units")
                .then().statusCode(413).body("type", equalTo("https://rescue-force.cn/problems/payload-too-large"));
    }

    @Test
    void theTemplateHasBothLanguagesAndAnExportImportsAgain() {
        String template = given().auth().oauth2(Tokens.national()).get(UNITS + "/template").then().statusCode(200)
                .contentType(containsString("text/csv")).header("Content-Disposition", containsString("units-template.csv"))
                .extract().asString();
        assertTrue(template.contains("单位名称 / name,统一社会信用代码 / creditCode"), template);
        byte[] xlsxTemplate = given().auth().oauth2(Tokens.national()).queryParam("format", "xlsx").get(MEMBERS + "/template")
                .then().statusCode(200).extract().asByteArray();
        assertEquals(List.of("队伍编码 / teamCode", "姓名 / name", "职务 / role", "人才类型 / talentType", "身份证号 / idNumber",
                "手机号码 / phone", "入队日期 / joinedOn", "培训学时 / trainingHours"), read(SheetFormat.XLSX, xlsxTemplate).get(0));

        // three units of Xinjiang, imported by the national level in English headers, exported by the province
        List<List<String>> rows = List.of(unitRow("650000"), unitRow("650000"), unitRow("650000"));
        String id = upload(Tokens.national(), UNITS, SheetFormat.CSV, file(SheetFormat.CSV,
                List.of("name", "creditCode", "province", "address", "contactName", "contactPhone"), rows), "")
                .then().statusCode(202).extract().path("id");
        finished(Tokens.national(), UNITS, id).then().body("status", equalTo("COMPLETED")).body("rowsApplied", equalTo(3));
        byte[] export = given().auth().oauth2(Tokens.provincial("650000")).queryParam("format", "xlsx").get(UNITS + "/export")
                .then().statusCode(200).contentType(containsString("spreadsheetml")).extract().asByteArray();
        List<List<String>> exported = read(SheetFormat.XLSX, export);
        assertEquals(UNIT_HEADER, exported.get(0));
        for (List<String> row : rows) {
            assertTrue(exported.contains(row), "the export lacks " + row);
        }
        assertTrue(exported.stream().skip(1).allMatch(r -> r.get(2).equals("650000")), "another province in the export");
        // the export imports again: every row is read as the unit it is (already registered), no other problem
        String again = upload(Tokens.national(), UNITS, SheetFormat.XLSX, export, "?dryRun=true").then().statusCode(202)
                .extract().path("id");
        finished(Tokens.national(), UNITS, again).then().body("status", equalTo("COMPLETED"))
                .body("problems", equalTo(exported.size() - 1));
        given().auth().oauth2(Tokens.national()).queryParam("size", 200).get(UNITS + "/import-jobs/" + again + "/problems")
                .then().body("items.problem", everyItem(containsString("credit-code-taken")));
        // and as CSV, the same rows
        String csv = given().auth().oauth2(Tokens.provincial("650000")).get(UNITS + "/export").then().statusCode(200)
                .extract().asString();
        assertTrue(csv.contains(rows.get(0).get(1)) && csv.startsWith("\uFEFF单位名称 / name"), csv.substring(0, 80));
        String other = given().auth().oauth2(Tokens.provincial("440000")).get(UNITS + "/export").then().statusCode(200)
                .extract().asString();
        assertFalse(other.contains(rows.get(0).get(1)), "another province exports Xinjiang's unit");
    }

    @Test
    void aMemberExportMasksIdNumbers() {
        UUID unit = Registry.unit("510000");
        UUID team = Registry.activeTeam("510000", "MINING", unit);
        Registry.member(team, unit);
        String csv = given().auth().oauth2(Tokens.unit(unit)).get(MEMBERS + "/export").then().statusCode(200).extract().asString();
        List<List<String>> rows = read(SheetFormat.CSV, csv.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(2, rows.size(), csv);
        assertTrue(rows.get(1).get(4).contains("*"), rows.get(1).toString());
    }

    /**
     * A restart in the middle of a VALID_ROWS commit: the job row as the stopped instance left it (APPLYING, rows 2-3
     * committed with their checkpoint, its lease run out) is taken up by this instance's worker, which applies rows
     * 4-6 only: each row once, none reported as already registered.
     */
    @Test
    void aJobLeftByAStoppedInstanceIsResumedFromItsCheckpointAndAppliesEachRowOnce() throws SQLException {
        List<List<String>> rows = List.of(unitRow("620000"), unitRow("620000"), unitRow("620000"), unitRow("620000"),
                unitRow("620000"));
        byte[] csv = file(SheetFormat.CSV, UNIT_HEADER, rows);
        // what the stopped instance committed: rows 2 and 3 (the same operation as the worker's)
        for (List<String> row : rows.subList(0, 2)) {
            given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON)
                    .body(Map.of("name", row.get(0), "creditCode", row.get(1), "province", row.get(2), "address", row.get(3),
                            "contactName", row.get(4), "contactPhone", row.get(5)))
                    .post("/api/v1/supporting-units").then().statusCode(201);
        }
        int before = unitCount("620000");
        UUID id = UUID.randomUUID();
        try (Connection c = database.getConnection()) {
            try (PreparedStatement insert = c.prepareStatement("insert into bulk_job (id, kind, format, mode, dry_run, file_sha256,"
                    + " file_size, caller_sub, caller_level, status, checkpoint_row, total_rows, rows_valid, rows_applied,"
                    + " error_count, lease_owner, lease_until, created_at, updated_at) values (?, 'units', 'CSV', 'VALID_ROWS', false,"
                    + " ?, ?, 'national-center', 'NATIONAL', 'APPLYING', 3, 5, 5, 2, 0, ?, now() - interval '1 second', now(), now())")) {
                insert.setObject(1, id);
                insert.setString(2, sha256(csv));
                insert.setLong(3, csv.length);
                insert.setObject(4, UUID.randomUUID());
                insert.executeUpdate();
            }
            try (PreparedStatement file = c.prepareStatement("insert into bulk_job_file (job_id, content) values (?, ?)")) {
                file.setObject(1, id);
                file.setBytes(2, csv);
                file.executeUpdate();
            }
        }
        Response job = finishedAs(id, "national-center");
        assertEquals("COMPLETED", job.path("status"), job.asString());
        assertEquals(5, (Integer) job.path("rowsApplied"));
        assertEquals(0, (Integer) job.path("problems"));
        assertEquals(before + 3, unitCount("620000"));
        for (List<String> row : rows) {
            given().auth().oauth2(Tokens.national()).queryParam("q", row.get(1)).get("/api/v1/supporting-units")
                    .then().body("total", equalTo(1));
        }
        try (Connection c = database.getConnection();
             PreparedStatement left = c.prepareStatement("select count(*) from bulk_job_file where job_id = ?")) {
            left.setObject(1, id);
            try (ResultSet rs = left.executeQuery()) {
                rs.next();
                assertEquals(0, rs.getLong(1), "the file is deleted when the job ends");
            }
        }
    }

    /** The job as its row says (the test inserted it for the national token's subject), once it has ended. */
    private Response finishedAs(UUID id, String sub) throws SQLException {
        try (Connection c = database.getConnection(); PreparedStatement ps = c.prepareStatement("select caller_sub from bulk_job where id = ?")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertEquals(sub, rs.getString(1));
            }
        }
        return finished(Tokens.national(), UNITS, id.toString());
    }

    static List<List<String>> read(SheetFormat format, byte[] content) {
        List<List<String>> rows = new ArrayList<>();
        SheetReader.read(format, new ByteArrayInputStream(content), (number, cells) -> rows.add(cells.stream()
                .map(c -> c == null ? "" : c).toList()) || true);
        return rows;
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
