package io.hawkbit.rest.dos;

import com.github.benmanes.caffeine.cache.Ticker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.FilterChain;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * CPU cost of {@link DosFilter} per request, without JMH: a warmed-up loop over prepared mock requests from 10 000
 * clients, reporting the median of several rounds in ns/op (wall clock and this thread's CPU time). Run by
 * {@code benchmarks/dos.sh}.
 */
public final class DosFilterBenchmark {

    private static final int CLIENTS = 10_000;
    private static final int OPS = 1_000_000;
    private static final int ROUNDS = 5;
    private static final FilterChain NOTHING = (request, response) -> {};

    private DosFilterBenchmark() {}

    public static void main(String[] args) throws Exception {
        System.out.printf("%-44s %10s %10s%n", "scenario", "wall ns/op", "cpu ns/op");
        run("DDI poll, counted, within budget", List.of(), "/DEFAULT/controller/v1/dev-%d", "GET");
        run(
                "artifact range request, counted",
                List.of(),
                "/DEFAULT/controller/v1/dev-%d/softwaremodules/1/artifacts/a.raucb",
                "GET");
        run("Management write, counted", List.of(), "/rest/v1/targets/t-%d", "PUT");
        run("DDI poll, whitelisted", List.of(Cidr.of("10.0.0.0/8")), "/DEFAULT/controller/v1/dev-%d", "GET");
    }

    private static void run(String scenario, List<Cidr> whitelist, String path, String method) throws Exception {
        DosProperties properties = new DosProperties();
        properties.setWhitelist(whitelist);
        properties.setBlacklist(List.of(Cidr.of("192.0.2.0/24"), Cidr.of("2001:db8::/32")));
        // Budgets high enough that every request passes: the common path, a bucket taken and one token consumed.
        properties.setMaxRead(DosProperties.MAX_LIMIT);
        properties.setMaxWrite(DosProperties.MAX_LIMIT);
        properties.setDdi(new DosProperties.Budget(DosProperties.MAX_LIMIT, DosProperties.MAX_LIMIT));
        properties.setDownload(new DosProperties.Budget(DosProperties.MAX_LIMIT, DosProperties.MAX_LIMIT));
        DosFilter filter = new DosFilter(
                new ClientAddresses(properties),
                new NodeRequestCounters(properties, Ticker.systemTicker()),
                new SimpleMeterRegistry(),
                new RejectionLog(line -> {}, System::nanoTime, properties.getLogInterval()));
        MockHttpServletRequest[] requests = new MockHttpServletRequest[CLIENTS];
        for (int i = 0; i < CLIENTS; i++) {
            requests[i] = new MockHttpServletRequest(method, String.format(path, i));
            requests[i].setRemoteAddr("10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255));
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        loop(filter, requests, response, OPS * 3);
        long[] wall = new long[ROUNDS];
        long[] cpu = new long[ROUNDS];
        for (int round = 0; round < ROUNDS; round++) {
            long cpuStart = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            loop(filter, requests, response, OPS);
            wall[round] = (System.nanoTime() - start) / OPS;
            cpu[round] = (threads.getCurrentThreadCpuTime() - cpuStart) / OPS;
        }
        Arrays.sort(wall);
        Arrays.sort(cpu);
        System.out.printf("%-44s %10d %10d%n", scenario, wall[ROUNDS / 2], cpu[ROUNDS / 2]);
    }

    private static void loop(
            DosFilter filter, MockHttpServletRequest[] requests, MockHttpServletResponse response, int ops)
            throws Exception {
        String resolved = Client.class.getName();
        for (int i = 0; i < ops; i++) {
            MockHttpServletRequest request = requests[i % CLIENTS];
            // Each request is new to the filter: forget the client it resolved last time.
            request.removeAttribute(resolved);
            filter.doFilter(request, response, NOTHING);
            if (response.getStatus() != 200) {
                throw new IllegalStateException("request refused: " + response.getStatus());
            }
        }
    }
}
