package io.hawkbit.server;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * The real services cluster tests need: the local MariaDB and RabbitMQ of development and CI machines, addressed
 * by environment variables when elsewhere. A test that cannot reach one is skipped with a loud reason.
 */
final class LocalServices {

    static final String MARIADB_HOST = env("HAWKBIT_IT_MARIADB_HOST", "127.0.0.1");
    static final int MARIADB_PORT = Integer.parseInt(env("HAWKBIT_IT_MARIADB_PORT", "3306"));
    static final String MARIADB_USER = env("HAWKBIT_IT_MARIADB_USER", "root");
    static final String MARIADB_PASSWORD = env("HAWKBIT_IT_MARIADB_PASSWORD", "");
    static final String RABBIT_HOST = env("HAWKBIT_IT_RABBIT_HOST", "127.0.0.1");
    static final int RABBIT_PORT = Integer.parseInt(env("HAWKBIT_IT_RABBIT_PORT", "5672"));

    private LocalServices() {}

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    static void assumeMariaDb() {
        assumeReachable("MariaDB", MARIADB_HOST, MARIADB_PORT);
    }

    static void assumeRabbitMq() {
        assumeReachable("RabbitMQ", RABBIT_HOST, RABBIT_PORT);
    }

    private static void assumeReachable(String service, String host, int port) {
        boolean reachable;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 2000);
            reachable = true;
        } catch (IOException e) {
            reachable = false;
        }
        if (!reachable) {
            String reason = "SKIPPED: no " + service + " reachable at " + host + ":" + port
                    + " (and no Docker engine for Testcontainers). Start the local service to run this test.";
            System.err.println("\n!!!!! " + reason + " !!!!!\n");
            Assumptions.abort(reason);
        }
    }

    /** Creates an empty database of its own for a test and returns its JDBC URL. */
    static String createMariaDbDatabase() {
        String name =
                "hawkbit_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        return "jdbc:mariadb://" + MARIADB_HOST + ":" + MARIADB_PORT + "/" + name;
    }

    static void dropMariaDbDatabase(String url) {
        execute("DROP DATABASE IF EXISTS " + url.substring(url.lastIndexOf('/') + 1));
    }

    private static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(
                        "jdbc:mariadb://" + MARIADB_HOST + ":" + MARIADB_PORT + "/", MARIADB_USER, MARIADB_PASSWORD);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("MariaDB at " + MARIADB_HOST + ":" + MARIADB_PORT + " refused: " + sql, e);
        }
    }
}
