package io.hawkbit.server.mgmt.system;

import java.util.LinkedHashMap;
import java.util.Map;

import io.hawkbit.repository.tenant.TenantConfigurationService;
import io.hawkbit.server.mgmt.CurrentUser;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** hawkBit's {@code /rest/v1/system/configs}: the tenant's settings; deleting one falls back to the global default. */
@RestController
@RequestMapping("/rest/v1/system/configs")
public class SystemConfigController {

    private final TenantConfigurationService config;
    private final CurrentUser user;

    public SystemConfigController(TenantConfigurationService config, CurrentUser user) {
        this.config = config;
        this.user = user;
    }

    @GetMapping
    public Map<String, MgmtSystemTenantConfigurationValue> all() {
        Map<String, MgmtSystemTenantConfigurationValue> values = new LinkedHashMap<>();
        config.all(user.tenant()).forEach((key, value) -> values.put(key, MgmtSystemTenantConfigurationValue.of(value)));
        return values;
    }

    // Keys contain dots (authentication.targettoken.enabled); the regex keeps Spring from cutting them off as an extension.
    @GetMapping("/{key:.+}")
    public MgmtSystemTenantConfigurationValue get(@PathVariable String key) {
        return MgmtSystemTenantConfigurationValue.of(config.get(user.tenant(), key));
    }

    @PutMapping("/{key:.+}")
    public MgmtSystemTenantConfigurationValue set(@PathVariable String key,
            @RequestBody MgmtSystemTenantConfigurationValueRequest body) {
        return MgmtSystemTenantConfigurationValue.of(config.set(user.tenant(), key, body.value()));
    }

    @DeleteMapping("/{key:.+}")
    public ResponseEntity<Void> reset(@PathVariable String key) {
        config.reset(user.tenant(), key);
        return ResponseEntity.ok().build();
    }
}
