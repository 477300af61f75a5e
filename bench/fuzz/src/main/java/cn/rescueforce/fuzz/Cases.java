package cn.rescueforce.fuzz;

import cn.rescueforce.fuzz.Contract.Op;
import cn.rescueforce.fuzz.Contract.Param;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.models.media.Schema;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Builds one request for an operation: a valid one (from the contract's example or the schema, with real
 * ids from the pool) or one mutation of it. {@link Case#malformed} says the contract forbids what is sent,
 * so any 2xx answer to it is a failure.
 */
final class Cases {

    /** One request to send. {@code needsEtag}: read the resource first and send its current ETag as If-Match. */
    static final class Case {
        Op op;
        String kind;
        boolean malformed;
        final Map<String, String> path = new LinkedHashMap<>();
        final List<String[]> query = new ArrayList<>();
        final Map<String, String> headers = new LinkedHashMap<>();
        Tokens.Auth auth;
        String body;
        boolean needsEtag;

        String pathString() {
            String p = op.path();
            for (Map.Entry<String, String> e : path.entrySet()) {
                p = p.replace("{" + e.getKey() + "}", encode(e.getValue()));
            }
            StringBuilder out = new StringBuilder(p);
            char sep = '?';
            for (String[] q : query) {
                out.append(sep).append(encode(q[0])).append('=').append(encode(q[1]));
                sep = '&';
            }
            return out.toString();
        }
    }

    static final String LONG = "长".repeat(2500) + "x".repeat(7500);
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private final ObjectMapper json;
    private final Pool pool;
    private final Tokens tokens;

    Cases(ObjectMapper json, Pool pool, Tokens tokens) {
        this.json = json;
        this.pool = pool;
        this.tokens = tokens;
    }

    // ---------------------------------------------------------------- valid requests

    Case valid(Op op, Random r, Tokens.Auth auth) {
        Case c = new Case();
        c.op = op;
        c.kind = "valid";
        c.auth = auth;
        for (Param p : op.params("path")) {
            c.path.put(p.name(), pathValue(p, r));
        }
        for (Param p : op.params("query")) {
            if (p.required() || r.nextInt(3) == 0) {
                c.query.add(new String[] {p.name(), text(paramValue(p, r))});
            }
        }
        for (Param p : op.params("header")) {
            if (p.name().equalsIgnoreCase("Idempotency-Key") && r.nextBoolean()) {
                c.headers.put(p.name(), "fuzz-" + Long.toHexString(r.nextLong()));
            }
        }
        if (op.method().equals("PUT")) {
            c.needsEtag = true;
        }
        if (op.body() != null) {
            c.headers.put("Content-Type", "application/json");
            c.body = validBody(op, r).toString();
        }
        return c;
    }

    String pathValue(Param p, Random r) {
        String known = pool.pick(p.name(), r);
        if (known != null && r.nextInt(10) != 0) {
            return known;
        }
        return text(paramValue(p, r));
    }

    JsonNode paramValue(Param p, Random r) {
        String name = p.name();
        if (name.equals("page")) {
            return F.numberNode(r.nextInt(3));
        }
        if (name.equals("size")) {
            return F.numberNode(1 + r.nextInt(200));
        }
        if (name.endsWith("Id") || name.endsWith("TypeCode")) {
            String known = pool.pick(name, r);
            if (known != null && r.nextInt(4) != 0) {
                return F.textNode(known);
            }
        }
        if (p.example() != null && r.nextBoolean()) {
            return p.example();
        }
        return generate(p.schema(), name, r, 0);
    }

    JsonNode validBody(Op op, Random r) {
        JsonNode body = op.bodyExample() != null ? op.bodyExample().deepCopy() : generate(op.body(), "body", r, 0);
        substituteIds(body, r);
        if (body instanceof ObjectNode o && o.path("code").isTextual()) {
            // new codes now and then, so that creations do not all collide on a unique code
            String code = o.path("code").asText();
            if (r.nextBoolean() && code.matches(".*\\d{3}$")) {
                o.put("code", code.substring(0, code.length() - 3) + String.format("%03d", r.nextInt(1000)));
            }
        }
        return body;
    }

    private void substituteIds(JsonNode node, Random r) {
        if (node instanceof ObjectNode o) {
            List<String> names = new ArrayList<>();
            o.fieldNames().forEachRemaining(names::add);
            for (String k : names) {
                JsonNode v = o.get(k);
                if (v.isTextual() && (k.endsWith("Id") || k.endsWith("TypeCode"))) {
                    String known = pool.pick(k, r);
                    if (known != null) {
                        o.put(k, known);
                    }
                } else if (v.isContainerNode()) {
                    substituteIds(v, r);
                }
            }
        } else if (node instanceof ArrayNode a) {
            a.forEach(item -> substituteIds(item, r));
        }
    }

    /** A value the schema allows (its example when it has one). */
    JsonNode generate(Schema<?> schema, String name, Random r, int depth) {
        Schema<?> s = Schemas.effective(schema);
        if (s == null) {
            return F.textNode("fuzz");
        }
        if (s.getExample() != null) {
            return json.valueToTree(s.getExample());
        }
        if (s.getExamples() != null && !s.getExamples().isEmpty()) {
            return json.valueToTree(s.getExamples().get(r.nextInt(s.getExamples().size())));
        }
        List<?> values = Schemas.enumValues(s);
        if (values != null) {
            return json.valueToTree(values.get(r.nextInt(values.size())));
        }
        String type = Schemas.type(s);
        if (type == null) {
            type = "string";
        }
        switch (type) {
            case "integer": {
                BigDecimal min = Schemas.minimum(s);
                BigDecimal max = Schemas.maximum(s);
                long lo = min == null ? 0 : min.longValue() + 1;
                long hi = max == null ? lo + 50 : max.longValue() - 1;
                return F.numberNode(hi <= lo ? lo : lo + (long) (r.nextDouble() * (hi - lo)));
            }
            case "number": {
                BigDecimal min = Schemas.minimum(s);
                BigDecimal max = Schemas.maximum(s);
                double lo = min == null ? 0 : min.doubleValue();
                double hi = max == null ? lo + 50 : max.doubleValue();
                return F.numberNode(Math.round((lo + r.nextDouble() * (hi - lo)) * 1e4) / 1e4);
            }
            case "boolean":
                return F.booleanNode(r.nextBoolean());
            case "array": {
                ArrayNode a = F.arrayNode();
                if (depth < 4 && s.getItems() != null) {
                    a.add(generate(s.getItems(), name, r, depth + 1));
                }
                return a;
            }
            case "object": {
                ObjectNode o = F.objectNode();
                if (depth < 4) {
                    List<String> required = Schemas.required(s);
                    Schemas.properties(s).forEach((k, v) -> {
                        if (required.contains(k) || r.nextInt(3) == 0) {
                            o.set(k, generate(v, k, r, depth + 1));
                        }
                    });
                }
                return o;
            }
            default: {
                String format = s.getFormat() == null ? "" : s.getFormat();
                return switch (format) {
                    case "uuid" -> F.textNode(pool.pick(name, r) != null ? pool.pick(name, r) : new UUID(r.nextLong(), r.nextLong()).toString());
                    case "date" -> F.textNode(String.format("2026-%02d-%02d", 1 + r.nextInt(12), 1 + r.nextInt(28)));
                    case "date-time" -> F.textNode(String.format("2026-%02d-%02dT08:00:00Z", 1 + r.nextInt(12), 1 + r.nextInt(28)));
                    default -> F.textNode("fuzz-" + r.nextInt(1000));
                };
            }
        }
    }

    // ---------------------------------------------------------------- mutations

    /** A field of the body that a mutation may change: its parent object, name and schema. */
    record Target(ObjectNode parent, String field, Schema<?> schema, boolean required) {
    }

    private void targets(JsonNode node, Schema<?> schema, List<Target> out, int depth) {
        if (depth > 4 || !(node instanceof ObjectNode o)) {
            return;
        }
        List<String> required = Schemas.required(schema);
        Schemas.properties(schema).forEach((k, v) -> {
            out.add(new Target(o, k, v, required.contains(k)));
            JsonNode child = o.get(k);
            Schema<?> ev = Schemas.effective(v);
            if (child instanceof ObjectNode) {
                targets(child, v, out, depth + 1);
            } else if (child instanceof ArrayNode a && a.size() > 0 && ev != null && ev.getItems() != null) {
                targets(a.get(0), ev.getItems(), out, depth + 1);
            }
        });
    }

    /** One mutated body request; null when this operation offers nothing for the chosen mutation. */
    Case bodyMutation(Op op, Random r) {
        Case c = valid(op, r, tokens.national());
        if (op.body() == null) {
            return null;
        }
        JsonNode body = validBody(op, r);
        List<Target> targets = new ArrayList<>();
        targets(body, op.body(), targets, 0);
        int choice = r.nextInt(16);
        if (choice >= 9 || targets.isEmpty()) {
            return wholeBody(c, op, r, body, choice);
        }
        Target t = targets.get(r.nextInt(targets.size()));
        Schema<?> s = Schemas.effective(t.schema());
        String type = Schemas.type(s);
        String where = t.field();
        switch (choice) {
            case 0 -> {
                List<Target> required = targets.stream().filter(Target::required).toList();
                if (required.isEmpty()) {
                    return null;
                }
                Target q = required.get(r.nextInt(required.size()));
                q.parent().remove(q.field());
                return body(c, body, "body.missing-required " + q.field(), true);
            }
            case 1 -> {
                JsonNode wrong = wrongType(type, r);
                if (wrong == null) {
                    return null;
                }
                t.parent().set(where, wrong);
                return body(c, body, "body.wrong-type " + where + "=" + abbreviate(wrong.toString()), true);
            }
            case 2 -> {
                if (!"integer".equals(type) && !"number".equals(type)) {
                    return null;
                }
                BigDecimal min = Schemas.minimum(s);
                BigDecimal max = Schemas.maximum(s);
                JsonNode out;
                boolean malformed = true;
                int pick = r.nextInt(3);
                if (pick == 0 && min != null) {
                    out = F.numberNode(min.subtract(BigDecimal.ONE));
                } else if (pick == 1 && max != null) {
                    out = F.numberNode(max.add(BigDecimal.ONE));
                } else if ("integer".equals(type)) {
                    out = F.numberNode(new BigInteger("99999999999999999999999"));
                } else {
                    out = F.numberNode(new BigDecimal("1e400"));
                    malformed = max != null || min != null;
                }
                t.parent().set(where, out);
                return body(c, body, "body.out-of-range " + where + "=" + out, malformed);
            }
            case 3 -> {
                if (!"string".equals(type)) {
                    return null;
                }
                t.parent().put(where, LONG);
                return body(c, body, "body.overlong(10000) " + where, Schemas.constrainsText(s));
            }
            case 4 -> {
                if (Schemas.enumValues(s) == null) {
                    List<Target> enums = targets.stream().filter(x -> Schemas.enumValues(x.schema()) != null).toList();
                    if (enums.isEmpty()) {
                        return null;
                    }
                    t = enums.get(r.nextInt(enums.size()));
                    where = t.field();
                    s = Schemas.effective(t.schema());
                }
                List<?> values = Schemas.enumValues(s);
                String bad = r.nextBoolean() ? "NOT_A_VALUE" : String.valueOf(values.get(0)).toLowerCase() + "_";
                t.parent().put(where, bad);
                return body(c, body, "body.bad-enum " + where + "=" + bad, true);
            }
            case 5 -> {
                String format = s == null || s.getFormat() == null ? "" : s.getFormat();
                String bad = switch (format) {
                    case "uuid" -> r.nextBoolean() ? "not-a-uuid" : "3f6d2a8e-1c4b-4e7a-9b0d-5a2e8c7f1d2";
                    case "date" -> List.of("2026-02-30", "2026-13-01", "31/12/2026", "2026-1-1", "").get(r.nextInt(5));
                    case "date-time" -> List.of("yesterday", "2026-06-01 08:00", "2026-06-01T25:00:00Z").get(r.nextInt(3));
                    case "email" -> "not-an-email";
                    case "uri" -> "::not a uri::";
                    default -> null;
                };
                if (bad == null) {
                    return null;
                }
                t.parent().put(where, bad);
                return body(c, body, "body.bad-format(" + format + ") " + where + "=" + bad, true);
            }
            case 6 -> {
                if (s == null || s.getPattern() == null) {
                    return null;
                }
                String bad = List.of("!!bad!!", "x", "１２３４５６", "abc def", "0").get(r.nextInt(5));
                if (Schemas.matches(s, bad)) {
                    return null;
                }
                t.parent().put(where, bad);
                return body(c, body, "body.pattern-mismatch " + where + "=" + bad, true);
            }
            case 7 -> {
                t.parent().putNull(where);
                return body(c, body, "body.null " + where, t.required() && !Schemas.nullable(t.schema()));
            }
            default -> {
                if (where.toLowerCase().contains("creditcode") || where.equals("idNumber")) {
                    JsonNode v = t.parent().get(where);
                    if (v == null || !v.isTextual() || v.asText().isEmpty()) {
                        return null;
                    }
                    String value = v.asText();
                    char last = value.charAt(value.length() - 1);
                    String bad = value.substring(0, value.length() - 1) + (last == '0' ? '1' : '0');
                    t.parent().put(where, bad);
                    return body(c, body, "body.bad-check-digit " + where + "=" + bad, true);
                }
                ObjectNode garbage = F.objectNode();
                garbage.putObject("a").putArray("b").add(1).add(F.objectNode().putNull("c")).add("x");
                t.parent().set(where, garbage);
                boolean freeObject = "object".equals(type) && Schemas.properties(s).isEmpty();
                return body(c, body, "body.nested-garbage " + where, !freeObject && !(type == null));
            }
        }
    }

    private Case wholeBody(Case c, Op op, Random r, JsonNode body, int choice) {
        String valid = body.toString();
        switch (choice % 8) {
            case 0 -> {
                List<String> broken = List.of(valid.substring(0, Math.max(1, valid.length() / 2)), "{\"name\": }", "{,}",
                        "\uFEFF" + valid, valid + "}", "{'single': 'quotes'}", "{\"a\":1 \"b\":2}", "nul", "{\"x\":\"\\uZZZZ\"}");
                String b = broken.get(r.nextInt(broken.size()));
                return raw(c, b, "body.malformed-json", true);
            }
            case 1 -> {
                return raw(c, "", "body.empty", op.bodyRequired());
            }
            case 2 -> {
                String type = List.of("text/plain", "application/xml", "application/x-www-form-urlencoded", "", "application/json-patch+json")
                        .get(r.nextInt(5));
                c.body = valid;
                c.kind = "body.content-type '" + type + "'";
                // no Content-Type at all is not a wrong one: a service may take the body for JSON
                c.malformed = !type.isEmpty();
                if (type.isEmpty()) {
                    c.headers.remove("Content-Type");
                } else {
                    c.headers.put("Content-Type", type);
                }
                return c;
            }
            case 3 -> {
                String b = List.of("[]", "\"text\"", "42", "null", "true", "[" + valid + "]").get(r.nextInt(6));
                return raw(c, b, "body.top-level " + abbreviate(b), !b.equals("null") || op.bodyRequired());
            }
            case 4 -> {
                if (body instanceof ObjectNode o) {
                    o.put("fuzzUnknownField", 1);
                }
                return body(c, body, "body.unknown-field", false);
            }
            case 5 -> {
                int depth = 1500 + r.nextInt(3000);
                return raw(c, "[".repeat(depth) + "]".repeat(depth), "body.deep-nesting(" + depth + ")", true);
            }
            case 6 -> {
                // characters PostgreSQL refuses (NUL) or that are unusual: never a 5xx
                List<Target> strings = new ArrayList<>();
                targets(body, op.body(), strings, 0);
                strings.removeIf(t -> !"string".equals(Schemas.type(Schemas.effective(t.schema()))) || Schemas.constrainsText(t.schema()));
                if (strings.isEmpty()) {
                    return null;
                }
                Target t = strings.get(r.nextInt(strings.size()));
                String v = List.of("a\u0000b", "\uD83D\uDE92 救援 \u202E", "' or 1=1 --", "<script>alert(1)</script>", "\\", " ")
                        .get(r.nextInt(6));
                t.parent().put(t.field(), v);
                return body(c, body, "body.odd-text " + t.field() + "=" + abbreviate(json.valueToTree(v).toString()), false);
            }
            default -> {
                if (!(body instanceof ObjectNode o) || !o.fieldNames().hasNext()) {
                    return null;
                }
                String first = o.fieldNames().next();
                String dup = valid.replaceFirst("^\\{", "{\"" + first + "\":" + o.get(first) + ",");
                return raw(c, dup, "body.duplicate-key " + first, false);
            }
        }
    }

    private Case body(Case c, JsonNode body, String kind, boolean malformed) {
        return raw(c, body.toString(), kind, malformed);
    }

    private static Case raw(Case c, String body, String kind, boolean malformed) {
        c.body = body;
        c.kind = kind;
        c.malformed = malformed;
        return c;
    }

    static JsonNode wrongType(String type, Random r) {
        if (type == null) {
            return null;
        }
        List<JsonNode> options = switch (type) {
            case "string" -> List.of(F.numberNode(12345), F.booleanNode(true), F.objectNode().put("x", 1), F.arrayNode().add("a"));
            case "integer" -> List.of(F.textNode("not-a-number"), F.numberNode(1.5), F.booleanNode(true), F.arrayNode().add(1));
            case "number" -> List.of(F.textNode("north"), F.booleanNode(false), F.objectNode());
            case "boolean" -> List.of(F.textNode("maybe"), F.numberNode(2), F.arrayNode());
            case "array" -> List.of(F.textNode("x"), F.objectNode().put("a", 1), F.numberNode(5));
            case "object" -> List.of(F.textNode("x"), F.arrayNode().add(1).add(2), F.numberNode(7));
            default -> List.<JsonNode>of();
        };
        return options.isEmpty() ? null : options.get(r.nextInt(options.size()));
    }

    /** A request with one bad parameter (path, query). */
    Case paramMutation(Op op, Random r) {
        Case c = valid(op, r, tokens.national());
        List<Param> path = op.params("path");
        List<Param> query = op.params("query");
        int choice = r.nextInt(8);
        if (choice == 0 && !path.isEmpty()) {
            Param p = path.get(r.nextInt(path.size()));
            String bad = List.of("not-a-uuid", "1", "00000000-0000-0000-0000-00000000000g", "..%2F..%2Fetc", "%00", "x".repeat(3000),
                    "' or 1=1 --", "３f6d2a8e-1c4b-4e7a-9b0d-5a2e8c7f1d20").get(r.nextInt(8));
            c.path.put(p.name(), bad);
            c.kind = "path.bad " + p.name() + "=" + abbreviate(bad);
            Schema<?> s = Schemas.effective(p.schema());
            c.malformed = s != null && ("uuid".equals(s.getFormat()) || s.getPattern() != null);
            c.needsEtag = false;
            c.headers.put("If-Match", "\"0\"");
            if (!c.op.method().equals("PUT")) {
                c.headers.remove("If-Match");
            }
            return c;
        }
        if (choice == 1) {
            c.query.add(new String[] {"fuzzUnknown", "1"});
            c.kind = "query.unknown";
            return c;
        }
        if (query.isEmpty()) {
            return null;
        }
        Param p = query.get(r.nextInt(query.size()));
        Schema<?> s = Schemas.effective(p.schema());
        String type = Schemas.type(s);
        c.query.removeIf(q -> q[0].equals(p.name()));
        String bad;
        boolean malformed = true;
        switch (choice) {
            case 2 -> {
                if ("string".equals(type)) {
                    return null;
                }
                bad = List.of("abc", "integer".equals(type) ? "1.5" : "1,5", "", "0x10", "true", "１").get(r.nextInt(6));
                if ("boolean".equals(type)) {
                    bad = List.of("maybe", "2", "yes ").get(r.nextInt(3));
                }
                malformed = !bad.isEmpty();
            }
            case 3 -> {
                if (!"integer".equals(type) && !"number".equals(type)) {
                    return null;
                }
                BigDecimal min = Schemas.minimum(s);
                BigDecimal max = Schemas.maximum(s);
                List<String> options = new ArrayList<>(List.of("99999999999999999999", "-99999999999999999999"));
                if (min != null) {
                    options.add(min.subtract(BigDecimal.ONE).toPlainString());
                }
                if (max != null) {
                    options.add(max.add(BigDecimal.ONE).toPlainString());
                }
                if ("number".equals(type)) {
                    options.add("NaN");
                    options.add("Infinity");
                }
                bad = options.get(r.nextInt(options.size()));
                malformed = min != null || max != null || "integer".equals(type) || bad.equals("NaN") || bad.equals("Infinity");
            }
            case 4 -> {
                if (Schemas.enumValues(s) == null && (s == null || s.getItems() == null || Schemas.enumValues(s.getItems()) == null)) {
                    return null;
                }
                bad = r.nextBoolean() ? "NOT_A_VALUE" : "mining";
            }
            case 5 -> {
                String format = s == null || s.getFormat() == null ? "" : s.getFormat();
                bad = switch (format) {
                    case "uuid" -> "not-a-uuid";
                    case "date" -> "2026-02-30";
                    case "date-time" -> "now";
                    default -> null;
                };
                if (bad == null && s != null && s.getPattern() != null) {
                    bad = "!!bad!!";
                    malformed = !Schemas.matches(s, bad);
                }
                if (bad == null) {
                    return null;
                }
            }
            case 6 -> {
                if (!"string".equals(type)) {
                    return null;
                }
                bad = "x".repeat(3000);
                malformed = Schemas.constrainsText(s);
            }
            default -> {
                if (p.required()) {
                    c.kind = "query.missing-required " + p.name();
                    c.malformed = true;
                    return c;
                }
                // the same parameter twice
                c.query.add(new String[] {p.name(), text(paramValue(p, r))});
                c.query.add(new String[] {p.name(), text(paramValue(p, r))});
                c.kind = "query.repeated " + p.name();
                return c;
            }
        }
        c.query.add(new String[] {p.name(), bad});
        c.kind = "query.bad " + p.name() + "=" + abbreviate(bad);
        c.malformed = malformed;
        return c;
    }

    /** A request with a bad or odd header: If-Match, If-None-Match, Idempotency-Key, Accept. */
    Case headerMutation(Op op, Random r) {
        Case c = valid(op, r, tokens.national());
        int choice = r.nextInt(4);
        if (op.method().equals("PUT") && choice < 2) {
            c.needsEtag = false;
            if (choice == 0) {
                String bad = List.of("\"fuzz-0\"", "garbage", "W/\"999999\"", "\"" + "9".repeat(2000) + "\"", "\"-1\"").get(r.nextInt(5));
                c.headers.put("If-Match", bad);
                c.kind = "header.if-match " + abbreviate(bad);
            } else {
                c.kind = "header.if-match-missing";
            }
            c.malformed = true;
            return c;
        }
        boolean idempotent = op.params("header").stream().anyMatch(p -> p.name().equalsIgnoreCase("Idempotency-Key"));
        if (idempotent && choice == 2) {
            String bad = List.of("k".repeat(101), "k".repeat(5000), " ", "").get(r.nextInt(4));
            c.headers.put("Idempotency-Key", bad);
            c.kind = "header.idempotency-key(" + bad.length() + ")";
            c.malformed = bad.length() > 100;
            return c;
        }
        if (op.method().equals("GET") && choice == 3) {
            String bad = List.of("garbage", "\"0\"", "*", "W/\"1\", \"2\"", "\"" + "x".repeat(2000) + "\"").get(r.nextInt(5));
            c.headers.put("If-None-Match", bad);
            c.kind = "header.if-none-match " + abbreviate(bad);
            return c;
        }
        String accept = List.of("application/xml", "text/html", "*/*", "application/json;q=0", "garbage").get(r.nextInt(5));
        c.headers.put("Accept", accept);
        c.kind = "header.accept " + accept;
        return c;
    }

    /** A valid request carrying a token that must be refused (for a secured operation). */
    Case tokenMutation(Op op, Random r) {
        Tokens.Auth auth = tokens.invalid(Tokens.INVALID.get(r.nextInt(Tokens.INVALID.size())));
        Case c = valid(op, r, auth);
        c.needsEtag = false;
        if (op.method().equals("PUT")) {
            c.headers.put("If-Match", "\"0\"");
        }
        c.kind = "token." + auth.label();
        c.malformed = op.secured();
        return c;
    }

    static String text(JsonNode v) {
        return v == null ? "" : v.isTextual() ? v.asText() : v.isArray() && v.size() > 0 ? text(v.get(0)) : v.toString();
    }

    static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "…(" + s.length() + ")";
    }

    static String encode(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20")
                .replace("%25", "%"); // values that are already escapes on purpose (%00, %2F) stay as they are
    }
}
