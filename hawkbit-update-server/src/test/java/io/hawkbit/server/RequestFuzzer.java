package io.hawkbit.server;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ContainerNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Generates malformed requests from a seed over a catalogue of every endpoint. A read may come out valid or broken
 * in its query, headers, path or method; a write (and the event stream) always carries at least one defect that must
 * make the server refuse it, so any answer below 400 to it is a finding, and the data must not change.
 */
final class RequestFuzzer {

    /** Which credentials an endpoint takes. */
    enum Kind {
        MGMT,
        DDI,
        PUBLIC
    }

    /** An endpoint; placeholders such as {t} in the path resolve to the fixture's ids. */
    record Endpoint(String method, String path, Kind kind, String body, Set<String> looseFields) {

        boolean write() {
            return !method.equals("GET");
        }

        boolean streams() {
            return path.endsWith("/events");
        }

        boolean upload() {
            return path.endsWith("/artifacts") && method.equals("POST");
        }
    }

    /** One generated request; {@code mustFail}: only a malformed request reaches it, so it must be refused. */
    record Request(
            int index,
            String mutation,
            String detail,
            String method,
            String target,
            Map<String, String> headers,
            byte[] body,
            boolean mustFail) {

        String describe() {
            String shown = target.length() > 160 ? target.substring(0, 160) + "...(" + target.length() + ")" : target;
            String shownDetail =
                    detail.length() > 80 ? detail.substring(0, 80) + "...(" + detail.length() + ")" : detail;
            return "#" + index + " " + mutation + (detail.isEmpty() ? "" : " [" + shownDetail + "]") + ": " + method
                    + " " + shown;
        }
    }

    /** Kinds of defect a write cannot survive. */
    private static final List<String> ANY_REQUEST = List.of(
            "badEscape", "badAuth", "firewallPath", "hugeUrl", "hugeHeader", "badMethod", "badId", "manyParams");

    private static final List<String> JSON_BODY = List.of(
            "truncated",
            "wrongType",
            "hugeString",
            "deepNesting",
            "badUtf8",
            "emptyBody",
            "contentType",
            "notJson",
            "floatForInt",
            "trailingGarbage",
            "hugeBody");
    private static final List<String> UPLOAD = List.of(
            "badAuth",
            "badId",
            "badEscape",
            "uploadWithoutFile",
            "uploadBadBoundary",
            "uploadTruncated",
            "uploadSha1Mismatch",
            "uploadEmpty");
    /** Defects a read may carry besides those above; "valid" sends it as it is. */
    private static final List<String> READ_ONLY = List.of(
            "valid",
            "rsqlGarbage",
            "rsqlDeep",
            "hugeQuery",
            "sort",
            "paging",
            "repeatedParams",
            "accept",
            "range",
            "conditional",
            "getWithBody",
            "badHost",
            "nonAsciiHeader",
            "forwardedFor",
            "head",
            "options",
            "actionHistory",
            "tokenSpelling");

    private static final String[] BAD_IDS = {
        "0",
        "-1",
        "99999999",
        "99999999999999999999",
        "abc",
        "1.5",
        "1e3",
        "%20",
        "null",
        "%27%20or%201%3D1--",
        "%24%7Bjndi%3Aldap%3A%2F%2Fx%7D",
        "*",
        "\u00c3\u00bc",
        "%C3%BC",
        "x".repeat(300),
        "fz-nobody",
        "%ff",
        "%",
        "%2e",
        ".."
    };
    private static final String[] RSQL_TOKENS = {
        "name",
        "id",
        "controllerId",
        "==",
        "!=",
        "=in=",
        "=out=",
        "=lt=",
        "=gt=",
        "=ge=",
        "(",
        ")",
        ";",
        ",",
        "'",
        "\"",
        "*",
        "\\",
        "attribute.x",
        "tags.name",
        "x",
        "1",
        "abc",
        "===",
        " ",
        "and",
        "or",
        "%",
        "=le=",
        "updateStatus",
        "lastControllerRequestAt",
        "null",
        "\u00fc",
        "assignedDS.name",
        "=="
    };

    private final Random random;
    private final List<Endpoint> endpoints;
    private final Map<String, String> ids;
    private final String adminAuth;
    private final String deviceAuth;

    RequestFuzzer(long seed, List<Endpoint> endpoints, Map<String, String> ids, String adminAuth, String deviceAuth) {
        this.random = new Random(seed);
        this.endpoints = endpoints;
        this.ids = ids;
        this.adminAuth = adminAuth;
        this.deviceAuth = deviceAuth;
    }

