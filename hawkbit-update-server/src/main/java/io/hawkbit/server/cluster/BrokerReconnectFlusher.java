package io.hawkbit.server.cluster;

import com.rabbitmq.client.ShutdownSignalException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.rabbit.connection.AbstractConnectionFactory;
import org.springframework.amqp.rabbit.connection.Connection;
import org.springframework.amqp.rabbit.connection.ConnectionListener;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.cache.CacheManager;

/**
 * Flushes every cache of this node when its broker connection comes back after a loss: events sent while it was
 * away never reach it, so any entry may be stale. Until then the TTL bounds staleness.
 */
class BrokerReconnectFlusher implements ConnectionListener, SmartInitializingSingleton {

    private static final Logger LOG = LoggerFactory.getLogger(BrokerReconnectFlusher.class);

    private final ObjectProvider<AbstractConnectionFactory> connectionFactories;
    private final CacheManager caches;
    private final Counter flushes;
    private final AtomicBoolean lost = new AtomicBoolean();

    public BrokerReconnectFlusher(
            ObjectProvider<AbstractConnectionFactory> connectionFactories, CacheManager caches, MeterRegistry meters) {
        this.connectionFactories = connectionFactories;
        this.caches = caches;
        this.flushes = Counter.builder("hawkbit.cache.flushes")
                .tag("reason", "broker-reconnect")
                .description("Cache flushes because cluster events may have been missed")
                .register(meters);
    }

    @Override
    public void afterSingletonsInstantiated() {
        connectionFactories.forEach(factory -> factory.addConnectionListener(this));
    }

    @Override
    public void onCreate(Connection connection) {
        if (lost.getAndSet(false)) {
            caches.getCacheNames().forEach(name -> caches.getCache(name).clear());
            flushes.increment();
            LOG.warn(
                    "Broker connection restored: flushed all caches of this node ({}), as cluster events may have been missed",
                    caches.getCacheNames());
        }
    }

    @Override
    public void onShutDown(ShutdownSignalException signal) {
        if (!signal.isInitiatedByApplication()) {
            lost.set(true);
            LOG.warn(
                    "Broker connection lost ({}); caches fall back on their TTL until it returns", signal.getMessage());
        }
    }

    @Override
    public void onFailed(Exception exception) {
        lost.set(true);
    }
}
