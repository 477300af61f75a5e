package cn.rescueforce.devkit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenEndpointTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private TokenEndpoint endpoint;

    @BeforeEach
    void start() throws Exception {
        endpoint = TokenEndpoint.start(0, Map.of("equipment-api", "s3cret"), Duration.ofMinutes(5));
    }

    @AfterEach
    void stop() {
        endpoint.close();
    }

    @Test
    void aKnownClientGetsAServiceTokenOfItsOwnAccount() throws Exception {
        HttpResponse<String> answer = post("grant_type=client_credentials&client_id=equipment-api&client_secret=s3cret", null);
        assertEquals(200, answer.statusCode());
        assertTrue(answer.body().contains("\"token_type\":\"Bearer\""), answer.body());
        assertTrue(answer.body().contains("\"expires_in\":300"), answer.body());
        String claims = claimsOf(answer.body());
        assertTrue(claims.contains("\"groups\":[\"service\"]"), claims);
        assertTrue(claims.contains("\"sub\":\"service-account-equipment-api\""), claims);
        assertTrue(claims.contains("\"iss\":\"" + DevToken.ISSUER + "\""), claims);
        assertEquals(1, endpoint.issued());
    }

    @Test
    void theClientMayAuthenticateWithHttpBasicAsTheOidcClientDoesByDefault() throws Exception {
        String basic = "Basic " + Base64.getEncoder().encodeToString("equipment-api:s3cret".getBytes(StandardCharsets.UTF_8));
        assertEquals(200, post("grant_type=client_credentials", basic).statusCode());
    }

    @Test
    void aWrongSecretOrAnUnknownClientIsRefused() throws Exception {
        HttpResponse<String> wrong = post("grant_type=client_credentials&client_id=equipment-api&client_secret=guess", null);
        assertEquals(401, wrong.statusCode());
        assertTrue(wrong.body().contains("invalid_client"), wrong.body());
        assertEquals(401, post("grant_type=client_credentials&client_id=assessment-api&client_secret=s3cret", null).statusCode());
        assertEquals(401, post("grant_type=client_credentials", null).statusCode());
        assertEquals(0, endpoint.issued());
    }

    @Test
    void onlyTheClientCredentialsGrantIsServed() throws Exception {
        HttpResponse<String> answer = post("grant_type=password&client_id=equipment-api&client_secret=s3cret&username=a&password=b", null);
        assertEquals(400, answer.statusCode());
        assertTrue(answer.body().contains("unsupported_grant_type"), answer.body());
    }

    private HttpResponse<String> post(String form, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoint.url()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String claimsOf(String answer) {
        Matcher token = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(answer);
        assertTrue(token.find(), answer);
        return new String(Base64.getUrlDecoder().decode(token.group(1).split("\\.")[1]), StandardCharsets.UTF_8);
    }
}
