package io.hawkbit.server;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * The shared databases a cluster runs on, as local services of development and CI machines (addressed by environment
 * variables when elsewhere): cluster tests are parameterised over them with {@code @EnumSource(TestDatabase.class)}.
 * Each test cluster gets a database of its own; helpers that get only its JDBC URL find their way back with
 * {@link #of(String)}.
 */
enum TestDatabase {
    MARIADB(
            "MariaDB",
            "jdbc:mariadb:",
            LocalServices.MARIADB_HOST,
            LocalServices.MARIADB_PORT,
            LocalServices.MARIADB_USER,
            LocalServices.MARIADB_PASSWORD,
            ""),
    POSTGRESQL(
            "PostgreSQL",
            "jdbc:postgresql:",
            LocalServices.env("HAWKBIT_IT_POSTGRES_HOST", "127.0.0.1"),
            Integer.parseInt(LocalServices.env("HAWKBIT_IT_POSTGRES_PORT", "5432")),
            LocalServices.env("HAWKBIT_IT_POSTGRES_USER", "postgres"),
            LocalServices.env("HAWKBIT_IT_POSTGRES_PASSWORD", ""),
            "postgres");

    final String label;
    private final String scheme;
    final String host;
    final int port;
    final String user;
    final String password;
    /** The database the administrative connection (create, drop) opens. */
    private final String adminDatabase;

    TestDatabase(
            String label, String scheme, String host, int port, String user, String password, String adminDatabase) {
        this.label = label;
        this.scheme = scheme;
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
        this.adminDatabase = adminDatabase;
    }

    /** The database a JDBC URL made by {@link #create()} points to. */
    static TestDatabase of(String url) {
        return Arrays.stream(values())
                .filter(database -> url.startsWith(database.scheme))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Not a test database: " + url));
    }

    /**
     * Skips the test, loudly, when the server is not reachable, or when {@code HAWKBIT_IT_DATABASES} (a comma-separated
     * list such as {@code mariadb}) leaves this database out.
     */
    void assumeReachable() {
        String selected = LocalServices.env("HAWKBIT_IT_DATABASES", "");
        if (!selected.isBlank()
                && Arrays.stream(selected.split(",")).map(String::trim).noneMatch(name()::equalsIgnoreCase)) {
            String reason = "SKIPPED on " + label + ": HAWKBIT_IT_DATABASES=" + selected + " leaves it out.";
            System.err.println("\n!!!!! " + reason + " !!!!!\n");
            Assumptions.abort(reason);
        }
        boolean reachable;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 2000);
            reachable = true;
        } catch (IOException e) {
            reachable = false;
        }
        if (!reachable) {
            String reason = "SKIPPED: no " + label + " reachable at " + host + ":" + port
                    + ". Start the local service to run this test on " + label + ".";
            System.err.println("\n!!!!! " + reason + " !!!!!\n");
            Assumptions.abort(reason);
        }
    }

    /**
     * Creates an empty database of its own for a test and returns its JDBC URL. {@code HAWKBIT_IT_DATABASE_PREFIX}
     * replaces the name's prefix {@code hawkbit_it_} where a shared server allows only names of one's own.
     */
    String create() {
        String name = LocalServices.env("HAWKBIT_IT_DATABASE_PREFIX", "hawkbit_it_")
                + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute(
                this == MARIADB
                        ? "CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
                        : "CREATE DATABASE " + name);
        return url(name);
    }

    /** Drops a database made by {@link #create()}, also while connections to it are still open. */
    void drop(String url) {
        String name = url.substring(url.lastIndexOf('/') + 1);
        execute(
                this == MARIADB
                        ? "DROP DATABASE IF EXISTS " + name
                        : "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    /**
     * Transactions of the database waiting for a row lock right now: InnoDB's list of waiting transactions, or
     * PostgreSQL's sessions waiting for a lock.
     */
    int waitingTransactions(String url) throws SQLException {
        String name = url.substring(url.lastIndexOf('/') + 1);
        String sql = this == MARIADB
                ? "SELECT COUNT(*) FROM information_schema.innodb_trx t "
                        + "JOIN information_schema.processlist p ON p.id = t.trx_mysql_thread_id "
                        + "WHERE t.trx_state = 'LOCK WAIT' AND p.db = ?"
                : "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = ? AND wait_event_type = 'Lock'";
        try (Connection connection = connect(url);
                PreparedStatement count = connection.prepareStatement(sql)) {
            count.setString(1, name);
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
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

    @Override
    public String toString() {
        return label;
    }
}
