import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DeliverCallback;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The broker alone, shaped as the cluster's event path (benchmarks/event-latency.sh): a topic exchange, one
 * auto-delete queue and connection per node, one publisher, 3,000 warm and 3,000 measured messages at 2,000/s, one-way
 * latency from publish to the second node's consumer (one JVM, one clock). No Spring, no JSON, no node: what it
 * measures is RabbitMQ and the machine. Prints p50/p99/max and the send times of the slowest messages.
 *
 * <pre>
 *  java -Djarmode=tools -jar hawkbit-update-server/target/hawkbit-update-server-0.1.0-SNAPSHOT.jar extract --destination /tmp/app
 *  java -cp '/tmp/app/lib/*' benchmarks/BrokerLatency.java
 * </pre>
 *
 * (the node's own AMQP client, Netty and SLF4J, from the extracted jar)
 *
 * Environment: RABBIT_HOST [127.0.0.1], NODES [3], RATE [2000], BYTES [600] per message, ACK [manual] or none (the
 * nodes' {@code acknowledge-mode: NONE}), MEASURED [3000] messages (more to look for rare stalls; it also prints how
 * many took over 10 and over 50 ms).
 */
public class BrokerLatency {

    private static final int WARMUP = 3000;
    private static final int MEASURED = Integer.parseInt(System.getenv().getOrDefault("MEASURED", "3000"));

    public static void main(String[] args) throws Exception {
        String host = System.getenv().getOrDefault("RABBIT_HOST", "127.0.0.1");
        int nodes = Integer.parseInt(System.getenv().getOrDefault("NODES", "3"));
        int rate = Integer.parseInt(System.getenv().getOrDefault("RATE", "2000"));
        int bytes = Integer.parseInt(System.getenv().getOrDefault("BYTES", "600"));
        boolean autoAck = "none".equals(System.getenv().getOrDefault("ACK", "manual"));
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(host);
        String exchange = "broker-latency-" + ProcessHandle.current().pid();
        long start = System.nanoTime();
        Map<Long, Long> arrivals = new ConcurrentHashMap<>();
        List<Connection> connections = new ArrayList<>();
        Channel publisher = null;
        for (int node = 0; node < nodes; node++) {
            Connection connection = factory.newConnection("node-" + node);
            connections.add(connection);
            Channel channel = connection.createChannel();
            if (node == 0) {
                channel.exchangeDeclare(exchange, "topic", false, true, null);
                publisher = connection.createChannel();
            }
            String queue = channel.queueDeclare("", false, true, true, null).getQueue();
            channel.queueBind(queue, exchange, "#");
            channel.basicQos(100);
            boolean measuring = node == 1;
            DeliverCallback onMessage = (tag, delivery) -> {
                long received = System.nanoTime();
                if (measuring) {
                    ByteBuffer body = ByteBuffer.wrap(delivery.getBody());
                    long sequence = body.getLong();
                    arrivals.put(sequence, received - body.getLong());
                }
                if (!autoAck) {
                    channel.basicAck(delivery.getEnvelope().getDeliveryTag(), false);
                }
            };
            channel.basicConsume(queue, autoAck, onMessage, tag -> {});
        }
        long[] sentAt = new long[WARMUP + MEASURED];
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        long next = System.nanoTime();
        AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder().contentType("application/json").build();
        for (int sequence = 0; sequence < WARMUP + MEASURED; sequence++) {
            next += interval;
            while (System.nanoTime() < next) {
                LockSupport.parkNanos(Math.max(1000, next - System.nanoTime()));
            }
            ByteBuffer body = ByteBuffer.allocate(bytes);
            sentAt[sequence] = System.nanoTime();
            body.putLong(sequence).putLong(sentAt[sequence]);
            publisher.basicPublish(exchange, "event", properties, body.array());
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (arrivals.size() < WARMUP + MEASURED && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        List<long[]> measured = new ArrayList<>();
        for (long sequence = WARMUP; sequence < WARMUP + MEASURED; sequence++) {
            Long latency = arrivals.get(sequence);
            if (latency != null) {
                measured.add(new long[] {sequence, latency});
            }
        }
        measured.sort((a, b) -> Long.compare(a[1], b[1]));
        int n = measured.size();
        if (n == 0) {
            System.out.println("RESULT broker alone: none of the measured messages arrived within 10 s");
            return;
        }
        System.out.printf(
                "RESULT broker alone, %d nodes, %d/s, %d bytes, %s ack: %d of %d arrived; one-way p50 %.2f ms,"
                        + " p99 %.2f ms, max %.2f ms%n",
                nodes,
                rate,
                bytes,
                autoAck ? "no" : "manual",
                n,
                MEASURED,
                measured.get(n / 2)[1] / 1e6,
                measured.get((int) Math.ceil(n * 0.99) - 1)[1] / 1e6,
                measured.get(n - 1)[1] / 1e6);
        System.out.printf(
                "RESULT over 10 ms: %d, over 50 ms: %d%n",
                measured.stream().filter(m -> m[1] > 10_000_000).count(),
                measured.stream().filter(m -> m[1] > 50_000_000).count());
        // The monotonic send time is System.nanoTime(), the clock cyclictest's spikes are reported on
        // (benchmarks/lib/stalls.sh).
        for (long[] slow : measured.subList(Math.max(0, n - 30), n)) {
            System.out.printf(
                    "SLOW sent at %.3f s, monotonic %.6f s, latency %.2f ms%n",
                    (sentAt[(int) slow[0]] - start) / 1e9, sentAt[(int) slow[0]] / 1e9, slow[1] / 1e6);
        }
        for (Connection connection : connections) {
            connection.close();
        }
    }
}
