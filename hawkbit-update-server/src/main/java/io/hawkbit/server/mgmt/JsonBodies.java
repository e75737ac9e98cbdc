package io.hawkbit.server.mgmt;

import io.hawkbit.repository.error.HawkbitException;
import io.hawkbit.repository.error.ServerError;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads request bodies hawkBit accepts in more than one shape (one object or an array), with bean validation. */
@Component
public class JsonBodies {

    private final JsonMapper mapper;
    private final Validator validator;

    public JsonBodies(JsonMapper mapper, Validator validator) {
        this.mapper = mapper;
        this.validator = validator;
    }

    /** The elements of an array body, or the body itself when it is a single object; each converted and validated. */
    public <T> List<T> list(JsonNode body, Class<T> type) {
        List<T> items = new ArrayList<>();
        for (JsonNode node : elements(body)) {
            items.add(convert(node, type));
        }
        return items;
    }

    /** The nodes of an array body, or the single object body; anything else is unreadable. */
    public List<JsonNode> elements(JsonNode body) {
        if (body != null && body.isArray()) {
            List<JsonNode> nodes = new ArrayList<>();
            body.forEach(nodes::add);
            return nodes;
        }
        if (body != null && body.isObject()) {
            return List.of(body);
        }
        throw unreadable("Expected a JSON object or array");
    }

    /** One node as {@code type}, validated; a null or mistyped node is unreadable. */
    public <T> T convert(JsonNode node, Class<T> type) {
        if (node == null || !node.isObject()) {
            throw unreadable("Expected a JSON object, got " + (node == null ? "nothing" : node.getNodeType()));
        }
        T value;
        try {
            value = mapper.treeToValue(node, type);
        } catch (JacksonException e) {
            throw unreadable(e.getOriginalMessage());
        }
        Set<ConstraintViolation<T>> violations = validator.validate(value);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return value;
    }

    private static HawkbitException unreadable(String message) {
        return new HawkbitException(ServerError.BODY_NOT_READABLE, message);
    }
}
