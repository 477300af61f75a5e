package cn.rescueforce.kit.logging;

import io.quarkus.logging.LoggingFilter;
import org.jboss.logmanager.ExtLogRecord;

import java.util.logging.Filter;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;
import java.util.regex.Pattern;

/**
 * Keeps bearer tokens, and the claims of a rejected token, out of every log line at every level. quarkus-oidc
 * reports a token it rejects with the verifier's message ({@code OidcIdentityProvider}: "Token verification has
 * failed: %s" at DEBUG), and that message holds the whole token in its compact form (a bad signature, an unknown
 * key) or its decoded claims (expired, wrong audience, "JWT (claims->{...}) rejected"): a valid token of another
 * realm, names and e-mail addresses would reach the log. Every handler runs this filter (the kit's
 * microprofile-config.properties names it for the console, file, syslog and socket handlers); it rewrites the record,
 * message and exception chain alike, and never drops it.
 */
@LoggingFilter(name = SecretRedaction.NAME)
public final class SecretRedaction implements Filter {

    /** The name the handlers' {@code filter} settings use. */
    public static final String NAME = "redact-secrets";
    /** What stands in a log line where a token was. */
    public static final String TOKEN = "[token redacted]";
    /** What stands in a log line where a rejected token's claims were. */
    public static final String CLAIMS = "claims->[redacted]";

    // a JWS (header.payload.signature) or JWE (five parts) in compact form: its header is base64url JSON, so "eyJ";
    // every other part may be empty (an unsecured JWT has no signature), so any such shape is taken for a token
    private static final Pattern COMPACT_JWT = Pattern.compile(
            "eyJ[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]*(?:\\.[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]*)?");
    // jose4j's "JWT (claims->{...}) rejected due to invalid claims": the claims are JSON with nested braces
    private static final Pattern REJECTED_CLAIMS = Pattern.compile("claims->\\{.*\\}(?=\\) rejected)", Pattern.DOTALL);
    private static final SimpleFormatter JUL_FORMAT = new SimpleFormatter();

    /** The text with every token and every rejected token's claims replaced. */
    public static String redact(String text) {
        if (text == null) {
            return null;
        }
        String withoutClaims = REJECTED_CLAIMS.matcher(text).replaceAll(CLAIMS);
        return COMPACT_JWT.matcher(withoutClaims).replaceAll(TOKEN);
    }

    @Override
    public boolean isLoggable(LogRecord record) {
        String message = formatted(record);
        String redacted = redact(message);
        if (message != null && !message.equals(redacted)) {
            if (record instanceof ExtLogRecord ext) {
                ext.setMessage(redacted, ExtLogRecord.FormatStyle.NO_FORMAT);
            } else {
                record.setMessage(redacted);
            }
            record.setParameters(null);
        }
        Throwable thrown = record.getThrown();
        if (thrown != null && revealsSecret(thrown)) {
            record.setThrown(new Redacted(thrown));
        }
        return true;
    }

    private static String formatted(LogRecord record) {
        return record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : JUL_FORMAT.formatMessage(record);
    }

    private static boolean revealsSecret(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage();
            if (message != null && !message.equals(redact(message))) {
                return true;
            }
        }
        return false;
    }

    /**
     * An exception as the log shows it, without its secrets: the original class name, the redacted message, the
     * original stack trace, and the cause likewise.
     */
    static final class Redacted extends Throwable {

        private final String type;

        Redacted(Throwable original) {
            super(redact(original.getMessage()),
                    original.getCause() == null || original.getCause() == original ? null : new Redacted(original.getCause()),
                    false, true);
            this.type = original.getClass().getName();
            setStackTrace(original.getStackTrace());
        }

        @Override
        public String toString() {
            return getMessage() == null ? type : type + ": " + getMessage();
        }
    }
}
