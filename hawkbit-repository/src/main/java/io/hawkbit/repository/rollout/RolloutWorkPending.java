package io.hawkbit.repository.rollout;

/**
 * A node-local signal, published inside a transaction that gave a rollout something to do (an action of it closed,
 * it was started or resumed): after the commit this node's rollout scheduler works on the tenant at once instead of
 * waiting for its period.
 */
record RolloutWorkPending(String tenant, Long rolloutId) {}
