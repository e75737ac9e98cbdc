package io.hawkbit.repository;

/** The per-node caches the repository reads through; hawkbit-cache builds them and evicts them on cluster events. */
public final class CacheNames {

    /** Stored tenant settings by tenant. */
    public static final String TENANT_CONFIG = "tenant-config";
    /** What DDI authentication needs of a target, by {@link TargetKey}; empty for unknown devices. */
    public static final String TARGETS = "targets";
    /** What a DDI base poll answers, by {@link TargetKey}. */
    public static final String POLL_STATE = "poll-state";

    private CacheNames() {}

    /** Key of per-device entries. */
    public record TargetKey(String tenant, String controllerId) {}
}
