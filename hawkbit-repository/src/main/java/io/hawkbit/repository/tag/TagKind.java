package io.hawkbit.repository.tag;

import io.hawkbit.repository.event.ClusterEvent;
import java.util.function.BiFunction;

/**
 * What tells one kind of tag from another: its words in messages, how a new one is made, and its cluster events.
 *
 * @param entity the entity name in 404 messages ({@code TargetTag})
 * @param label the words in 409 messages ({@code target tag})
 */
public record TagKind<T extends Tag>(
        String entity,
        String label,
        BiFunction<String, String, T> factory,
        EventFactory created,
        EventFactory updated,
        EventFactory deleted) {

    /** Builds the event of one tag from tenant, id and the publishing node. */
    @FunctionalInterface
    public interface EventFactory {
        ClusterEvent create(String tenant, Long id, String origin);
    }
}
