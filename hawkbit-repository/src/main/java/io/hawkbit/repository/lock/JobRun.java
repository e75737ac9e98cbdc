package io.hawkbit.repository.lock;

import java.util.OptionalLong;

/**
 * What one run of a scheduler did on this node: the tenants whose work it ran, the tenants it skipped because another
 * node held their lock, and how much the work changed (each scheduler's {@code run()} names the unit).
 */
public record JobRun(int ran, int skipped, long done) {

    /** A run that has not looked at any tenant yet. */
    public static final JobRun NONE = new JobRun(0, 0, 0);

    /** This run and one more tenant's outcome: what its work counted, or empty when its lock was held elsewhere. */
    public JobRun plus(OptionalLong tenant) {
        return tenant.isPresent()
                ? new JobRun(ran + 1, skipped, done + tenant.getAsLong())
                : new JobRun(ran, skipped + 1, done);
    }
}
