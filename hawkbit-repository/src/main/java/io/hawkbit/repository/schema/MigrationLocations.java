package io.hawkbit.repository.schema;

import java.util.Arrays;
import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.stereotype.Component;

/**
 * Picks the Flyway script set for the database: H2 and MariaDB run {@code db/migration/common}, PostgreSQL its twin
 * {@code db/migration/postgresql} (same versions, same schema, PostgreSQL's SQL). Only the default location is
 * swapped, so {@code spring.flyway.locations} set to anything else is taken as it is.
 */
@Component
public class MigrationLocations implements FlywayConfigurationCustomizer {

    /** The scripts H2 (in MariaDB mode) and MariaDB run. */
    public static final String COMMON = "classpath:db/migration/common";

    /** PostgreSQL's twin of {@link #COMMON}. */
    public static final String POSTGRESQL = "classpath:db/migration/postgresql";

    @Override
    public void customize(FluentConfiguration configuration) {
        if (DatabaseVendor.of(configuration.getDataSource()) != DatabaseVendor.POSTGRESQL) {
            return;
        }
        configuration.locations(Arrays.stream(configuration.getLocations())
                .map(location -> isCommon(location) ? new Location(POSTGRESQL) : location)
                .toArray(Location[]::new));
    }

    private static boolean isCommon(Location location) {
        return location.isClassPath() && location.getPath().equals("db/migration/common");
    }
}
