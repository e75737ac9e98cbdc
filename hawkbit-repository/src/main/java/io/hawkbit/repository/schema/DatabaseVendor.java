package io.hawkbit.repository.schema;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;

/** The kinds of database the server runs on, told apart by their JDBC URL. */
public enum DatabaseVendor {
    H2,
    MARIADB,
    POSTGRESQL,
    OTHER;

    /** The vendor of a JDBC URL ({@code jdbc:postgresql://...}); OTHER for any we do not know. */
    public static DatabaseVendor ofUrl(String url) {
        String lower = url == null ? "" : url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        if (lower.startsWith("jdbc:mariadb:") || lower.startsWith("jdbc:mysql:")) {
            return MARIADB;
        }
        if (lower.startsWith("jdbc:h2:")) {
            return H2;
        }
        return OTHER;
    }

    /**
     * The vendor behind a data source: from the pool's configured URL when it is Hikari (no connection needed, so a
     * node started before its database still waits in Flyway's retries), else from a connection's metadata.
     */
    public static DatabaseVendor of(DataSource dataSource) {
        try {
            if (dataSource.isWrapperFor(HikariDataSource.class)) {
                String url = dataSource.unwrap(HikariDataSource.class).getJdbcUrl();
                if (url != null) {
                    return ofUrl(url);
                }
            }
            try (Connection connection = dataSource.getConnection()) {
                return ofUrl(connection.getMetaData().getURL());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot tell which database the data source connects to", e);
        }
    }
}
