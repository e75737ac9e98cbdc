package io.hawkbit.rest.login;

import com.github.benmanes.caffeine.cache.Ticker;
import io.hawkbit.repository.event.ClusterEventPublisher;
import io.hawkbit.rest.dos.ClientAddresses;
import io.hawkbit.rest.dos.DosConfiguration;
import io.hawkbit.rest.dos.DosProperties;
import io.hawkbit.rest.dos.RejectionLog;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The login-attempt validator: counters for Management API and DDI logins, the lockout the Management chain's
 * authentication applies and the filter the DDI chain places in front of token checking.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LoginProperties.class)
class LoginConfiguration {

    public static final String MANAGEMENT_LOGINS = "managementLoginAttempts";
    public static final String DDI_LOGINS = "ddiLoginAttempts";

    private static final Logger LOG = LoggerFactory.getLogger(LoginAttempts.class);

    @Bean(MANAGEMENT_LOGINS)
    LoginAttempts managementLoginAttempts(
            LoginProperties properties, @Qualifier(DosConfiguration.TICKER) Ticker ticker) {
        return new LoginAttempts(
                properties.getMaxAttempts(),
                properties.getPeriod(),
                properties.getLockout(),
                properties.getMaxTracked(),
                ticker);
    }

    @Bean(DDI_LOGINS)
    LoginAttempts ddiLoginAttempts(LoginProperties properties, @Qualifier(DosConfiguration.TICKER) Ticker ticker) {
        return new LoginAttempts(
                properties.getDdiMaxAttempts(),
                properties.getPeriod(),
                properties.getLockout(),
                properties.getMaxTracked(),
                ticker);
    }

    @Bean
    @ConditionalOnProperty(name = "hawkbit.server.security.login.scope", havingValue = "cluster")
    LoginReplication loginReplication(
            ClusterEventPublisher events,
            @Qualifier(MANAGEMENT_LOGINS) LoginAttempts management,
            @Qualifier(DDI_LOGINS) LoginAttempts ddi) {
        return new LoginReplication(events, Map.of("mgmt", management, "ddi", ddi));
    }

    @Bean
    ManagementLoginListener managementLoginListener(@Qualifier(MANAGEMENT_LOGINS) LoginAttempts attempts) {
        return new ManagementLoginListener(attempts);
    }

    @Bean
    ManagementLockout managementLockout(
            @Qualifier(MANAGEMENT_LOGINS) LoginAttempts attempts,
            DosProperties dos,
            ObjectProvider<MeterRegistry> meters,
            @Qualifier(DosConfiguration.TICKER) Ticker ticker) {
        return new ManagementLockout(attempts, rejected(meters, "mgmt"), log(ticker, dos));
    }

    @Bean
    DdiLoginFilter ddiLoginFilter(
            @Qualifier(DDI_LOGINS) LoginAttempts attempts,
            ClientAddresses clients,
            DosProperties dos,
            ObjectProvider<MeterRegistry> meters,
            @Qualifier(DosConfiguration.TICKER) Ticker ticker) {
        return new DdiLoginFilter(attempts, clients, rejected(meters, "ddi"), log(ticker, dos));
    }

    // The filter runs inside the DDI security chain only; Boot would otherwise also put it in front of every request.
    @Bean
    FilterRegistrationBean<DdiLoginFilter> ddiLoginFilterRegistration(DdiLoginFilter filter) {
        FilterRegistrationBean<DdiLoginFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }

    private static Counter rejected(ObjectProvider<MeterRegistry> meters, String api) {
        return meters.getIfAvailable(SimpleMeterRegistry::new)
                .counter("hawkbit.dos.rejected", "reason", "lockout", "api", api);
    }

    private static RejectionLog log(Ticker ticker, DosProperties dos) {
        return new RejectionLog(LOG::warn, ticker, dos.getLogInterval());
    }
}
