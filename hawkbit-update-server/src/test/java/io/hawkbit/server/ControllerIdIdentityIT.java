package io.hawkbit.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
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

/**
 * Findings M2 and L7 on a real MariaDB whose database default is utf8mb4_unicode_ci (as the cluster's): controllerIds
 * are exact, as on H2, so a spelling variant is another device, and a token change or a delete takes effect through
 * every spelling at once. The cache evicts by the stored id; one node shows it, since every node evicts alike. The
 * same on PostgreSQL, where the column's collation "C" keeps ids exact.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ParameterizedClass
@EnumSource(TestDatabase.class)
class ControllerIdIdentityIT {

    /** The database of the current run of the class. */
    static TestDatabase server;

    // Declared so that the class consumes the argument, which the static lifecycle methods then receive too.
    @Parameter
    TestDatabase parameter;

    @TempDir
    static Path artifacts;

    static String url;
    static ConfigurableApplicationContext node;
    static ApiClient api;

    @BeforeParameterizedClassInvocation
    static void start(TestDatabase testDatabase) {
        server = testDatabase;
        server.assumeReachable();
        url = server.create();
        node = new SpringApplicationBuilder(UpdateServerApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=" + url,
                        "--spring.datasource.username=" + server.user,
                        "--spring.datasource.password=" + server.password,
                        "--hawkbit.artifact.storage.path=" + artifacts,
                        "--logging.level.root=WARN");
        api = new ApiClient(((WebServerApplicationContext) node).getWebServer().getPort());
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
                        + (server == TestDatabase.MARIADB ? "database()" : "current_schema()")
                        + " and table_name = 'target' and column_name = 'controller_id'",
                String.class);
        // The schema before V1_4: the cache must hold only the stored spelling even where the database matches loosely.
        String restore;
        if (server == TestDatabase.MARIADB) {
            assertThat(collation).as("set by V1_4").isEqualTo("utf8mb4_nopad_bin");
            jdbc.execute("ALTER TABLE target MODIFY controller_id VARCHAR(256) NOT NULL COLLATE utf8mb4_unicode_ci");
            restore = "ALTER TABLE target MODIFY controller_id VARCHAR(256) NOT NULL COLLATE " + collation;
        } else {
            assertThat(collation).as("set by the PostgreSQL V1_4").isEqualTo("C");
            // PostgreSQL's counterpart of a _ci collation: ICU, case-insensitive, nondeterministic.
            jdbc.execute("CREATE COLLATION IF NOT EXISTS hawkbit_ci "
                    + "(provider = icu, locale = 'und-u-ks-level2', deterministic = false)");
            // PostgreSQL refuses to retype a column that a generated column reads (V1_18's lower-case id): it is
            // dropped around each retype and added again, so the server's mapping finds it throughout.
            String lowerCaseId = "ALTER TABLE target ADD COLUMN controller_id_lower VARCHAR(256) COLLATE \"C\" "
                    + "GENERATED ALWAYS AS (lower(controller_id)) STORED; "
                    + "CREATE INDEX ix_target_controller_id_lower ON target (tenant, controller_id_lower)";
            jdbc.execute("ALTER TABLE target DROP COLUMN controller_id_lower; "
                    + "ALTER TABLE target ALTER COLUMN controller_id TYPE VARCHAR(256) COLLATE hawkbit_ci; "
                    + lowerCaseId);
            restore = "ALTER TABLE target DROP COLUMN controller_id_lower; "
                    + "ALTER TABLE target ALTER COLUMN controller_id TYPE VARCHAR(256) COLLATE \"C\"; " + lowerCaseId;
        }
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
            jdbc.execute(restore);
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
