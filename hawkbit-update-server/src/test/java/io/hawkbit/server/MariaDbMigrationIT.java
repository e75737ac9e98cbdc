package io.hawkbit.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** The Flyway scripts build the schema Hibernate validates on a real MariaDB, and a device cycle runs on it. */
class MariaDbMigrationIT {

    @TempDir
    static Path artifacts;

    static String url;
    static ConfigurableApplicationContext node;

    @BeforeAll
    static void start() {
        LocalServices.assumeMariaDb();
        url = LocalServices.createMariaDbDatabase();
        // Command-line arguments, because application.yml outranks default properties.
        node = new SpringApplicationBuilder(UpdateServerApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=" + url,
                        "--spring.datasource.username=" + LocalServices.MARIADB_USER,
                        "--spring.datasource.password=" + LocalServices.MARIADB_PASSWORD,
                        "--hawkbit.artifact.storage.path=" + artifacts,
                        "--logging.level.root=WARN");
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
        if (url != null) {
            LocalServices.dropMariaDbDatabase(url);
        }
    }

    @Test
    void migrations_createTheSchemaAndDefaultTypes() {
        JdbcTemplate jdbc = node.getBean(JdbcTemplate.class);
        assertThat(jdbc.queryForObject("select count(*) from flyway_schema_history where success = 1", Integer.class))
                .isPositive();
        assertThat(jdbc.queryForList(
                        "select type_key from software_module_type where tenant = 'DEFAULT' order by type_key",
                        String.class))
                .containsExactly("application", "os", "runtime");
        assertThat(jdbc.queryForList(
                        "select type_key from distribution_set_type where tenant = 'DEFAULT' order by type_key",
                        String.class))
                .containsExactly("app", "os", "os_app");
    }

    @Test
    void deviceCycle_runsOnMariaDb() {
        ApiClient api = new ApiClient(
                ((WebServerApplicationContext) node).getWebServer().getPort());
        Fixture fixture = new Fixture(api);
        long module = fixture.module("maria-fw", "1", "os");
        fixture.artifact(module, "fw.bin", "firmware".getBytes());
        long set = fixture.distributionSet("maria", "1", "os", module);
        String token = fixture.target("maria-device");
        long action = fixture.assign("maria-device", set, "forced");
        Map<String, String> auth = Map.of("Authorization", "TargetToken " + token, "Content-Type", "application/json");
        String base = "/DEFAULT/controller/v1/maria-device";
        assertThat(api.send("GET", base, (byte[]) null, auth)
                        .json()
                        .at("/_links/deploymentBase/href")
                        .asString())
                .contains("/deploymentBase/" + action);
        assertThat(api.send(
                                "POST",
                                base + "/deploymentBase/" + action + "/feedback",
                                "{\"status\":{\"execution\":\"closed\",\"result\":{\"finished\":\"success\"}}}",
                                auth)
                        .status())
                .isEqualTo(200);
        assertThat(api.mgmt("GET", "/rest/v1/targets/maria-device")
                        .json()
                        .get("updateStatus")
                        .asString())
                .isEqualTo("in_sync");
    }
}
