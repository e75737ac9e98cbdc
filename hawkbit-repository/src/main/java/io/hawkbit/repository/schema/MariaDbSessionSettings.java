package io.hawkbit.repository.schema;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Gives the connections of a MariaDB pool the session settings of {@link MariaDbProperties}, as the pool's
 * connection-init SQL (unless {@code spring.datasource.hikari.connection-init-sql} is set: then that is the
 * operator's). The statement is a MariaDB-only comment ({@code /*M! ... *}{@code /}, which MySQL skips) holding a
 * block that sets the variable through {@code EXECUTE IMMEDIATE} under a handler, so a server that does not know the
 * variable still hands out connections.
 */
@Component
public class MariaDbSessionSettings implements BeanPostProcessor {

    private final Environment environment;

    public MariaDbSessionSettings(Environment environment) {
        this.environment = environment;
    }

    /** After initialisation: Spring Boot has bound {@code spring.datasource.hikari.*}; the pool starts on first use. */
    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool
                && pool.getConnectionInitSql() == null
                && DatabaseVendor.ofUrl(pool.getJdbcUrl()) == DatabaseVendor.MARIADB) {
            int ratio = Binder.get(environment)
                    .bind("hawkbit.database.mariadb", MariaDbProperties.class)
                    .orElseGet(MariaDbProperties::new)
                    .getJoinLimitPrefRatio();
            if (ratio > 0) {
                pool.setConnectionInitSql(initSql(ratio));
            }
        }
        return bean;
    }

    static String initSql(int joinLimitPrefRatio) {
        return "/*M! BEGIN NOT ATOMIC DECLARE CONTINUE HANDLER FOR SQLEXCEPTION BEGIN END; "
                + "EXECUTE IMMEDIATE 'SET SESSION optimizer_join_limit_pref_ratio = " + joinLimitPrefRatio
                + "'; END */";
    }
}
