package io.hawkbit.server;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Makes scheduler overlap visible on the shared database: a test holds a target's row lock, so whoever enters the
 * critical work waits in the database, and the database's list of waiting transactions tells how many nodes are
 * inside.
 */
final class RowLocks {

    private RowLocks() {}

    /** Opens a transaction holding the target's row lock: a write to that row waits until the connection closes. */
    static Connection blockTarget(String database, String controllerId) throws SQLException {
        Connection connection = TestDatabase.of(database).connect(database);
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
        return TestDatabase.of(database).waitingTransactions(database);
    }
}
