package io.hawkbit.server.ui;

import io.hawkbit.rest.dos.Client;
import io.hawkbit.rest.dos.ClientAddresses;
import io.hawkbit.rest.login.LoginClient;
import io.hawkbit.rest.login.LoginLockedException;
import io.hawkbit.rest.login.ManagementLockout;
import io.hawkbit.rest.security.ManagementUsers;
import io.hawkbit.rest.security.Role;
import jakarta.servlet.DispatcherType;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;

/**
 * The console's chain for {@code /ui/**}: form login with the Management API users and a session cookie with CSRF
 * protection. Logins go through the same lockout and counting as the Management API's Basic logins, so a password
 * guesser gains nothing by switching to the form. The REST chains stay stateless.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleSecurityConfiguration {

    static final String LOGIN = "/ui/login";

    // Same order as the Management chain: their paths do not overlap, and both must come before the public catch-all.
    @Bean
    @Order(2)
    SecurityFilterChain consoleChain(
            HttpSecurity http,
            ManagementUsers users,
            ManagementLockout lockout,
            ClientAddresses clients,
            ApplicationEventPublisher events)
            throws Exception {
        ProviderManager passwords = new ProviderManager(new DaoAuthenticationProvider(users));
        // Success and bad-credentials events drive ManagementLoginListener's counting, as for Basic logins.
        passwords.setAuthenticationEventPublisher(new DefaultAuthenticationEventPublisher(events));
        String read = Role.READ.name();
        String admin = Role.ADMIN.name();
        return http.securityMatcher("/ui", "/ui/**")
                .authenticationManager(lockout.guard(passwords))
                .formLogin(f -> f.loginPage(LOGIN)
                        .permitAll()
                        .defaultSuccessUrl("/ui", false)
                        .failureHandler((request, response, e) -> new SimpleUrlAuthenticationFailureHandler(
                                        LOGIN + (e instanceof LoginLockedException ? "?locked" : "?error"))
                                .onAuthenticationFailure(request, response, e))
                        .authenticationDetailsSource(request -> {
                            Client client = clients.resolve(request);
                            return new LoginClient(client.key(), client.whitelisted());
                        }))
                .logout(l -> l.logoutUrl("/ui/logout").logoutSuccessUrl(LOGIN + "?logout"))
                .authorizeHttpRequests(a -> a
                        // The live feed continues on async dispatches; the request itself was authorized.
                        .dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR)
                        .permitAll()
                        .requestMatchers("/ui/assets/**")
                        .permitAll()
                        // Node-wide state of every tenant, as /actuator/cluster.
                        .requestMatchers("/ui/cluster/nodes")
                        .hasRole(Role.SYSTEM_ADMIN.name())
                        .requestMatchers(HttpMethod.GET, "/ui/cluster")
                        .hasAnyRole(read, admin, Role.SYSTEM_ADMIN.name())
                        .requestMatchers(HttpMethod.GET, "/ui", "/ui/**")
                        .hasAnyRole(read, admin)
                        .anyRequest()
                        .hasRole(admin))
                .build();
    }
}
