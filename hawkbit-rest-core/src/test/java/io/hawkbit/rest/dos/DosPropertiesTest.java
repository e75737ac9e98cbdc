package io.hawkbit.rest.dos;

import static org.assertj.core.api.Assertions.assertThat;

import io.hawkbit.rest.login.LoginProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

class DosPropertiesTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Enable.class);

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({DosProperties.class, LoginProperties.class})
    static class Enable {}

    @Test
    void lists_bindFromCommaSeparatedCidrs() {
        context.withPropertyValues(
                        "hawkbit.server.security.dos.filter.whitelist=10.0.0.0/8, fd00::/8",
                        "hawkbit.server.security.dos.filter.blacklist=",
                        "hawkbit.server.security.login.period=90s",
                        "hawkbit.server.security.login.lockout=PT2M")
                .run(c -> {
                    assertThat(c).hasNotFailed();
                    DosProperties dos = c.getBean(DosProperties.class);
                    assertThat(dos.getWhitelist()).containsExactly(Cidr.of("10.0.0.0/8"), Cidr.of("fd00::/8"));
                    assertThat(dos.getBlacklist()).isEmpty();
                    assertThat(c.getBean(LoginProperties.class).getPeriod()).hasSeconds(90);
                    assertThat(c.getBean(LoginProperties.class).getLockout()).hasMinutes(2);
                });
    }

    @Test
    void defaults_whitelistLoopbackAndTrustNoProxy() {
        context.run(c -> {
            DosProperties dos = c.getBean(DosProperties.class);
            assertThat(dos.getWhitelist()).containsExactly(Cidr.of("127.0.0.0/8"), Cidr.of("::1/128"));
            assertThat(dos.getTrustedProxies()).isEmpty();
            assertThat(dos.limit(Api.MGMT, false)).isEqualTo(200);
            assertThat(dos.limit(Api.MGMT, true)).isEqualTo(50);
        });
    }

    @Test
    void malformedCidr_stopsStartUpNamingTheProperty() {
        context.withPropertyValues("hawkbit.server.security.dos.filter.trusted-proxies=10.0.0.0/33")
                .run(c -> {
                    assertThat(c).hasFailed();
                    assertThat(c.getStartupFailure()).rootCause().hasMessageContaining("10.0.0.0/33");
                    assertThat(stackText(c.getStartupFailure()))
                            .contains("hawkbit.server.security.dos.filter.trusted-proxies");
                });
    }

    @Test
    void clusterScope_binds() {
        context.withPropertyValues(
                        "hawkbit.server.security.login.scope=cluster",
                        "hawkbit.server.security.dos.filter.scope=cluster")
                .run(c -> {
                    assertThat(c.getBean(LoginProperties.class).getScope()).isEqualTo(Scope.CLUSTER);
                    assertThat(c.getBean(DosProperties.class).getScope()).isEqualTo(Scope.CLUSTER);
                });
    }

    @Test
    void zeroLimitOrLockout_isRefusedAtStartUp() {
        context.withPropertyValues("hawkbit.server.security.dos.filter.ddi.max-read=0")
                .run(c -> assertThat(c).hasFailed());
        context.withPropertyValues("hawkbit.server.security.login.lockout=0s")
                .run(c -> assertThat(c).hasFailed());
    }

    private static String stackText(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            text.append(t.getMessage()).append('\n');
        }
        return text.toString();
    }
}
