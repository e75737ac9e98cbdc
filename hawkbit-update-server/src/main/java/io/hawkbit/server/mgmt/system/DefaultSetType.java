package io.hawkbit.server.mgmt.system;

import io.hawkbit.repository.distribution.DistributionSetTypeService;
import io.hawkbit.repository.error.HawkbitException;
import io.hawkbit.repository.error.ServerError;
import io.hawkbit.repository.tenant.TenantConfigKey;
import io.hawkbit.repository.tenant.TenantConfigurationService.ConfigValue;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * hawkBit 1.1's {@code default.ds.type} key: its value is a set type's id, which only the set types know. Unset, it
 * shows the id of the tenant's {@code os_app} type, as hawkBit shows the type it created with the tenant.
 */
@Component
class DefaultSetType {

    private final DistributionSetTypeService types;

    DefaultSetType(DistributionSetTypeService types) {
        this.types = types;
    }

    ConfigValue present(String tenant, ConfigValue value) {
        if (value.key() != TenantConfigKey.DEFAULT_DS_TYPE) {
            return value;
        }
        return new ConfigValue(
                value.key(), String.valueOf(types.defaultType(tenant).getId()), value.global(), value.stored());
    }

    /** An unknown type is a 404, a deleted one a 400: new sets could not be created with either. */
    void check(String tenant, String key, Object rawValue) {
        Optional<TenantConfigKey> configKey = TenantConfigKey.of(key);
        if (configKey.isEmpty() || configKey.get() != TenantConfigKey.DEFAULT_DS_TYPE) {
            return;
        }
        Long id = Long.valueOf(TenantConfigKey.DEFAULT_DS_TYPE.normalize(rawValue));
        if (types.get(tenant, id).isDeleted()) {
            throw new HawkbitException(ServerError.CONFIG_VALUE_INVALID, "Distribution set type " + id + " is deleted");
        }
    }
}
