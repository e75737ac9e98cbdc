package io.hawkbit.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.hawkbit.repository.softwaremodule.SoftwareModuleService;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.aop.support.AopUtils;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.ObservationFilterChainDecorator;
import org.springframework.test.util.ReflectionTestUtils;

/** The default, single-node mode never contacts a broker, and its own listeners still see every change. */
class SingleNodeNoBrokerIT {

    @TempDir
    Path artifacts;

    @Test
    void defaultMode_makesNoConnectionToTheBroker() throws Exception {
        try (TcpProxy broker = new TcpProxy("127.0.0.1", 9);
                ConfigurableApplicationContext node = new SpringApplicationBuilder(UpdateServerApplication.class)
                        .run(
                                "--server.port=0",
                                "--spring.datasource.url=jdbc:h2:mem:nobroker;MODE=MariaDB;DATABASE_TO_LOWER=TRUE",
                                "--spring.rabbitmq.port=" + broker.port(),
                                "--hawkbit.artifact.storage.path=" + artifacts,
                                "--logging.level.root=WARN")) {
            ApiClient api = new ApiClient(
                    ((WebServerApplicationContext) node).getWebServer().getPort());
            new Fixture(api).target("lonely");
            assertThat(api.mgmt("GET", "/actuator/health").json().get("status").asString())
                    .isEqualTo("UP");
            ApiClient.Response cluster = api.mgmt("GET", "/actuator/cluster");
            assertThat(cluster.json().at("/members/0/id").asString())
                    .isEqualTo(cluster.json().get("self").asString());
            assertThat(broker.accepted()).as("connections to the broker port").isZero();
            assertThat(brokerStackBeans(node))
                    .as("beans of the bus, Stream, Function, Spring Cloud, Spring Integration or RabbitMQ")
                    .isEmpty();
            assertThat(beansIn(
                            node,
                            " org.springframework.aop.aspectj.",
                            " org.springframework.boot.restclient.",
                            " org.springframework.boot.http.client.",
                            " org.springframework.web.client."))
                    .as("beans of AspectJ auto-proxying or of an HTTP client (docs/performance.md)")
                    .isEmpty();
            assertThat(AopUtils.isCglibProxy(node.getBean(SoftwareModuleService.class)))
                    .as("transactional services are still class-based proxies")
                    .isTrue();
            assertThat(created(node, " org.springdoc.core.service.", " org.springdoc.webmvc.api."))
                    .as("springdoc's OpenAPI service and /v3/api-docs controller before the first request for them")
                    .isEmpty();
            assertThat(beansIn(
                            node,
                            " org.springframework.boot.data.metrics.",
                            " org.springframework.boot.data.autoconfigure.metrics."))
                    .as("Spring Data's repository invocation timers (left out, docs/performance.md)")
                    .isEmpty();
            FilterChainProxy security = node.getBean(FilterChainProxy.class);
            assertThat(ReflectionTestUtils.getField(security, "filterChainDecorator"))
                    .as("Spring Security's filters are not wrapped in observations (docs/performance.md)")
                    .isNotInstanceOf(ObservationFilterChainDecorator.class);
            ApiClient.Response apiDocs = api.send("GET", "/v3/api-docs", (String) null, Map.of());
            assertThat(apiDocs.status()).isEqualTo(200);
            assertThat(apiDocs.json().get("paths").has("/rest/v1/targets")).isTrue();
        }
    }

    /** Beans whose type belongs to the broker stack; the JDBC lock registry is ours and used in every mode. */
    private static List<String> brokerStackBeans(ConfigurableApplicationContext context) {
        return beansIn(
                        context,
                        " org.springframework.cloud.",
                        " org.springframework.amqp.",
                        " org.springframework.boot.amqp.",
                        " org.springframework.boot.integration.",
                        " org.springframework.integration.")
                .stream()
                .filter(bean -> !bean.contains(" org.springframework.integration.jdbc.lock."))
                .toList();
    }

    /** "name type" of the beans in one of the packages that exist already (lazy ones are created on first use). */
    private static List<String> created(ConfigurableApplicationContext context, String... packages) {
        return beansIn(context, packages).stream()
                .filter(bean -> context.getBeanFactory().containsSingleton(bean.substring(0, bean.indexOf(' '))))
                .toList();
    }

    /** "name type" of the beans whose type is in one of the packages (each given as " package."). */
    private static List<String> beansIn(ConfigurableApplicationContext context, String... packages) {
        return Arrays.stream(context.getBeanDefinitionNames())
                .map(name -> {
                    Class<?> type = context.getType(name);
                    return name + " " + (type == null ? "" : type.getName());
                })
                .filter(bean -> Stream.of(packages).anyMatch(bean::contains))
                .toList();
    }
}
