package io.hawkbit.rest.login;

import static org.assertj.core.api.Assertions.assertThat;

import io.hawkbit.rest.dos.Cidr;
import io.hawkbit.rest.dos.Client;
import io.hawkbit.rest.dos.ClientAddresses;
import io.hawkbit.rest.dos.DosProperties;
import io.hawkbit.rest.dos.FakeTicker;
import io.hawkbit.rest.dos.RejectionLog;
import io.hawkbit.rest.security.JsonAuthenticationEntryPoint;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

class LoginFiltersTest {

    private final FakeTicker ticker = new FakeTicker();
    private final DosProperties dos = new DosProperties();
    private final AtomicInteger passed = new AtomicInteger();
    private final Counter rejected = new SimpleMeterRegistry().counter("rejected");
    private final RejectionLog log = new RejectionLog(line -> {}, ticker, Duration.ofSeconds(10));
    private final LoginAttempts management =
            new LoginAttempts(5, Duration.ofMinutes(5), Duration.ofMinutes(5), 1000, ticker);
    private final ManagementLoginListener listener = new ManagementLoginListener(management);
    private final ManagementLockout lockout = new ManagementLockout(management, rejected, log);
    private BasicAuthenticationFilter managementFilter;

    LoginFiltersTest() {
        dos.setWhitelist(List.of());
        managementFilter = basicFilter(new ClientAddresses(dos));
    }

    /** The Management chain's authentication: Spring's Basic filter, the lockout around the password check. */
    private BasicAuthenticationFilter basicFilter(ClientAddresses clients) {
        ProviderManager passwords = new ProviderManager(new DaoAuthenticationProvider(new InMemoryUserDetailsManager(
                User.withUsername("ann").password("{noop}right").roles("READ").build(),
                User.withUsername("bob").password("{noop}right").roles("READ").build(),
                User.withUsername("carl").password("{noop}right").roles("READ").build())));
        passwords.setAuthenticationEventPublisher(new DefaultAuthenticationEventPublisher(event -> {
            if (event instanceof AuthenticationFailureBadCredentialsEvent failure) {
                listener.failed(failure);
            } else if (event instanceof AuthenticationSuccessEvent success) {
                listener.succeeded(success);
            }
        }));
        BasicAuthenticationFilter filter = new BasicAuthenticationFilter(
                lockout.guard(passwords), new JsonAuthenticationEntryPoint("Basic realm=\"test\""));
        filter.setAuthenticationDetailsSource(request -> {
            Client client = clients.resolve(request);
            return new LoginClient(client.key(), client.whitelisted());
        });
        return filter;
    }

    @Test
    void lockedOutUser_isRefusedWith429_evenWithTheRightPassword() throws Exception {
        failLogins("ann", "192.0.2.1", 5);
        MockHttpServletResponse refused = login("ann", "right", "192.0.2.99");
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("300");
        assertThat(refused.getHeader("WWW-Authenticate")).isNull();
        assertThat(refused.getContentAsString()).contains("\"errorCode\":\"hawkbit.server.error.tooManyRequests\"");
        assertThat(passed).hasValue(0);
        assertThat(rejected.count()).isEqualTo(1);
        ticker.advance(Duration.ofMinutes(5));
        assertThat(login("ann", "right", "192.0.2.99").getStatus()).isEqualTo(200);
    }

