package io.hawkbit.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Ticker;
import io.hawkbit.rest.dos.DosConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The DoS filter and the login-attempt validator over real HTTP. Loopback is the trusted proxy here, so each test
 * speaks for clients of its own through {@code X-Forwarded-For}; time is a fake ticker the tests advance.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "hawkbit.server.security.dos.filter.whitelist=",
            "hawkbit.server.security.dos.filter.trusted-proxies=127.0.0.1/32, ::1/128",
            "hawkbit.server.security.dos.filter.blacklist=198.51.100.66/32",
            "hawkbit.server.security.dos.filter.max-read=10",
            "hawkbit.server.security.dos.filter.max-write=5",
            "hawkbit.server.security.login.max-attempts=3",
            "hawkbit.server.security.login.ddi-max-attempts=4",
            "hawkbit.server.security.login.lockout=2m",
            "hawkbit.security.users.admin.password=admin",
            "hawkbit.security.users.ann.password=ann-secret",
            "hawkbit.security.users.bob.password=bob-secret"
        })
@ActiveProfiles("test")
class DosProtectionIT {

    static final AtomicLong NOW = new AtomicLong();

    @TempDir
    static Path artifacts;

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        registry.add("hawkbit.artifact.storage.path", () -> artifacts.toString());
    }

    @TestConfiguration
    static class FakeTime {

        @Bean
        @Primary
        @Qualifier(DosConfiguration.TICKER)
        Ticker fakeTicker() {
            return NOW::get;
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        advance(Duration.ofHours(1));
    }

    @Test
    void managementApi_answers429WithRetryAfterAndJson_pastMaxReadsPerSecond() {
        for (int i = 0; i < 10; i++) {
            assertThat(get("/rest/v1/targets", "admin", "admin", "203.0.113.10").status())
                    .as("read %d", i)
                    .isEqualTo(200);
        }
        ApiClient.Response refused = get("/rest/v1/targets", "admin", "admin", "203.0.113.10");
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Retry-After")).isEqualTo("1");
        assertThat(refused.header("Content-Type")).startsWith("application/json");
        assertThat(refused.json().get("errorCode").asString()).isEqualTo("hawkbit.server.error.tooManyRequests");
        assertThat(get("/rest/v1/targets", "admin", "admin", "203.0.113.11").status())
                .as("another client")
                .isEqualTo(200);
        assertThat(meters.get("hawkbit.dos.rejected")
                        .tags("reason", "limit", "api", "mgmt")
                        .counter()
                        .count())
                .isPositive();

        advance(Duration.ofSeconds(1));
        assertThat(get("/rest/v1/targets", "admin", "admin", "203.0.113.10").status())
                .isEqualTo(200);
    }

    @Test
    void loginLockout_refusesEvenTheRightPassword_untilItEnds_andSuccessResetsTheCount() {
        for (int i = 0; i < 3; i++) {
            assertThat(get("/rest/v1/targets", "ann", "guess" + i, "203.0.113.20")
                            .status())
                    .isEqualTo(401);
        }
        ApiClient.Response locked = get("/rest/v1/targets", "ann", "ann-secret", "203.0.113.21");
        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.header("Retry-After")).isEqualTo("120");
        assertThat(locked.json().get("errorCode").asString()).isEqualTo("hawkbit.server.error.tooManyRequests");
        assertThat(get("/rest/v1/targets", "bob", "bob-secret", "203.0.113.20").status())
                .as("the address that failed three times is locked for every user")
                .isEqualTo(429);
        assertThat(get("/rest/v1/targets", "bob", "bob-secret", "203.0.113.22").status())
                .as("another user from another address")
                .isEqualTo(200);

        advance(Duration.ofMinutes(2));
        assertThat(get("/rest/v1/targets", "ann", "ann-secret", "203.0.113.21").status())
                .isEqualTo(200);
        for (int i = 0; i < 2; i++) {
            assertThat(get("/rest/v1/targets", "ann", "guess" + i, "203.0.113.23")
                            .status())
                    .isEqualTo(401);
        }
        assertThat(get("/rest/v1/targets", "ann", "ann-secret", "203.0.113.24").status())
                .isEqualTo(200);
        assertThat(get("/rest/v1/targets", "ann", "guess", "203.0.113.25").status())
                .isEqualTo(401);
        assertThat(get("/rest/v1/targets", "ann", "ann-secret", "203.0.113.26").status())
                .as("the success before cleared the two earlier failures")
                .isEqualTo(200);
    }

    /**
     * Spring's Basic converter trims the header, takes any value starting with "Basic" and decodes from index 6: every
     * such spelling must count as a failure and be refused once locked, the right password included.
     */
    @Test
    void loginLockout_countsAndRefusesEverySpellingOfTheBasicHeader() {
        List<String> spellings = List.of("Basic ", "Basicx", "Basic\t", "Basic:", " Basic ", "BASIC ");
        int n = 0;
        for (String spelling : spellings) {
            String label = "'" + spelling.replace("\t", "\\t") + "'";
            advance(Duration.ofMinutes(2));
            for (int i = 0; i < 3; i++) {
                assertThat(raw(spelling, "ann", "guess" + i, "203.0.113." + (100 + n++))
                                .status())
                        .as(label)
                        .isEqualTo(401);
            }
            assertLocked(raw(spelling, "ann", "ann-secret", "203.0.113.99"), label + " user, same spelling");
            assertLocked(raw("Basic ", "ann", "ann-secret", "203.0.113.98"), label + " user, plain spelling");

            advance(Duration.ofMinutes(2));
            String address = "198.18.0." + n++;
            for (int i = 0; i < 3; i++) {
                assertThat(raw(spelling, "spray" + i, "x", address).status())
                        .as(label)
                        .isEqualTo(401);
            }
            assertLocked(raw(spelling, "bob", "bob-secret", address), label + " address, same spelling");
            assertLocked(raw("Basic ", "bob", "bob-secret", address), label + " address, plain spelling");
            assertThat(raw(spelling, "bob", "bob-secret", "198.18.1." + n).status())
                    .as(label + " elsewhere")
                    .isEqualTo(200);
        }
    }

    private static void assertLocked(ApiClient.RawResponse response, String what) {
        assertThat(response.status()).as(what).isEqualTo(429);
        assertThat(response.text())
                .as(what)
                .contains("Retry-After: 120")
                .contains("\"errorCode\":\"hawkbit.server.error.tooManyRequests\"");
    }

    /** A GET of the targets with the Authorization header spelled exactly as given, sent byte for byte. */
    private ApiClient.RawResponse raw(String scheme, String user, String password, String client) {
        String credentials =
                Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return api.raw("GET /rest/v1/targets HTTP/1.1\nHost: localhost\nConnection: close\nAccept: application/json\n"
                + "X-Forwarded-For: " + client + "\nAuthorization: " + scheme + credentials + "\n");
    }

    @Test
    void ddiAddressWithTooManyFailedTokens_isRefusedEvenWithAValidToken() {
        String token = new Fixture(api).target("dos-" + System.nanoTime());
        String controllerId = "dos-unknown";
        for (int i = 0; i < 4; i++) {
            assertThat(ddi("/DEFAULT/controller/v1/" + controllerId, "TargetToken wrong", "203.0.113.30")
                            .status())
                    .isEqualTo(401);
        }
        ApiClient.Response refused =
                ddi("/DEFAULT/controller/v1/" + controllerId, "TargetToken " + token, "203.0.113.30");
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Retry-After")).isEqualTo("120");
    }

    @Test
    void blacklistedClient_gets403WithJson() {
        ApiClient.Response refused = get("/rest/v1/targets", "admin", "admin", "198.51.100.66");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("errorCode").asString()).isEqualTo("hawkbit.server.error.insufficientpermission");
    }

    private ApiClient.Response get(String path, String user, String password, String client) {
        return api.send(
                "GET",
                path,
                (byte[]) null,
                Map.of(
                        "Authorization",
                        ApiClient.basic(user, password),
                        "Accept",
                        "application/json",
                        "X-Forwarded-For",
                        client));
    }

    private ApiClient.Response ddi(String path, String authorization, String client) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", authorization);
        headers.put("X-Forwarded-For", client);
        return api.send("GET", path, (byte[]) null, headers);
    }

    private static void advance(Duration duration) {
        NOW.addAndGet(duration.toNanos());
    }
}
