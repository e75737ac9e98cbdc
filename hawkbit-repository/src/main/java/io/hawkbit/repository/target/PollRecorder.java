package io.hawkbit.repository.target;

import io.hawkbit.repository.StatementCounter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Write-behind of device polls: the newest poll time and address per target are kept in memory and written in one
 * JDBC batch every {@link PollProperties#getWriteInterval()}, and once more on shutdown. A poll never waits on a
 * write, and a later value never loses against an earlier one (the UPDATE only moves the time forward). The write
 * also clears the target's overdue mark ({@link OverdueScheduler}).
 */
@Component
public class PollRecorder {

    private static final Logger LOG = LoggerFactory.getLogger(PollRecorder.class);

    private record Poll(long time, String address) {}

    private final Map<Long, Poll> pending = new ConcurrentHashMap<>();
    private final JdbcTemplate jdbc;
    private final TaskScheduler scheduler;
    private final PollProperties properties;
    private final StatementCounter statements;
    private volatile ScheduledFuture<?> writing;

    public PollRecorder(
            JdbcTemplate jdbc, TaskScheduler scheduler, PollProperties properties, StatementCounter statements) {
        this.jdbc = jdbc;
        this.scheduler = scheduler;
        this.properties = properties;
        this.statements = statements;
    }

    public void record(long targetId, long time, String address) {
        pending.merge(targetId, new Poll(time, address), (old, now) -> now.time() >= old.time() ? now : old);
    }

    @EventListener(ApplicationReadyEvent.class)
    public void start() {
        writing = scheduler.scheduleWithFixedDelay(this::flush, properties.getWriteInterval());
    }

    @EventListener(ContextClosedEvent.class)
    public void stop() {
        if (writing != null) {
            writing.cancel(false);
        }
        flush();
    }

    /** Writes what was recorded since the last flush. */
    public synchronized void flush() {
        if (pending.isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>();
        for (Long id : List.copyOf(pending.keySet())) {
            Poll poll = pending.remove(id);
            if (poll != null) {
                rows.add(new Object[] {poll.time(), poll.address(), id, poll.time()});
            }
        }
        try {
            // A poll ends the overdue mark in the same statement: unmarking costs a poll nothing. 0, not NULL: the
            // scheduler's next mark then overwrites the value in place (V1_22).
            jdbc.batchUpdate(
                    "update target set last_target_query = ?, address = ?, overdue_since = 0 where id = ? "
                            + "and (last_target_query is null or last_target_query < ?)",
                    rows);
            statements.count(1);
        } catch (RuntimeException e) {
            LOG.warn(
                    "Writing {} poll records failed; they are dropped, the next polls will be written", rows.size(), e);
        }
    }
}
