package io.hawkbit.repository.tenant;

import io.hawkbit.repository.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** One tenant-level setting that differs from its default (hawkBit's `system/configs`). */
@Entity
@Table(name = "tenant_configuration")
public class TenantConfiguration extends BaseEntity {

    @Column(name = "conf_key", nullable = false, updatable = false, length = 128)
    private String key;

    @Column(name = "conf_value", nullable = false, length = 512)
    private String value;

    protected TenantConfiguration() {}

    public TenantConfiguration(String tenant, String key, String value) {
        super(tenant);
        this.key = key;
        this.value = value;
    }

    public String getKey() {
        return key;
    }

    public String getValue() {
        return value;
    }

    public void setValue(String value) {
        this.value = value;
    }
}
