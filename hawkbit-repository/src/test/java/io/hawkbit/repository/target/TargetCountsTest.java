package io.hawkbit.repository.target;

import static org.assertj.core.api.Assertions.assertThat;

import io.hawkbit.repository.RepositoryJpaTest;
import io.hawkbit.repository.StatementCounter;
import io.hawkbit.repository.query.OffsetPageRequest;
import io.hawkbit.repository.query.RecordedSql;
import io.hawkbit.repository.query.RsqlSpecification;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jpa.test.autoconfigure.TestEntityManager;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * The counts V1_21's triggers keep in {@code target_count} equal {@code COUNT(*)} of the tenant's targets, and of
 * those marked overdue, after every kind of write: JPA inserts one by one and in a batch, deletes by id, the mark set
 * and cleared by bulk SQL, a poll write clearing marks, raw SQL inserts, a tenant's targets deleted by SQL; another
 * tenant is never counted. Each test runs in a transaction that is rolled back (the triggers' writes with it).
 */
@RepositoryJpaTest
@Import({TargetCounts.class, TargetPages.class, CountedMarks.class, TargetCountsTest.Statements.class})
@TestPropertySource(
        properties =
                "spring.jpa.properties.hibernate.session_factory.statement_inspector=io.hawkbit.repository.query.RecordedSql")
class TargetCountsTest {

    static final String TENANT = "count-test";
    static final String OTHER = "count-other";

    @TestConfiguration
    static class Statements {

        @Bean
        StatementCounter statementCounter() {
            return new StatementCounter(new SimpleMeterRegistry());
        }

        @Bean
        JdbcTemplate jdbcTemplate(DataSource dataSource) {
            return new JdbcTemplate(dataSource);
        }
    }

    @Autowired
    TestEntityManager entities;

    @Autowired
    TargetRepository targets;

    @Autowired
    TargetCounts counts;

    @Autowired
    TargetPages pages;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CountedMarks countedMarks;

    @BeforeEach
    void otherTenant() {
        // Targets of another tenant, some marked: they must never show in TENANT's counts.
        targets.saveAll(IntStream.range(0, 7)
                .mapToObj(i -> new Target(OTHER, "other-" + i, "other-" + i, "o" + i))
                .toList());
        targets.flush();
        jdbc.update("update target set overdue_since = 1 where tenant = ? and controller_id < 'other-3'", OTHER);
        assertExact();
    }

    @Test
    void jpaInserts_singleAndBatch_andDeletesById() {
        entities.persist(new Target(TENANT, "single", "single", "t"));
        entities.flush();
        assertThat(counts.of(TENANT)).isEqualTo(new TargetCounts.Totals(1, 0));

        List<Target> batch = targets.saveAll(IntStream.range(0, 40)
                .mapToObj(i -> new Target(TENANT, "batch-" + i, "batch-" + i, "t" + i))
                .toList());
        targets.flush();
        assertThat(counts.of(TENANT)).isEqualTo(new TargetCounts.Totals(41, 0));
        assertExact();

        mark(TENANT, "batch-1%");
        targets.delete(batch.get(10)); // batch-10, marked
        targets.delete(batch.get(2));
        targets.flush();
        assertThat(counts.of(TENANT)).isEqualTo(new TargetCounts.Totals(39, 10));
        assertExact();
    }

    @Test
    void marksSetAndClearedBySql_countOnlyChangesOfTheMarksPresence() {
        targets.saveAll(IntStream.range(0, 20)
                .mapToObj(i -> new Target(TENANT, "dev-" + i, "dev-" + i, "t" + i))
                .toList());
        targets.flush();
        assertThat(mark(TENANT, "dev-1%")).isEqualTo(11);
        assertThat(counts.of(TENANT).overdue()).isEqualTo(11);
        // Marked again with a later time, or cleared where there is no mark (0 as this version clears, NULL as
        // nodes before V1_22 did), or NULL turned into 0 as the scheduler does: the presence did not change.
        jdbc.update("update target set overdue_since = 2 where tenant = ? and controller_id like 'dev-1%'", TENANT);
        jdbc.update("update target set overdue_since = null where tenant = ? and controller_id = 'dev-2'", TENANT);
        jdbc.update("update target set overdue_since = 0 where tenant = ? and controller_id = 'dev-3'", TENANT);
        assertThat(jdbc.update(
                        "update target set overdue_since = 0 where tenant = ? and overdue_since is null", TENANT))
                .isEqualTo(1);
        // A JPA update of other columns leaves the mark alone.
        Target renamed = targets.findByTenantAndControllerId(TENANT, "dev-11").orElseThrow();
        renamed.setName("renamed");
        targets.flush();
        assertThat(counts.of(TENANT).overdue()).isEqualTo(11);
        // The scheduler's unmark: cleared for several rows in one statement; and a previous version's, to NULL.
        jdbc.update(
                "update target set overdue_since = 0 where tenant = ? and controller_id in ('dev-1', 'dev-10')",
                TENANT);
        jdbc.update("update target set overdue_since = null where tenant = ? and controller_id = 'dev-12'", TENANT);
        assertThat(counts.of(TENANT)).isEqualTo(new TargetCounts.Totals(20, 8));
        assertExact();
    }

    @Test
    void theSchedulersMarks_areCountedOnceByTheBatch_andLaterWritesByTheTriggerAgain() {
        targets.saveAll(IntStream.range(0, 10)
                .mapToObj(i -> new Target(TENANT, "flag-" + i, "flag-" + i, "t" + i))
                .toList());
        targets.flush();
        jdbc.update("update target set overdue_since = 3 where tenant = ? and controller_id = 'flag-9'", TENANT);
        int marked = countedMarks.mark(
                TENANT,
                () -> jdbc.update(
                        "update target set overdue_since = 7 where tenant = ? and controller_id < 'flag-5'"
                                + " and overdue_since = 0",
                        TENANT));
        assertThat(marked).isEqualTo(5);
        assertThat(counts.of(TENANT)).isEqualTo(new TargetCounts.Totals(10, 6));
        assertExact();
        // After the batch, in the same transaction and session: marks and clears are the trigger's to count again.
        jdbc.update("update target set overdue_since = 8 where tenant = ? and controller_id = 'flag-7'", TENANT);
        jdbc.update("update target set overdue_since = 0 where tenant = ? and controller_id = 'flag-0'", TENANT);
        jdbc.update("update target set overdue_since = null where tenant = ? and controller_id = 'flag-1'", TENANT);
        assertThat(counts.of(TENANT)).isEqualTo(new TargetCounts.Totals(10, 5));
        assertExact();
        // A batch that marked nothing adds nothing.
        assertThat(countedMarks.mark(TENANT, () -> 0)).isZero();
        assertExact();
    }

    @Test
    void aPollWriteClearsTheMark_andTheCount() {
        List<Target> saved = targets.saveAll(IntStream.range(0, 5)
                .mapToObj(i -> new Target(TENANT, "poll-" + i, "poll-" + i, "t" + i))
                .toList());
        targets.flush();
        mark(TENANT, "poll-%");
        PollRecorder polls =
                new PollRecorder(jdbc, null, new PollProperties(), new StatementCounter(new SimpleMeterRegistry()));
        polls.record(saved.get(0).getId(), 1_000, "http://a");
        polls.record(saved.get(3).getId(), 1_000, "http://b");
        polls.flush();
        assertThat(counts.of(TENANT)).isEqualTo(new TargetCounts.Totals(5, 3));
        assertExact();
    }

    @Test
    void rawSqlInserts_andTheTenantsTargetsDeletedBySql() {
        for (int i = 0; i < 6; i++) {
            jdbc.update(
                    "INSERT INTO target (tenant, controller_id, name, security_token, update_status,"
                            + " request_controller_attributes, created_at, created_by, last_modified_at,"
                            + " last_modified_by, optlock_revision, overdue_since) VALUES (?, ?, ?, 't', 'UNKNOWN',"
                            + " TRUE, CURRENT_TIMESTAMP, 'test', CURRENT_TIMESTAMP, 'test', 0, ?)",
                    TENANT,
                    "raw-" + i,
                    "raw-" + i,
                    i % 3 == 0 ? Long.valueOf(5) : i % 3 == 1 ? Long.valueOf(0) : null);
        }
        // Without the column: its default, 0, not marked.
        jdbc.update(
                "INSERT INTO target (tenant, controller_id, name, security_token, update_status,"
                        + " request_controller_attributes, created_at, created_by, last_modified_at, last_modified_by,"
                        + " optlock_revision) VALUES (?, 'raw-default', 'raw-default', 't', 'UNKNOWN', TRUE, CURRENT_TIMESTAMP,"
                        + " 'test', CURRENT_TIMESTAMP, 'test', 0)",
                TENANT);
        assertThat(jdbc.queryForObject(
                        "select overdue_since from target where controller_id = 'raw-default'", Long.class))
                .isZero();
        assertThat(counts.of(TENANT)).isEqualTo(new TargetCounts.Totals(7, 2));
        assertExact();
        // As a tenant's deletion would: all its targets in one statement.
        assertThat(jdbc.update("delete from target where tenant = ?", TENANT)).isEqualTo(7);
        assertThat(counts.of(TENANT)).isEqualTo(new TargetCounts.Totals(0, 0));
        assertExact();
    }

    @Test
    void theTotalOfNoFilterAndOfTheOverdueMark_isTheKeptCount() {
        targets.saveAll(IntStream.range(0, 12)
                .mapToObj(i -> new Target(TENANT, "page-" + i, "page-" + i, "t" + i))
                .toList());
        targets.flush();
        mark(TENANT, "page-1%");
        Map<String, Long> expected = Map.of(
                "", 12L,
                "overdue==true", 3L,
                "overdue==false", 9L,
                "overdue!=true", 9L,
                "overdue=in=(true,false)", 12L,
                "overdue=out=(true,false)", 0L);
        expected.forEach((rsql, total) -> {
            RsqlSpecification.Filter<Target> filter = RsqlSpecification.filter(rsql, TargetService.FIELDS);
            var spec = filter.specification().and((root, q, cb) -> cb.equal(root.get("tenant"), TENANT));
            assertThat(targets.count(spec)).as("plain count of '%s'", rsql).isEqualTo(total);
            RecordedSql.clear();
            // Offset 1: a short page alone gives its total without asking for a count.
            var page = pages.find(
                    spec,
                    new OffsetPageRequest(1, 2, Sort.by("name")),
                    filter.linkFilter(),
                    TENANT,
                    counts.total(TENANT, filter));
            assertThat(page.getTotalElements()).as("total of '%s'", rsql).isEqualTo(total);
            assertThat(RecordedSql.statements())
                    .as("'%s' is not counted over target", rsql)
                    .noneMatch(sql -> sql.toLowerCase().startsWith("select count("));
        });
        // Any other filter is counted as before.
        for (String rsql : List.of("overdue==true;name==page-1*", "name==page-1*", "overdue==true,name==x")) {
            assertThat(counts.total(TENANT, RsqlSpecification.filter(rsql, TargetService.FIELDS)))
                    .as(rsql)
                    .isEmpty();
        }
    }

    /** Marks the tenant's targets whose controllerId is like {@code pattern}, as the overdue scheduler does. */
    int mark(String tenant, String pattern) {
        return jdbc.update(
                "update target set overdue_since = 1 where tenant = ? and controller_id like ?"
                        + " and coalesce(overdue_since, 0) = 0",
                tenant,
                pattern);
    }

    /** The kept counts of every tenant equal COUNT(*). */
    void assertExact() {
        for (String tenant : List.of(TENANT, OTHER)) {
            assertThat(counts.of(tenant))
                    .as("kept counts of %s", tenant)
                    .isEqualTo(new TargetCounts.Totals(
                            jdbc.queryForObject("select count(*) from target where tenant = ?", Long.class, tenant),
                            jdbc.queryForObject(
                                    "select count(*) from target where tenant = ? and overdue_since > 0",
                                    Long.class,
                                    tenant)));
        }
        assertThat(counts.of(OTHER)).isEqualTo(new TargetCounts.Totals(7, 3));
    }
}
