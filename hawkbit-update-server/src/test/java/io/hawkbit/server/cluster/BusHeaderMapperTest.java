package io.hawkbit.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.integration.amqp.support.DefaultAmqpHeaderMapper;
import org.springframework.integration.mapping.support.JsonHeaders;
import org.springframework.mock.env.MockEnvironment;

/** The bus's header mapper gives what the Rabbit binder's own inbound mapper gives, message for message. */
class BusHeaderMapperTest {

    @Test
    void aBusMessage_mapsAsTheLibraryMapsIt() {
        assertSameAsLibrary(p -> {
            p.setContentType("application/json");
            p.setHeader("contentType", "application/json");
            p.setReceivedExchange("springCloudBus");
            p.setReceivedRoutingKey("#");
            p.setDeliveryTag(42);
            p.setRedelivered(false);
            p.setReceivedDeliveryMode(MessageDeliveryMode.PERSISTENT);
            p.setConsumerQueue("springCloudBus.anonymous.x");
            p.setConsumerTag("amq.ctag-1");
        });
    }

    @Test
    void everyPropertyAndTheJsonTypeHeaders_mapAsTheLibraryMapsThem() {
        Map<String, Object> headers = assertSameAsLibrary(p -> {
            p.setAppId("app");
            p.setClusterId("cluster");
            p.setContentEncoding("gzip");
            p.setContentLength(123);
            p.setContentType("application/json");
            p.setCorrelationId("correlation");
            p.setReceivedDeliveryMode(MessageDeliveryMode.NON_PERSISTENT);
            p.setDeliveryTag(7);
            p.setExpiration("60000");
            p.setMessageCount(3);
            p.setMessageId("id-1");
            p.setPriority(5);
            p.setReceivedDelayLong(250L);
            p.setReceivedExchange("exchange");
            p.setReceivedRoutingKey("key");
            p.setRedelivered(true);
            p.setReplyTo("reply");
            p.setTimestamp(new Date(1_700_000_000_000L));
            p.setType("type");
            p.setReceivedUserId("guest");
            p.incrementRetryCount();
            p.setHeader("__TypeId__", "io.hawkbit.Event");
            p.setHeader("__ContentTypeId__", "java.lang.String");
            p.setHeader("__KeyTypeId__", "java.lang.Long");
            p.setHeader("custom", "value");
        });
        assertThat(headers)
                .containsEntry(JsonHeaders.TYPE_ID, "io.hawkbit.Event")
                .containsEntry(JsonHeaders.CONTENT_TYPE_ID, "java.lang.String")
                .containsEntry(JsonHeaders.KEY_TYPE_ID, "java.lang.Long")
                .containsEntry("custom", "value")
                .containsEntry("priority", 5);
    }

    @Test
    void blankAndZeroValues_areLeftOutAsTheLibraryLeavesThemOut() {
        assertSameAsLibrary(p -> {
            p.setContentType(" ");
            p.setCorrelationId("");
            p.setMessageId(" ");
            p.setAppId("");
            p.setMessageCount(0);
            p.setPriority(0);
            p.setHeader("__TypeId__", " ");
            p.setHeader("__KeyTypeId__", 17);
        });
    }

    @Test
    void headerPatterns_areWhatTheBinderReads() {
        assertThat(patterns(new MockEnvironment())).containsExactly("*");
        assertThat(patterns(new MockEnvironment()
                        .withProperty("spring.cloud.stream.rabbit.default.consumer.header-patterns", "a*,b")))
                .containsExactly("a*", "b");
        assertThat(patterns(new MockEnvironment()
                        .withProperty("spring.cloud.stream.rabbit.default.consumer.header-patterns", "a*,b")
                        .withProperty(
                                "spring.cloud.stream.rabbit.bindings.springCloudBusInput.consumer.header-patterns",
                                "c")))
                .containsExactly("c");
    }

    private static String[] patterns(MockEnvironment environment) {
        try (GenericApplicationContext context = new GenericApplicationContext()) {
            context.setEnvironment(environment);
            return ClusterConfiguration.busHeaderPatterns(context);
        }
    }

    @Test
    void headerPatterns_limitTheUserHeaders() {
        MessageProperties properties = new MessageProperties();
        properties.setHeader("keep-me", "1");
        properties.setHeader("drop-me", "2");
        assertThat(new BusHeaderMapper("keep*").toHeadersFromRequest(properties))
                .containsKey("keep-me")
                .doesNotContainKey("drop-me");
    }

    /** Both mappers read their own copy: the library's removes some headers from the properties it maps. */
    private static Map<String, Object> assertSameAsLibrary(Consumer<MessageProperties> setUp) {
        MessageProperties forLibrary = new MessageProperties();
        setUp.accept(forLibrary);
        MessageProperties forOurs = new MessageProperties();
        setUp.accept(forOurs);
        DefaultAmqpHeaderMapper library = DefaultAmqpHeaderMapper.inboundMapper();
        library.setRequestHeaderNames("*");

        Map<String, Object> expected = library.toHeadersFromRequest(forLibrary);
        Map<String, Object> actual = new BusHeaderMapper("*").toHeadersFromRequest(forOurs);

        assertThat(actual).isEqualTo(expected);
        return actual;
    }
}
