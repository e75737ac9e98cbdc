package io.hawkbit.rest.security;

import java.util.Collection;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** An authenticated Management API user with the tenant it works in. */
public class ManagementUser extends User {

    private final String tenant;

    public ManagementUser(
            String username, String password, Collection<? extends GrantedAuthority> authorities, String tenant) {
        super(username, password, authorities);
        this.tenant = tenant;
    }

    public String getTenant() {
        return tenant;
    }
}
