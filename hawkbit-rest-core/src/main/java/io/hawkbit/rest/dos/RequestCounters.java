package io.hawkbit.rest.dos;

/** Counts requests per client against the per-second budgets; this node's counts, or (later) the cluster's. */
interface RequestCounters {

    /**
     * Takes one request of {@code client} from the budget of {@code api} reads or writes, atomically.
     *
     * @return 0 when the request is within the budget, else the nanoseconds until the client may send again (≥ 1)
     */
    long tryConsume(String client, Api api, boolean write);
}
