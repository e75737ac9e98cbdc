package io.hawkbit.repository.event;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A tenant setting was set or reset to its default. */
public class TenantConfigurationChangedEvent extends ClusterEvent {

    @JsonProperty
    private String key;

    public TenantConfigurationChangedEvent() {}

    @JsonCreator(mode = JsonCreator.Mode.DISABLED)
    public TenantConfigurationChangedEvent(String tenant, String key, String origin) {
        super(tenant, origin);
        this.key = key;
    }

    public String getKey() {
        return key;
    }
}
