package io.hawkbit.repository.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.hawkbit.repository.ServerDatabase;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every script in {@code db/migration/common} has a PostgreSQL twin in {@code db/migration/postgresql} with the same
 * version, and both sets build the same schema: tables, columns (type family, length, nullability), primary keys,
 * unique constraints, indexes and foreign keys, read through JDBC metadata from a real MariaDB and a real PostgreSQL.
 * A migration added to {@code common} alone fails here, naming what PostgreSQL lacks. Skipped (loudly) unless both
 * servers are reachable.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgreSqlSchemaTest {

    @RegisterExtension
    static final ServerDatabase MARIADB = ServerDatabase.mariaDb();

    @RegisterExtension
    static final ServerDatabase POSTGRESQL = ServerDatabase.postgreSql();

    private List<String> mariaDbVersions;
    private List<String> postgreSqlVersions;
    private Schema mariaDb;
    private Schema postgreSql;

    @BeforeAll
    void migrateBoth() throws SQLException {
        mariaDbVersions = migrate(MARIADB, MigrationLocations.COMMON);
        postgreSqlVersions = migrate(POSTGRESQL, MigrationLocations.POSTGRESQL);
        try (Connection connection = MARIADB.connect()) {
            mariaDb = Schema.read(connection.getMetaData(), connection.getCatalog(), null);
        }
        try (Connection connection = POSTGRESQL.connect()) {
            postgreSql = Schema.read(connection.getMetaData(), null, "public");
        }
    }

    private static List<String> migrate(ServerDatabase database, String location) throws SQLException {
        Flyway flyway = Flyway.configure()
                .dataSource(database.url(), database.user(), database.password())
                .locations(location)
                .load();
        flyway.migrate();
        List<String> versions = new ArrayList<>();
        for (MigrationInfo info : flyway.info().applied()) {
            versions.add(info.getVersion() + " " + info.getDescription());
        }
        return versions;
    }

    @Test
    void everyCommonMigration_hasAPostgreSqlTwin() {
        assertThat(postgreSqlVersions)
                .as("versions migrated on PostgreSQL (db/migration/postgresql) against MariaDB (db/migration/common)")
                .isEqualTo(mariaDbVersions);
    }

    @Test
    void tables_match() {
        assertThat(postgreSql.tables()).isEqualTo(mariaDb.tables());
    }

    @Test
    void columns_match() {
        assertThat(postgreSql.columns).isEqualTo(mariaDb.columns);
    }

    @Test
    void primaryKeysUniqueConstraintsAndIndexes_match() {
        assertThat(postgreSql.indexes).isEqualTo(mariaDb.indexes);
    }

    @Test
    void foreignKeys_match() {
        assertThat(postgreSql.foreignKeys).isEqualTo(mariaDb.foreignKeys);
    }

    /** A schema as comparable text: one sorted line per column, index and foreign key, grouped by table. */
    record Schema(
            Map<String, TreeSet<String>> columns,
            Map<String, TreeSet<String>> indexes,
            Map<String, TreeSet<String>> foreignKeys) {

        TreeSet<String> tables() {
            return new TreeSet<>(columns.keySet());
        }

        static Schema read(DatabaseMetaData meta, String catalog, String schema) throws SQLException {
            Schema result = new Schema(new TreeMap<>(), new TreeMap<>(), new TreeMap<>());
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = meta.getTables(catalog, schema, "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    String table = rs.getString("TABLE_NAME");
                    if (!table.equalsIgnoreCase("flyway_schema_history")) {
                        tables.add(table);
                    }
                }
            }
            for (String table : tables) {
                String key = lower(table);
                TreeSet<String> columns = result.columns.computeIfAbsent(key, k -> new TreeSet<>());
                try (ResultSet rs = meta.getColumns(catalog, schema, table, "%")) {
                    while (rs.next()) {
                        columns.add(lower(rs.getString("COLUMN_NAME")) + " "
                                + type(rs.getString("TYPE_NAME"), rs.getInt("COLUMN_SIZE"))
                                + ("YES".equals(rs.getString("IS_NULLABLE")) ? " null" : " not null"));
                    }
                }
                result.indexes.put(key, indexes(meta, catalog, schema, table));
                result.foreignKeys.put(key, foreignKeys(meta, catalog, schema, table));
            }
            return result;
        }

        /** Indexes by their columns in order and uniqueness (names differ: MariaDB calls every primary key PRIMARY). */
        private static TreeSet<String> indexes(DatabaseMetaData meta, String catalog, String schema, String table)
                throws SQLException {
            Map<String, TreeMap<Integer, String>> columns = new TreeMap<>();
            Map<String, Boolean> unique = new TreeMap<>();
            try (ResultSet rs = meta.getIndexInfo(catalog, schema, table, false, false)) {
                while (rs.next()) {
                    String name = rs.getString("INDEX_NAME");
                    if (name == null) {
                        continue;
                    }
                    columns.computeIfAbsent(name, k -> new TreeMap<>())
                            .put(rs.getInt("ORDINAL_POSITION"), lower(rs.getString("COLUMN_NAME")));
                    unique.put(name, !rs.getBoolean("NON_UNIQUE"));
                }
            }
            TreeSet<String> result = new TreeSet<>();
            columns.forEach((name, cols) ->
                    result.add((unique.get(name) ? "unique " : "index ") + String.join(",", cols.values())));
            return result;
        }

        private static TreeSet<String> foreignKeys(DatabaseMetaData meta, String catalog, String schema, String table)
                throws SQLException {
            Map<String, String> keys = new TreeMap<>();
            try (ResultSet rs = meta.getImportedKeys(catalog, schema, table)) {
                while (rs.next()) {
                    String name = lower(rs.getString("FK_NAME"));
                    String column = lower(rs.getString("FKCOLUMN_NAME")) + "->" + lower(rs.getString("PKTABLE_NAME"))
                            + "." + lower(rs.getString("PKCOLUMN_NAME"));
                    String onDelete = switch (rs.getInt("DELETE_RULE")) {
                        case DatabaseMetaData.importedKeyCascade -> " on delete cascade";
                        case DatabaseMetaData.importedKeySetNull -> " on delete set null";
                        default -> "";
                    };
                    keys.merge(name, column + onDelete, (a, b) -> a + ", " + b);
                }
            }
            TreeSet<String> result = new TreeSet<>();
            keys.forEach((name, definition) -> result.add(name + ": " + definition));
            return result;
        }

        /** A column type as a family both databases share; lengths only where they bound the value. */
        private static String type(String name, int size) {
            String type = lower(name);
            return switch (type) {
                case "bigint", "int8", "bigserial" -> "bigint";
                case "int", "integer", "int4", "serial" -> "integer";
                case "bit", "bool", "boolean", "tinyint" -> "boolean";
                case "double", "double precision", "float8" -> "double";
                case "datetime", "timestamp", "timestamptz" -> "timestamp";
                case "varchar" -> "varchar(" + size + ")";
                case "char", "bpchar" -> "char(" + size + ")";
                case "text", "longtext", "mediumtext" -> "text";
                case "blob", "longblob", "bytea" -> "blob";
                default -> type;
            };
        }

        private static String lower(String name) {
            return name == null ? null : name.toLowerCase(Locale.ROOT);
        }
    }
}
