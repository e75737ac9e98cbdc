package io.hawkbit.repository;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** The tenants this server serves. */
@Validated
@ConfigurationProperties("hawkbit.tenants")
public class TenantProperties {

    /** Tenant names, upper case as hawkBit stores them; devices may use any case in their URLs. */
    @NotEmpty
    private List<@NotBlank String> names = new ArrayList<>(List.of("DEFAULT"));

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