    /** The i-th request: endpoints in turn, so each is hit about count / endpoints times, with a defect drawn at random. */
    Request next(int index) {
        Endpoint endpoint = endpoints.get(index % endpoints.size());
        boolean mustFail = endpoint.write() || endpoint.streams();
        List<String> choices = new ArrayList<>(endpoint.upload() ? UPLOAD : ANY_REQUEST);
        if (!mustFail) {
            choices.addAll(READ_ONLY);
        } else if (endpoint.body() != null && !endpoint.upload()) {
            choices.addAll(JSON_BODY);
        }
        if (!endpoint.path().contains("{")) {
            choices.remove("badId");
        }
        String mutation = choices.get(random.nextInt(choices.size()));
        Draft draft = new Draft(endpoint, mutation.equals("badId") ? pick(BAD_IDS) : null);
        mutate(draft, mutation);
        String target = draft.path + (draft.query.isEmpty() ? "" : "?" + draft.query);
        return new Request(index, mutation, draft.detail, draft.method, target, draft.headers, draft.body, mustFail);
    }

    /** A request being built: the endpoint's valid form, then changed by one mutation. */
    private final class Draft {

        final Endpoint endpoint;
        String method;
        String path;
        String query = "";
        final Map<String, String> headers = new LinkedHashMap<>();
        byte[] body;
        JsonNode json;
        /** What the mutation chose, for the failure report. */
        String detail = "";

        Draft(Endpoint endpoint, String badId) {
            this.endpoint = endpoint;
            this.method = endpoint.method();
            this.path = resolve(endpoint.path(), badId);
            switch (endpoint.kind()) {
                case MGMT -> headers.put("Authorization", adminAuth);
                case DDI -> headers.put("Authorization", deviceAuth);
                case PUBLIC -> {}
            }
            if (endpoint.upload()) {
                multipart(
                        "fzmark-" + random.nextInt(1_000_000) + ".bin",
                        randomBytes(1 + random.nextInt(64)),
                        Map.of(),
                        true);
            } else if (endpoint.body() != null) {
                json = ApiClient.JSON.readTree(resolve(endpoint.body(), null));
                headers.put("Content-Type", "application/json");
                body = bytes(json.toString());
            }
        }

        void multipart(String filename, byte[] content, Map<String, String> fields, boolean withFile) {
            String boundary = "fzb" + random.nextInt(1_000_000);
            StringBuilder head = new StringBuilder();
            fields.forEach((name, value) -> head.append("--")
                    .append(boundary)
                    .append("\r\nContent-Disposition: form-data; name=\"")
                    .append(name)
                    .append("\"\r\n\r\n")
                    .append(value)
                    .append("\r\n"));
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            out.writeBytes(bytes(head.toString()));
            if (withFile) {
                out.writeBytes(bytes("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                        + filename + "\"\r\nContent-Type: application/octet-stream\r\n\r\n"));
                out.writeBytes(content);
                out.writeBytes(bytes("\r\n"));
            }
            out.writeBytes(bytes("--" + boundary + "--\r\n"));
            body = out.toByteArray();
            headers.put("Content-Type", "multipart/form-data; boundary=" + boundary);
        }

        void json(JsonNode changed) {
            json = changed;
            body = bytes(changed.toString());
        }
    }

    private String resolve(String template, String badId) {
        Matcher placeholders = Pattern.compile("\\{(\\w+)}").matcher(template);
        List<String> names = new ArrayList<>();
        while (placeholders.find()) {
            names.add(placeholders.group(1));
        }
        String broken = badId == null || names.isEmpty() ? null : names.get(random.nextInt(names.size()));
        String path = template;
        for (String name : names) {
            path = path.replace("{" + name + "}", name.equals(broken) ? badId : ids.get(name));
        }
        return path;
    }

