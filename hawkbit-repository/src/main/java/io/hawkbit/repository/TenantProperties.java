package io.hawkbit.repository;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The tenants this server serves. */
@ConfigurationProperties("hawkbit.tenants")
public class TenantProperties {

    /** Tenant names, upper case as hawkBit stores them; devices may use any case in their URLs. */
    private List<String> names = new ArrayList<>(List.of("DEFAULT"));

    public List<String> getNames() {
        return names;
    }

    public void setNames(List<String> names) {
        this.names = names;
    }

    /** The canonical name of a known tenant, matched case-insensitively. */
    public java.util.Optional<String> canonical(String tenant) {
        return names.stream().filter(n -> n.equalsIgnoreCase(tenant)).findFirst();
    }
}
