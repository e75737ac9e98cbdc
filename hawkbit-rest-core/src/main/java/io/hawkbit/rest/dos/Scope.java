package io.hawkbit.rest.dos;

/** Where request and login counts are kept: on each node alone, or (not implemented yet) across the cluster. */
public enum Scope {
    NODE, CLUSTER
}
