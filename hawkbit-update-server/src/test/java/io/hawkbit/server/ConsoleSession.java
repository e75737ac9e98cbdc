package io.hawkbit.server;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A browser over plain HTTP for console tests: a cookie jar of one session and the CSRF token of the last page read. */
final class ConsoleSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final ApiClient api;
    String cookie = "";
    String csrf;

    ConsoleSession(ApiClient api) {
        this.api = api;
    }

    ApiClient.Response get(String path) {
        ApiClient.Response response =
                api.send("GET", path, (byte[]) null, cookie.isEmpty() ? Map.of() : Map.of("Cookie", cookie));
        keepCookie(response);
        Matcher m = CSRF.matcher(response.text());
        if (m.find()) {
            csrf = m.group(1);
        }
        return response;
    }

    ApiClient.Response post(String path, Map<String, String> form) {
        StringBuilder body = new StringBuilder();
        form.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&")
                .append(k)
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        ApiClient.Response response = api.send(
                "POST",
                path,
                body.toString(),
                Map.of("Cookie", cookie, "Content-Type", "application/x-www-form-urlencoded"));
        keepCookie(response);
        return response;
    }

    /** Posts a file as the page's upload form does, with the CSRF token as a field and the extra headers given. */
    ApiClient.Response upload(String path, String filename, byte[] content, Map<String, String> headers) {
        String boundary = "----" + UUID.randomUUID();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf
                        + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                        + filename + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        Map<String, String> all = new HashMap<>(headers);
        all.put("Cookie", cookie);
        all.put("Content-Type", "multipart/form-data; boundary=" + boundary);
        ApiClient.Response response = api.send("POST", path, out.toByteArray(), all);
        keepCookie(response);
        return response;
    }

    ApiClient.Response signIn(String user, String password) {
        get("/ui/login");
        return post("/ui/login", Map.of("username", user, "password", password, "_csrf", csrf));
    }

    private void keepCookie(ApiClient.Response response) {
        String set = response.header("Set-Cookie");
        if (set != null && set.startsWith("JSESSIONID=")) {
            cookie = set.substring(0, set.indexOf(';'));
        }
    }
}
