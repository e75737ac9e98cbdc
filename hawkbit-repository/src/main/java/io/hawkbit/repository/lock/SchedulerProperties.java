package io.hawkbit.repository.lock;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** The periodic jobs every node runs; their critical work takes the cluster lock ({@link LockProperties}). */
@Validated
@ConfigurationProperties("hawkbit.scheduler")
public class SchedulerProperties {

    /** Auto-assignment of target filters' distribution sets. */
    @Valid
    private final LoopingJob autoAssign = LoopingJob.looping(Duration.ofSeconds(10), 500, Duration.ofSeconds(30));

    /** Deletion of closed actions past the tenant's action.cleanup.actionExpiry. */
    @Valid
    private final LoopingJob actionCleanup = LoopingJob.looping(Duration.ofHours(1), 1000, Duration.ofMinutes(10));

    /** Rollout progression: starting due rollouts, moving groups on their thresholds, pausing on errors. */
    @Valid
    private final RolloutJob rollout = RolloutJob.rollout(Duration.ofSeconds(5), 500);

    /** Marking targets whose last poll is overdue (and unmarking them when they poll again). */
    @Valid
    private final LoopingJob overdue = LoopingJob.looping(Duration.ofMinutes(1), 1000, Duration.ofSeconds(30));

    public LoopingJob getAutoAssign() {
        return autoAssign;
    }

    public LoopingJob getActionCleanup() {
        return actionCleanup;
    }

    public RolloutJob getRollout() {
        return rollout;
    }

    public LoopingJob getOverdue() {
        return overdue;
    }

    /** One scheduler's switch, period and batch bound. */
    public static class Job {

        /** Whether this node runs the job at all. */
        private boolean enabled = true;

        /** Pause between the end of one run and the start of the next. */
        @NotNull
        @DurationMin(millis = 1)
        private Duration period;

        /**
         * Most rows one transaction handles (auto-assign: per filter; rollout: actions per transaction); a {@link
         * LoopingJob} goes on batch after batch in one run.
         */
        @Min(1)
        private int batchSize;

        // A factory rather than a constructor: a type whose only constructor takes arguments is taken for
        // constructor binding by the configuration processor, which would then list neither enabled nor defaults.
        static Job of(Duration period, int batchSize) {
            Job job = new Job();
            job.period = period;
            job.batchSize = batchSize;
            return job;
        }

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public Duration getPeriod() {
            return period;
        }

        public void setPeriod(Duration period) {
            this.period = period;
        }

        public int getBatchSize() {
            return batchSize;
        }

        public void setBatchSize(int batchSize) {
            this.batchSize = batchSize;
        }
    }

    /** The rollout scheduler's settings: a job's, and how often dynamic rollouts look for new targets. */
    public static class RolloutJob extends Job {

        /**
         * After a look-up for targets that could join a dynamic rollout found none, this node skips the look-up for
         * that rollout this long (the query runs over the rollout's whole filter; a busy rollout's closing feedback
         * triggers runs many times a second).
         */
        @NotNull
        private Duration dynamicLookup = Duration.ofSeconds(30);

        static RolloutJob rollout(Duration period, int batchSize) {
            RolloutJob job = new RolloutJob();
            job.setPeriod(period);
            job.setBatchSize(batchSize);
            return job;
        }

        public Duration getDynamicLookup() {
            return dynamicLookup;
        }

        public void setDynamicLookup(Duration dynamicLookup) {
            this.dynamicLookup = dynamicLookup;
        }
    }

    /**
     * A job that works batch after batch in one run (each batch its own transaction): a job's settings, and how long
     * one run may go on.
     */
    public static class LoopingJob extends Job {

        /**
         * A run starts batch after batch until no work is left or this much time has passed; the rest follows in the
         * next run.
         */
        @NotNull
        @DurationMin(millis = 1)
        private Duration maxRunTime;

        static LoopingJob looping(Duration period, int batchSize, Duration maxRunTime) {
            LoopingJob job = new LoopingJob();
            job.setPeriod(period);
            job.setBatchSize(batchSize);
            job.maxRunTime = maxRunTime;
            return job;
        }

        public Duration getMaxRunTime() {
            return maxRunTime;
        }

        public void setMaxRunTime(Duration maxRunTime) {
            this.maxRunTime = maxRunTime;
        }
    }
}
