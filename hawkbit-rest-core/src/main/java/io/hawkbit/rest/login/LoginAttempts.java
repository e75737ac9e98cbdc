package io.hawkbit.rest.login;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;

/**
 * Failed logins per key (a user name or an address) on this node: {@code max} failures within a period lock the key
 * for the lockout, and a success clears it. Entries live no longer than period plus lockout.
 */
public class LoginAttempts {

    private final int max;
    private final long periodNanos;
    private final long lockoutNanos;
    private final Ticker ticker;
    private final Cache<String, Failures> failures;
    private volatile Replication replication;

    public LoginAttempts(int max, Duration period, Duration lockout, int maxTracked, Ticker ticker) {
        this.max = max;
        this.periodNanos = period.toNanos();
        this.lockoutNanos = lockout.toNanos();
        this.ticker = ticker;
        this.failures = Caffeine.newBuilder()
                .maximumSize(maxTracked)
                .expireAfterWrite(period.plus(lockout))
                .ticker(ticker)
                .build();
    }

    /** {@code count} failures since {@code since}; when {@code locked}, refused from {@code lockedAt} for the lockout. */
    private record Failures(long since, int count, long lockedAt, boolean locked) {}

    /**
     * Sends this counter's changes through {@code replication} (the cluster) instead of applying them here; the
     * replication delivers them back to {@link #applyFailure} and {@link #applySuccess} on every node.
     */
    public void replicateThrough(Replication replication) {
        this.replication = replication;
    }

    /** Where changes go in cluster scope. */
    @FunctionalInterface
    public interface Replication {
        void send(String key, boolean success);
    }

    /** Counts one failure of the key: here, or on every node in cluster scope. */
    public void failed(String key) {
        Replication target = replication;
        if (target != null) {
            target.send(key, false);
        } else {
            applyFailure(key);
        }
    }

    /** Forgets the key's failures: here, or on every node in cluster scope. */
    public void succeeded(String key) {
        Replication target = replication;
        if (target != null) {
            target.send(key, true);
        } else {
            applySuccess(key);
        }
    }

    /** Counts one failure of the key on this node, atomically; the failure that reaches the maximum starts the lockout. */
    public void applyFailure(String key) {
        long now = ticker.read();
        failures.asMap().compute(key, (k, previous) -> {
            boolean expired = previous == null
                    || (previous.locked()
                            ? now - previous.lockedAt() >= lockoutNanos
                            : now - previous.since() >= periodNanos);
            if (expired) {
                return new Failures(now, 1, max <= 1 ? now : 0, max <= 1);
            }
            if (previous.locked()) {
                return previous;
            }
            int count = previous.count() + 1;
            return new Failures(previous.since(), count, count >= max ? now : 0, count >= max);
        });
    }

    /** Forgets the key's failures on this node. */
    public void applySuccess(String key) {
        failures.invalidate(key);
    }

    /** Nanoseconds the key stays locked, or 0 when it may try. */
    public long lockedFor(String key) {
        Failures state = failures.getIfPresent(key);
        if (state == null || !state.locked()) {
            return 0;
        }
        long left = state.lockedAt() + lockoutNanos - ticker.read();
        return Math.max(0, left);
    }
}
