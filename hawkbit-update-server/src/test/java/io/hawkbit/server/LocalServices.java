package io.hawkbit.server;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.junit.jupiter.api.Assumptions;

/**
 * The real services cluster tests need: the local RabbitMQ and databases ({@link TestDatabase}) of development and CI
 * machines, addressed by environment variables when elsewhere. A test that cannot reach one is skipped with a loud
 * reason.
 */
final class LocalServices {

    static final String MARIADB_HOST = env("HAWKBIT_IT_MARIADB_HOST", "127.0.0.1");
    static final int MARIADB_PORT = Integer.parseInt(env("HAWKBIT_IT_MARIADB_PORT", "3306"));
    static final String MARIADB_USER = env("HAWKBIT_IT_MARIADB_USER", "root");
    static final String MARIADB_PASSWORD = env("HAWKBIT_IT_MARIADB_PASSWORD", "");
    static final String RABBIT_HOST = env("HAWKBIT_IT_RABBIT_HOST", "127.0.0.1");
    static final int RABBIT_PORT = Integer.parseInt(env("HAWKBIT_IT_RABBIT_PORT", "5672"));

    private LocalServices() {}

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    static void assumeMariaDb() {
        TestDatabase.MARIADB.assumeReachable();
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

    /** Creates an empty MariaDB database of its own for a test and returns its JDBC URL. */
    static String createMariaDbDatabase() {
        return TestDatabase.MARIADB.create();
    }

    static void dropMariaDbDatabase(String url) {
        TestDatabase.MARIADB.drop(url);
    }
}
