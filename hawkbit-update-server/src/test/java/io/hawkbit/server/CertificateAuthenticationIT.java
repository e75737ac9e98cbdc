package io.hawkbit.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;

/**
 * Certificate authentication end to end: devices (curl with a client certificate) talk TLS to Debian's nginx, which
 * checks the certificate and passes its CN and issuer hash to the server in hawkBit's headers. The server trusts only
 * the proxy's source address, 127.0.0.2 ({@code proxy_bind}); a client on 127.0.0.1 reaching the server directly is
 * no proxy. The proxy accepts two device CAs, the tenant only the first one's hash, so the server itself must refuse
 * the second.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "hawkbit.server.security.dos.filter.trusted-proxies=127.0.0.2/32")
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CertificateAuthenticationIT {

    private static final String DDI = "/DEFAULT/controller/v1/";

    // Made here rather than by @TempDir: with one instance per class the context starts before JUnit fills those.
    static final Path artifacts = tempDirectory("cert-artifacts");

    final Path dir = tempDirectory("cert-pki");

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        registry.add("hawkbit.artifact.storage.path", () -> artifacts.toString());
    }

    @LocalServerPort
    int port;

    ApiClient api;
    Fixture fixture;
    NginxProxy proxy;
    String hash1;
    String hash2;
    CurlDevice dev1;
    CurlDevice dev2OfCa2;
    CurlDevice dev3OfUnknownCa;
    CurlDevice noCertificate;
    long moduleId;
    long setId;
    byte[] content;

    @BeforeAll
    void startProxy() throws IOException {
        Commands.assumeInstalled(NginxProxy.NGINX, CurlDevice.CURL, "/usr/bin/openssl");
        api = new ApiClient(port);
        fixture = new Fixture(api);

        TestPki pki = new TestPki(dir);
        TestPki.Credential serverCa = pki.ca("server-ca", "Proxy CA");
        TestPki.Credential ca1 = pki.ca("ca1", "Device CA 1");
        TestPki.Credential ca2 = pki.ca("ca2", "Device CA 2");
        TestPki.Credential ca3 = pki.ca("ca3", "Device CA 3");
        TestPki.Credential dev1Cert = pki.client("dev1", "dev-1", ca1);
        TestPki.Credential dev2Cert = pki.client("dev2", "dev-2", ca2);
        TestPki.Credential dev3Cert = pki.client("dev3", "dev-3", ca3);
        hash1 = pki.issuerHash(dev1Cert);
        hash2 = pki.issuerHash(dev2Cert);
        assertThat(hash1).matches("[0-9a-f]{8}").isNotEqualTo(hash2);

        Path clientCas = dir.resolve("device-cas.pem");
        Files.writeString(clientCas, Files.readString(ca1.certificate()) + Files.readString(ca2.certificate()));
        proxy = NginxProxy.start(
                dir,
                port,
                "127.0.0.2",
                pki.server("proxy", serverCa),
                clientCas,
                Map.of("CN=Device CA 1", hash1, "CN=Device CA 2", hash2));
        dev1 = new CurlDevice(dir, dev1Cert, serverCa.certificate());
        dev2OfCa2 = new CurlDevice(dir, dev2Cert, serverCa.certificate());
        dev3OfUnknownCa = new CurlDevice(dir, dev3Cert, serverCa.certificate());
        noCertificate = new CurlDevice(dir, null, serverCa.certificate());

        // Several authorities, in another case than the proxy sends: matched ignoring case.
        fixture.config("authentication.header.authority", "\"0badc0de;" + hash1.toUpperCase() + "\"");
        fixture.config("authentication.header.enabled", "true");

        content = new byte[300_000];
        new Random(15).nextBytes(content);
        moduleId = fixture.module("cert-os", "1", "os");
        fixture.artifact(moduleId, "image.bin", content);
        setId = fixture.distributionSet("cert-set", "1", "os", moduleId);
    }

    @AfterAll
    void stopProxy() throws InterruptedException, IOException {
        if (proxy != null) {
            proxy.close();
        }
        FileSystemUtils.deleteRecursively(dir);
        FileSystemUtils.deleteRecursively(artifacts);
    }

    private static Path tempDirectory(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void deviceWithACertificateOfATrustedIssuer_registersPollsAndDownloadsThroughTheProxy() {
        ApiClient.Response first = dev1.get(proxied("dev-1"));
        assertThat(first.status()).as(first.text() + proxy.log()).isEqualTo(200);
        assertThat(first.json().at("/config/polling/sleep").asString()).isNotEmpty();
        assertThat(api.mgmt("GET", "/rest/v1/targets/dev-1").status())
                .as("the first poll registered the device")
                .isEqualTo(200);

        fixture.assign("dev-1", setId, "forced");
        ApiClient.Response poll = dev1.get(proxied("dev-1"));
        assertThat(poll.status()).isEqualTo(200);
        String deployment = poll.json().at("/_links/deploymentBase/href").asString();
        assertThat(deployment)
                .as("links lead back through the proxy")
                .startsWith("https://127.0.0.1:" + proxy.port() + DDI + "dev-1/deploymentBase/");

        ApiClient.Response base = dev1.get(deployment);
        assertThat(base.status()).as(base.text()).isEqualTo(200);
        JsonNode artifact = base.json().at("/deployment/chunks/0/artifacts/0");
        assertThat(artifact.get("filename").asString()).isEqualTo("image.bin");
        String download = artifact.at("/_links/download/href").asString();
        assertThat(URI.create(download).getPort()).isEqualTo(proxy.port());

        ApiClient.Response file = dev1.get(download);
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.body()).isEqualTo(content);
        ApiClient.Response md5 = dev1.get(download + ".MD5SUM");
        assertThat(md5.status()).isEqualTo(200);
        assertThat(md5.text()).endsWith("  image.bin");
    }

    @Test
    void certificateOfAnIssuerTheProxyTrustsButTheTenantDoesNot_isRefusedByTheServer() {
        ApiClient.Response refused = dev2OfCa2.get(proxied("dev-2"));
        assertThat(refused.status()).as(refused.text()).isEqualTo(401);
        assertThat(refused.json().get("errorCode").asString()).isEqualTo("hawkbit.server.error.unauthorized");
        assertThat(dev2OfCa2
                        .get(proxied("dev-2") + "/softwaremodules/" + moduleId + "/artifacts/image.bin")
                        .status())
                .isEqualTo(401);
        assertThat(api.mgmt("GET", "/rest/v1/targets/dev-2").status()).isEqualTo(404);

        // The same request passes once the tenant names the second CA too: the issuer hash made the difference.
        try {
            fixture.config("authentication.header.authority", "\"" + hash1 + "," + hash2 + "\"");
            assertThat(dev2OfCa2.get(proxied("dev-2")).status()).isEqualTo(200);
        } finally {
            fixture.config("authentication.header.authority", "\"" + hash1 + "\"");
        }
    }

    @Test
    void issuerHashesAClientWritesItself_neverReachTheServer() {
        // nginx replaces X-Ssl-Issuer-Hash-1 and drops -2; the server reads no further than the first gap.
        ApiClient.Response forged = dev2OfCa2.get(
                proxied("dev-2"),
                Map.of(
                        "X-Ssl-Issuer-Hash-1", hash1,
                        "X-Ssl-Issuer-Hash-2", hash1,
                        "X-Ssl-Issuer-Hash-3", hash1));
        assertThat(forged.status()).as(forged.text()).isEqualTo(401);
    }

    @Test
    void certificateOfOneDevice_opensNoOtherDevice() {
        assertThat(dev1.get(proxied("dev-other")).status()).isEqualTo(401);
        assertThat(dev1.get(proxied("dev-other"), Map.of("X-Ssl-Client-Cn", "dev-other"))
                        .status())
                .as("the proxy sets the CN from the certificate, whatever the client sends")
                .isEqualTo(401);
        assertThat(dev1.get(proxied("dev-other") + "/softwaremodules/" + moduleId + "/artifacts/image.bin")
                        .status())
                .isEqualTo(401);
    }

    @Test
    void certificateOfAnUnknownCa_orNone_isRefusedByTheProxy() {
        ApiClient.Response unknown = dev3OfUnknownCa.get(proxied("dev-3"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.text()).contains("SSL certificate error");
        ApiClient.Response none = noCertificate.get(proxied("dev-1"));
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.text()).contains("No required SSL certificate was sent");
    }

    @Test
    void theSameHeadersSentDirectly_areNotBelieved() {
        Map<String, String> headers = Map.of(
                "X-Ssl-Client-Cn", "dev-1",
                "X-Ssl-Issuer-Hash-1", hash1,
                // Naming the proxy as a hop changes nothing: only the connection's peer counts.
                "X-Forwarded-For", "127.0.0.2");
        ApiClient.Response poll = api.send("GET", DDI + "dev-1", (byte[]) null, headers);
        assertThat(poll.status()).as(poll.text()).isEqualTo(401);
        ApiClient.Response download = api.send(
                "GET", DDI + "dev-1/softwaremodules/" + moduleId + "/artifacts/image.bin", (byte[]) null, headers);
        assertThat(download.status()).isEqualTo(401);
    }

    @Test
    void switchedOffForTheTenant_theCertificateOpensNothing() {
        try {
            fixture.config("authentication.header.enabled", "false");
            assertThat(dev1.get(proxied("dev-1")).status()).isEqualTo(401);
        } finally {
            fixture.config("authentication.header.enabled", "true");
        }
        assertThat(dev1.get(proxied("dev-1")).status()).isEqualTo(200);
    }

    private String proxied(String controllerId) {
        return "https://127.0.0.1:" + proxy.port() + DDI + controllerId;
    }
}
