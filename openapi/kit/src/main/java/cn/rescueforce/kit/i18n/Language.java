package cn.rescueforce.kit.i18n;

import jakarta.ws.rs.core.HttpHeaders;

import java.util.Locale;

/**
 * The two languages the services answer errors in (README "How the API behaves", common.yaml {@code Problem}): Chinese
 * when the request's {@code Accept-Language} prefers it, English otherwise and when the header is absent.
 */
public enum Language {

    EN("en", Locale.ENGLISH),
    ZH("zh-CN", Locale.SIMPLIFIED_CHINESE);

    /** The header a problem answer names its language in, and the one it varies by. */
    public static final String CONTENT_LANGUAGE = "Content-Language";
    public static final String ACCEPT_LANGUAGE = "Accept-Language";

    private final String tag;
    private final Locale locale;

    Language(String tag, Locale locale) {
        this.tag = tag;
        this.locale = locale;
    }

    /** The language tag answered in {@code Content-Language}: {@code en} or {@code zh-CN}. */
    public String tag() {
        return tag;
    }

    public Locale locale() {
        return locale;
    }

    /** The language of a request, from its headers (none: English). */
    public static Language of(HttpHeaders headers) {
        return headers == null ? EN : negotiate(headers.getHeaderString(ACCEPT_LANGUAGE));
    }

    /**
     * The language an {@code Accept-Language} value (RFC 9110 §12.5.4) prefers: every range whose primary subtag is
     * {@code zh} (zh, zh-CN, zh-Hans, zh-TW, zh-HK …) counts for Chinese, {@code en…} for English ({@code *} and other
     * languages for neither); the language with the highest q-value wins, a tie goes to the range listed first, and {@code q=0} refuses
     * the range. No header, nothing recognisable, or only {@code *}: English.
     */
    public static Language negotiate(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return EN;
        }
        double bestEn = -1;
        double bestZh = -1;
        int firstEn = Integer.MAX_VALUE;
        int firstZh = Integer.MAX_VALUE;
        String[] ranges = acceptLanguage.split(",");
        for (int i = 0; i < ranges.length && i < 50; i++) {
            String[] parts = ranges[i].split(";");
            String range = parts[0].trim().toLowerCase(Locale.ROOT);
            double q = 1;
            for (int p = 1; p < parts.length; p++) {
                String parameter = parts[p].trim().toLowerCase(Locale.ROOT);
                if (parameter.startsWith("q=")) {
                    q = quality(parameter.substring(2).trim());
                }
            }
            if (q <= 0 || range.isEmpty()) {
                continue;
            }
            String primary = range.split("-", 2)[0];
            if (primary.equals("zh") && q > bestZh) {
                bestZh = q;
                firstZh = i;
            } else if (primary.equals("en") && q > bestEn) {
                bestEn = q;
                firstEn = i;
            }
        }
        if (bestZh < 0) {
            return EN;
        }
        if (bestZh > bestEn) {
            return ZH;
        }
        return bestZh == bestEn && firstZh < firstEn ? ZH : EN;
    }

    /** A q-value (0 to 1, at most three decimals); a malformed one counts as 0, which refuses the range. */
    private static double quality(String value) {
        try {
            double q = Double.parseDouble(value);
            return q >= 0 && q <= 1 ? q : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
