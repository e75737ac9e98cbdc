package io.hawkbit.rest.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;

class ManagementUsersTest {

    @Test
    void admin_impliesBothTokenPermissions_butNotSystemAdmin() {
        assertThat(authorities(users("ops", "ADMIN"), "ops"))
                .containsExactlyInAnyOrder(
                        "ROLE_ADMIN", "ROLE_READ_TARGET_SECURITY_TOKEN", "ROLE_READ_GATEWAY_SECURITY_TOKEN");
    }

    @Test
    void read_impliesNothing_andRolesAreCaseInsensitive() {
        assertThat(authorities(users("viewer", "read"), "viewer")).containsExactly("ROLE_READ");
        assertThat(authorities(users("keeper", " Read_Target_Security_Token "), "keeper"))
                .containsExactly("ROLE_READ_TARGET_SECURITY_TOKEN");
    }

    @Test
    void defaultAdmin_alsoOperatesTheNode() {
        assertThat(authorities(new ManagementUsers(new UserProperties()), "admin"))
                .contains(
                        "ROLE_ADMIN",
                        "ROLE_SYSTEM_ADMIN",
                        "ROLE_READ_TARGET_SECURITY_TOKEN",
                        "ROLE_READ_GATEWAY_SECURITY_TOKEN");
    }

    @Test
    void unknownRole_stopsStartUpNamingTheProperty() {
        assertThatThrownBy(() -> users("ops", "ADMN"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("hawkbit.security.users.ops.roles")
                .hasMessageContaining("ADMN")
                .hasMessageContaining("SYSTEM_ADMIN");
    }

    private static ManagementUsers users(String name, String role) {
        UserProperties properties = new UserProperties();
        UserProperties.User user = new UserProperties.User();
        user.setPassword("secret");
        user.setRoles(List.of(role));
        properties.getUsers().put(name, user);
        return new ManagementUsers(properties);
    }

    private static List<String> authorities(ManagementUsers users, String name) {
        return users.loadUserByUsername(name).getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .toList();
    }
}
