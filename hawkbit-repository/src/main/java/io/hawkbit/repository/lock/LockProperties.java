package io.hawkbit.repository.lock;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** How schedulers that run on every node keep their critical work to one node at a time. */
@Validated
@ConfigurationProperties("hawkbit.scheduler.lock")
public class LockProperties {

    /** The lock's kinds: a row in the shared database, or none (every node works alone, as a single node does). */
    public enum Mode {
        JDBC,
        NONE
    }

    /** jdbc: one lock per job and tenant in the INT_LOCK table; none: no lock (single node or tests). */
    @NotNull
    private Mode mode = Mode.JDBC;

    /** How long a lock stays taken without renewal: a dead holder's lock is free again after this. */
    @NotNull
    @DurationMin(millis = 1)
    private Duration lease = Duration.ofMinutes(5);

    /** How often a holder renews its lease while its work runs; must be shorter than the lease. */
    @NotNull
    @DurationMin(millis = 1)
    private Duration renewInterval = Duration.ofMinutes(1);

    public Mode getMode() {
        return mode;
    }

    public void setMode(Mode mode) {
        this.mode = mode;
    }

    public Duration getLease() {
        return lease;
    }

    public void setLease(Duration lease) {
        this.lease = lease;
    }

    public Duration getRenewInterval() {
        return renewInterval;
    }

    public void setRenewInterval(Duration renewInterval) {
        this.renewInterval = renewInterval;
    }
}
