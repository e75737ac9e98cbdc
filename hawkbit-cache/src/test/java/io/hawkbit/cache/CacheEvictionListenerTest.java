package io.hawkbit.cache;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Ticker;
import io.hawkbit.repository.CacheNames;
import io.hawkbit.repository.CacheNames.TargetKey;
import io.hawkbit.repository.event.ActionUpdatedEvent;
import io.hawkbit.repository.event.ActionsDeletedEvent;
import io.hawkbit.repository.event.DistributionSetAssignedEvent;
import io.hawkbit.repository.event.TargetPolledEvent;
import io.hawkbit.repository.event.TargetUpdatedEvent;
import io.hawkbit.repository.event.TenantConfigurationChangedEvent;
import org.junit.jupiter.api.Test;
import org.springframework.cache.CacheManager;

class CacheEvictionListenerTest {

    private final CacheManager caches =
            NodeCaches.manager(NodeCaches.settings(new CacheProperties()), Ticker.systemTicker());
    private final CacheEvictionListener listener = new CacheEvictionListener(caches);
    private final TargetKey device1 = new TargetKey("DEFAULT", "device-1");
    private final TargetKey device2 = new TargetKey("DEFAULT", "device-2");
    private final TargetKey otherTenant = new TargetKey("OTHER", "device-1");

    private void fill() {
        for (TargetKey key : new TargetKey[] {device1, device2, otherTenant}) {
            caches.getCache(CacheNames.TARGETS).put(key, "identity");
            caches.getCache(CacheNames.POLL_STATE).put(key, "state");
        }
        caches.getCache(CacheNames.TENANT_CONFIG).put("DEFAULT", "settings");
        caches.getCache(CacheNames.TENANT_CONFIG).put("OTHER", "settings");
    }

    private boolean cached(String cache, Object key) {
        return caches.getCache(cache).get(key) != null;
    }

    @Test
    void targetEvent_evictsThatDevicesIdentityAndPollStateOnly() {
        fill();
        listener.onTarget(new TargetUpdatedEvent("DEFAULT", 1L, "device-1", "node"));
        assertThat(cached(CacheNames.TARGETS, device1)).isFalse();
        assertThat(cached(CacheNames.POLL_STATE, device1)).isFalse();
        assertThat(cached(CacheNames.TARGETS, device2)).isTrue();
        assertThat(cached(CacheNames.TARGETS, otherTenant)).isTrue();
        assertThat(cached(CacheNames.POLL_STATE, otherTenant)).isTrue();
    }

    @Test
    void actionEvent_evictsThatDevicesPollStateOnly() {
        fill();
        listener.onAction(new ActionUpdatedEvent("DEFAULT", 5L, "device-2", 3L, "running", true, "node"));
        assertThat(cached(CacheNames.POLL_STATE, device2)).isFalse();
        assertThat(cached(CacheNames.TARGETS, device2)).isTrue();
        assertThat(cached(CacheNames.POLL_STATE, device1)).isTrue();
    }

    @Test
    void setAssigned_evictsTheNamedDevicesPollStatesOnly() {
        fill();
        listener.onAssigned(new DistributionSetAssignedEvent(
                "DEFAULT", 3L, java.util.List.of("device-1", "device-2"), java.util.List.of(8L, 9L), "node"));
        assertThat(cached(CacheNames.POLL_STATE, device1)).isFalse();
        assertThat(cached(CacheNames.POLL_STATE, device2)).isFalse();
        assertThat(cached(CacheNames.TARGETS, device1))
                .as("an assignment changes nothing DDI authentication reads")
                .isTrue();
        assertThat(cached(CacheNames.POLL_STATE, otherTenant)).isTrue();
    }

    @Test
    void tenantConfigurationEvent_evictsThatTenantOnly() {
        fill();
        listener.onTenantConfiguration(new TenantConfigurationChangedEvent("DEFAULT", "pollingTime", "node"));
        assertThat(cached(CacheNames.TENANT_CONFIG, "DEFAULT")).isFalse();
        assertThat(cached(CacheNames.TENANT_CONFIG, "OTHER")).isTrue();
    }

    @Test
    void multiAssignmentSwitch_evictsThatTenantsPollStates() {
        fill();
        listener.onTenantConfiguration(
                new TenantConfigurationChangedEvent("DEFAULT", "multi.assignments.enabled", "node"));
        assertThat(cached(CacheNames.POLL_STATE, device1)).isFalse();
        assertThat(cached(CacheNames.POLL_STATE, device2)).isFalse();
        assertThat(cached(CacheNames.TARGETS, device1))
                .as("identities do not depend on it")
                .isTrue();
        assertThat(cached(CacheNames.POLL_STATE, otherTenant)).isTrue();
    }

    @Test
    void otherTenantSettings_leavePollStatesAlone() {
        fill();
        listener.onTenantConfiguration(new TenantConfigurationChangedEvent("DEFAULT", "pollingTime", "node"));
        assertThat(cached(CacheNames.POLL_STATE, device1)).isTrue();
    }

    @Test
    void deletedActions_evictTheirDevicesPollState() {
        fill();
        listener.onActionsDeleted(
                new ActionsDeletedEvent("DEFAULT", java.util.List.of(7L), java.util.List.of("device-1"), "node"));
        assertThat(cached(CacheNames.POLL_STATE, device1)).isFalse();
        assertThat(cached(CacheNames.POLL_STATE, device2)).isTrue();
    }

    @Test
    void pollEvent_evictsNothing() {
        fill();
        listener.onTarget(new TargetPolledEvent("DEFAULT", 1L, "device-1", "node"));
        assertThat(cached(CacheNames.TARGETS, device1)).isTrue();
        assertThat(cached(CacheNames.POLL_STATE, device1)).isTrue();
    }
}
