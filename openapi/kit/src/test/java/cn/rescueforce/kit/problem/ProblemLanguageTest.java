package cn.rescueforce.kit.problem;

import cn.rescueforce.kit.i18n.Language;
import cn.rescueforce.kit.i18n.Text;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A problem in the two languages: the same type and status, title, detail and field messages translated. */
class ProblemLanguageTest {

    /** Every type the kit itself answers (the services' own: their HTTP tests and ProblemCatalogueTest). */
    private static final List<String> KIT_TYPES = List.of("validation", "unauthorized", "forbidden", "not-found",
            "method-not-allowed", "not-acceptable", "unsupported-media-type", "invalid-transition", "invalid-cursor",
            "cursor-expired", "webhook-target-refused", "webhook-subscription-limit", "message-not-parked",
            "precondition-failed", "payload-too-large", "idempotency-key-reused", "idempotency-key-required",
            "precondition-required", "too-many-requests", "internal", "dependency-unavailable", "database-unavailable",
            "conflict");

    @Test
    void aValidationProblemInChineseAndEnglish() {
        ProblemException problem = ProblemException.invalid(List.of(
                new Problem.FieldError("size", Text.of("must be between 1 and {0}", 200)),
                new Problem.FieldError("sort", Text.of("direction must be asc or desc"))));

        Problem zh = problem.render("/api/v1/teams", Language.ZH);
        Problem en = problem.render("/api/v1/teams", Language.EN);

        assertEquals(en.type(), zh.type());
        assertEquals(400, zh.status());
        assertEquals("Request is invalid", en.title());
        assertEquals("请求无效", zh.title());
        assertEquals("2 fields are invalid", en.detail());
        assertEquals("2 个字段无效", zh.detail());
        assertEquals(List.of(new Problem.FieldMessage("size", "必须在 1 到 200 之间"),
                new Problem.FieldMessage("sort", "排序方向必须是 asc 或 desc")), zh.errors());
        assertEquals(List.of(new Problem.FieldMessage("size", "must be between 1 and 200"),
                new Problem.FieldMessage("sort", "direction must be asc or desc")), en.errors());
    }

    @Test
    void theResponseNamesItsLanguageAndVariesByAcceptLanguage() {
        Response response = ProblemResponses.of(ProblemException.notFound(Text.of("change"), "c-1"), "/api/v1/changes", Language.ZH);
        assertEquals(404, response.getStatus());
        assertEquals("zh-CN", response.getHeaderString("Content-Language"));
        assertEquals("Accept-Language", response.getHeaderString("Vary"));
        Problem body = (Problem) response.getEntity();
        assertEquals("未找到", body.title());
        assertEquals("变更 c-1 不存在", body.detail());
        assertEquals("en", ProblemResponses.of(ProblemException.preconditionRequired(), null, Language.EN).getHeaderString("Content-Language"));
    }

    @Test
    void everyTypeTheKitAnswersHasAChineseTitleFromTheCatalogue() {
        Map<String, String> titles = ProblemTitles.chinese();
        assertTrue(titles.size() >= KIT_TYPES.size(), "the kit's copy of common.yaml has hardly any titleZh: " + titles);
        for (String type : KIT_TYPES) {
            String zh = ProblemTitles.of(Problem.TYPE_BASE + type, "English", Language.ZH);
            assertTrue(zh.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN),
                    type + " has no Chinese title in the catalogue: " + zh);
            assertEquals("English", ProblemTitles.of(Problem.TYPE_BASE + type, "English", Language.EN));
        }
        assertEquals("Unknown", ProblemTitles.of("no-such-type", "Unknown", Language.ZH));
    }

    @Test
    void theCatalogueIsReadEntryByEntry() throws IOException {
        Map<String, String> titles = ProblemTitles.parse(new StringReader("""
                components:
                  schemas:
                    Problem:
                      properties:
                        type:
                          x-problem-catalogue:
                            validation:
                              title: Request is invalid
                              titleZh: 请求无效
                              status: 400
                            not-found:
                              title: Not found
                              titleZh: '未找到'
                              status: 404
                          examples: ['x']
                        titleZh: 不是目录
                """));
        assertEquals(Map.of("validation", "请求无效", "not-found", "未找到"), titles);
    }
}
