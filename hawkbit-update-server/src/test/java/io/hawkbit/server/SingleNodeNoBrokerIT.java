package io.hawkbit.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

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
        }
    }
}
