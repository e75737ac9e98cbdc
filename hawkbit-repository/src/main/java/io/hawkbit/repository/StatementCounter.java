package io.hawkbit.repository;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.LongAdder;
import org.hibernate.resource.jdbc.spi.StatementInspector;
import org.springframework.stereotype.Component;

/**
 * Counts SQL statements sent to the database ({@code hawkbit.db.statements}): every statement Hibernate prepares,
 * plus batches written directly. The poll benchmark divides it by the number of polls.
 */
@Component
public class StatementCounter implements StatementInspector {

    private final LongAdder count = new LongAdder();

    public StatementCounter(MeterRegistry meters) {
        FunctionCounter.builder("hawkbit.db.statements", count, LongAdder::doubleValue)
                .description("SQL statements and batches sent to the database")
                .register(meters);
    }

    @Override
    public String inspect(String sql) {
        count.increment();
        return sql;
    }

    public void count(int statements) {
        count.add(statements);
    }
}
