package io.hawkbit.server.cluster;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.support.AmqpHeaders;
import org.springframework.integration.IntegrationMessageHeaderAccessor;
import org.springframework.integration.amqp.support.DefaultAmqpHeaderMapper;
import org.springframework.integration.mapping.support.JsonHeaders;
import org.springframework.util.StringUtils;

/**
 * The bus binding's inbound header mapper: the same headers as Spring Integration's inbound {@link
 * DefaultAmqpHeaderMapper}, which the Rabbit binder gives every consumer. The library finds each JSON type header by
 * {@code String.replaceFirst} on its constant name, compiling a regular expression for each of them on every received
 * message; the library's mapper was 29 % of the bytes and 18 % of the CPU samples of a node's consumer thread
 * (docs/clustering.md). Here the names are derived once. {@code BusHeaderMapperTest} holds the result equal to the
 * library's.
 */
final class BusHeaderMapper extends DefaultAmqpHeaderMapper {

    /** Message header name to AMQP header name, for the JSON type headers. */
    private static final Map<String, String> JSON_HEADERS = JsonHeaders.HEADERS.stream()
            // once per header name here, not once per message
            .collect(Collectors.toUnmodifiableMap(
                    Function.identity(), name -> name.replaceFirst(JsonHeaders.PREFIX, "")));

    BusHeaderMapper(String... requestHeaderPatterns) {
        super(inboundRequestHeaders(), inboundReplyHeaders());
        setRequestHeaderNames(requestHeaderPatterns);
    }

    @Override
    protected Map<String, Object> extractStandardHeaders(MessageProperties properties) {
        Map<String, Object> headers = new HashMap<>();
        putIfNotNull(headers, AmqpHeaders.APP_ID, properties.getAppId());
        putIfNotNull(headers, AmqpHeaders.CLUSTER_ID, properties.getClusterId());
        putIfNotNull(headers, AmqpHeaders.CONTENT_ENCODING, properties.getContentEncoding());
        if (properties.getContentLength() > 0) {
            headers.put(AmqpHeaders.CONTENT_LENGTH, properties.getContentLength());
        }
        putIfText(headers, AmqpHeaders.CONTENT_TYPE, properties.getContentType());
        putIfText(headers, AmqpHeaders.CORRELATION_ID, properties.getCorrelationId());
        putIfNotNull(headers, AmqpHeaders.RECEIVED_DELIVERY_MODE, properties.getReceivedDeliveryMode());
        if (properties.getDeliveryTag() > 0) {
            headers.put(AmqpHeaders.DELIVERY_TAG, properties.getDeliveryTag());
        }
        putIfText(headers, AmqpHeaders.EXPIRATION, properties.getExpiration());
        Integer messageCount = properties.getMessageCount();
        if (messageCount != null && messageCount > 0) {
            headers.put(AmqpHeaders.MESSAGE_COUNT, messageCount);
        }
        putIfText(headers, AmqpHeaders.MESSAGE_ID, properties.getMessageId());
        Integer priority = properties.getPriority();
        if (priority != null && priority > 0) {
            headers.put(IntegrationMessageHeaderAccessor.PRIORITY, priority);
        }
        putIfNotNull(headers, AmqpHeaders.RECEIVED_DELAY, properties.getReceivedDelayLong());
        putIfNotNull(headers, AmqpHeaders.RECEIVED_EXCHANGE, properties.getReceivedExchange());
        putIfText(headers, AmqpHeaders.RECEIVED_ROUTING_KEY, properties.getReceivedRoutingKey());
        putIfNotNull(headers, AmqpHeaders.REDELIVERED, properties.isRedelivered());
        putIfNotNull(headers, AmqpHeaders.REPLY_TO, properties.getReplyTo());
        putIfNotNull(headers, AmqpHeaders.TIMESTAMP, properties.getTimestamp());
        putIfText(headers, AmqpHeaders.TYPE, properties.getType());
        putIfText(headers, AmqpHeaders.RECEIVED_USER_ID, properties.getReceivedUserId());
        headers.put(AmqpHeaders.RETRY_COUNT, properties.getRetryCount());
        Map<String, Object> amqpHeaders = properties.getHeaders();
        JSON_HEADERS.forEach((header, amqpHeader) -> {
            if (amqpHeaders.get(amqpHeader) instanceof String value && StringUtils.hasText(value)) {
                headers.put(header, value);
            }
        });
        return headers;
    }

    private static void putIfNotNull(Map<String, Object> headers, String name, Object value) {
        if (value != null) {
            headers.put(name, value);
        }
    }

    private static void putIfText(Map<String, Object> headers, String name, String value) {
        if (StringUtils.hasText(value)) {
            headers.put(name, value);
        }
    }
}
