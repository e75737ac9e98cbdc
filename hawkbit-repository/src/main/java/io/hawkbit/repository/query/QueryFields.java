package io.hawkbit.repository.query;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The fields an API resource may be filtered and sorted by, mapped to entity attribute paths. A field may
 * name a map attribute with a trailing {@code .*} (e.g. {@code attribute.*} → the target's attributes by key); a map
 * whose values are embeddables is named with the compared attribute ({@code metadata.value}).
 */
public record QueryFields(Map<String, String> fields, Map<String, String> mapFields) {

    public static QueryFields of(Map<String, String> fields) {
        return new QueryFields(fields, Map.of());
    }

    /** These fields plus a map field ({@code prefix.<key>}), keeping the map fields already added. */
    public QueryFields withMap(String prefix, String mapAttribute) {
        Map<String, String> maps = new LinkedHashMap<>(mapFields);
        maps.put(prefix, mapAttribute);
        return new QueryFields(fields, Map.copyOf(maps));
    }

    /** Case-insensitive lookup, as hawkBit accepts {@code CONTROLLERID} and {@code controllerId}. */
    public Optional<String> path(String field) {
        return fields.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(field))
                .map(Map.Entry::getValue)
                .findFirst();
    }

    public Optional<Map.Entry<String, String>> mapField(String field) {
        return mapFields.entrySet().stream()
                .filter(e -> field.toLowerCase().startsWith(e.getKey().toLowerCase() + ".")
                        && field.length() > e.getKey().length() + 1)
                .findFirst()
                .map(e -> Map.entry(field.substring(e.getKey().length() + 1), e.getValue()));
    }

    public String names() {
        return String.join(", ", fields.keySet());
    }
}
