package io.hawkbit.repository.action;

/**
 * A node-local fact, published inside the transaction that closed an action a rollout created. The rollout package
 * listens (its next group may now start, or its error threshold be crossed); actions know nothing of rollouts.
 */
public record RolloutActionClosed(String tenant, Long rolloutId) {}
