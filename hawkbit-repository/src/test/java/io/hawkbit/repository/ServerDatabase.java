package io.hawkbit.repository;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A fresh database for one test class on a local database server of development and CI machines, MariaDB or
 * PostgreSQL (addressed by the same environment variables as the update server's test databases). Register it as a
 * static {@code @RegisterExtension} field and call {@link #register} from a {@code @DynamicPropertySource} method: the
 * database is created when the Spring context starts and dropped after the class. Without a reachable server the
 * class is skipped with a loud reason, before any context starts. {@code HAWKBIT_IT_DATABASE_PREFIX} replaces the
 * name's prefix {@code hawkbit_repo_} where a shared server allows only names of one's own.
 */
public final class ServerDatabase implements ExecutionCondition, AfterAllCallback {

    private final String label;
    private final String scheme;
    private final String host;
    private final int port;
    private final String user;
    private final String password;
    private final String adminDatabase;
    private final String createOptions;
    private final String dropOptions;

    private String url;

    private ServerDatabase(
            String label,
            String scheme,
            String envPrefix,
            int defaultPort,
            String defaultUser,
            String adminDatabase,
            String createOptions,
            String dropOptions) {
        this.label = label;
        this.scheme = scheme;
        this.host = env(envPrefix + "_HOST", "127.0.0.1");
        this.port = Integer.parseInt(env(envPrefix + "_PORT", String.valueOf(defaultPort)));
        this.user = env(envPrefix + "_USER", defaultUser);
        this.password = env(envPrefix + "_PASSWORD", "");
        this.adminDatabase = adminDatabase;
        this.createOptions = createOptions;
        this.dropOptions = dropOptions;
    }

    /** A database on the local MariaDB, with the server's default character set of the cluster setup. */
    public static ServerDatabase mariaDb() {
        return new ServerDatabase(
                "MariaDB",
                "jdbc:mariadb:",
                "HAWKBIT_IT_MARIADB",
                3306,
                "root",
                "",
                " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci",
                "");
    }

    /** A database on the local PostgreSQL, with the server's default collation. */
    public static ServerDatabase postgreSql() {
        return new ServerDatabase(
                "PostgreSQL",
                "jdbc:postgresql:",
                "HAWKBIT_IT_POSTGRES",
                5432,
                "postgres",
                "postgres",
                "",
                " WITH (FORCE)");
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 2000);
            return ConditionEvaluationResult.enabled(label + " reachable at " + host + ":" + port);
        } catch (IOException e) {
            String reason = "SKIPPED: no " + label + " reachable at " + host + ":" + port
                    + ". Start the local service to run the " + label + " variants of the repository tests.";
            System.err.println("\n!!!!! " + reason + " !!!!!\n");
            return ConditionEvaluationResult.disabled(reason);
        }
    }

    /** Points the test's context at the database, creating it when the context reads the URL. */
    public void register(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", this::url);
        registry.add("spring.datasource.username", () -> user);
        registry.add("spring.datasource.password", () -> password);
    }

    /** The JDBC URL of the database, created on first use. */
    public synchronized String url() {
        if (url == null) {
            String name = env("HAWKBIT_IT_DATABASE_PREFIX", "hawkbit_repo_")
                    + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            execute("CREATE DATABASE " + name + createOptions);
            url = url(name);
        }
        return url;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** A new connection to the database (the caller closes it). */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), user, password);
    }

    @Override
    public synchronized void afterAll(ExtensionContext context) {
        if (url != null) {
            execute("DROP DATABASE IF EXISTS " + url.substring(url.lastIndexOf('/') + 1) + dropOptions);
            url = null;
        }
    }

    private String url(String name) {
        return scheme + "//" + host + ":" + port + "/" + name;
    }

    private void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(url(adminDatabase), user, password);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(label + " at " + host + ":" + port + " refused: " + sql, e);
        }
    }
}
