package io.hawkbit.repository.target;

import static org.assertj.core.api.Assertions.assertThat;

import io.hawkbit.repository.RepositoryJpaTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Transactions writing targets at once, committed, each on its own connection and so its own shard (or sharing one,
 * where two connection ids agree modulo 16): two threads creating targets in batches and a third setting and clearing
 * overdue marks all end without a deadlock or lock-wait error, and the kept counts equal {@code COUNT(*)}. On H2
 * here; {@code …MariaDbTest} and {@code …PostgreSqlTest} run it on the servers.
 */
@RepositoryJpaTest
@DirtiesContext
@Import({TargetCounts.class, TargetCountsTest.Statements.class})
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class TargetCountsConcurrencyTest {

    private static final String TENANT = "count-concurrent";

    @Autowired
    TargetRepository targets;

    @Autowired
    TargetCounts counts;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    @AfterEach
    void deleteTheTargets() {
        jdbc.update("delete from target where tenant = ?", TENANT);
    }

    @Test
    void concurrentCreatorsAndMarker_noDeadlock_exactCounts() {
        TransactionTemplate tx = new TransactionTemplate(transactionManager);
        int batches = 25;
        int perBatch = 20;
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<CompletableFuture<?>> work = new ArrayList<>();
            for (String creator : List.of("a", "b")) {
                work.add(CompletableFuture.runAsync(
                        () -> {
                            for (int b = 0; b < batches; b++) {
                                int batch = b;
                                tx.executeWithoutResult(status -> targets.saveAllAndFlush(IntStream.range(0, perBatch)
                                        .mapToObj(i -> {
                                            String id = creator + "-" + batch + "-" + i;
                                            return new Target(TENANT, id, id, "t");
                                        })
                                        .toList()));
                            }
                        },
                        pool));
            }
            // Marks and clears what the creators committed so far, as the scheduler and the poll writer do.
            work.add(CompletableFuture.runAsync(
                    () -> {
                        for (int round = 0; round < 40; round++) {
                            boolean set = round % 2 == 0;
                            tx.executeWithoutResult(status -> jdbc.update(
                                    set
                                            ? "update target set overdue_since = 1 where tenant = ? and overdue_since = 0"
                                            : "update target set overdue_since = 0 where tenant = ? and id % 3 = 0",
                                    TENANT));
                        }
                    },
                    pool));
            CompletableFuture.allOf(work.toArray(CompletableFuture[]::new)).join();
        } finally {
            pool.shutdown();
        }
        long all = jdbc.queryForObject("select count(*) from target where tenant = ?", Long.class, TENANT);
        long overdue = jdbc.queryForObject(
                "select count(*) from target where tenant = ? and overdue_since > 0", Long.class, TENANT);
        assertThat(all).isEqualTo(2L * batches * perBatch);
        assertThat(counts.of(TENANT)).isEqualTo(new TargetCounts.Totals(all, overdue));
        assertThat(jdbc.queryForObject(
                        "select count(distinct shard) from target_count where tenant = ? and kind = 'all'",
                        Long.class,
                        TENANT))
                .as("shards the creators wrote")
                .isBetween(1L, 2L);
    }
}
