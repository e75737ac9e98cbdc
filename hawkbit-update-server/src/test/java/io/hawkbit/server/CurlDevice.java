package io.hawkbit.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A device that speaks HTTPS with its client certificate through {@code curl}, as embedded clients (libcurl) do. */
final class CurlDevice {

    static final String CURL = "/usr/bin/curl";

    private final Path dir;
    private final TestPki.Credential certificate;
    private final Path serverCa;

    /** @param certificate the client certificate, or null for none */
    CurlDevice(Path dir, TestPki.Credential certificate, Path serverCa) {
        this.dir = dir;
        this.certificate = certificate;
        this.serverCa = serverCa;
    }

    /** GETs {@code url} with the extra headers; the status and body, with no response headers kept. */
    ApiClient.Response get(String url, Map<String, String> headers) {
        try {
            Path body = Files.createTempFile(dir, "body", ".bin");
            List<String> command = new ArrayList<>(List.of(
                    CURL,
                    "--silent",
                    "--show-error",
                    "--max-time",
                    "30",
                    "--cacert",
                    serverCa.toString(),
                    "--output",
                    body.toString(),
                    "--write-out",
                    "%{http_code}"));
            if (certificate != null) {
                command.addAll(List.of(
                        "--cert",
                        certificate.certificate().toString(),
                        "--key",
                        certificate.key().toString()));
            }
            headers.forEach((name, value) -> command.addAll(List.of("--header", name + ": " + value)));
            command.add(url);
            int status = Integer.parseInt(Commands.run(dir, command).trim());
            return new ApiClient.Response(status, Map.of(), Files.readAllBytes(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ApiClient.Response get(String url) {
        return get(url, Map.of());
    }
}
