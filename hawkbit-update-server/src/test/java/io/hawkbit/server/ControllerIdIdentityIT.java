package io.hawkbit.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Findings M2 and L7 on a real MariaDB whose database default is utf8mb4_unicode_ci (as the cluster's): controllerIds
 * are exact, as on H2, so a spelling variant is another device, and a token change or a delete takes effect through
 * every spelling at once. The cache evicts by the stored id; one node shows it, since every node evicts alike.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ControllerIdIdentityIT {

    @TempDir
    static Path artifacts;

    static String url;
    static ConfigurableApplicationContext node;
    static ApiClient api;

    @BeforeAll
    static void start() {
        LocalServices.assumeMariaDb();
        url = LocalServices.createMariaDbDatabase();
        node = new SpringApplicationBuilder(UpdateServerApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=" + url,
                        "--spring.datasource.username=" + LocalServices.MARIADB_USER,
                        "--spring.datasource.password=" + LocalServices.MARIADB_PASSWORD,
                        "--hawkbit.artifact.storage.path=" + artifacts,
                        "--logging.level.root=WARN");
        api = new ApiClient(((WebServerApplicationContext) node).getWebServer().getPort());
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

    private static int create(String controllerId, String token) {
        return api.mgmt(
                        "POST",
                        "/rest/v1/targets",
                        "[{\"controllerId\":\"" + controllerId + "\",\"name\":\"n\""
                                + (token == null ? "" : ",\"securityToken\":\"" + token + "\"") + "}]")
                .status();
    }

    private static int poll(String controllerId, String token) {
        return api.send(
                        "GET",
                        "/DEFAULT/controller/v1/" + controllerId,
                        (byte[]) null,
                        Map.of("Authorization", "TargetToken " + token))
                .status();
    }

    /** Runs first: the variants the later tests create could not live under the case-insensitive collation. */
    @Test
    @Order(1)
    void underACaseInsensitiveCollation_aVariantSpellingStillNeverActsAsTheStoredDevice() {
        JdbcTemplate jdbc = node.getBean(JdbcTemplate.class);
        String collation = jdbc.queryForObject(
                "select collation_name from information_schema.columns where table_schema = "
                        + "database() and table_name = 'target' and column_name = 'controller_id'",
                String.class);
        assertThat(collation).as("set by V1_4").isEqualTo("utf8mb4_nopad_bin");
        // The schema before V1_4: the cache must hold only the stored spelling even where the database matches loosely.
        jdbc.execute("ALTER TABLE target MODIFY controller_id VARCHAR(256) NOT NULL COLLATE utf8mb4_unicode_ci");
        try {
            assertThat(create("ci-01", "ci-old")).isEqualTo(201);
            assertThat(poll("CI-01", "ci-old"))
                    .as("the database finds ci-01 for CI-01; the server must not")
                    .isEqualTo(401);
            assertThat(poll("ci-01", "ci-old")).isEqualTo(200);
            assertThat(api.mgmt("PUT", "/rest/v1/targets/ci-01", "{\"securityToken\":\"ci-new\"}")
                            .status())
                    .isEqualTo(200);
            assertThat(poll("ci-01", "ci-old")).isEqualTo(401);
            assertThat(poll("CI-01", "ci-old")).isEqualTo(401);
        } finally {
            jdbc.execute("ALTER TABLE target MODIFY controller_id VARCHAR(256) NOT NULL COLLATE " + collation);
        }
    }

    @Test
    @Order(2)
    void caseAndAccentVariants_areDistinctTargets_andATrailingSpaceIsNeverTheSameId() {
        assertThat(create("dev-01", null)).isEqualTo(201);
        assertThat(create("DEV-01", null))
                .as("another target, as on H2 (was 409)")
                .isEqualTo(201);
        assertThat(create("dév-01", null)).isEqualTo(201);
        assertThat(create("dev-01", null)).as("the exact id again").isEqualTo(409);
        // Distinct, or refused by the controllerId character rules; never the same target as "dev-01".
        assertThat(create("dev-01 ", null)).isIn(201, 400);

        assertThat(api.mgmt("GET", "/rest/v1/targets/DEV-01")
                        .json()
                        .get("controllerId")
                        .asString())
                .isEqualTo("DEV-01");
        assertThat(api.mgmt("GET", "/rest/v1/targets/dev-01")
                        .json()
                        .get("controllerId")
                        .asString())
                .isEqualTo("dev-01");
        assertThat(node.getBean(JdbcTemplate.class)
                        .queryForObject("select count(*) from target where controller_id = 'DEV-01'", Integer.class))
                .isEqualTo(1);
    }

    @Test
    @Order(3)
    void rotatedOrDeletedToken_isRefusedThroughEverySpelling() {
        assertThat(create("rot-01", "old-tok")).isEqualTo(201);
        assertThat(poll("rot-01", "old-tok")).isEqualTo(200);
        assertThat(poll("ROT-01", "old-tok")).as("ROT-01 is not rot-01").isEqualTo(401);
        assertThat(poll("rot-01%20", "old-tok")).isEqualTo(401);

        assertThat(api.mgmt("PUT", "/rest/v1/targets/rot-01", "{\"securityToken\":\"new-tok\"}")
                        .status())
                .isEqualTo(200);
        assertThat(poll("ROT-01", "old-tok")).isEqualTo(401);
        assertThat(poll("rot-01", "old-tok")).isEqualTo(401);
        assertThat(poll("rot-01", "new-tok")).isEqualTo(200);

        assertThat(create("del-01", "del-tok")).isEqualTo(201);
        assertThat(poll("DEL-01", "del-tok")).isEqualTo(401);
        assertThat(api.mgmt("DELETE", "/rest/v1/targets/del-01").status()).isEqualTo(204);
        assertThat(poll("del-01", "del-tok")).isEqualTo(401);
        assertThat(poll("DEL-01", "del-tok")).isEqualTo(401);
    }
}
