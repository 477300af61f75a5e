package cn.rescueforce.kit.bulk;

/**
 * One column of a bulk file: its key (the API field it fills, named in the per-row report), its Chinese and English
 * headers, and whether its values are personal data (a problem with such a value is reported without the value).
 */
public record Column(String key, String zh, String en, boolean required, boolean personal) {

    public static Column required(String key, String zh) {
        return new Column(key, zh, key, true, false);
    }

    public static Column optional(String key, String zh) {
        return new Column(key, zh, key, false, false);
    }

    /** Personal data (an ID number, a phone): never repeated in a report, masked in an export as the read API does. */
    public Column personalData() {
        return new Column(key, zh, en, required, true);
    }

    /** The template's header cell: both languages, e.g. {@code 单位名称 / name}. */
    public String header() {
        return zh + " / " + en;
    }

    /** Whether an uploaded header cell names this column: {@code 中文 / english}, the Chinese alone or the English alone. */
    public boolean isNamedBy(String cell) {
        String text = cell == null ? "" : cell.strip();
        return text.equals(zh) || text.equalsIgnoreCase(en) || normalized(text).equalsIgnoreCase(normalized(header()));
    }

    private static String normalized(String text) {
        return text.replaceAll("\\s+", "");
    }
}
