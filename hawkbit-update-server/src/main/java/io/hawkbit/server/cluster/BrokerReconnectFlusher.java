package io.hawkbit.server.cluster;

import com.rabbitmq.client.ShutdownSignalException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.rabbit.connection.AbstractConnectionFactory;
import org.springframework.amqp.rabbit.connection.Connection;
import org.springframework.amqp.rabbit.connection.ConnectionListener;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Flushes every cache of this node when its broker connection comes back after a loss: events sent while it was
 * away never reach it, so any entry may be stale. Until then the TTL bounds staleness.
 */
class BrokerReconnectFlusher implements ConnectionListener, SmartInitializingSingleton {

    private static final Logger LOG = LoggerFactory.getLogger(BrokerReconnectFlusher.class);
    private static final String REASON = "broker-reconnect";

    private final ObjectProvider<AbstractConnectionFactory> connectionFactories;
    private final CacheFlush flush;
    private final AtomicBoolean lost = new AtomicBoolean();

    public BrokerReconnectFlusher(ObjectProvider<AbstractConnectionFactory> connectionFactories, CacheFlush flush) {
        this.connectionFactories = connectionFactories;
        this.flush = flush;
        flush.counter(REASON);
    }

    @Override
    public void afterSingletonsInstantiated() {
        connectionFactories.forEach(factory -> factory.addConnectionListener(this));
    }

    @Override
    public void onCreate(Connection connection) {
        if (lost.getAndSet(false)) {
            flush.flush(REASON, "Broker connection restored");
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
