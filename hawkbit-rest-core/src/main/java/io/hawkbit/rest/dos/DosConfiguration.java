package io.hawkbit.rest.dos;

import com.github.benmanes.caffeine.cache.Ticker;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Registers the DoS filter ahead of Spring Security, with this node's request counters (or its share in cluster scope). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DosProperties.class)
public class DosConfiguration {

    /** Bean name of the monotonic time source of request and login counting; tests replace it with a fake. */
    public static final String TICKER = "rateLimitTicker";

    private static final Logger LOG = LoggerFactory.getLogger(DosFilter.class);

    @Bean(TICKER)
    Ticker rateLimitTicker() {
        return Ticker.systemTicker();
    }

    @Bean
    ClientAddresses clientAddresses(DosProperties properties) {
        return new ClientAddresses(properties);
    }

    /** In cluster scope each node enforces its share of every limit; the members come from the cluster view. */
    @Bean
    RequestCounters nodeRequestCounters(
            DosProperties properties, @Qualifier(TICKER) Ticker ticker, ObjectProvider<ClusterSize> cluster) {
        if (properties.getScope() == Scope.CLUSTER) {
            ClusterSize size = cluster.getIfAvailable(() -> () -> 1);
            return new NodeRequestCounters(properties, ticker, size::liveMembers);
        }
        return new NodeRequestCounters(properties, ticker);
    }

    @Bean
    FilterRegistrationBean<DosFilter> dosFilter(
            DosProperties properties,
            ClientAddresses clients,
            RequestCounters counters,
            ObjectProvider<MeterRegistry> meters,
            @Qualifier(TICKER) Ticker ticker) {
        DosFilter filter = new DosFilter(
                clients,
                counters,
                meters.getIfAvailable(SimpleMeterRegistry::new),
                new RejectionLog(LOG::warn, ticker, properties.getLogInterval()));
        FilterRegistrationBean<DosFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setName("dosFilter");
        // Before Spring Security (-100) so refused clients cost no authentication, token lookup or session work.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        registration.setEnabled(properties.isEnabled());
        return registration;
    }
}
