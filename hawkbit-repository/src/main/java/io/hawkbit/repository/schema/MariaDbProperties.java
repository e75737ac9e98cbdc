package io.hawkbit.repository.schema;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Session settings of the server's MariaDB connections. */
@ConfigurationProperties("hawkbit.database.mariadb")
public class MariaDbProperties {

    /**
     * MariaDB's {@code optimizer_join_limit_pref_ratio} for every connection of the pool (0 or less leaves the
     * server's setting). With it, a page ({@code ORDER BY name LIMIT 50}) filtered through a subquery may walk the name index
     * and stop after 50 matches instead of sorting every match: 5 ms instead of 0.4 s for an attribute one target in
     * eight has at 1M targets (docs/performance.md, "Fleet scale (#17)"). 100 is MariaDB's recommended value; servers
     * before 10.6.20 / 10.11.10 do not know the variable and are left as they are.
     */
    private int joinLimitPrefRatio = 100;

    public int getJoinLimitPrefRatio() {
        return joinLimitPrefRatio;
    }

    public void setJoinLimitPrefRatio(int joinLimitPrefRatio) {
        this.joinLimitPrefRatio = joinLimitPrefRatio;
    }
}
