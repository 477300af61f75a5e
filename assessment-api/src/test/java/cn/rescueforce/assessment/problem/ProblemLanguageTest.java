package cn.rescueforce.assessment.problem;

import cn.rescueforce.assessment.support.Fixtures;
import cn.rescueforce.devkit.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

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
        inChinese(given().header("Accept-Language", "zh-CN").get("/api/v1/standards").then().statusCode(401))
                .body("type", equalTo("https://rescue-force.cn/problems/unauthorized")).body("title", equalTo("需要身份认证"));
        inEnglish(given().header("Accept-Language", "en").get("/api/v1/standards").then().statusCode(401))
                .body("type", equalTo("https://rescue-force.cn/problems/unauthorized")).body("title", equalTo("Authentication required"));
    }

    @Test
    void aMissingStandardIsA404InEitherLanguage() {
        UUID id = UUID.randomUUID();
        inChinese(given().auth().oauth2(Tokens.national()).header("Accept-Language", "zh-CN")
                .get("/api/v1/standards/" + id).then().statusCode(404))
                .body("type", equalTo("https://rescue-force.cn/problems/not-found"))
                .body("title", equalTo("未找到")).body("detail", equalTo("评估规范 " + id + " 不存在"));
        inEnglish(given().auth().oauth2(Tokens.national()).get("/api/v1/standards/" + id).then().statusCode(404))
                .body("type", equalTo("https://rescue-force.cn/problems/not-found"))
                .body("title", equalTo("Not found")).body("detail", equalTo("No standard " + id));
    }

    @Test
    void theServicesOwnRulesNameEachFieldInTheRequestsLanguage() {
        Map<String, Object> body = Fixtures.standardBody(Fixtures.freshStandardCode());
        body.put("thresholds", Map.of("grade1", 150, "grade2", 160, "grade3", 70));
        inChinese(given().auth().oauth2(Tokens.national()).header("Accept-Language", "zh-CN").contentType(ContentType.JSON).body(body)
                .post("/api/v1/standards").then().statusCode(400))
                .body("type", equalTo("https://rescue-force.cn/problems/validation"))
                .body("title", equalTo("请求无效")).body("detail", equalTo("2 个字段无效"))
                .body("errors", hasSize(2))
                .body("errors.find { it.field == 'thresholds' }.message", equalTo("必须递减：grade1 > grade2 > grade3"))
                .body("errors.find { it.field == 'thresholds.grade1' }.message", containsString("超过了可能的最高总分 100"));
        inEnglish(given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/standards").then().statusCode(400))
                .body("type", equalTo("https://rescue-force.cn/problems/validation")).body("detail", equalTo("2 fields are invalid"))
                .body("errors.find { it.field == 'thresholds' }.message", equalTo("must fall: grade1 > grade2 > grade3"))
                .body("errors.find { it.field == 'thresholds.grade1' }.message", containsString("exceeds the highest possible total 100"));
    }

    @Test
    void beanValidationMessagesFollowTheLanguageToo() {
        Map<String, Object> body = Fixtures.standardBody(Fixtures.freshStandardCode());
        body.put("title", "规".repeat(1000));
        inChinese(given().auth().oauth2(Tokens.national()).header("Accept-Language", "zh-CN").contentType(ContentType.JSON).body(body)
                .post("/api/v1/standards").then().statusCode(400))
                .body("errors[0].field", equalTo("title"))
                .body("errors[0].message", matchesPattern(HAN));
        inEnglish(given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/standards").then().statusCode(400))
                .body("errors[0].field", equalTo("title"))
                .body("errors[0].message", containsString("size must be between"));
    }
}
