package cn.rescueforce.kit.i18n;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextTest {

    @Test
    void rendersTheTemplateOfTheLanguageWithItsArguments() {
        // the kit's own catalogue (META-INF/rescue-force/texts-zh.txt) is on the class path
        Text text = ProblemTexts.notFound();
        assertEquals("No webhook subscription 42", text.render(Language.EN));
        assertEquals("Webhook 订阅 42 不存在", text.render(Language.ZH));
        assertEquals("No webhook subscription 42", text.english());
        assertEquals("No webhook subscription 42", text.toString());
    }

    @Test
    void argumentsStayAsTheyAre() {
        Text text = Text.of("must be between 1 and {0}", 200);
        assertEquals("必须在 1 到 200 之间", text.render(Language.ZH));
        // no MessageFormat: quotes and braces that are not placeholders are kept, numbers are not grouped
        assertEquals("this service publishes no event type 'x.y'; it publishes a.b, c.d",
                Text.of("this service publishes no event type '{0}'; it publishes {1}", "x.y", "a.b, c.d").english());
        assertEquals("{a} {9} 12345 {0}", Text.of("{a} {9} {0} {1}", 12345, "{0}").english());
        assertEquals("null", Text.of("{0}", (Object) null).english());
    }

    @Test
    void aTemplateWithoutChineseFallsBackToEnglish() {
        assertEquals("a message nobody translated 7", Text.of("a message nobody translated {0}", 7).render(Language.ZH));
    }

    @Test
    void equalTextsAreEqual() {
        assertEquals(Text.of("No {0} {1}", Text.of("change"), 1), Text.of("No {0} {1}", Text.of("change"), 1));
        assertNotEquals(Text.of("No {0} {1}", Text.of("change"), 1), Text.of("No {0} {1}", Text.of("change"), 2));
    }

    @Test
    void theCatalogueFormatIsPairsOfLines() throws IOException {
        Map<String, String> pairs = Texts.parse(new StringReader("""
                # a comment

                en: No {0} {1}
                zh: {0} {1} 不存在
                en: unknown field
                zh: 未知字段
                """), "test");
        assertEquals(Map.of("No {0} {1}", "{0} {1} 不存在", "unknown field", "未知字段"), pairs);
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> Texts.parse(new StringReader("en: a\nzh: 甲\nen: a\nzh: 乙\n"), "twice"));
        assertTrue(twice.getMessage().contains("twice:3"), twice.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Texts.parse(new StringReader("en: a\nen: b\n"), "no zh"));
        assertThrows(IllegalArgumentException.class, () -> Texts.parse(new StringReader("en: a\n"), "unfinished"));
        assertThrows(IllegalArgumentException.class, () -> Texts.parse(new StringReader("zh: 甲\n"), "no en"));
    }

    @Test
    void theKitsCatalogueIsOnTheClassPath() {
        assertTrue(Texts.chinese().size() > 50, "the kit's texts-zh.txt was not found: " + Texts.chinese().size());
    }

    /** A message as the kit's helpers build it. */
    private static final class ProblemTexts {
        static Text notFound() {
            return cn.rescueforce.kit.problem.ProblemException.notFound(Text.of("webhook subscription"), 42).detail();
        }
    }
}
