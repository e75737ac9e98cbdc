package io.hawkbit.server;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Debian's nginx as the TLS-terminating reverse proxy of docs/security.md, in the foreground on a free port: it
 * demands a client certificate from one of the trusted CAs, passes its CN and its issuer's hash in hawkBit's headers,
 * and connects to the server from {@code bindAddress}, the address the server trusts as its proxy.
 */
final class NginxProxy implements AutoCloseable {

    static final String NGINX = "/usr/sbin/nginx";

    private final Process process;
    private final Path errorLog;
    private final int port;

    private NginxProxy(Process process, Path errorLog, int port) {
        this.process = process;
        this.errorLog = errorLog;
        this.port = port;
    }

    /**
     * @param clientCas the CAs whose client certificates the proxy accepts, concatenated in one PEM file
     * @param issuerHashes the issuer hash the proxy sends for the issuer DN of a client certificate (RFC 2253 form)
     */
    static NginxProxy start(
            Path dir,
            int upstreamPort,
            String bindAddress,
            TestPki.Credential server,
            Path clientCas,
            Map<String, String> issuerHashes) {
        int port = freePort();
        Path errorLog = dir.resolve("nginx-error.log");
        String hashes = issuerHashes.entrySet().stream()
                .map(e -> "        \"" + e.getKey() + "\" " + e.getValue() + ";")
                .collect(Collectors.joining("\n"));
        String config = """
                pid %1$s/nginx.pid;
                events { worker_connections 64; }
                http {
                    access_log off;
                    client_body_temp_path %1$s/body;
                    proxy_temp_path %1$s/proxy;
                    # The CN of the client certificate's subject; empty when there is none.
                    map $ssl_client_s_dn $ssl_client_cn {
                        default "";
                        ~(^|,)CN=(?<cn>[^,]+) $cn;
                    }
                    # The issuer hash of each trusted CA (openssl x509 -issuer_hash), looked up by issuer DN.
                    map $ssl_client_i_dn $ssl_issuer_hash {
                        default "";
                %2$s
                    }
                    server {
                        listen 127.0.0.1:%3$d ssl;
                        ssl_certificate %4$s;
                        ssl_certificate_key %5$s;
                        ssl_client_certificate %6$s;
                        ssl_verify_client on;
                        location / {
                            proxy_pass http://127.0.0.1:%7$d;
                            proxy_bind %8$s;
                            proxy_max_temp_file_size 0;
                            proxy_set_header Host $http_host;
                            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                            proxy_set_header X-Forwarded-Proto $scheme;
                            # Without it the server's links would name the scheme's default port (443).
                            proxy_set_header X-Forwarded-Port $server_port;
                            # Set here, a client's own header of these names never reaches the server.
                            proxy_set_header X-Ssl-Client-Cn $ssl_client_cn;
                            proxy_set_header X-Ssl-Issuer-Hash-1 $ssl_issuer_hash;
                            # An empty value drops the client's; the server reads no further than a missing one.
                            proxy_set_header X-Ssl-Issuer-Hash-2 "";
                        }
                    }
                }
                """.formatted(
                        dir, hashes, port, server.certificate(), server.key(), clientCas, upstreamPort, bindAddress);
        try {
            Path conf = dir.resolve("nginx.conf");
            Files.writeString(conf, config);
            Process process = new ProcessBuilder(List.of(
                            NGINX,
                            "-p",
                            dir.toString(),
                            "-c",
                            conf.toString(),
                            "-e",
                            errorLog.toString(),
                            "-g",
                            "daemon off;"))
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("nginx-console.log").toFile())
                    .start();
            NginxProxy proxy = new NginxProxy(process, errorLog, port);
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException("nginx exited " + process.exitValue() + ": " + proxy.log());
                }
                return accepts(port);
            });
            return proxy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return port;
    }

    String log() {
        try {
            return Files.exists(errorLog) ? Files.readString(errorLog) : "";
        } catch (IOException e) {
            return e.toString();
        }
    }

    @Override
    public void close() throws InterruptedException {
        // SIGTERM: the master stops its workers and exits.
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
