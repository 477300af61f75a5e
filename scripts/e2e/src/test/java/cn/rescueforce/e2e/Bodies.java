package cn.rescueforce.e2e;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Request bodies as the contracts (openapi/) describe them, with valid check characters. */
final class Bodies {

    private static final AtomicInteger SEQUENCE = new AtomicInteger((int) (System.currentTimeMillis() / 1000 % 1_000_000));
    private static final String CREDIT_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] CREDIT_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};

    private Bodies() {
    }

    static int next() {
        return SEQUENCE.incrementAndGet();
    }

    /** A unified social credit code (GB 32100) of an enterprise of {@code province}. */
    static String creditCode(String province) {
        String body = "91" + province + String.format("MA%07d", next());
        int sum = 0;
        for (int i = 0; i < body.length(); i++) {
            sum += CREDIT_ALPHABET.indexOf(body.charAt(i)) * CREDIT_WEIGHTS[i];
        }
        return body + CREDIT_ALPHABET.charAt((31 - sum % 31) % 31);
    }

    /** A resident ID number (GB 11643) registered in Chengdu. */
    static String idNumber() {
        int n = next();
        String body = String.format("510115198%01d%02d%02d%03d", n % 10, 1 + n % 12, 1 + n % 28, n % 1000);
        int sum = 0;
        for (int i = 0; i < body.length(); i++) {
            sum += (body.charAt(i) - '0') * ID_WEIGHTS[i];
        }
        return body + "10X98765432".charAt(sum % 11);
    }

    static Map<String, Object> unit(String province) {
        return Map.of("name", "端到端测试煤业集团" + next(), "creditCode", creditCode(province), "province", province,
                "contactName", "王建国", "contactPhone", "0831-4561000");
    }

    static Map<String, Object> team(String province, String unitId) {
        int n = next();
        return Map.of("code", "MR-" + province + "-" + n, "name", "国家矿山应急救援端到端测试队" + n, "category", "MINING",
                "specialties", List.of("MINE_FIRE", "MINE_FLOODING"), "province", province, "supportingUnitId", unitId,
                "baseLocation", Map.of("lat", 28.2147, "lon", 104.9658), "baseCity", "宜宾市", "dutyPhone", "0831-4561119");
    }
}
