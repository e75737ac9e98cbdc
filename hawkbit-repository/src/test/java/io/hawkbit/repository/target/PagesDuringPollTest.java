package io.hawkbit.repository.target;

import static org.assertj.core.api.Assertions.assertThat;

import io.hawkbit.repository.RepositoryJpaTest;
import io.hawkbit.repository.query.OffsetPageRequest;
import io.hawkbit.repository.query.RsqlSpecification;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A page filtered by controllerId (through {@code controller_id_lower}) and sorted by name finds every matching target
 * while another transaction is writing a poll into those targets' rows. On MariaDB 10.11 a VIRTUAL indexed column
 * returned no row at all in that moment (docs/performance.md, "Session 19"): both tests fail on MariaDB without V1_24,
 * which stores the column. On H2 here;
 * {@code …MariaDbTest} and {@code …PostgreSqlTest} run it on the servers.
 */
@RepositoryJpaTest
@DirtiesContext
@Import({TargetPages.class, TargetCounts.class, TargetCountsTest.Statements.class})
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class PagesDuringPollTest {

    private static final String TENANT = "pages-during-poll";
    private static final String OTHER = "pages-during-poll-other";

    @Autowired
    TargetRepository targets;

    @Autowired
    TargetPages pages;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    @BeforeEach
    void seed() {
        // Names in another order than the controllerIds, so the page is sorted, not read in index order.
        new TransactionTemplate(transactionManager)
                .executeWithoutResult(status -> targets.saveAllAndFlush(IntStream.range(0, 60)
                        .mapToObj(i -> new Target(
                                TENANT, "poll-%02d".formatted(i), "name-%02d".formatted((i * 7) % 60), "t" + i))
                        .toList()));
        // Another tenant's targets, so that the filter's range of ix_target_controller_id_lower is the cheap way to
        // the page (on a table of 60 rows MariaDB reads them all in name order instead).
        new TransactionTemplate(transactionManager)
                .executeWithoutResult(status -> targets.saveAllAndFlush(IntStream.range(0, 2000)
                        .mapToObj(i -> new Target(OTHER, "other-%04d".formatted(i), "other-%04d".formatted(i), "o"))
                        .toList()));
    }

    @AfterEach
    void deleteTheTargets() {
        jdbc.update("delete from target where tenant in (?, ?)", TENANT, OTHER);
    }

    @Test
    void prefixPage_whileItsTargetsPoll_findsThemAll() throws Exception {
        List<String> expected = IntStream.range(10, 20)
                .mapToObj(i -> "poll-%02d".formatted(i))
                .sorted(Comparator.comparing(PagesDuringPollTest::name))
                .toList();
        whilePolling(List.of("poll-10", "poll-12", "poll-17", "poll-19"), () -> {
            Page<Target> page =
                    pages.find(spec("controllerId==POLL-1*"), new OffsetPageRequest(0, 50, Sort.by("name")));
            assertThat(page.getContent()).extracting(Target::getControllerId).isEqualTo(expected);
            assertThat(page.getTotalElements()).isEqualTo(10);
        });
    }

    @Test
    void oneDevicesPage_whileItPolls_findsIt() throws Exception {
        whilePolling(List.of("poll-33"), () -> {
            Page<Target> page =
                    pages.find(spec("controllerId==poll-33"), new OffsetPageRequest(0, 50, Sort.by("name")));
            assertThat(page.getContent()).extracting(Target::getControllerId).containsExactly("poll-33");
        });
    }

    /** Runs {@code check} while another connection holds an uncommitted poll write (as PollRecorder's) to {@code ids}. */
    private void whilePolling(List<String> ids, Runnable check) throws Exception {
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch checked = new CountDownLatch(1);
        TransactionTemplate tx = new TransactionTemplate(transactionManager);
        CompletableFuture<Void> poll = CompletableFuture.runAsync(() -> tx.executeWithoutResult(status -> {
            for (String id : ids) {
                jdbc.update(
                        "update target set last_target_query = ?, address = 'http://127.0.0.1', overdue_since = 0"
                                + " where tenant = ? and controller_id = ?",
                        System.currentTimeMillis(),
                        TENANT,
                        id);
            }
            written.countDown();
            await(checked);
            status.setRollbackOnly();
        }));
        try {
            assertThat(written.await(30, TimeUnit.SECONDS)).isTrue();
            check.run();
        } finally {
            checked.countDown();
            poll.get(30, TimeUnit.SECONDS);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the check did not end");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String name(String controllerId) {
        int i = Integer.parseInt(controllerId.substring("poll-".length()));
        return "name-%02d".formatted((i * 7) % 60);
    }

    private static Specification<Target> spec(String rsql) {
        return RsqlSpecification.<Target>parse(rsql, TargetService.FIELDS)
                .and((root, q, cb) -> cb.equal(root.get("tenant"), TENANT));
    }
}
