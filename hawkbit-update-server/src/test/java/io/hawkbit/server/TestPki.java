package io.hawkbit.server;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Throw-away CAs and certificates made with {@code openssl} in a directory: EC P-256, valid for two days. */
final class TestPki {

    private static final String OPENSSL = "/usr/bin/openssl";

    private final Path dir;

    TestPki(Path dir) {
        this.dir = dir;
    }

    /** A certificate and its key as files, named {@code <name>.crt} and {@code <name>.key}. */
    record Credential(Path certificate, Path key) {}

    /** A self-signed CA with the subject {@code CN=<commonName>} (openssl's defaults make it one). */
    Credential ca(String name, String commonName) {
        return request(name, "/CN=" + commonName, null, List.of());
    }

    /** A TLS server certificate for 127.0.0.1, signed by {@code ca}. */
    Credential server(String name, Credential ca) {
        return request(
                name,
                "/CN=127.0.0.1",
                ca,
                List.of("subjectAltName=IP:127.0.0.1", "extendedKeyUsage=serverAuth", "basicConstraints=CA:FALSE"));
    }

    /** A client certificate with the subject {@code O=Devices, CN=<commonName>}, signed by {@code ca}. */
    Credential client(String name, String commonName, Credential ca) {
        return request(
                name,
                "/O=Devices/CN=" + commonName,
                ca,
                List.of("basicConstraints=CA:FALSE", "extendedKeyUsage=clientAuth"));
    }

    /** OpenSSL's hash of the certificate's issuer name ({@code x509 -issuer_hash}), e.g. {@code b28446a5}. */
    String issuerHash(Credential certificate) {
        return Commands.run(
                        dir,
                        List.of(
                                OPENSSL,
                                "x509",
                                "-in",
                                certificate.certificate().toString(),
                                "-noout",
                                "-issuer_hash"))
                .trim();
    }

    private Credential request(String name, String subject, Credential issuer, List<String> extensions) {
        Credential made = new Credential(dir.resolve(name + ".crt"), dir.resolve(name + ".key"));
        List<String> command = new ArrayList<>(List.of(
                OPENSSL,
                "req",
                "-x509",
                "-newkey",
                "ec",
                "-pkeyopt",
                "ec_paramgen_curve:P-256",
                "-nodes",
                "-days",
                "2",
                "-subj",
                subject,
                "-keyout",
                made.key().toString(),
                "-out",
                made.certificate().toString()));
        if (issuer != null) {
            command.addAll(List.of(
                    "-CA",
                    issuer.certificate().toString(),
                    "-CAkey",
                    issuer.key().toString()));
        }
        for (String extension : extensions) {
            command.addAll(List.of("-addext", extension));
        }
        Commands.run(dir, command);
        return made;
    }
}
