package io.hawkbit.repository.target;

import static org.assertj.core.api.Assertions.assertThat;

import io.hawkbit.repository.RepositoryJpaTest;
import io.hawkbit.repository.target.OverdueMarks.Candidate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * One batch of marks names exactly the targets it marked: all candidates when all were still due, and otherwise only
 * those the UPDATE changed (read back on MariaDB and H2, returned on PostgreSQL), never one that polled after the
 * cutoff or was marked already, even by another node with the same time; the kept overdue count follows. Each test runs
 * in a transaction that is rolled back.
 */
@RepositoryJpaTest
@Import({
    OverdueMarks.class,
    CountedMarks.class,
    TargetCounts.class,
    TargetCountsTest.Statements.class,
    OverdueMarksTest.NamedJdbc.class
})
class OverdueMarksTest {

    static final String TENANT = "marks-test";
    static final long CUTOFF = 2_000;
    static final long NOW = 9_000;

    @TestConfiguration
    static class NamedJdbc {

        @Bean
        NamedParameterJdbcTemplate namedParameterJdbcTemplate(JdbcTemplate jdbc) {
            return new NamedParameterJdbcTemplate(jdbc);
        }
    }

    @Autowired
    OverdueMarks marks;

    @Autowired
    TargetRepository targets;

    @Autowired
    TargetCounts counts;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void allStillDue_namesEveryCandidate() {
        List<Candidate> candidates = List.of(target("due-0", 1_000, 0L), target("due-1", 1_500, null));

        List<String> marked = marks.mark(TENANT, NOW, CUTOFF, candidates, new MarkTimes());

        assertThat(marked).containsExactlyInAnyOrder("due-0", "due-1");
        assertThat(markedInDatabase()).containsExactlyInAnyOrder("due-0", "due-1");
        assertThat(counts.of(TENANT).overdue()).isEqualTo(2);
    }

    @Test
    void someNoLongerDue_namesOnlyThoseItMarked() {
        List<Candidate> candidates = List.of(
                target("due-0", 1_000, 0L),
                target("due-null", 1_000, null),
                target("marked-before", 1_000, 7L),
                target("polled-since", 5_000, 0L),
                // Another node's mark in the same millisecond, committed before this batch's select.
                target("marked-same-ms", 1_000, NOW));

        List<String> marked = marks.mark(TENANT, NOW, CUTOFF, candidates, new MarkTimes());

        assertThat(marked).containsExactlyInAnyOrder("due-0", "due-null");
        assertThat(jdbc.queryForObject(
                        "select overdue_since from target where controller_id = 'marked-before'", Long.class))
                .as("an earlier mark keeps its time")
                .isEqualTo(7);
        assertThat(markedInDatabase())
                .containsExactlyInAnyOrder("due-0", "due-null", "marked-before", "marked-same-ms");
        assertThat(counts.of(TENANT).overdue()).isEqualTo(4);
    }

    @Test
    void noCandidates_marksNothing() {
        assertThat(marks.mark(TENANT, NOW, CUTOFF, List.of(), new MarkTimes())).isEmpty();
    }

    /** A target of the tenant with the given last poll and mark, as the walk would find it. */
    private Candidate target(String controllerId, long lastPoll, Long overdueSince) {
        Target target = targets.saveAndFlush(new Target(TENANT, controllerId, controllerId, "t-" + controllerId));
        jdbc.update(
                "update target set last_target_query = ?, overdue_since = ? where id = ?",
                lastPoll,
                overdueSince,
                target.getId());
        return new Candidate(target.getId(), controllerId, overdueSince != null && overdueSince > 0);
    }

    private List<String> markedInDatabase() {
        return jdbc.queryForList(
                "select controller_id from target where tenant = ? and overdue_since > 0", String.class, TENANT);
    }
}
