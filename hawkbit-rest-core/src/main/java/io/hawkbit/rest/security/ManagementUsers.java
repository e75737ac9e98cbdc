package io.hawkbit.rest.security;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/** The users of {@link UserProperties}, or the embedded default {@code admin}/{@code admin} (ADMIN and SYSTEM_ADMIN). */
public class ManagementUsers implements UserDetailsService {

    private static final Logger LOG = LoggerFactory.getLogger(ManagementUsers.class);

    private final Map<String, ManagementUser> users;

    public ManagementUsers(UserProperties properties) {
        Map<String, UserProperties.User> configured = properties.getUsers();
        if (configured.isEmpty()) {
            LOG.warn(
                    "No Management API users configured (hawkbit.security.users): the default user admin/admin is active. "
                            + "Configure your own users before exposing this server.");
            UserProperties.User admin = new UserProperties.User();
            admin.setPassword("admin");
            // The only user of a node set up without users also operates it (actuator, scripts/cluster.sh).
            admin.setRoles(List.of(Role.ADMIN.name(), Role.SYSTEM_ADMIN.name()));
            configured = Map.of("admin", admin);
        }
        this.users = configured.entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> toUser(e.getKey(), e.getValue())));
    }

    private static ManagementUser toUser(String name, UserProperties.User user) {
        if (user.getPassword() == null || user.getPassword().isEmpty()) {
            throw new IllegalStateException("hawkbit.security.users." + name + ".password must be set");
        }
        String password = user.getPassword().startsWith("{") ? user.getPassword() : "{noop}" + user.getPassword();
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String role : user.getRoles()) {
            try {
                roles.addAll(Role.parse(role).withImplied());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("hawkbit.security.users." + name + ".roles: " + e.getMessage(), e);
            }
        }
        return new ManagementUser(
                name,
                password,
                roles.stream()
                        .map(r -> new SimpleGrantedAuthority(r.authority()))
                        .toList(),
                user.getTenant().toUpperCase());
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        ManagementUser user = users.get(username);
        if (user == null) {
            throw new UsernameNotFoundException(username);
        }
        // Spring Security erases credentials after login: hand out a copy.
        return new ManagementUser(user.getUsername(), user.getPassword(), user.getAuthorities(), user.getTenant());
    }

    public java.util.Set<String> tenants() {
        return users.values().stream().map(ManagementUser::getTenant).collect(Collectors.toSet());
    }
}
