package io.hawkbit.rest.dos;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.FilterChain;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class DosFilterTest {

    private static final String POLL = "/DEFAULT/controller/v1/dev-1";
    private static final String DOWNLOAD = "/DEFAULT/controller/v1/dev-1/softwaremodules/7/artifacts/rootfs.raucb";

    private final FakeTicker ticker = new FakeTicker();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final List<String> logLines = new ArrayList<>();
    private final AtomicInteger passed = new AtomicInteger();
    private final FilterChain chain = (request, response) -> passed.incrementAndGet();
    private final DosProperties properties = new DosProperties();
    private NodeRequestCounters counters;
    private DosFilter filter;

    DosFilterTest() {
        properties.setWhitelist(List.of());
        properties.setMaxRead(20);
        properties.setMaxWrite(5);
        properties.setDdi(new DosProperties.Budget(10, 3));
        properties.setDownload(new DosProperties.Budget(100, 3));
        build();
    }

    private void build() {
        counters = new NodeRequestCounters(properties, ticker);
        filter = new DosFilter(
                new ClientAddresses(properties),
                counters,
                meters,
                new RejectionLog(logLines::add, ticker, Duration.ofSeconds(10)));
    }

    @Test
    void filter_rejectsTheRequestAfterMax_with429RetryAfterAndJson() throws Exception {
        for (int i = 0; i < 20; i++) {
            assertThat(send("GET", "/rest/v1/targets", "192.0.2.1").getStatus()).isEqualTo(200);
        }
        MockHttpServletResponse rejected = send("GET", "/rest/v1/targets", "192.0.2.1");
        assertThat(rejected.getStatus()).isEqualTo(429);
        assertThat(rejected.getHeader("Retry-After")).isEqualTo("1");
        assertThat(rejected.getContentType()).startsWith("application/json");
        assertThat(rejected.getContentAsString())
                .contains("\"errorCode\":\"hawkbit.server.error.tooManyRequests\"")
                .contains("\"exceptionClass\":\"io.hawkbit.rest.dos.DosFilter\"");
        assertThat(passed).hasValue(20);
    }

    @Test
    void filter_letsTheClientBackInAfterTheWindow() throws Exception {
        exhaust("GET", "/rest/v1/targets", "192.0.2.1", 20);
        ticker.advance(Duration.ofMillis(999));
        assertThat(send("GET", "/rest/v1/targets", "192.0.2.1").getStatus()).isEqualTo(429);
        ticker.advance(Duration.ofMillis(1));
        for (int i = 0; i < 20; i++) {
            assertThat(send("GET", "/rest/v1/targets", "192.0.2.1").getStatus()).isEqualTo(200);
        }
        assertThat(send("GET", "/rest/v1/targets", "192.0.2.1").getStatus()).isEqualTo(429);
    }

    @Test
    void filter_letsExactlyMaxThroughPerWindow_under32ConcurrentThreads() throws Exception {
        properties.setDdi(new DosProperties.Budget(200, 50));
        build();
        int threads = 32;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int window = 0; window < 3; window++) {
                passed.set(0);
                CountDownLatch start = new CountDownLatch(1);
                List<Future<?>> done = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    done.add(pool.submit(() -> {
                        start.await();
                        for (int i = 0; i < 25; i++) {
                            send("GET", POLL, "192.0.2.1");
                        }
                        return null;
                    }));
                }
                start.countDown();
                for (Future<?> f : done) {
                    f.get();
                }
                assertThat(passed)
                        .as("window %d: 800 requests, limit 200", window)
                        .hasValue(200);
                ticker.advance(Duration.ofSeconds(1));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void downloads_haveTheirOwnBudget_andLeaveTheDdiBudgetAlone() throws Exception {
        for (int i = 0; i < 100; i++) {
            assertThat(send("GET", DOWNLOAD, "192.0.2.1").getStatus())
                    .as("range request %d", i)
                    .isEqualTo(200);
        }
        assertThat(send("GET", DOWNLOAD, "192.0.2.1").getStatus()).isEqualTo(429);
        for (int i = 0; i < 10; i++) {
            assertThat(send("GET", POLL, "192.0.2.1").getStatus())
                    .as("poll %d during the download", i)
                    .isEqualTo(200);
        }
        assertThat(send("GET", POLL, "192.0.2.1").getStatus()).isEqualTo(429);
        assertThat(send("GET", "/rest/v1/targets", "192.0.2.1").getStatus())
                .as("the Management budget is separate too")
                .isEqualTo(200);
    }

    @Test
    void readsAndWrites_haveSeparateBudgets() throws Exception {
        exhaust("POST", POLL + "/deploymentBase/1/feedback", "192.0.2.1", 3);
        assertThat(send("GET", POLL, "192.0.2.1").getStatus()).isEqualTo(200);
        exhaust("PUT", "/rest/v1/targets/x", "192.0.2.1", 5);
        assertThat(send("HEAD", "/rest/v1/targets/x", "192.0.2.1").getStatus()).isEqualTo(200);
    }

    @Test
    void clients_areCountedApart() throws Exception {
        exhaust("GET", POLL, "192.0.2.1", 10);
        assertThat(send("GET", POLL, "192.0.2.2").getStatus()).isEqualTo(200);
        assertThat(send("GET", POLL, "2001:db8::1").getStatus()).isEqualTo(200);
    }

    @Test
    void whitelistedClient_isNeverLimited() throws Exception {
        properties.setWhitelist(List.of(Cidr.of("127.0.0.0/8")));
        build();
        for (int i = 0; i < 1000; i++) {
            assertThat(send("GET", POLL, "127.0.0.1").getStatus()).isEqualTo(200);
        }
        assertThat(counters.trackedClients()).isZero();
    }

    @Test
    void blacklistedClient_gets403WithJson_evenWhenAlsoWhitelisted() throws Exception {
        properties.setWhitelist(List.of(Cidr.of("192.0.2.0/24")));
        properties.setBlacklist(List.of(Cidr.of("192.0.2.66/32")));
        build();
        MockHttpServletResponse refused = send("GET", POLL, "192.0.2.66");
        assertThat(refused.getStatus()).isEqualTo(403);
        assertThat(refused.getContentAsString())
                .contains("\"errorCode\":\"hawkbit.server.error.insufficientpermission\"");
        assertThat(passed).hasValue(0);
    }

    @Test
    void rejections_areCountedByReasonAndApi_andLoggedSparingly() throws Exception {
        properties.setBlacklist(List.of(Cidr.of("198.51.100.0/24")));
        build();
        exhaust("GET", POLL, "192.0.2.1", 10);
        send("GET", POLL, "192.0.2.1");
        send("GET", DOWNLOAD, "198.51.100.1");
        assertThat(meters.get(DosFilter.METRIC)
                        .tags("reason", "limit", "api", "ddi")
                        .counter()
                        .count())
                .isEqualTo(2);
        assertThat(meters.get(DosFilter.METRIC)
                        .tags("reason", "blacklist", "api", "download")
                        .counter()
                        .count())
                .isEqualTo(1);
        assertThat(meters.get(DosFilter.METRIC)
                        .tags("reason", "limit", "api", "mgmt")
                        .counter()
                        .count())
                .isZero();
        assertThat(logLines).hasSize(1);
    }

    @Test
    void counters_keepNoMoreThanMaxTrackedClients() throws Exception {
        properties.setMaxTrackedClients(100);
        build();
        for (int i = 0; i < 20_000; i++) {
            send("GET", POLL, "10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255));
        }
        assertThat(counters.trackedClients()).isLessThanOrEqualTo(100);
        assertThat(passed).hasValue(20_000);
    }

    @Test
    void idleClients_areDroppedAfterAWindow() throws Exception {
        exhaust("GET", POLL, "192.0.2.1", 10);
        assertThat(counters.trackedClients()).isEqualTo(1);
        ticker.advance(Duration.ofSeconds(1));
        assertThat(counters.trackedClients()).isZero();
        assertThat(send("GET", POLL, "192.0.2.1").getStatus()).isEqualTo(200);
    }

    private void exhaust(String method, String path, String client, int max) throws Exception {
        for (int i = 0; i < max; i++) {
            assertThat(send(method, path, client).getStatus()).isEqualTo(200);
        }
        assertThat(send(method, path, client).getStatus()).isEqualTo(429);
    }

    private MockHttpServletResponse send(String method, String path, String client) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.setRemoteAddr(client);
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, chain);
        return response;
    }
}