    private void mutate(Draft d, String mutation) {
        switch (mutation) {
            case "valid", "badId" -> {}
            case "badEscape" ->
                d.query = pick(
                        "x=%",
                        "x=%ff",
                        "x=%zz",
                        "%ff=1",
                        "q=%c0%af",
                        "a=%e2%82",
                        "limit=%ZZ",
                        "x=%%",
                        "x=%u0041",
                        "offset=1&x=%f");
            case "badAuth" -> badAuth(d);
            case "firewallPath" -> firewallPath(d);
            case "hugeUrl" -> d.query = "q=" + "a".repeat(9000 + random.nextInt(4000));
            case "hugeHeader" -> d.headers.put("X-Fuzz", "h".repeat(9000 + random.nextInt(8000)));
            case "badMethod" -> d.method = note(d, pick("PATCH", "TRACE", "FOO", "PROPFIND", "M-SEARCH", "CONNECT"));
            case "manyParams" -> {
                StringBuilder params = new StringBuilder();
                for (int i = 0; i < 1001; i++) {
                    params.append(i == 0 ? "" : "&").append('p').append(i).append("=1");
                }
                d.query = params.toString();
            }
            case "truncated" -> {
                String text = d.json.toString();
                d.body = bytes(text.substring(0, 1 + random.nextInt(text.length() - 1)));
            }
            case "wrongType" ->
                replaceValue(
                        d,
                        pickNode(
                                ApiClient.JSON.createObjectNode(),
                                ApiClient.JSON.createArrayNode(),
                                ApiClient.JSON.readTree("{\"a\":[{}]}"),
                                ApiClient.JSON.readTree("[[1]]")),
                        true);
            case "hugeString" -> replaceString(d, "s".repeat(1_000_001 + random.nextInt(100_000)));
            case "deepNesting" -> {
                int depth = 600 + random.nextInt(5000);
                d.body = bytes("[".repeat(depth) + "1" + "]".repeat(depth));
            }
            case "badUtf8" -> {
                String text = d.json.toString();
                int at = text.indexOf("\":\"") + 3;
                byte[] start = bytes(text.substring(0, Math.max(at, 1)));
                byte[] end = bytes(text.substring(Math.max(at, 1)));
                java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
                out.writeBytes(start);
                out.writeBytes(pickBytes(
                        new byte[] {(byte) 0xff, (byte) 0xfe},
                        new byte[] {(byte) 0xc3, 0x28},
                        new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
                        new byte[] {(byte) 0xf8, (byte) 0x88, (byte) 0x80, (byte) 0x80}));
                out.writeBytes(end);
                d.body = out.toByteArray();
                if (at < 3) {
                    d.body = new byte[] {(byte) 0xff, (byte) 0xfe, '{', '}'};
                }
            }
            case "emptyBody" -> d.body = bytes(note(d, pick("", " ", "null")));
            case "contentType" ->
                d.headers.put(
                        "Content-Type",
                        note(
                                d,
                                pick(
                                        "text/plain",
                                        "application/xml",
                                        "application/x-www-form-urlencoded",
                                        "multipart/form-data; boundary=x",
                                        "application/json; charset=bogus-9",
                                        "",
                                        "garbage",
                                        "application/*",
                                        "*/*")));
            case "notJson" ->
                d.body = bytes(note(
                        d,
                        pick(
                                "<xml/>",
                                "a=b&c=d",
                                "{'single':'quotes'}",
                                "{name:unquoted}",
                                "[1,]",
                                "NaN",
                                "{\"a\":01}",
                                "\u0000\u0001",
                                "{\"a\":\"\\x41\"}")));
            case "floatForInt" -> {
                if (!replaceNumber(d)) {
                    d.body = bytes(pick("{", "[{]"));
                }
            }
            case "trailingGarbage" ->
                d.body = bytes(d.json.toString() + note(d, pick("}", "]", "x", ",{}", "{\"a\":1}", " 1")));
            case "hugeBody" -> {
                int size = 1_100_000 + random.nextInt(400_000);
                if (d.endpoint.kind() == Kind.DDI) {
                    d.body = bytes(" ".repeat(size) + d.json.toString());
                } else {
                    // Management bodies may be 10 MB; one string past the parser's limit fails them.
                    replaceString(d, "b".repeat(size));
                }
                if (random.nextBoolean()) {
                    chunked(d);
                }
            }
            case "uploadWithoutFile" -> d.multipart("unused", new byte[0], Map.of("md5sum", "x"), false);
            case "uploadBadBoundary" ->
                d.headers.put(
                        "Content-Type",
                        pick(
                                "multipart/form-data; boundary=nope",
                                "multipart/form-data",
                                "multipart/mixed; boundary=x"));
            case "uploadTruncated" -> d.body = java.util.Arrays.copyOf(d.body, d.body.length / 2);
            case "uploadSha1Mismatch" ->
                d.multipart(
                        "fzmark-sha-" + random.nextInt(1000) + ".bin",
                        randomBytes(32),
                        Map.of(note(d, pick("sha1sum", "md5sum", "sha256sum")), pick("0000", "zz", "0".repeat(64))),
                        true);
            case "uploadEmpty" -> d.multipart("fzmark-empty.bin", new byte[0], Map.of(), true);
            case "rsqlGarbage" -> {
                StringBuilder q = new StringBuilder();
                for (int i = 0, n = 1 + random.nextInt(20); i < n; i++) {
                    q.append(pick(RSQL_TOKENS));
                }
                d.query = "q=" + encode(q.toString());
            }
            case "rsqlDeep" -> {
                int depth = 40 + random.nextInt(3000);
                d.query = "q=" + "(".repeat(depth) + "id==1" + ")".repeat(depth);
            }
            case "hugeQuery" -> d.query = "q=name==" + "a".repeat(7000);
            case "sort" ->
                d.query = "sort="
                        + encode(pick(
                                "name:ASC",
                                "name:DESC",
                                "name:UP",
                                "nope:ASC",
                                "name",
                                "name:ASC,id:DESC",
                                ":",
                                ",,,",
                                "name:ASC:x",
                                "\u0000",
                                "id:desc",
                                "ID:ASC",
                                "attribute.x:ASC"));
            case "paging" ->
                d.query = pick("offset", "limit") + "="
                        + pick(
                                "-1",
                                "0",
                                "abc",
                                "1e10",
                                "99999999999",
                                "2147483648",
                                "1.5",
                                "",
                                "500",
                                "10000",
                                "%2B1",
                                "0x10")
                        + "&" + pick("offset", "limit") + "=" + pick("-5", "3", "2147483647");
            case "repeatedParams" -> d.query = "limit=1&limit=2&offset=x&q=id==1&q=((&sort=name:ASC&sort=x";
            case "accept" ->
                d.headers.put(
                        "Accept",
                        note(
                                d,
                                pick(
                                        "application/xml",
                                        "text/html",
                                        "*/*;q=x",
                                        "garbage",
                                        "",
                                        "application/json;charset=bogus",
                                        "application/hal+json",
                                        "text/event-stream",
                                        "image/*")));
            case "range" ->
                d.headers.put(
                        "Range",
                        note(
                                d,
                                pick(
                                        "bytes=zzz",
                                        "bytes=-0",
                                        "bytes=999999999-",
                                        "bytes=5-1",
                                        "bytes=0-",
                                        "items=0-1",
                                        "bytes=0-0," + "0-0,".repeat(150) + "0-0",
                                        "bytes=-1,-1,-1",
                                        "bytes=1-2,3-",
                                        "bytes=--1",
                                        "bytes=18446744073709551616-")));
            case "conditional" ->
                d.headers.put(
                        pick("If-None-Match", "If-Match", "If-Modified-Since", "If-Range"),
                        pick(
                                "\"x\"",
                                "garbage date",
                                "*",
                                "W/\"" + "e".repeat(500) + "\"",
                                "Thu, 01 Jan 1970 00:00:00 GMT"));
            case "getWithBody" -> {
                d.body = bytes(pick("{", "{\"a\":1}", "x".repeat(2000)));
                d.headers.put("Content-Type", "application/json");
            }
            case "badHost" -> d.headers.put("Host", pick("", "a b", "localhost:99999", "[::1", "\u00ff"));
            case "nonAsciiHeader" ->
                d.headers.put(
                        pick("X-Fuzz", "Accept-Language", "User-Agent"),
                        pick("\u00ff\u00fe", "\u00c3\u00bc", "de-DE;q=abc", "*;q=1;q=2"));
            case "forwardedFor" ->
                d.headers.put(
                        "X-Forwarded-For",
                        pick("999.1.1.1", "::::", "a".repeat(500), "1.1.1.1, x", "unknown", "203.0.113.9"));
            case "head" -> d.method = "HEAD";
            case "options" -> d.method = "OPTIONS";
            case "actionHistory" -> d.query = "actionHistory=" + pick("x", "-1", "999999", "2147483648", "");
            case "tokenSpelling" -> {
                if (d.endpoint.kind() == Kind.DDI) {
                    d.headers.put(
                            "Authorization",
                            pick("targettoken ", "TARGETTOKEN ", "TargetToken  ", " TargetToken ")
                                    + deviceAuth.substring("TargetToken ".length()));
                }
            }
            default -> throw new IllegalArgumentException(mutation);
        }
    }

