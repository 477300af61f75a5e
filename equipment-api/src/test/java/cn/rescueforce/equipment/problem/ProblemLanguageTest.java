package cn.rescueforce.equipment.problem;

import cn.rescueforce.devkit.testing.Tokens;
import cn.rescueforce.equipment.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

/**
 * The same refused request answered in the language its Accept-Language prefers (common.yaml Problem): Chinese title,
 * detail and field messages for zh, English for en and without the header; type, status and field names the same.
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
        inChinese(given().header("Accept-Language", "zh-CN").get("/api/v1/depots").then().statusCode(401))
                .body("type", equalTo("https://rescue-force.cn/problems/unauthorized")).body("title", equalTo("需要身份认证"));
        inEnglish(given().get("/api/v1/depots").then().statusCode(401))
                .body("type", equalTo("https://rescue-force.cn/problems/unauthorized")).body("title", equalTo("Authentication required"));
    }

    @Test
    void aMissingEquipmentTypeIsA404InEitherLanguage() {
        inChinese(given().auth().oauth2(Tokens.national()).header("Accept-Language", "zh-TW, en;q=0.9")
                .get("/api/v1/equipment-types/NO-SUCH-TYPE").then().statusCode(404))
                .body("type", equalTo("https://rescue-force.cn/problems/not-found"))
                .body("title", equalTo("未找到")).body("detail", equalTo("装备类型 NO-SUCH-TYPE 不存在"));
        inEnglish(given().auth().oauth2(Tokens.national()).header("Accept-Language", "en;q=0.9, zh;q=0.8")
                .get("/api/v1/equipment-types/NO-SUCH-TYPE").then().statusCode(404))
                .body("type", equalTo("https://rescue-force.cn/problems/not-found"))
                .body("title", equalTo("Not found")).body("detail", equalTo("No equipment type NO-SUCH-TYPE"));
    }

    @Test
    void theServicesOwnRulesNameEachFieldInTheRequestsLanguage() {
        String code = Fixtures.equipmentType(null, null);
        Map<String, Object> body = Map.of("category", "OTHER", "title", "测试配备标准", "lines", List.of(
                Map.of("equipmentTypeCode", "NO-SUCH-TYPE", "minimumQuantity", 1),
                Map.of("equipmentTypeCode", code, "minimumQuantity", 1),
                Map.of("equipmentTypeCode", code, "minimumQuantity", 2)));
        inChinese(given().auth().oauth2(Tokens.national()).header("Accept-Language", "zh").contentType(ContentType.JSON).body(body)
                .post("/api/v1/standard-configurations").then().statusCode(400))
                .body("type", equalTo("https://rescue-force.cn/problems/validation"))
                .body("title", equalTo("请求无效")).body("detail", equalTo("2 个字段无效"))
                .body("errors", hasSize(2))
                .body("errors[0].field", equalTo("lines[0].equipmentTypeCode")).body("errors[0].message", equalTo("未知的装备类型 NO-SUCH-TYPE"))
                .body("errors[1].field", equalTo("lines[2].equipmentTypeCode")).body("errors[1].message", equalTo("装备类型 " + code + " 被列出了两次"));
        inEnglish(given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/standard-configurations").then().statusCode(400))
                .body("type", equalTo("https://rescue-force.cn/problems/validation")).body("detail", equalTo("2 fields are invalid"))
                .body("errors[0].message", equalTo("unknown equipment type NO-SUCH-TYPE"))
                .body("errors[1].message", equalTo("equipment type " + code + " is listed twice"));
    }

    @Test
    void beanValidationMessagesFollowTheLanguageToo() {
        String code = Fixtures.equipmentType(null, null);
        Map<String, Object> body = Map.of("category", "OTHER", "title", "测试配备标准",
                "lines", List.of(Map.of("equipmentTypeCode", code, "minimumQuantity", 100_001)));
        inChinese(given().auth().oauth2(Tokens.national()).header("Accept-Language", "zh-CN").contentType(ContentType.JSON).body(body)
                .post("/api/v1/standard-configurations").then().statusCode(400))
                .body("errors[0].field", equalTo("lines[0].minimumQuantity"))
                .body("errors[0].message", matchesPattern(HAN + "100000.*"));
        inEnglish(given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/standard-configurations").then().statusCode(400))
                .body("errors[0].field", equalTo("lines[0].minimumQuantity"))
                .body("errors[0].message", equalTo("must be less than or equal to 100000"));
    }
}
