package io.hawkbit.repository.target;

import io.hawkbit.repository.StatementCounter;
import io.hawkbit.repository.query.RsqlSpecification;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A tenant's number of targets and of targets marked overdue, as the database keeps them in {@code target_count}
 * (triggers on {@code target}, migration {@code V1_21}): every insert, delete and mark or unmark is counted, whichever
 * path wrote it (JPA, the overdue scheduler's and poll writer's SQL, a seeding script). Reading them costs the same
 * at any fleet size: at most 32 rows (16 shards of two kinds), where {@code COUNT(*)} read an index entry per target
 * (150-250 ms at 1M targets; docs/performance.md, "Fleet scale (#17)").
 */
@Component
public class TargetCounts {

    /** The tenant's counts, read in one statement (so consistent with each other on every database). */
    public record Totals(long all, long overdue) {}

    private final JdbcTemplate jdbc;
    private final StatementCounter statements;

    public TargetCounts(JdbcTemplate jdbc, StatementCounter statements) {
        this.jdbc = jdbc;
        this.statements = statements;
    }

    public Totals of(String tenant) {
        statements.count(1);
        return jdbc.queryForObject(
                "select coalesce(sum(case when kind = 'all' then n end), 0),"
                        + " coalesce(sum(case when kind = 'overdue' then n end), 0)"
                        + " from target_count where tenant = ?",
                (rs, i) -> new Totals(rs.getLong(1), rs.getLong(2)),
                tenant);
    }

    /**
     * The total of a target query of the tenant, if the kept counts answer it: no filter, or one comparison of {@code
     * overdue} ({@code overdue==true}, {@code overdue==false} as all minus overdue). Empty for any other filter.
     */
    Optional<LongSupplier> total(String tenant, RsqlSpecification.Filter<Target> filter) {
        if (filter.empty()) {
            return Optional.of(() -> of(tenant).all());
        }
        return filter.presence()
                .filter(presence -> presence.path().equals("overdue"))
                .map(presence -> () -> matching(of(tenant), presence.wanted()));
    }

    private static long matching(Totals totals, Set<Boolean> wanted) {
        long count = 0;
        if (wanted.contains(true)) {
            count += totals.overdue();
        }
        if (wanted.contains(false)) {
            count += totals.all() - totals.overdue();
        }
        return count;
    }
}
