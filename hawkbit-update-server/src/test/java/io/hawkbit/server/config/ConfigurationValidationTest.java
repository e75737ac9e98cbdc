package io.hawkbit.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hawkbit.cache.CacheProperties;
import io.hawkbit.repository.QuotaProperties;
import io.hawkbit.repository.TenantProperties;
import io.hawkbit.repository.event.EventProperties;
import io.hawkbit.repository.event.NodeProperties;
import io.hawkbit.repository.lock.LockProperties;
import io.hawkbit.repository.lock.SchedulerProperties;
import io.hawkbit.repository.softwaremodule.ArtifactStorageProperties;
import io.hawkbit.repository.target.PollProperties;
import io.hawkbit.rest.dos.DosProperties;
import io.hawkbit.rest.login.LoginProperties;
import io.hawkbit.rest.request.RequestLimitsProperties;
import io.hawkbit.rest.security.UserProperties;
import io.hawkbit.server.cluster.ClusterProperties;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;
import org.springframework.validation.FieldError;

/** Every properties class is validated at binding: a value that would misbehave stops start-up naming the property. */
@ExtendWith(OutputCaptureExtension.class)
class ConfigurationValidationTest {

    private final ApplicationContextRunner runner =
            new ApplicationContextRunner().withUserConfiguration(AllProperties.class);

    @Test
    void start_withZeroRolloutPeriod_failsNamingTheProperty(CapturedOutput output) {
        SpringApplicationBuilder application = new SpringApplicationBuilder(AllProperties.class)
                .web(WebApplicationType.NONE)
                .properties("spring.main.banner-mode=off");

        assertThatThrownBy(() ->
                        application.run("--hawkbit.scheduler.rollout.period=0s").close())
                .hasRootCauseInstanceOf(BindValidationException.class);
        // What the operator reads: Spring Boot's failure analysis of the binding error.
        assertThat(output)
                .contains(
                        "APPLICATION FAILED TO START",
                        "Property: hawkbit.scheduler.rollout.period",
                        "Value: \"PT0S\"",
                        "Reason: must be longer than or equal to 1 milli");
    }

    @Test
    void bind_defaults_areValid() {
        runner.run(context -> assertThat(context)
                .hasNotFailed()
                .hasSingleBean(SchedulerProperties.class)
                .hasSingleBean(ClusterProperties.class));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            hawkbit.scheduler.rollout.period=0s              | hawkbit.scheduler.rollout.period
            hawkbit.scheduler.auto-assign.period=-5s         | hawkbit.scheduler.auto-assign.period
            hawkbit.scheduler.overdue.batch-size=0           | hawkbit.scheduler.overdue.batch-size
            hawkbit.scheduler.lock.lease=0s                  | hawkbit.scheduler.lock.lease
            hawkbit.scheduler.lock.renew-interval=0s         | hawkbit.scheduler.lock.renew-interval
            hawkbit.poll.write-interval=0s                   | hawkbit.poll.write-interval
            hawkbit.cluster.heartbeat-interval=0s            | hawkbit.cluster.heartbeat-interval
            hawkbit.cluster.member-timeout=-1s               | hawkbit.cluster.member-timeout
            hawkbit.cluster.publish-queue-capacity=0         | hawkbit.cluster.publish-queue-capacity
            hawkbit.cache.targets.maximum-size=0             | hawkbit.cache.targets.maximum-size
            hawkbit.tenants.names=                           | hawkbit.tenants.names
            hawkbit.tenants.names=DEFAULT,                   | hawkbit.tenants.names.1
            hawkbit.security.users.ops.tenant=               | hawkbit.security.users.ops.tenant
            hawkbit.server.security.login.period=0s          | hawkbit.server.security.login.period
            hawkbit.quota.max-batch-size=0                   | hawkbit.quota.max-batch-size
            """)
    void bind_badValue_failsNamingTheProperty(String setting, String property) {
        runner.withPropertyValues(setting).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().isInstanceOf(BindValidationException.class);
            BindValidationException failure = (BindValidationException) rootCause(context.getStartupFailure());
            List<String> rejected = failure.getValidationErrors().getAllErrors().stream()
                    .map(error -> dashed(error.getObjectName() + "." + ((FieldError) error).getField()))
                    .toList();
            assertThat(rejected).containsExactly(property);
        });
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** {@code cache[targets].maximumSize} as an operator writes it: {@code cache.targets.maximum-size}. */
    private static String dashed(String name) {
        return name.replaceAll("\\[([^]]*)]", ".$1")
                .replaceAll("([a-z0-9])([A-Z])", "$1-$2")
                .toLowerCase();
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({
        CacheProperties.class,
        QuotaProperties.class,
        TenantProperties.class,
        EventProperties.class,
        NodeProperties.class,
        LockProperties.class,
        SchedulerProperties.class,
        ArtifactStorageProperties.class,
        PollProperties.class,
        DosProperties.class,
        LoginProperties.class,
        RequestLimitsProperties.class,
        UserProperties.class,
        ClusterProperties.class
    })
    static class AllProperties {}
}
