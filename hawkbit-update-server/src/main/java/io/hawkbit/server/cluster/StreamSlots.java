package io.hawkbit.server.cluster;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Counts the event streams held on this node, per user and in all, against their caps. A slot is held until the
 * stream's delivery thread has ended, so the caps also bound the threads a stalled client can pin.
 */
final class StreamSlots {

    /** Which cap refused a stream. */
    enum Limit {
        USER,
        NODE
    }

    private final int maxPerUser;
    private final int maxPerNode;
    private final Map<String, Integer> perUser = new HashMap<>();
    private int total;

    StreamSlots(int maxPerUser, int maxPerNode) {
        this.maxPerUser = maxPerUser;
        this.maxPerNode = maxPerNode;
    }

    /** Takes a slot for the user, or names the cap that refuses it. */
    synchronized Optional<Limit> acquire(String user) {
        int held = perUser.getOrDefault(user, 0);
        if (held >= maxPerUser) {
            return Optional.of(Limit.USER);
        }
        if (total >= maxPerNode) {
            return Optional.of(Limit.NODE);
        }
        perUser.put(user, held + 1);
        total++;
        return Optional.empty();
    }

    synchronized void release(String user) {
        perUser.computeIfPresent(user, (name, held) -> held > 1 ? held - 1 : null);
        total--;
    }

    synchronized int total() {
        return total;
    }

    int maxPerUser() {
        return maxPerUser;
    }

    int maxPerNode() {
        return maxPerNode;
    }
}
