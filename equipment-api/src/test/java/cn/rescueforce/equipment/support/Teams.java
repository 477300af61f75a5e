package cn.rescueforce.equipment.support;

import org.eclipse.microprofile.config.ConfigProvider;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

/** Teams as teams-api knows them: seeded into the {@link TeamsApiDouble}, in the shape of the teams-api contract. */
public final class Teams {

    public static final String MINING = "MINING";
    public static final String HAZARDOUS_CHEMICALS = "HAZARDOUS_CHEMICALS";

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Teams() {
    }

    /** A team as seen by national, province and unit: returns its id. */
    public record Team(UUID id, String province, String category, UUID unitId) {
    }

    public static Team team(String province, String category) {
        return team(province, category, UUID.randomUUID());
    }

    public static Team team(String province, String category, UUID unitId) {
        UUID id = UUID.randomUUID();
        String json = """
                {"id":"%s","code":"MR-%s-%s","name":"国家矿山应急救援测试队","category":"%s","specialties":["MINE_FIRE"],
                 "province":"%s","supportingUnitId":"%s","supportingUnitName":"测试煤业集团有限公司",
                 "baseLocation":{"lat":30.66,"lon":104.06},"baseCity":"成都市","headcount":60,"dutyPhone":"028-12345678",
                 "status":"ACTIVE","readiness":"STANDBY","exitProposed":false,
                 "createdAt":"2026-03-01T08:00:00Z","updatedAt":"2026-03-01T08:00:00Z","version":1}
                """.formatted(id, province, id.toString().substring(0, 6).toUpperCase(), category, province, unitId);
        call("PUT", "/teams/" + id, json);
        return new Team(id, province, category, unitId);
    }

    /** How often equipment-api looked the team up in teams-api. */
    public static int lookups(UUID teamId) {
        return Integer.parseInt(call("GET", "/lookups/" + teamId, null));
    }

    /** teams-api becomes unreachable until {@link #restore()}. */
    public static void outage() {
        call("POST", "/outage", null);
    }

    public static void restore() {
        call("DELETE", "/outage", null);
    }

    private static String call(String method, String path, String body) {
        String base = ConfigProvider.getConfig().getValue("teams-api-double.control-url", String.class);
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(method + " " + path + " answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