    private void badAuth(Draft d) {
        if (d.endpoint.kind() == Kind.DDI) {
            d.headers.put(
                    "Authorization",
                    pick(
                            "TargetToken wrong",
                            "TargetToken",
                            "GatewayToken x",
                            basic("mallory", "x"),
                            "TargetToken " + "t".repeat(5000),
                            "TargetToken \u00ff",
                            null));
        } else {
            // Never the admin's name: failures against it would lock the account the test checks the data with.
            d.headers.put(
                    "Authorization",
                    pick(
                            "Basic",
                            "Basic !!!",
                            basic("mallory", "x"),
                            "Bearer abc",
                            "Basic " + b64("nocolon"),
                            "Basic " + b64(":"),
                            "Digest x",
                            "Basic " + "A".repeat(2000),
                            "Basic " + b64("mallory:\u0000"),
                            null));
        }
        if (d.headers.get("Authorization") == null) {
            d.headers.remove("Authorization");
        }
    }

    private void firewallPath(Draft d) {
        List<Integer> slashes = new ArrayList<>();
        for (int i = 1; i < d.path.length(); i++) {
            if (d.path.charAt(i) == '/') {
                slashes.add(i);
            }
        }
        int at = slashes.isEmpty() ? d.path.length() : slashes.get(random.nextInt(slashes.size()));
        String insert = note(d, pick("/", ";jsessionid=x", "/%2e%2e", "%2F", "%5C", "%00", "%25", "\\", "/..;", ";"));
        d.path = d.path.substring(0, at) + insert + d.path.substring(at);
    }

