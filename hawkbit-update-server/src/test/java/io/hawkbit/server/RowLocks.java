package io.hawkbit.server;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Makes scheduler overlap visible on the shared MariaDB: a test holds a target's row lock, so whoever enters the
 * critical work waits in the database, and InnoDB's list of waiting transactions tells how many nodes are inside.
 */
final class RowLocks {

    private RowLocks() {}

    /** Opens a transaction holding the target's row lock: a write to that row waits until the connection closes. */
    static Connection blockTarget(String database, String controllerId) throws SQLException {
        Connection connection =
                DriverManager.getConnection(database, LocalServices.MARIADB_USER, LocalServices.MARIADB_PASSWORD);
        connection.setAutoCommit(false);
        try (PreparedStatement select =
                connection.prepareStatement("SELECT id FROM target WHERE controller_id = ? FOR UPDATE")) {
            select.setString(1, controllerId);
            select.executeQuery().close();
        }
        return connection;
    }

    /** Transactions of this database waiting for a row lock: nodes inside the blocked critical work. */
    static int waitingTransactions(String database) throws SQLException {
        String schema = database.substring(database.lastIndexOf('/') + 1);
        try (Connection connection = DriverManager.getConnection(
                        database, LocalServices.MARIADB_USER, LocalServices.MARIADB_PASSWORD);
                PreparedStatement count =
                        connection.prepareStatement("SELECT COUNT(*) FROM information_schema.innodb_trx t "
                                + "JOIN information_schema.processlist p ON p.id = t.trx_mysql_thread_id "
                                + "WHERE t.trx_state = 'LOCK WAIT' AND p.db = ?")) {
            count.setString(1, schema);
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
