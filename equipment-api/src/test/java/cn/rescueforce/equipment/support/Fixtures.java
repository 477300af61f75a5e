package cn.rescueforce.equipment.support;

import cn.rescueforce.devkit.testing.Tokens;
import io.restassured.http.ContentType;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;

/** Builds equipment-api data through its API, as the levels that own it would. */
public final class Fixtures {

    public static final String PROBLEMS = "https://rescue-force.cn/problems/";
    private static final AtomicInteger SEQUENCE = new AtomicInteger((int) (System.nanoTime() % 100000));

    private Fixtures() {
    }

    public static int next() {
        return SEQUENCE.incrementAndGet();
    }

    /** A fresh catalog type (code returned) with the given inspection interval and service life. */
    public static String equipmentType(Integer inspectionIntervalDays, Integer serviceLifeMonths) {
        String code = "TEST-" + next();
        Map<String, Object> body = new HashMap<>(Map.of("code", code, "name", "测试装备" + code, "group", "RESCUE_TOOLS", "unit", "台"));
        if (inspectionIntervalDays != null) {
            body.put("inspectionIntervalDays", inspectionIntervalDays);
        }
        if (serviceLifeMonths != null) {
            body.put("serviceLifeMonths", serviceLifeMonths);
        }
        given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/equipment-types").then().statusCode(201);
        return code;
    }

    /** Publishes the next configuration of the category: type code → minimum quantity. */
    public static String configuration(String category, Map<String, Integer> minimums) {
        List<Map<String, Object>> lines = minimums.entrySet().stream()
                .map(e -> Map.<String, Object>of("equipmentTypeCode", e.getKey(), "minimumQuantity", e.getValue())).toList();
        return given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON)
                .body(Map.of("category", category, "title", "测试配备标准", "lines", lines))
                .post("/api/v1/standard-configurations").then().statusCode(201).extract().path("id");
    }

    public static Map<String, Object> itemBody(String typeCode, String acquiredOn) {
        return new HashMap<>(Map.of("equipmentTypeCode", typeCode, "serialNumber", "SN-" + next(), "acquiredOn", acquiredOn));
    }

    public static String item(Teams.Team team, Map<String, Object> body) {
        return given().auth().oauth2(Tokens.unit(team.unitId())).contentType(ContentType.JSON).body(body)
                .post("/api/v1/teams/" + team.id() + "/equipment").then().statusCode(201).extract().path("id");
    }

    public static Map<String, Object> depotBody(String ownerLevel, String province, UUID unitId) {
        Map<String, Object> body = new HashMap<>(Map.of("name", "应急物资储备库" + next(), "ownerLevel", ownerLevel,
                "location", Map.of("lat", 30.66, "lon", 104.06), "address", "测试地址"));
        if (province != null) {
            body.put("province", province);
        }
        if (unitId != null) {
            body.put("unitId", unitId.toString());
        }
        return body;
    }

    public static UUID nationalDepot() {
        return depot(Tokens.national(), depotBody("NATIONAL", null, null));
    }

    public static UUID provincialDepot(String province) {
        return depot(Tokens.provincial(province), depotBody("PROVINCIAL", province, null));
    }

    public static UUID unitDepot(String province, UUID unitId) {
        return depot(Tokens.unit(unitId), depotBody("UNIT", province, unitId));
    }

    private static UUID depot(String token, Map<String, Object> body) {
        return UUID.fromString(given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/api/v1/depots").then().statusCode(201).extract().path("id"));
    }

    /** A stock line received by the depot's owner (token). */
    public static UUID stock(String ownerToken, UUID depotId, int quantity, int minimumLevel, String expiresOn) {
        Map<String, Object> body = new HashMap<>(Map.of("material", "正压氧气呼吸器氧气瓶", "batch", "O2-" + next(),
                "quantity", quantity, "unit", "个", "minimumLevel", minimumLevel));
        if (expiresOn != null) {
            body.put("expiresOn", expiresOn);
        }
        return UUID.fromString(given().auth().oauth2(ownerToken).contentType(ContentType.JSON).body(body)
                .post("/api/v1/depots/" + depotId + "/stock").then().statusCode(201).extract().path("id"));
    }

    public static Map<String, Object> callUpBody(UUID depotId, UUID teamId, UUID stockLineId, int quantity) {
        return Map.of("depotId", depotId.toString(), "teamId", teamId.toString(), "purpose", "透水事故抢险",
                "lines", List.of(Map.of("stockLineId", stockLineId.toString(), "quantity", quantity)));
    }

    public static UUID callUp(String token, UUID depotId, UUID teamId, UUID stockLineId, int quantity) {
        return UUID.fromString(given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(callUpBody(depotId, teamId, stockLineId, quantity))
                .post("/api/v1/call-ups").then().statusCode(201).extract().path("id"));
    }
}
