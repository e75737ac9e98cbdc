package io.hawkbit.repository.query;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The fields an API resource may be filtered and sorted by, mapped to entity attribute paths. A field may
 * name a map attribute with a trailing {@code .*} (e.g. {@code attribute.*} → the target's attributes by key); a map
 * whose values are embeddables is named with the compared attribute ({@code metadata.value}).
 */
public record QueryFields(
        Map<String, String> fields,
        Map<String, String> mapFields,
        Map<String, Link> links,
        Map<String, String> lowerCased,
        Map<String, String> presence) {

    /**
     * A collection or map attribute of the root whose join table is mapped as an entity of its own: a comparison
     * through it is an {@code EXISTS} over that entity alone, correlated by {@code ownerId} with the root's id, not
     * over a second copy of the root (which MariaDB probes once per root row, a million probes for a count over a
     * million targets). {@code element} replaces the collection in a path ({@code tags.name} → {@code tag.name}); for a
     * map it is the value's attribute, and {@code key} the key's. {@code ownerId} and {@code key} may be dotted
     * (attributes of an embedded id). {@code lowerCaseElement}, if not null, is an attribute the database keeps as the
     * lower-case of {@code element} (a generated, indexed column): case-insensitive text comparisons use it instead of
     * {@code lower(element)}, which no index serves. {@code tenant}, if not null, is the (dotted) path of the owner's
     * tenant from a link row ({@code tag.tenant} through the tag, or a copy in the link's own table): a filter that
     * is one comparison through the link is then counted over the link rows alone ({@link
     * RsqlSpecification#linkFilter}), without reading the owners.
     */
    public record Link(
            Class<?> entity, String ownerId, String element, String key, String lowerCaseElement, String tenant) {

        public Link(Class<?> entity, String ownerId, String element, String key) {
            this(entity, ownerId, element, key, null, null);
        }
    }

    public static QueryFields of(Map<String, String> fields) {
        return new QueryFields(fields, Map.of(), Map.of(), Map.of(), Map.of());
    }

    /** These fields plus a map field ({@code prefix.<key>}), keeping the map fields already added. */
    public QueryFields withMap(String prefix, String mapAttribute) {
        return new QueryFields(fields, with(mapFields, prefix, mapAttribute), links, lowerCased, presence);
    }

    /** These fields with comparisons through {@code attribute} (a collection or map) as an EXISTS over its link. */
    public QueryFields withLink(String attribute, Link link) {
        return new QueryFields(fields, mapFields, with(links, attribute, link), lowerCased, presence);
    }

    /**
     * These fields with case-insensitive text comparisons on {@code path} made against {@code lowerCaseAttribute}, a
     * column the database keeps as the lower-case of the path's column (generated), which an index can serve where
     * {@code lower(column)} cannot. Ordering comparisons and sorting keep the path's own column.
     */
    public QueryFields withLowerCase(String path, String lowerCaseAttribute) {
        return new QueryFields(fields, mapFields, links, with(lowerCased, path, lowerCaseAttribute), presence);
    }

    /**
     * These fields with the boolean {@code path} compared as "{@code attribute} holds a positive time" (0 and null:
     * not): {@code overdue==true} becomes {@code overdue_since > 0}, a plain comparison of the column that the
     * database can check on the rows an index reads, and that a count kept per value answers alone.
     */
    public QueryFields withPresence(String path, String attribute) {
        return new QueryFields(fields, mapFields, links, lowerCased, with(presence, path, attribute));
    }

    private static <V> Map<String, V> with(Map<String, V> map, String key, V value) {
        Map<String, V> copy = new LinkedHashMap<>(map);
        copy.put(key, value);
        return Map.copyOf(copy);
    }

    public Optional<Link> link(String attribute) {
        return Optional.ofNullable(links.get(attribute));
    }

    public Optional<String> lowerCase(String path) {
        return Optional.ofNullable(lowerCased.get(path));
    }

    public Optional<String> presence(String path) {
        return Optional.ofNullable(presence.get(path));
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
