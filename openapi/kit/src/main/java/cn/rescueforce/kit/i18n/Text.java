package cn.rescueforce.kit.i18n;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A message a client reads — a problem's {@code detail}, a field error's {@code message} — written once in English as
 * a template with numbered arguments and rendered in the request's {@link Language}: {@code Text.of("No team {0}", id)}.
 * The Chinese template is found in the message catalogue by the English one ({@link Texts}: each module's
 * {@code META-INF/rescue-force/texts-zh.txt}). Arguments are identifiers (codes, ids, field names, enum values, numbers)
 * and stay as they are in both languages; an argument that is itself a {@code Text} (a noun: {@code Text.of("team")})
 * is rendered in the same language. {@code {n}} is replaced by argument n, nothing else is special (no
 * {@link java.text.MessageFormat} quoting or number formatting).
 *
 * <p>The template must be one string literal: the catalogue test (openapi {@code TextCatalogueTest}) reads every
 * {@code Text.of("…")} of the kit and the services and fails when one has no Chinese template.
 */
public final class Text {

    private final String template;
    private final Object[] args;

    private Text(String template, Object[] args) {
        this.template = Objects.requireNonNull(template, "template");
        this.args = args == null ? new Object[0] : args.clone();
    }

    /** A message: an English template (a string literal) with {0}, {1} … for its arguments. */
    public static Text of(String template, Object... args) {
        return new Text(template, args);
    }

    public String template() {
        return template;
    }

    public List<Object> args() {
        return Arrays.asList(args.clone());
    }

    /** The message in the language; a template the catalogue does not translate falls back to English. */
    public String render(Language language) {
        String pattern = language == Language.EN ? template : Texts.translation(template, language).orElse(template);
        return fill(pattern, language);
    }

    public String english() {
        return render(Language.EN);
    }

    private String fill(String pattern, Language language) {
        if (args.length == 0 || pattern.indexOf('{') < 0) {
            return pattern;
        }
        StringBuilder out = new StringBuilder(pattern.length() + 16 * args.length);
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            int close = c == '{' ? pattern.indexOf('}', i) : -1;
            if (close > i + 1 && isIndex(pattern, i + 1, close)) {
                int n = Integer.parseInt(pattern.substring(i + 1, close));
                if (n < args.length) {
                    Object arg = args[n];
                    out.append(arg instanceof Text text ? text.render(language) : String.valueOf(arg));
                    i = close + 1;
                    continue;
                }
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    private static boolean isIndex(String s, int from, int to) {
        if (to - from > 2) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Text other && template.equals(other.template) && Arrays.equals(args, other.args);
    }

    @Override
    public int hashCode() {
        return 31 * template.hashCode() + Arrays.hashCode(args);
    }

    /** The English message (logs, exception messages). */
    @Override
    public String toString() {
        return english();
    }
}
