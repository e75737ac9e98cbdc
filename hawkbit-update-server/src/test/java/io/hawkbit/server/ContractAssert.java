package io.hawkbit.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * Assertions for the API contract tests: the exact set of field names of a JSON object and of the link names in its
 * {@code _links}, as hawkBit 1.1 sends them. A missing, extra or renamed field fails with both sets printed.
 */
final class ContractAssert {

    /** hawkBit's audit fields, on every entity it returns. */
    static final String[] AUDIT = {"createdBy", "createdAt", "lastModifiedBy", "lastModifiedAt"};

    private ContractAssert() {}

    /** The object has exactly these field names ({@code _links} included when listed). */
    static void fields(JsonNode node, String... expected) {
        assertThat(names(node)).as(node.toString()).isEqualTo(new TreeSet<>(Set.of(expected)));
    }

    /** The object has exactly these fields plus hawkBit's four audit fields. */
    static void auditedFields(JsonNode node, String... expected) {
        TreeSet<String> all = new TreeSet<>(Set.of(expected));
        all.addAll(Set.of(AUDIT));
        assertThat(names(node)).as(node.toString()).isEqualTo(all);
    }

    /** The object's {@code _links} has exactly these link names. */
    static void links(JsonNode node, String... expected) {
        assertThat(node.has("_links")).as(node.toString()).isTrue();
        assertThat(names(node.get("_links"))).as(node.toString()).isEqualTo(new TreeSet<>(Set.of(expected)));
    }

    /** A paged list: exactly {@code content}, {@code total}, {@code size}. */
    static void pagedList(JsonNode page) {
        fields(page, "content", "total", "size");
    }

    static TreeSet<String> names(JsonNode node) {
        TreeSet<String> names = new TreeSet<>();
        node.propertyNames().forEach(names::add);
        return names;
    }
}
