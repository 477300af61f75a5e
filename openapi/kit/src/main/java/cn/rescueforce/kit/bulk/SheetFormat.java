package cn.rescueforce.kit.bulk;

import cn.rescueforce.kit.i18n.Text;
import cn.rescueforce.kit.problem.ProblemException;

/** The two formats a bulk file comes and goes in; the media types are the contract's. */
public enum SheetFormat {
    CSV("text/csv", "csv"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

    public static final String CSV_TYPE = "text/csv";
    public static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final String mediaType;
    private final String extension;

    SheetFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    /** The format of an upload's Content-Type (parameters such as charset ignored); 415 for anything else. */
    public static SheetFormat ofUpload(String contentType) {
        String base = contentType == null ? "" : contentType.split(";", 2)[0].trim();
        for (SheetFormat format : values()) {
            if (format.mediaType.equalsIgnoreCase(base)) {
                return format;
            }
        }
        throw new ProblemException(415, "unsupported-media-type", "Unsupported Media Type",
                Text.of("A bulk file is text/csv (UTF-8) or {0}", XLSX_TYPE), null);
    }

    /** The format a download asks for ({@code format} parameter, csv or xlsx; csv when absent). */
    public static SheetFormat ofDownload(String format) {
        if (format == null || format.isBlank() || format.equalsIgnoreCase("csv")) {
            return CSV;
        }
        if (format.equalsIgnoreCase("xlsx")) {
            return XLSX;
        }
        throw ProblemException.invalid("format", Text.of("must be csv or xlsx"));
    }
}
