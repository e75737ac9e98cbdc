package io.hawkbit.rest.dos;

/** Where request and login counts are kept: on each node alone, or across the cluster (see docs/clustering.md). */
public enum Scope {
    NODE,
    CLUSTER
}
