package io.hawkbit.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Sends a request byte for byte as given, which {@link java.net.http.HttpClient} would refuse (bad escapes, raw bytes
 * in the path, odd methods, duplicate or oversized headers), over a connection of its own that the server closes.
 */
final class RawHttp {

    private final int port;
    private final int timeoutMillis;

    RawHttp(int port, int timeoutMillis) {
        this.port = port;
        this.timeoutMillis = timeoutMillis;
    }

    /** The answer: its status, head and body (still chunk-encoded if it was sent so). */
    record Answer(int status, String head, String body) {

        boolean hasErrorBody() {
            return body.contains("\"errorCode\"");
        }
    }

    /**
     * @param target the request target exactly as it goes on the request line, as ISO-8859-1 bytes
     * @param headers without Host, Connection and Content-Length, which are added unless given with a null value
     */
    Answer send(String method, String target, Map<String, String> headers, byte[] body) throws IOException {
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        write(request, method + " " + target + " HTTP/1.1\r\n");
        if (!headers.containsKey("Host")) {
            write(request, "Host: localhost\r\n");
        }
        write(request, "Connection: close\r\n");
        if (body != null && !headers.containsKey("Content-Length") && !headers.containsKey("Transfer-Encoding")) {
            write(request, "Content-Length: " + body.length + "\r\n");
        }
        headers.forEach((name, value) -> {
            if (value != null) {
                write(request, name + ": " + value + "\r\n");
            }
        });
        write(request, "\r\n");
        if (body != null) {
            request.writeBytes(body);
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), timeoutMillis);
            socket.setSoTimeout(timeoutMillis);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            try {
                out.write(request.toByteArray());
                out.flush();
            } catch (IOException e) {
                // The server may answer (413) and close before it read the whole body; its answer is still readable.
            }
            String response = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            if (response.length() < 12) {
                throw new IOException("No HTTP answer: '" + response + "'");
            }
            int split = response.indexOf("\r\n\r\n");
            String head = split < 0 ? response : response.substring(0, split);
            String rest = split < 0 ? "" : response.substring(split + 4);
            return new Answer(
                    Integer.parseInt(response.substring(9, 12)),
                    head,
                    new String(rest.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
        }
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
    }
}
