package cn.rescueforce.teams.support;

import cn.rescueforce.devkit.testing.Tokens;
import cn.rescueforce.teams.member.IdNumber;
import cn.rescueforce.teams.unit.CreditCode;
import io.restassured.http.ContentType;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;

/** Builds registry data through the API, as a national or provincial user would. */
public final class Registry {

    private static final AtomicInteger SEQUENCE = new AtomicInteger((int) (System.nanoTime() % 100000));

    private Registry() {
    }

    /** A fresh, valid unified social credit code for the province. */
    public static String creditCode(String province) {
        String body = "91" + province + String.format("MA%07d", SEQUENCE.incrementAndGet());
        return body + CreditCode.checkCharacter(body);
    }

    /** A fresh, valid resident ID number (GB 11643). */
    public static String idNumber() {
        String body = String.format("510115198%01d%02d%02d%03d", SEQUENCE.get() % 10, 1 + SEQUENCE.get() % 12, 1 + SEQUENCE.get() % 28,
                SEQUENCE.incrementAndGet() % 1000);
        return body + IdNumber.checkDigit(body);
    }

    public static Map<String, Object> unitBody(String province) {
        return Map.of("name", "测试煤业集团有限公司" + SEQUENCE.incrementAndGet(), "creditCode", creditCode(province),
                "province", province, "address", "测试地址", "contactName", "王建国", "contactPhone", "028-86001234");
    }

    public static UUID unit(String province) {
        return UUID.fromString(given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON)
                .body(unitBody(province))
                .post("/api/v1/supporting-units").then().statusCode(201).extract().path("id"));
    }

    public static Map<String, Object> teamBody(String province, String category, UUID unitId) {
        return Map.of("code", "T-" + province + "-" + SEQUENCE.incrementAndGet(), "name", "国家矿山应急救援测试队" + SEQUENCE.get(),
                "category", category, "specialties", java.util.List.of("MINE_FIRE"), "province", province,
                "supportingUnitId", unitId.toString(), "baseLocation", Map.of("lat", 30.66, "lon", 104.06),
                "baseAddress", "测试基地", "baseCity", "成都市", "dutyPhone", "028-12345678");
    }

    public static UUID team(String province, String category, UUID unitId) {
        return UUID.fromString(given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON)
                .body(teamBody(province, category, unitId))
                .post("/api/v1/teams").then().statusCode(201).extract().path("id"));
    }

    public static UUID activeTeam(String province, String category, UUID unitId) {
        UUID team = team(province, category, unitId);
        given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON).body(Map.of("reason", "验收合格"))
                .post("/api/v1/teams/" + team + "/designation").then().statusCode(200);
        return team;
    }

    /** A rescuer of the team with 120 training hours, added by the team's unit; answers the member's id. */
    public static String member(UUID team, UUID unit) {
        return given().auth().oauth2(Tokens.unit(unit)).contentType(ContentType.JSON)
                .body(Map.of("name", "张伟", "role", "RESCUER", "talentType", "SKILLED_CRAFT", "idNumber", idNumber(),
                        "joinedOn", "2018-07-01", "trainingHours", 120))
                .post("/api/v1/teams/" + team + "/members").then().statusCode(201).extract().path("id");
    }
}
