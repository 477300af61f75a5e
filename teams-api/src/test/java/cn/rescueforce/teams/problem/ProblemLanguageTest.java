package cn.rescueforce.teams.problem;

import cn.rescueforce.devkit.testing.Tokens;
import cn.rescueforce.teams.support.Registry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/**
 * The same refused request answered in the language its Accept-Language prefers (common.yaml Problem, README "How the
 * API behaves"): Chinese title, detail and field messages for zh, English for en and without the header; the type,
 * status and field names the same in both; Content-Language names the language, Vary: Accept-Language.
 */
@QuarkusTest
class ProblemLanguageTest {

    private static final String HAN = ".*\\p{IsHan}.*";

    private static ValidatableResponse inChinese(ValidatableResponse answer) {
        return answer.contentType("application/problem+json").header("Content-Language", "zh-CN")
                .header("Vary", containsString("Accept-Language"));
    }

    private static ValidatableResponse inEnglish(ValidatableResponse answer) {
        return answer.contentType("application/problem+json").header("Content-Language", "en")
                .header("Vary", containsString("Accept-Language"))
                .body("title", not(matchesPattern(HAN))).body("detail", not(matchesPattern(HAN)));
    }

    @Test
    void withoutATokenThe401IsInTheRequestsLanguage() {
        inChinese(given().header("Accept-Language", "zh-CN").get("/api/v1/teams").then().statusCode(401))
                .body("type", equalTo("https://rescue-force.cn/problems/unauthorized"))
                .body("title", equalTo("需要身份认证"))
                .body("detail", equalTo("需要有效的 Bearer 令牌，且其声明须与其管理层级相符"));
        inEnglish(given().header("Accept-Language", "en").get("/api/v1/teams").then().statusCode(401))
                .body("type", equalTo("https://rescue-force.cn/problems/unauthorized"))
                .body("title", equalTo("Authentication required"));
        inEnglish(given().get("/api/v1/teams").then().statusCode(401))
                .body("title", equalTo("Authentication required"))
                .body("detail", equalTo("A valid bearer token whose claims fit its management level is required"));
    }

    @Test
    void aMissingTeamIsA404InEitherLanguage() {
        UUID id = UUID.randomUUID();
        inChinese(given().auth().oauth2(Tokens.national()).header("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.8")
                .get("/api/v1/teams/" + id).then().statusCode(404))
                .body("type", equalTo("https://rescue-force.cn/problems/not-found"))
                .body("title", equalTo("未找到"))
                .body("detail", equalTo("救援队伍 " + id + " 不存在"));
        inEnglish(given().auth().oauth2(Tokens.national()).get("/api/v1/teams/" + id).then().statusCode(404))
                .body("type", equalTo("https://rescue-force.cn/problems/not-found"))
                .body("title", equalTo("Not found"))
                .body("detail", equalTo("No team " + id));
        // a path that does not exist: the framework's 404, in the same shape and language
        inChinese(given().auth().oauth2(Tokens.national()).header("Accept-Language", "zh")
                .get("/api/v1/no-such-thing").then().statusCode(404))
                .body("type", equalTo("https://rescue-force.cn/problems/not-found"))
                .body("title", equalTo("未找到")).body("detail", equalTo("不存在该路径"));
    }

    @Test
    void qValuesDecide() {
        UUID id = UUID.randomUUID();
        inEnglish(given().auth().oauth2(Tokens.national()).header("Accept-Language", "en;q=0.9, zh;q=0.8")
                .get("/api/v1/teams/" + id).then().statusCode(404)).body("detail", equalTo("No team " + id));
        inChinese(given().auth().oauth2(Tokens.national()).header("Accept-Language", "en;q=0.5, zh-TW;q=0.8")
                .get("/api/v1/teams/" + id).then().statusCode(404)).body("detail", equalTo("救援队伍 " + id + " 不存在"));
        inChinese(given().auth().oauth2(Tokens.national()).header("Accept-Language", "zh-Hans")
                .get("/api/v1/teams/" + id).then().statusCode(404)).body("title", equalTo("未找到"));
        inEnglish(given().auth().oauth2(Tokens.national()).header("Accept-Language", "fr-FR")
                .get("/api/v1/teams/" + id).then().statusCode(404)).body("title", equalTo("Not found"));
    }

