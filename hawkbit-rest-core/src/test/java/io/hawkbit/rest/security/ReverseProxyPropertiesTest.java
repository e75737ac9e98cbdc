package io.hawkbit.rest.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

class ReverseProxyPropertiesTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Enable.class);

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(ReverseProxyProperties.class)
    static class Enable {}

    @Test
    void defaults_areHawkBits() {
        context.run(c -> {
            ReverseProxyProperties rp = c.getBean(ReverseProxyProperties.class);
            assertThat(rp.getCnHeader()).isEqualTo("X-Ssl-Client-Cn");
            assertThat(rp.getSslIssuerHashHeader()).isEqualTo("X-Ssl-Issuer-Hash-%d");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"X-Ssl-Issuer-Hash", "X-Ssl-Issuer-Hash-%s", "X-%d-%d", "X Hash %d", "X-Hash-%d%%"})
    void issuerHashHeader_withoutExactlyOneNumber_stopsStartUp(String pattern) {
        context.withPropertyValues("hawkbit.server.ddi.security.rp.ssl-issuer-hash-header=" + pattern)
                .run(c -> assertThat(c)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("ssl-issuer-hash-header"));
    }

    @Test
    void cnHeader_mustBeAHeaderName() {
        context.withPropertyValues("hawkbit.server.ddi.security.rp.cn-header=X Client: Cn")
                .run(c -> assertThat(c).hasFailed());
    }
}
