package io.hawkbit.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The Flyway scripts build the schema Hibernate validates on a real MariaDB and a real PostgreSQL (its twin scripts,
 * chosen by the JDBC URL), and a device cycle runs on each.
 */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class DatabaseMigrationIT {

    /** The database of the current run of the class. */
    static TestDatabase server;

    // Declared so that the class consumes the argument, which the static lifecycle methods then receive too.
    @Parameter
    TestDatabase parameter;

    @TempDir
    static Path artifacts;

    static String url;
    static ConfigurableApplicationContext node;

    @BeforeParameterizedClassInvocation
    static void start(TestDatabase testDatabase) {
        server = testDatabase;
        server.assumeReachable();
        url = server.create();
        // Command-line arguments, because application.yml outranks default properties.
        node = new SpringApplicationBuilder(UpdateServerApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=" + url,
                        "--spring.datasource.username=" + server.user,
                        "--spring.datasource.password=" + server.password,
                        "--hawkbit.artifact.storage.path=" + artifacts,
                        "--logging.level.root=WARN");
    }

    @AfterParameterizedClassInvocation
    static void stop() {
        if (node != null) {
            node.close();
        }
        if (url != null) {
            server.drop(url);
            url = null;
        }
        node = null;
    }

    @Test
    void migrations_createTheSchemaAndDefaultTypes() {
        JdbcTemplate jdbc = node.getBean(JdbcTemplate.class);
        assertThat(jdbc.queryForObject(
                        "select count(*) from flyway_schema_history where success = true", Integer.class))
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
    void flyway_ranTheScriptsOfTheDatabase() {
        JdbcTemplate jdbc = node.getBean(JdbcTemplate.class);
        assertThat(jdbc.queryForList("select script from flyway_schema_history where version = '1.4'", String.class))
                .containsExactly("V1_4__controller_id_binary.sql");
        // The twin's tell: PostgreSQL's controller_id has the byte-wise collation "C".
        if (server == TestDatabase.POSTGRESQL) {
            assertThat(jdbc.queryForObject(
                            "select collation_name from information_schema.columns where table_name = 'target' "
                                    + "and column_name = 'controller_id'",
                            String.class))
                    .isEqualTo("C");
        }
    }

    @Test
    void maintenanceWindow_isStoredAndReadBack() {
        ApiClient api = new ApiClient(
                ((WebServerApplicationContext) node).getWebServer().getPort());
        Fixture fixture = new Fixture(api);
        long set = fixture.completeSet("db-mw");
        fixture.target("db-mw-device");
        ApiClient.Response assigned = api.mgmt(
                "POST",
                "/rest/v1/targets/db-mw-device/assignedDS",
                "{\"id\":" + set + ",\"maintenanceWindow\":{\"schedule\":\"0 15 10 ? * MON-FRI 2099\","
                        + "\"duration\":\"00:30:00\",\"timezone\":\"+14:00\"}}");
        assertThat(assigned.status()).as(assigned.text()).isEqualTo(200);
        long action = assigned.json().at("/assignedActions/0/id").asLong();
        JsonNode window = api.mgmt("GET", "/rest/v1/targets/db-mw-device/actions/" + action)
                .json()
                .get("maintenanceWindow");
        assertThat(window.get("schedule").asString()).isEqualTo("0 15 10 ? * MON-FRI 2099");
        assertThat(window.get("duration").asString()).isEqualTo("00:30:00");
        assertThat(window.get("timezone").asString()).isEqualTo("+14:00");
        // 2099-01-01 is a Thursday: 10:15 at +14:00 is 20:15 UTC the day before.
        assertThat(window.get("nextStartAt").asLong())
                .isEqualTo(Instant.parse("2098-12-31T20:15:00Z").toEpochMilli());
    }

    @Test
    void deviceCycle_runs() {
        ApiClient api = new ApiClient(
                ((WebServerApplicationContext) node).getWebServer().getPort());
        Fixture fixture = new Fixture(api);
        long module = fixture.module("db-fw", "1", "os");
        fixture.artifact(module, "fw.bin", "firmware".getBytes());
        long set = fixture.distributionSet("db", "1", "os", module);
        String token = fixture.target("db-device");
        long action = fixture.assign("db-device", set, "forced");
        Map<String, String> auth = Map.of("Authorization", "TargetToken " + token, "Content-Type", "application/json");
        String base = "/DEFAULT/controller/v1/db-device";
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
        assertThat(api.mgmt("GET", "/rest/v1/targets/db-device")
                        .json()
                        .get("updateStatus")
                        .asString())
                .isEqualTo("in_sync");
    }
}
