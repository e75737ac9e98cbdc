package io.hawkbit.rest.dos;

/** How many nodes are live in the cluster, this one included; the update server's member list provides it. */
@FunctionalInterface
public interface ClusterSize {

    int liveMembers();
}
