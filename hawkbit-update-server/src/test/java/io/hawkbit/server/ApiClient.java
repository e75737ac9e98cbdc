package io.hawkbit.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Talks to a running node over real HTTP, as devices and operators do. */
final class ApiClient {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final int port;
    /** The Management API user's {@code Authorization} header. */
    private final String credentials;

    ApiClient(int port) {
        this(port, basic("admin", "admin"));
    }

    private ApiClient(int port, String credentials) {
        this.port = port;
        this.base = "http://localhost:" + port;
        this.credentials = credentials;
    }

    /** The same node, with the Management API requests sent as another user (of another tenant, say). */
    ApiClient as(String user, String password) {
        return new ApiClient(port, basic(user, password));
    }

    String base() {
        return base;
    }

    int port() {
        return port;
    }

    /** A response with its body kept as bytes. */
    record Response(int status, Map<String, String> headers, byte[] body) {

        JsonNode json() {
            return JSON.readTree(body);
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        String header(String name) {
            return headers.get(name.toLowerCase());
        }
    }

    Response mgmt(String method, String path, String json) {
        return send(
                method,
                path,
                json,
                Map.of("Authorization", credentials, "Content-Type", "application/json", "Accept", "application/json"));
    }

    Response mgmt(String method, String path) {
        return mgmt(method, path, null);
    }

    Response send(String method, String path, String body, Map<String, String> headers) {
        return send(method, path, body == null ? null : body.getBytes(StandardCharsets.UTF_8), headers);
    }

    Response send(String method, String path, byte[] body, Map<String, String> headers) {
        return send(method, path, body, headers, false);
    }

    /** Sends with {@code Expect: 100-continue}: the body goes only once the server asks for it. */
    Response sendAskingFirst(String method, String path, byte[] body, Map<String, String> headers) {
        return send(method, path, body, headers, true);
    }

    private Response send(String method, String path, byte[] body, Map<String, String> headers, boolean askFirst) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : base + path))
                .expectContinue(askFirst)
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            Map<String, String> flat = new LinkedHashMap<>();
            response.headers().map().forEach((k, v) -> flat.put(k.toLowerCase(), String.join(",", v)));
            return new Response(response.statusCode(), flat, response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Uploads a file to a software module as a multipart form, the way hawkBit's clients do. */
    Response upload(long moduleId, String filename, byte[] content, Map<String, String> fields) {
        String boundary = "----" + UUID.randomUUID();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        fields.forEach((name, value) -> write(
                out,
                "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value
                        + "\r\n"));
        write(
                out,
                "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
        out.writeBytes(content);
        write(out, "\r\n--" + boundary + "--\r\n");
        return send(
                "POST",
                "/rest/v1/softwaremodules/" + moduleId + "/artifacts",
                out.toByteArray(),
                Map.of("Authorization", credentials, "Content-Type", "multipart/form-data; boundary=" + boundary));
    }

    /**
     * Sends a request exactly as written, for headers {@link HttpClient} refuses to send (Content-Length on a GET,
     * duplicates). Returns the status code and the raw response.
     */
    RawResponse raw(String requestHead) {
        try (Socket socket = new Socket("localhost", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(requestHead.replace("\n", "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(response.substring(9, 12));
            return new RawResponse(status, response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record RawResponse(int status, String text) {}

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
