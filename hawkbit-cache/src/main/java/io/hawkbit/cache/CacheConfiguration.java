package io.hawkbit.cache;

import com.github.benmanes.caffeine.cache.Ticker;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cache.caffeine.CaffeineCacheManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** This node's caches: Caffeine, bounded, with the configured TTLs, evicted by cluster events. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CacheProperties.class)
class CacheConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(CacheConfiguration.class);

    /** The clock of cache expiry; tests replace it with a fake one. */
    @Bean
    @ConditionalOnMissingBean
    Ticker cacheTicker() {
        return Ticker.systemTicker();
    }

    @Bean
    List<NodeCaches.Settings> cacheSettings(CacheProperties properties) {
        List<NodeCaches.Settings> settings = NodeCaches.settings(properties);
        settings.forEach(s -> LOG.info(
                "Cache {}: ttl {}, at most {} entries",
                s.name(),
                s.ttl().map(Ttl::toString).orElse("none (evicted by events)"),
                s.maximumSize()));
        return settings;
    }

    @Bean
    CaffeineCacheManager cacheManager(List<NodeCaches.Settings> cacheSettings, Ticker cacheTicker) {
        return NodeCaches.manager(cacheSettings, cacheTicker);
    }
}
