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
 * A fresh MariaDB database for one test class, on the local server of development and CI machines (addressed by
 * the same environment variables as the update server's LocalServices). Register it as a static
 * {@code @RegisterExtension} field and call {@link #register} from a {@code @DynamicPropertySource} method: the
 * database is created when the Spring context starts and dropped after the class. Without a reachable MariaDB the
 * class is skipped with a loud reason, before any context starts.
 */
public final class MariaDbDatabase implements ExecutionCondition, AfterAllCallback {

    static final String HOST = env("HAWKBIT_IT_MARIADB_HOST", "127.0.0.1");
    static final int PORT = Integer.parseInt(env("HAWKBIT_IT_MARIADB_PORT", "3306"));
    static final String USER = env("HAWKBIT_IT_MARIADB_USER", "root");
    static final String PASSWORD = env("HAWKBIT_IT_MARIADB_PASSWORD", "");

    private String url;

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, PORT), 2000);
            return ConditionEvaluationResult.enabled("MariaDB reachable at " + HOST + ":" + PORT);
        } catch (IOException e) {
            String reason = "SKIPPED: no MariaDB reachable at " + HOST + ":" + PORT
                    + ". Start the local service to run the MariaDB variants of the repository tests.";
            System.err.println("\n!!!!! " + reason + " !!!!!\n");
            return ConditionEvaluationResult.disabled(reason);
        }
    }

    /** Points the test's context at the database, creating it when the context reads the URL. */
    public void register(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", this::url);
        registry.add("spring.datasource.username", () -> USER);
        registry.add("spring.datasource.password", () -> PASSWORD);
    }

    private synchronized String url() {
        if (url == null) {
            String name = "hawkbit_repo_"
                    + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            url = "jdbc:mariadb://" + HOST + ":" + PORT + "/" + name;
        }
        return url;
    }

    @Override
    public synchronized void afterAll(ExtensionContext context) {
        if (url != null) {
            execute("DROP DATABASE IF EXISTS " + url.substring(url.lastIndexOf('/') + 1));
            url = null;
        }
    }

    private static void execute(String sql) {
        try (Connection connection =
                        DriverManager.getConnection("jdbc:mariadb://" + HOST + ":" + PORT + "/", USER, PASSWORD);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("MariaDB at " + HOST + ":" + PORT + " refused: " + sql, e);
        }
    }
}
