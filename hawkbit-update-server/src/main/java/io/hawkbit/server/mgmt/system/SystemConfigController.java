package io.hawkbit.server.mgmt.system;

import io.hawkbit.repository.error.HawkbitException;
import io.hawkbit.repository.error.ServerError;
import io.hawkbit.repository.tenant.TenantConfigKey;
import io.hawkbit.repository.tenant.TenantConfigurationService;
import io.hawkbit.rest.security.Role;
import io.hawkbit.server.mgmt.CurrentUser;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * hawkBit's {@code /rest/v1/system/configs}: the tenant's settings; deleting one falls back to the global default.
 * Keys go by hawkBit 1.1's names; a key 1.1 renamed is also found by its 0.x name.
 */
@RestController
@RequestMapping("/rest/v1/system/configs")
class SystemConfigController {

    private final TenantConfigurationService config;
    private final CurrentUser user;
    private final DefaultSetType defaultSetType;

    public SystemConfigController(TenantConfigurationService config, CurrentUser user, DefaultSetType defaultSetType) {
        this.config = config;
        this.user = user;
        this.defaultSetType = defaultSetType;
    }

    /** Every setting; the gateway key only for callers with READ_GATEWAY_SECURITY_TOKEN. */
    @GetMapping
    public Map<String, MgmtSystemTenantConfigurationValue> all() {
        Map<String, MgmtSystemTenantConfigurationValue> values = new LinkedHashMap<>();
        boolean gatewayKey = user.has(Role.READ_GATEWAY_SECURITY_TOKEN);
        config.all(user.tenant()).forEach((key, value) -> {
            if (gatewayKey || value.key() != TenantConfigKey.GATEWAY_TOKEN_KEY) {
                values.put(key, view(value));
            }
        });
        return values;
    }

    // Keys contain dots (authentication.targettoken.enabled); the regex keeps Spring from cutting them off as an
    // extension.
    @GetMapping("/{key:.+}")
    public MgmtSystemTenantConfigurationValue get(@PathVariable String key) {
        TenantConfigurationService.ConfigValue value = config.get(user.tenant(), key);

        // As hawkBit: the key lets its holder act as every device of the tenant.
        if (value.key() == TenantConfigKey.GATEWAY_TOKEN_KEY && !user.has(Role.READ_GATEWAY_SECURITY_TOKEN)) {
            throw new HawkbitException(
                    ServerError.FORBIDDEN,
                    "Reading " + TenantConfigKey.GATEWAY_TOKEN_KEY.key() + " needs "
                            + Role.READ_GATEWAY_SECURITY_TOKEN);
        }
        return view(value);
    }

    @PutMapping("/{key:.+}")
    public MgmtSystemTenantConfigurationValue set(
            @PathVariable String key, @RequestBody MgmtSystemTenantConfigurationValueRequest body) {
        defaultSetType.check(user.tenant(), key, body.value());
        return view(config.set(user.tenant(), key, body.value()));
    }

    /** hawkBit 1.1's batch update: a map of key to value, written all or none; answers the new values, as 1.1 does. */
    @PutMapping
    public List<MgmtSystemTenantConfigurationValue> setAll(@RequestBody Map<String, Object> body) {
        body.forEach((key, value) -> defaultSetType.check(user.tenant(), key, value));
        return config.setAll(user.tenant(), body).stream().map(this::view).toList();
    }

    private MgmtSystemTenantConfigurationValue view(TenantConfigurationService.ConfigValue value) {
        return MgmtSystemTenantConfigurationValue.of(defaultSetType.present(user.tenant(), value));
    }

    @DeleteMapping("/{key:.+}")
    public ResponseEntity<Void> reset(@PathVariable String key) {
        config.reset(user.tenant(), key);
        return ResponseEntity.noContent().build();
    }
}