    /** Replaces one value of the JSON with {@code value}; with {@code typed}, never a field that takes anything. */
    private void replaceValue(Draft d, JsonNode value, boolean typed) {
        List<ValueSlot> slots = new ArrayList<>();
        collect(d.json, slots, typed ? d.endpoint.looseFields() : Set.of());
        if (slots.isEmpty()) {
            d.json(value);
            return;
        }
        ValueSlot slot = slots.get(random.nextInt(slots.size()));
        slot.set(value);
        d.json(d.json);
    }

    private void replaceString(Draft d, String value) {
        List<ValueSlot> slots = new ArrayList<>();
        collect(d.json, slots, Set.of());
        slots.removeIf(slot -> !slot.get().isString());
        if (slots.isEmpty()) {
            d.body = bytes("\"" + value + "\"");
            return;
        }
        slots.get(random.nextInt(slots.size()))
                .set(ApiClient.JSON.getNodeFactory().stringNode(value));
        d.json(d.json);
    }

    private boolean replaceNumber(Draft d) {
        List<ValueSlot> slots = new ArrayList<>();
        collect(d.json, slots, d.endpoint.looseFields());
        slots.removeIf(slot -> !slot.get().isIntegralNumber());
        if (slots.isEmpty()) {
            return false;
        }
        ValueSlot slot = slots.get(random.nextInt(slots.size()));
        slot.set(ApiClient.JSON.getNodeFactory().numberNode(slot.get().asLong() + 0.5));
        d.json(d.json);
        return true;
    }

    private record ValueSlot(ContainerNode<?> parent, String field, int index) {

        JsonNode get() {
            return field != null ? ((ObjectNode) parent).get(field) : ((ArrayNode) parent).get(index);
        }

        void set(JsonNode value) {
            if (field != null) {
                ((ObjectNode) parent).set(field, value);
            } else {
                ((ArrayNode) parent).set(index, value);
            }
        }
    }

    private static void collect(JsonNode node, List<ValueSlot> slots, Set<String> loose) {
        if (node instanceof ObjectNode object) {
            for (String name : object.propertyNames()) {
                if (loose.contains(name)) {
                    continue;
                }
                JsonNode child = object.get(name);
                if (child.isValueNode()) {
                    slots.add(new ValueSlot(object, name, -1));
                } else {
                    collect(child, slots, loose);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i).isValueNode()) {
                    slots.add(new ValueSlot(array, null, i));
                } else {
                    collect(array.get(i), slots, loose);
                }
            }
        }
    }

    private static void chunked(Draft d) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int from = 0; from < d.body.length; from += 65_536) {
            int length = Math.min(65_536, d.body.length - from);
            out.writeBytes(bytes(Integer.toHexString(length) + "\r\n"));
            out.write(d.body, from, length);
            out.writeBytes(bytes("\r\n"));
        }
        out.writeBytes(bytes("0\r\n\r\n"));
        d.body = out.toByteArray();
        d.headers.put("Transfer-Encoding", "chunked");
    }

    private static <T> T note(Draft d, T value) {
        d.detail = String.valueOf(value);
        return value;
    }

    @SafeVarargs
    private <T> T pick(T... values) {
        return values[random.nextInt(values.length)];
    }

    private JsonNode pickNode(JsonNode... values) {
        return values[random.nextInt(values.length)].deepCopy();
    }

    private byte[] pickBytes(byte[]... values) {
        return values[random.nextInt(values.length)];
    }

    private byte[] randomBytes(int length) {
        byte[] data = new byte[length];
        random.nextBytes(data);
        return data;
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String basic(String user, String password) {
        return "Basic " + b64(user + ":" + password);
    }
}