    @Test
    void theServicesOwnRulesNameEachFieldInTheRequestsLanguage() {
        Map<String, Object> body = new HashMap<>(Registry.unitBody("510000"));
        body.put("creditCode", "91510000IA6123456P");
        body.put("province", "690000");
        String token = Tokens.national();
        inChinese(given().auth().oauth2(token).header("Accept-Language", "zh-CN").contentType(ContentType.JSON).body(body)
                .post("/api/v1/supporting-units").then().statusCode(400))
                .body("type", equalTo("https://rescue-force.cn/problems/validation"))
                .body("title", equalTo("请求无效"))
                .body("detail", equalTo("2 个字段无效"))
                .body("errors", hasSize(2))
                .body("errors.find { it.field == 'creditCode' }.message", equalTo("第 9 个字符（'I'）不允许出现在统一社会信用代码中"))
                .body("errors.find { it.field == 'province' }.message", equalTo("未知的省份代码 690000"));
        inEnglish(given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/api/v1/supporting-units").then().statusCode(400))
                .body("type", equalTo("https://rescue-force.cn/problems/validation"))
                .body("detail", equalTo("2 fields are invalid"))
                .body("errors.find { it.field == 'creditCode' }.message", equalTo("character 9 ('I') is not allowed in a credit code"))
                .body("errors.find { it.field == 'province' }.message", equalTo("unknown province code 690000"));
    }

    @Test
    void beanValidationMessagesFollowTheLanguageToo() {
        Map<String, Object> body = new HashMap<>(Registry.unitBody("510000"));
        body.put("name", "队".repeat(201));
        body.put("contactPhone", "call me");
        String token = Tokens.national();
        inChinese(given().auth().oauth2(token).header("Accept-Language", "zh-CN").contentType(ContentType.JSON).body(body)
                .post("/api/v1/supporting-units").then().statusCode(400))
                .body("type", equalTo("https://rescue-force.cn/problems/validation"))
                .body("errors.field", equalTo(List.of("contactPhone", "name")))
                .body("errors[0].message", matchesPattern(HAN))
                .body("errors[1].message", matchesPattern(HAN + "200.*"));
        inEnglish(given().auth().oauth2(token).header("Accept-Language", "en-GB").contentType(ContentType.JSON).body(body)
                .post("/api/v1/supporting-units").then().statusCode(400))
                .body("errors.field", equalTo(List.of("contactPhone", "name")))
                .body("errors[0].message", containsString("must match"))
                .body("errors[1].message", equalTo("size must be between 1 and 200"));
    }

    @Test
    void aForbiddenActionSaysWhoMayInTheRequestsLanguage() {
        UUID unit = Registry.unit("510000");
        UUID team = Registry.team("510000", "MINING", unit);
        inChinese(given().auth().oauth2(Tokens.provincial("510000")).header("Accept-Language", "zh-CN")
                .contentType(ContentType.JSON).body(Map.of("reason", "验收合格"))
                .post("/api/v1/teams/" + team + "/designation").then().statusCode(403))
                .body("type", equalTo("https://rescue-force.cn/problems/forbidden"))
                .body("title", equalTo("此管理层级无权操作"))
                .body("detail", equalTo("层级 PROVINCIAL 无权认定纳入救援队伍（允许的层级：NATIONAL）"))
                .body("errors", nullValue());
        inEnglish(given().auth().oauth2(Tokens.provincial("510000"))
                .contentType(ContentType.JSON).body(Map.of("reason", "验收合格"))
                .post("/api/v1/teams/" + team + "/designation").then().statusCode(403))
                .body("detail", equalTo("Level PROVINCIAL may not designate teams (allowed: NATIONAL)"));
    }

    @Test
    void aBodyAboveTheLimitIsRefusedInTheRequestsLanguage() {
        inChinese(given().auth().oauth2(Tokens.national()).header("Accept-Language", "zh-CN").contentType(ContentType.JSON)
                .body("{\"name\":\"" + "x".repeat(1_100_000) + "\"}")
                .post("/api/v1/supporting-units").then().statusCode(413))
                .body("type", equalTo("https://rescue-force.cn/problems/payload-too-large"))
                .body("title", equalTo("请求体过大"))
                .body("detail", equalTo("请求体最多 1048576 字节"));
    }
}
