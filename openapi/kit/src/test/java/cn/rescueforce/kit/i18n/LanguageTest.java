package cn.rescueforce.kit.i18n;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LanguageTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "zh                                   | ZH",
            "zh-CN                                | ZH",
            "ZH-cn                                | ZH",
            "zh-Hans                              | ZH",
            "zh-Hans-CN                           | ZH",
            "zh-TW                                | ZH",
            "zh-HK,en;q=0.5                       | ZH",
            "en                                   | EN",
            "en-US                                | EN",
            "en;q=0.9, zh;q=0.8                   | EN",
            "zh;q=0.8, en;q=0.9                   | EN",
            "en;q=0.8, zh-CN;q=0.9                | ZH",
            "fr, zh;q=0.5                         | ZH",
            "fr, de                               | EN",
            "*                                    | EN",
            "zh;q=0, en;q=0.1                     | EN",
            "zh;q=0                               | EN",
            "zh, en                               | ZH",
            "en, zh                               | EN",
            "en;q=0.5, zh;q=0.5                   | EN",
            "zh;q=0.5, en;q=0.5                   | ZH",
            "zh;q=abc                             | EN",
            "zh;q=2                               | EN",
            "' , ;q=1, zh-CN'                     | ZH",
            "zhx                                  | EN",
            "zh-CN;q=0.9;foo=bar                  | ZH",
    })
    void prefersWhatTheHeaderPrefers(String header, Language expected) {
        assertEquals(expected, Language.negotiate(header), header);
    }

    @ParameterizedTest
    @NullAndEmptySource
    void noHeaderIsEnglish(String header) {
        assertEquals(Language.EN, Language.negotiate(header));
    }

    @org.junit.jupiter.api.Test
    void theAnswerNamesItsLanguage() {
        assertEquals("zh-CN", Language.ZH.tag());
        assertEquals("en", Language.EN.tag());
        assertEquals(Language.EN, Language.of(null));
    }
}
