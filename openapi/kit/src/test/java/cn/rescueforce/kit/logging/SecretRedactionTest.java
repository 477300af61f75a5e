package cn.rescueforce.kit.logging;

import cn.rescueforce.devkit.DevToken;
import org.jboss.logmanager.ExtLogRecord;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** The redaction on the messages jose4j gives quarkus-oidc for the tokens it rejects. */
class SecretRedactionTest {

    private static PublicKey anotherKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair().getPublic();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The exception quarkus-oidc logs when a token's signature does not verify with the key it trusts. */
    private static InvalidJwtException badSignature(String token) {
        try {
            new JwtConsumerBuilder().setVerificationKey(anotherKey()).setSkipDefaultAudienceValidation().build().process(token);
        } catch (InvalidJwtException e) {
            return e;
        }
        throw new AssertionError("a token signed with another key was accepted");
    }

    /** The exception for a well-signed token whose claims are refused (here: expired). */
    private static InvalidJwtException refusedClaims(String token) {
        try {
            new JwtConsumerBuilder().setSkipSignatureVerification().setRequireExpirationTime()
                    .setSkipDefaultAudienceValidation().build().process(token);
        } catch (InvalidJwtException e) {
            return e;
        }
        throw new AssertionError("an expired token was accepted");
    }

    private static ExtLogRecord record(String format, Object... parameters) {
        ExtLogRecord record = new ExtLogRecord(Level.FINE, format, ExtLogRecord.FormatStyle.PRINTF, SecretRedactionTest.class.getName());
        record.setParameters(parameters);
        return record;
    }

    @Test
    void aTokenInTheVerifiersMessageIsReplaced() {
        String token = DevToken.level("national").subject("someone").signedWithForeignKey().sign();
        InvalidJwtException failure = badSignature(token);
        assertTrue(failure.getMessage().contains(token), "the premise: jose4j's message holds the whole token");

        ExtLogRecord record = record("Token verification has failed: %s", failure.getMessage());
        assertTrue(new SecretRedaction().isLoggable(record));
        assertFalse(record.getFormattedMessage().contains(token));
        assertFalse(record.getFormattedMessage().contains(token.split("\\.")[2]), "not even the signature is left");
        assertTrue(record.getFormattedMessage().startsWith("Token verification has failed: "));
        assertTrue(record.getFormattedMessage().contains(SecretRedaction.TOKEN));
    }

    @Test
    void theClaimsOfARefusedTokenAreReplaced() {
        String token = DevToken.level("unit").subject("zhang.san@example.cn").org("4b3c2d1e-0000-4000-8000-000000000001")
                .claim("name", "张三").expired(Duration.ofHours(1)).sign();
        InvalidJwtException failure = refusedClaims(token);
        assertTrue(failure.getMessage().contains("zhang.san@example.cn"), "the premise: jose4j's message holds the claims");

        String redacted = SecretRedaction.redact(failure.getMessage());
        assertFalse(redacted.contains("zhang.san@example.cn"));
        assertFalse(redacted.contains("张三"));
        assertFalse(redacted.contains("4b3c2d1e-0000-4000-8000-000000000001"));
        // what was wrong stays readable
        assertTrue(redacted.contains("no longer valid"), redacted);
    }

    @Test
    void anExceptionChainIsLoggedWithoutTheToken() {
        String token = DevToken.level("national").signedWithForeignKey().sign();
        LogRecord record = new LogRecord(Level.WARNING, "authentication failed");
        record.setThrown(new IllegalStateException("wrapped", badSignature(token)));
        new SecretRedaction().isLoggable(record);

        StringWriter trace = new StringWriter();
        record.getThrown().printStackTrace(new PrintWriter(trace));
        assertFalse(trace.toString().contains(token));
        assertTrue(trace.toString().contains("java.lang.IllegalStateException: wrapped"));
        assertTrue(trace.toString().contains("Caused by: org.jose4j.jwt.consumer.InvalidJwtSignatureException: JWT rejected due to invalid signature"), trace.toString());
        assertInstanceOf(SecretRedaction.Redacted.class, record.getThrown());
    }

    @Test
    void aRecordWithoutSecretsIsLeftAsItWas() {
        ExtLogRecord record = record("team %s registered by %s", "2c1f", "national");
        assertTrue(new SecretRedaction().isLoggable(record));
        assertEquals("team %s registered by %s", record.getMessage());
        assertEquals("team 2c1f registered by national", record.getFormattedMessage());
        // a JWT needs its three parts: a lone base64url word that happens to start with eyJ is no token
        assertEquals("eyJhbGciOi alone", SecretRedaction.redact("eyJhbGciOi alone"));
        if (SecretRedaction.redact(null) != null) {
            fail("null stays null");
        }
    }
}
