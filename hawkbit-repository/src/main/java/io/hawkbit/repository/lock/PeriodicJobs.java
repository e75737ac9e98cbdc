package io.hawkbit.repository.lock;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The schedulers' periodic jobs: each scheduler registers its job when it is built; all start once the application
 * is ready (never during start-up) and stop when the context closes.
 */
@Component
public class PeriodicJobs {

    private final List<PeriodicJob> jobs = new CopyOnWriteArrayList<>();

    /** A job running {@code run} every {@code job.period}, or null when the job is switched off on this node. */
    public PeriodicJob register(String name, SchedulerProperties.Job job, Runnable run) {
        if (!job.isEnabled()) {
            return null;
        }
        PeriodicJob periodic = new PeriodicJob(name, job.getPeriod(), run);
        jobs.add(periodic);
        return periodic;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void start() {
        jobs.forEach(PeriodicJob::start);
    }

    @EventListener(ContextClosedEvent.class)
    public void stop() {
        jobs.forEach(PeriodicJob::close);
    }
}