    @Test
    void wrongPasswords_overTheWire_lockTheUser() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(login("ann", "wrong" + i, "192.0.2." + i).getStatus()).isEqualTo(401);
        }
        assertThat(login("ann", "right", "192.0.2.99").getStatus()).isEqualTo(429);
        assertThat(login("bob", "right", "192.0.2.99").getStatus()).isEqualTo(200);
    }

    /**
     * Spring's converter trims the header, takes any value starting with "Basic" in any case and decodes from index
     * 6: every spelling it accepts is counted and refused alike.
     */
    @Test
    void everySpellingOfTheBasicHeader_isCountedAndRefusedOnceLocked() throws Exception {
        int n = 0;
        for (String scheme :
                List.of("Basic ", "Basicx", "Basic\t", "Basic:", " Basic ", "\tBasic ", "BASIC ", "bAsIc-")) {
            String label = "'" + scheme + "'";
            ticker.advance(Duration.ofMinutes(5));
            for (int i = 0; i < 5; i++) {
                assertThat(send(managementFilter, spelled(scheme, "ann", "wrong", "192.0.2." + n++))
                                .getStatus())
                        .as(label)
                        .isEqualTo(401);
            }
            assertThat(send(managementFilter, spelled(scheme, "ann", "right", "198.51.100.1"))
                            .getStatus())
                    .as(label)
                    .isEqualTo(429);
            assertThat(login("ann", "right", "198.51.100.1").getStatus())
                    .as(label)
                    .isEqualTo(429);

            ticker.advance(Duration.ofMinutes(5));
            String address = "203.0.113." + n++;
            for (int i = 0; i < 5; i++) {
                assertThat(send(managementFilter, spelled(scheme, "spray" + i, "x", address))
                                .getStatus())
                        .as(label)
                        .isEqualTo(401);
            }
            assertThat(send(managementFilter, spelled(scheme, "bob", "right", address))
                            .getStatus())
                    .as(label)
                    .isEqualTo(429);
            assertThat(login("bob", "right", address).getStatus()).as(label).isEqualTo(429);
            assertThat(send(managementFilter, spelled(scheme, "bob", "right", "198.51.100.2"))
                            .getStatus())
                    .as(label)
                    .isEqualTo(200);
        }
        assertThat(passed).as("only the logins from unlocked addresses").hasValue(8);
    }

    @Test
    void lockedOutAddress_isRefusedForEveryUser() throws Exception {
        for (int i = 0; i < 5; i++) {
            failLogins("user" + i, "192.0.2.1", 1);
        }
        assertThat(login("bob", "right", "192.0.2.1").getStatus()).isEqualTo(429);
        assertThat(login("bob", "right", "192.0.2.2").getStatus()).isEqualTo(200);
    }

    @Test
    void success_resetsTheUsersCount_butNotTheAddressCount() throws Exception {
        failLogins("ann", "192.0.2.1", 4);
        listener.succeeded(new AuthenticationSuccessEvent(token("ann", "192.0.2.1")));
        failLogins("ann", "192.0.2.2", 4);
        assertThat(login("ann", "right", "192.0.2.3").getStatus()).isEqualTo(200);
        failLogins("bob", "192.0.2.1", 1);
        assertThat(login("carl", "right", "192.0.2.1").getStatus())
                .as("192.0.2.1 failed five times")
                .isEqualTo(429);
    }

    @Test
    void whitelistedAddress_isNotCountedByAddress_butItsUserIs() throws Exception {
        dos.setWhitelist(List.of(Cidr.of("192.0.2.0/24")));
        BasicAuthenticationFilter filter = basicFilter(new ClientAddresses(dos));
        for (int i = 0; i < 5; i++) {
            listener.failed(failure("user" + i, "192.0.2.1", true));
        }
        listener.failed(failure("ann", "192.0.2.1", true));
        assertThat(send(filter, basicRequest("ann", "right", "192.0.2.1")).getStatus())
                .isEqualTo(200);
        for (int i = 0; i < 5; i++) {
            listener.failed(failure("ann", "192.0.2.1", true));
        }
        assertThat(send(filter, basicRequest("ann", "right", "192.0.2.1")).getStatus())
                .isEqualTo(429);
    }

    @Test
    void failuresWithoutLoginClientDetails_areNotCounted() throws Exception {
        for (int i = 0; i < 10; i++) {
            listener.failed(new AuthenticationFailureBadCredentialsEvent(
                    UsernamePasswordAuthenticationToken.unauthenticated("ann", "x"),
                    new BadCredentialsException("bad")));
        }
        assertThat(login("ann", "right", "192.0.2.1").getStatus()).isEqualTo(200);
    }

    @Test
    void requestWithoutBasicCredentials_passesUntouched() throws Exception {
        failLogins("ann", "192.0.2.1", 5);
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/rest/v1/targets");
        request.setRemoteAddr("192.0.2.1");
        assertThat(send(managementFilter, request).getStatus()).isEqualTo(200);
        assertThat(send(managementFilter, spelled("Bearer ", "ann", "right", "192.0.2.1"))
                        .getStatus())
                .isEqualTo(200);
    }

    @Test
    void ddiAddress_isRefusedAfterMaxAnswers401_andComesBackAfterTheLockout() throws Exception {
        LoginAttempts ddi = new LoginAttempts(20, Duration.ofMinutes(5), Duration.ofMinutes(5), 1000, ticker);
        DdiLoginFilter filter = new DdiLoginFilter(ddi, new ClientAddresses(dos), rejected, log);
        FilterChain unauthorized = (request, response) -> {
            passed.incrementAndGet();
            ((MockHttpServletResponse) response).setStatus(401);
        };
        for (int i = 0; i < 20; i++) {
            assertThat(send(filter, ddiRequest("192.0.2.1"), unauthorized).getStatus())
                    .isEqualTo(401);
        }
        MockHttpServletResponse refused = send(filter, ddiRequest("192.0.2.1"), unauthorized);
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("300");
        assertThat(passed).as("the locked request never reached token checking").hasValue(20);
        assertThat(send(filter, ddiRequest("192.0.2.2"), unauthorized).getStatus())
                .isEqualTo(401);
        ticker.advance(Duration.ofMinutes(5));
        assertThat(send(filter, ddiRequest("192.0.2.1"), (request, response) -> {})
                        .getStatus())
                .isEqualTo(200);
    }

    @Test
    void ddiSuccesses_areNotCounted() throws Exception {
        LoginAttempts ddi = new LoginAttempts(2, Duration.ofMinutes(5), Duration.ofMinutes(5), 1000, ticker);
        DdiLoginFilter filter = new DdiLoginFilter(ddi, new ClientAddresses(dos), rejected, log);
        for (int i = 0; i < 10; i++) {
            assertThat(send(filter, ddiRequest("192.0.2.1"), (request, response) -> {})
                            .getStatus())
                    .isEqualTo(200);
        }
    }

    private void failLogins(String user, String address, int times) {
        for (int i = 0; i < times; i++) {
            listener.failed(failure(user, address, false));
        }
    }

    private static AuthenticationFailureBadCredentialsEvent failure(String user, String address, boolean whitelisted) {
        UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken.unauthenticated(user, "wrong");
        token.setDetails(new LoginClient(address, whitelisted));
        return new AuthenticationFailureBadCredentialsEvent(token, new BadCredentialsException("bad"));
    }

    private static UsernamePasswordAuthenticationToken token(String user, String address) {
        UsernamePasswordAuthenticationToken token =
                UsernamePasswordAuthenticationToken.authenticated(user, null, List.of());
        token.setDetails(new LoginClient(address, false));
        return token;
    }

    private MockHttpServletResponse login(String user, String password, String address) throws Exception {
        return send(managementFilter, basicRequest(user, password, address));
    }

    private static MockHttpServletRequest basicRequest(String user, String password, String address) {
        return spelled("Basic ", user, password, address);
    }

    private static MockHttpServletRequest spelled(String scheme, String user, String password, String address) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/rest/v1/targets");
        request.setRemoteAddr(address);
        request.addHeader(
                "Authorization",
                scheme + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        return request;
    }

    private static MockHttpServletRequest ddiRequest(String address) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/DEFAULT/controller/v1/dev-1");
        request.setRemoteAddr(address);
        request.addHeader("Authorization", "TargetToken wrong");
        return request;
    }

    private MockHttpServletResponse send(Filter filter, MockHttpServletRequest request) throws Exception {
        return send(filter, request, (req, res) -> passed.incrementAndGet());
    }

    private static MockHttpServletResponse send(Filter filter, MockHttpServletRequest request, FilterChain chain)
            throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        try {
            filter.doFilter(request, response, chain);
        } finally {
            // As the chain's SecurityContextHolderFilter does: each request authenticates afresh.
            SecurityContextHolder.clearContext();
        }
        return response;
    }
}
