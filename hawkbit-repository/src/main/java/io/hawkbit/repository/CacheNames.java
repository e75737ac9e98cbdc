package io.hawkbit.repository;

/** The per-node caches the repository reads through; hawkbit-cache builds them and evicts them on cluster events. */
public final class CacheNames {

    /** Stored tenant settings by tenant. */
    public static final String TENANT_CONFIG = "tenant-config";
    /** What DDI authentication needs of a target, by {@link TargetKey}; empty for unknown devices. */
    public static final String TARGETS = "targets";
    /** What a DDI base poll answers, by {@link TargetKey}. */
    public static final String POLL_STATE = "poll-state";
    /** Software module and distribution set type ids by {@link TypeKey}. */
    public static final String TYPES = "types";

    private CacheNames() {
    }

    /** Key of per-device entries. */
    public record TargetKey(String tenant, String controllerId) {
    }

    /** Key of type entries: {@code kind} is {@code sm} or {@code ds}. */
    public record TypeKey(String tenant, String kind, String key) {
    }
}
