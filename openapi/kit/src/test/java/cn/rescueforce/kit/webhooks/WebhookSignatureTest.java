package cn.rescueforce.kit.webhooks;

import org.junit.jupiter.api.Test;

import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Standard Webhooks signature; the expected value was computed independently (Python's hmac and base64 over
 * {@code msg_id.timestamp.body}).
 */
class WebhookSignatureTest {

    @Test
    void theSignatureIsTheStandardOne() {
        assertEquals("v1,IkAS9eJnywweZU/Tf7Hwyp1hRWmnFPTkRZhZZ6l6tUg=",
                WebhookSignature.sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw3eY8bPZ3e4c=", "msg_p5jXN8AQM9LWM0D4loKWxJek",
                        1614265330L, "{\"test\": 2432232314}"));
    }

    @Test
    void aSecretIsThirtyTwoRandomBytes() {
        String secret = WebhookSignature.newSecret();
        assertTrue(secret.startsWith("whsec_"));
        assertEquals(32, Base64.getDecoder().decode(secret.substring(6)).length);
        assertNotEquals(secret, WebhookSignature.newSecret());
    }
}
