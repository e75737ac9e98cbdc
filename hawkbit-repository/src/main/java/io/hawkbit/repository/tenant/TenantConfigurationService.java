package io.hawkbit.repository.tenant;

import io.hawkbit.repository.error.HawkbitException;
import io.hawkbit.repository.error.ServerError;
import io.hawkbit.repository.event.ClusterEventPublisher;
import io.hawkbit.repository.event.TenantConfigurationChangedEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads and changes tenant settings; a value never stored falls back to the key's default. Keys are named as in
 * hawkBit 1.1 or by their 0.x alias; either way the value lives under the 1.1 name.
 */
@Service
public class TenantConfigurationService {

    private final TenantConfigurationRepository repository;
    private final TenantSettings settings;
    private final ClusterEventPublisher events;

    public TenantConfigurationService(
            TenantConfigurationRepository repository, TenantSettings settings, ClusterEventPublisher events) {
        this.settings = settings;
        this.events = events;
        this.repository = repository;
    }

    /** A setting as the API shows it: stored value, or the default with {@code global = true}. */
    public record ConfigValue(
            TenantConfigKey key, String value, boolean global, Optional<TenantConfiguration> stored) {}

    @Transactional(readOnly = true)
    public Map<String, ConfigValue> all(String tenant) {
        Map<String, TenantConfiguration> stored = new LinkedHashMap<>();
        repository.findByTenant(tenant).forEach(c -> stored.put(c.getKey(), c));
        Map<String, ConfigValue> result = new LinkedHashMap<>();
        for (TenantConfigKey key : TenantConfigKey.values()) {
            result.put(key.key(), toValue(key, Optional.ofNullable(stored.get(key.key()))));
        }
        return result;
    }

    @Transactional(readOnly = true)
    public ConfigValue get(String tenant, String key) {
        TenantConfigKey configKey = known(key);
        return toValue(configKey, repository.findByTenantAndKey(tenant, configKey.key()));
    }

    /** The effective value of a setting, as a string (cached per node). */
    public String value(String tenant, TenantConfigKey key) {
        return settings.value(tenant, key);
    }

    public boolean enabled(String tenant, TenantConfigKey key) {
        return settings.enabled(tenant, key);
    }

    /**
     * Whether a boolean setting is on as stored now, past this node's cache, which another node's change evicts only
     * when its event arrives: for writes that cannot be taken back, such as an assignment canceling open actions.
     */
    @Transactional(readOnly = true)
    public boolean enabledNow(String tenant, TenantConfigKey key) {
        return Boolean.parseBoolean(repository
                .findByTenantAndKey(tenant, key.key())
                .map(TenantConfiguration::getValue)
                .orElse(key.defaultValue()));
    }

    public Duration duration(String tenant, TenantConfigKey key) {
        return settings.duration(tenant, key);
    }

    @Transactional
    public ConfigValue set(String tenant, String key, Object rawValue) {
        TenantConfigKey configKey = known(key);
        return store(tenant, configKey, configKey.normalize(rawValue));
    }

    /**
     * Sets several keys at once, all or none: every key and value is checked before the first is written, and the
     * transaction takes back what was written should a write fail. Two names of one key (1.1's and its alias) in one
     * request are refused, since the outcome would depend on their order.
     */
    @Transactional
    public List<ConfigValue> setAll(String tenant, Map<String, ?> rawValues) {
        Map<TenantConfigKey, String> values = new LinkedHashMap<>();
        rawValues.forEach((key, rawValue) -> {
            TenantConfigKey configKey = known(key);
            if (values.put(configKey, configKey.normalize(rawValue)) != null) {
                throw new HawkbitException(
                        ServerError.CONFIG_KEY_INVALID,
                        "The configuration key '" + configKey.key()
                                + "' is given twice (by its name and its old name)");
            }
        });
        List<ConfigValue> result = new ArrayList<>();
        values.forEach((configKey, value) -> result.add(store(tenant, configKey, value)));
        return result;
    }

    @Transactional
    public void reset(String tenant, String key) {
        TenantConfigKey configKey = known(key);
        repository.findByTenantAndKey(tenant, configKey.key()).ifPresent(stored -> {
            refuseSwitchingOff(configKey, Optional.of(stored), configKey.defaultValue());
            repository.delete(stored);
            events.publish(new TenantConfigurationChangedEvent(tenant, configKey.key(), events.origin()));
        });
    }

    private ConfigValue store(String tenant, TenantConfigKey configKey, String value) {
        String key = configKey.key();
        Optional<TenantConfiguration> before = repository.findByTenantAndKey(tenant, key);
        refuseSwitchingOff(configKey, before, value);
        TenantConfiguration stored = before.orElseGet(() -> new TenantConfiguration(tenant, key, value));
        stored.setValue(value);
        events.publish(new TenantConfigurationChangedEvent(tenant, key, events.origin()));
        return toValue(configKey, Optional.of(repository.saveAndFlush(stored)));
    }

    /** hawkBit 1.1: multi-assignment, once on, stays on (a write or reset to false is a 403). */
    private static void refuseSwitchingOff(
            TenantConfigKey configKey, Optional<TenantConfiguration> before, String value) {
        if (configKey == TenantConfigKey.MULTI_ASSIGNMENTS_ENABLED
                && before.map(c -> Boolean.parseBoolean(c.getValue())).orElse(false)
                && !Boolean.parseBoolean(value)) {
            throw new HawkbitException(
                    ServerError.CONFIG_VALUE_CHANGE_NOT_ALLOWED,
                    "The configuration key '" + configKey.key() + "' cannot be switched off once it is on");
        }
    }

    private static TenantConfigKey known(String key) {
        return TenantConfigKey.of(key)
                .orElseThrow(() -> new HawkbitException(
                        ServerError.CONFIG_KEY_INVALID, "The configuration key '" + key + "' is not known"));
    }

    private static ConfigValue toValue(TenantConfigKey key, Optional<TenantConfiguration> stored) {
        return new ConfigValue(
                key, stored.map(TenantConfiguration::getValue).orElse(key.defaultValue()), stored.isEmpty(), stored);
    }
}
