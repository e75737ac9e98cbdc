package db.migration.common;

import io.hawkbit.repository.schema.DatabaseVendor;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Correctness at fleet scale (#17): {@code target.controller_id_lower} (V1_18) becomes a STORED generated column on
 * MariaDB. As a VIRTUAL column with an index, MariaDB 10.11 answered a page filtered by controllerId and sorted by
 * name with no row at all while any transaction was writing one of the matching targets' rows, such as a poll's
 * {@code last_target_query}: an operator looking a device up found nothing while the device polled, and a prefix page
 * read the whole index (1.2 s at 1M) to return fewer rows than it should. Stored, the column is an ordinary one to
 * InnoDB, and the same statements answer right while the rows are written (docs/performance.md, "Session 19").
 *
 * <p>MariaDB cannot turn a VIRTUAL column into a STORED one in place, so the column and its index are dropped and
 * added again in one statement: one copy of the table, during which writes to {@code target} wait. H2 computes
 * generated columns on write already, and PostgreSQL's have always been STORED; its twin is
 * {@code postgresql/V1_24__controller_id_lower_stored.sql}.
 *
 * <p>{@code target_attributes.attribute_value_lower} (V1_19) stays VIRTUAL: every statement reads its index without
 * the row ({@code (tenant, attribute_key, attribute_value_lower, target_id)} covers them), which is not the path
 * that failed, and storing it would copy the fleet's largest table.
 */
public class V1_24__controller_id_lower_stored extends BaseJavaMigration {

    private static final String STORED = """
            ALTER TABLE target
                DROP INDEX ix_target_controller_id_lower,
                DROP COLUMN controller_id_lower,
                ADD COLUMN controller_id_lower VARCHAR(256) COLLATE utf8mb4_nopad_bin
                    GENERATED ALWAYS AS (LOWER(controller_id)) STORED,
                ADD INDEX ix_target_controller_id_lower (tenant, controller_id_lower)""";

    @Override
    public void migrate(Context context) throws SQLException {
        DatabaseVendor vendor =
                DatabaseVendor.ofUrl(context.getConnection().getMetaData().getURL());
        switch (vendor) {
            case MARIADB -> {
                try (Statement statement = context.getConnection().createStatement()) {
                    statement.execute(STORED);
                }
            }
            case H2 -> {
                // Computed on write and kept in the row already.
            }
            default ->
                throw new IllegalStateException(
                        "V1_24 runs on H2 and MariaDB; PostgreSQL has its own script, other databases none: " + vendor);
        }
    }
}
