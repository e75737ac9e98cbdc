package io.hawkbit.rest.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** Management API users, configured in properties. */
@Validated
@ConfigurationProperties("hawkbit.security")
public class UserProperties {

    /** Users by name. When empty, a single {@code admin}/{@code admin} user exists and start-up warns about it. */
    @NotNull
    private Map<String, @Valid User> users = new LinkedHashMap<>();

    public Map<String, User> getUsers() {
        return users;
    }

    public void setUsers(Map<String, User> users) {
        this.users = users;
    }

    /** One Management API user. */
    public static class User {

        /** Password; plain text, or encoded with a Spring Security prefix such as {@code {bcrypt}}. */
        private String password;

        /**
         * Roles, see {@link Role}: {@code ADMIN} (every Management API request of the tenant, tokens included),
         * {@code READ} (GET requests, no tokens), {@code READ_TARGET_SECURITY_TOKEN}, {@code READ_GATEWAY_SECURITY_TOKEN},
         * {@code SYSTEM_ADMIN} (the actuator beyond health and info). Unknown roles stop start-up.
         */
        @NotNull
        private List<String> roles = List.of("ADMIN");

        /** The tenant the user works in. */
        @NotBlank
        private String tenant = "DEFAULT";

        public String getPassword() {
            return password;
        }

        public void setPassword(String password) {
            this.password = password;
        }

        public List<String> getRoles() {
            return roles;
        }

        public void setRoles(List<String> roles) {
            this.roles = roles;
        }

        public String getTenant() {
            return tenant;
        }

        public void setTenant(String tenant) {
            this.tenant = tenant;
        }
    }
}
