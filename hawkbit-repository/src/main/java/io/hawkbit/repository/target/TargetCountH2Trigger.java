package io.hawkbit.repository.target;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import org.h2.api.Trigger;

/**
 * H2's twin of MariaDB's {@code target_count} triggers (migrations {@code V1_21}, {@code V1_22}): H2 runs Java, not SQL
 * trigger bodies. A target counts as overdue while its {@code overdue_since} holds a positive time (0 and NULL: not
 * marked; see {@code V1_22__overdue_in_place}).
 * Kept the same way, sharded by the session ({@code SESSION_ID() % 16}): H2 locks rows too, and one row per tenant
 * would make every transaction creating targets wait for the one before it to commit. Instantiated by H2 per trigger
 * and table, so it must stay public, with this name (the trigger names the class), and without other state than the
 * column positions.
 */
public class TargetCountH2Trigger implements Trigger {

    /** An UPDATE first: H2 locks rows, not gaps, so (unlike MariaDB) a missing row leaves no lock behind. */
    private static final String ADD =
            "UPDATE target_count SET n = n + ? WHERE tenant = ? AND kind = ? AND shard = MOD(SESSION_ID(), 16)";

    private static final String FIRST = "INSERT INTO target_count (tenant, kind, shard, n)"
            + " VALUES (?, ?, MOD(SESSION_ID(), 16), ?) ON DUPLICATE KEY UPDATE n = n + VALUES(n)";

    private int tenant = -1;
    private int overdueSince = -1;

    @Override
    public void init(Connection connection, String schema, String trigger, String table, boolean before, int type)
            throws SQLException {
        try (ResultSet columns = connection.getMetaData().getColumns(null, schema, table, null)) {
            while (columns.next()) {
                int index = columns.getInt("ORDINAL_POSITION") - 1;
                switch (columns.getString("COLUMN_NAME").toLowerCase(Locale.ROOT)) {
                    case "tenant" -> tenant = index;
                    case "overdue_since" -> overdueSince = index;
                    default -> {}
                }
            }
        }
        if (tenant < 0 || overdueSince < 0) {
            throw new SQLException("Table " + table + " has no tenant or overdue_since column");
        }
    }

    @Override
    public void fire(Connection connection, Object[] old, Object[] row) throws SQLException {
        if (old == null) {
            add(connection, row, "all", 1);
            if (marked(row)) {
                add(connection, row, "overdue", 1);
            }
        } else if (row == null) {
            add(connection, old, "all", -1);
            if (marked(old)) {
                add(connection, old, "overdue", -1);
            }
        } else if (marked(old) != marked(row)) {
            add(connection, row, "overdue", marked(row) ? 1 : -1);
        }
    }

    private boolean marked(Object[] row) {
        return row[overdueSince] instanceof Number since && since.longValue() > 0;
    }

    private void add(Connection connection, Object[] row, String kind, long delta) throws SQLException {
        String rowTenant = (String) row[tenant];
        try (PreparedStatement update = connection.prepareStatement(ADD)) {
            update.setLong(1, delta);
            update.setString(2, rowTenant);
            update.setString(3, kind);
            if (update.executeUpdate() > 0) {
                return;
            }
        }
        try (PreparedStatement insert = connection.prepareStatement(FIRST)) {
            insert.setString(1, rowTenant);
            insert.setString(2, kind);
            insert.setLong(3, delta);
            insert.executeUpdate();
        }
    }
}
