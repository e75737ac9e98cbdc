package io.hawkbit.repository.query;

import cz.jirutka.rsql.parser.RSQLParser;
import cz.jirutka.rsql.parser.RSQLParserException;
import cz.jirutka.rsql.parser.ast.AndNode;
import cz.jirutka.rsql.parser.ast.ComparisonNode;
import cz.jirutka.rsql.parser.ast.Node;
import cz.jirutka.rsql.parser.ast.OrNode;
import cz.jirutka.rsql.parser.ast.RSQLOperators;
import io.hawkbit.repository.error.ServerError;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.From;
import jakarta.persistence.criteria.JoinType;
import jakarta.persistence.criteria.MapJoin;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.data.jpa.domain.Specification;

/**
 * Turns an RSQL filter (hawkBit's {@code q=} parameter, parsed by rsql-parser) into a JPA {@link Specification}.
 * Supports {@code == != =lt= =le= =gt= =ge= =in= =out=}, {@code *} wildcards with {@code ==}/{@code !=} on text,
 * and joins through dotted paths (e.g. {@code tags.name}).
 */
public final class RsqlSpecification {

    /**
     * Deepest nesting of parentheses accepted. The parser and the predicate builder recurse once per level, and a
     * query nested a few thousand levels deep overflows the stack of a request thread.
     */
    public static final int MAX_DEPTH = 50;

    private static final RSQLParser PARSER = new RSQLParser();

    private RsqlSpecification() {}

    public static <T> Specification<T> parse(String query, QueryFields fields) {
        if (query == null || query.isBlank()) {
            return (root, cq, cb) -> null;
        }
        return specification(parseValid(query, fields), fields);
    }

    /**
     * A query parsed once: its specification, whether it is empty (matches every row), where the query allows one its
     * count over link rows, and whether it is one comparison of a presence field (see {@link Presence}).
     */
    public record Filter<T>(
            Specification<T> specification,
            boolean empty,
            Optional<LinkFilter> linkFilter,
            Optional<Presence> presence) {}

    /**
     * The query is one comparison of a presence field ({@link QueryFields#withPresence}): {@code path} is the field's
     * path and {@code wanted} the values it matches ({@code overdue==true}: true; {@code overdue!=true}: false; {@code
     * overdue=in=(true,false)}: both), so a count kept per value can answer it.
     */
    public record Presence(String path, Set<Boolean> wanted) {}

    /** {@link #parse}, {@link #linkFilter} and the {@link Presence} of the same query, parsed and validated once. */
    public static <T> Filter<T> filter(String query, QueryFields fields) {
        if (query == null || query.isBlank()) {
            return new Filter<>((root, cq, cb) -> null, true, Optional.empty(), Optional.empty());
        }
        Node node = parseValid(query, fields);
        return new Filter<>(specification(node, fields), false, linkFilter(node, fields), presence(node, fields));
    }

    private static Optional<Presence> presence(Node node, QueryFields fields) {
        if (!(node instanceof ComparisonNode comparison)) {
            return Optional.empty();
        }
        return fields.path(comparison.getSelector())
                .filter(path -> fields.presence(path).isPresent())
                .map(path -> new Presence(path, wanted(comparison)));
    }

    private static <T> Specification<T> specification(Node node, QueryFields fields) {
        // No DISTINCT: comparisons through joins are EXISTS subqueries, so every target is one row. With DISTINCT,
        // MariaDB
        // materialises every matching row in a temporary table before it can apply ORDER BY ... LIMIT: a page of a
        // tag or attribute filter read the whole fleet (2.4 s at 100,000 targets, 92 ms without; docs/performance.md).
        return (root, cq, cb) -> toPredicate(node, root, cq, cb, fields);
    }

    private static Node parseValid(String query, QueryFields fields) {
        checkDepth(query);
        Node node;
        try {
            node = PARSER.parse(query);
        } catch (RSQLParserException e) {
            throw new InvalidQueryException(
                    ServerError.RSQL_SYNTAX, "The RSQL query '" + query + "' is not valid: " + rootCause(e));
        }
        validate(node, fields);
        return node;
    }

    /** Counts parentheses outside quoted arguments, before the parser sees the query. */
    private static void checkDepth(String query) {
        int depth = 0;
        char quote = 0;
        for (int i = 0; i < query.length(); i++) {
            char c = query.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '(' && ++depth > MAX_DEPTH) {
                throw new InvalidQueryException(
                        ServerError.RSQL_SYNTAX,
                        "The RSQL query is nested deeper than " + MAX_DEPTH + " levels of parentheses");
            } else if (c == ')') {
                depth--;
            }
        }
    }

    private static String rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        return message == null
                ? cause.getClass().getSimpleName()
                : message.lines().findFirst().orElse(message);
    }

    private static void validate(Node node, QueryFields fields) {
        if (node instanceof ComparisonNode comparison) {
            String selector = comparison.getSelector();
            if (fields.path(selector).isEmpty() && fields.mapField(selector).isEmpty()) {
                throw new InvalidQueryException(
                        ServerError.RSQL_FIELD,
                        "The field '" + selector + "' cannot be searched; valid fields: " + fields.names());
            }
        } else if (node instanceof AndNode and) {
            and.getChildren().forEach(child -> validate(child, fields));
        } else if (node instanceof OrNode or) {
            or.getChildren().forEach(child -> validate(child, fields));
        }
    }

    private static Predicate toPredicate(
            Node node, Root<?> root, CriteriaQuery<?> cq, CriteriaBuilder cb, QueryFields fields) {
        if (node instanceof AndNode and) {
            return cb.and(and.getChildren().stream()
                    .map(c -> toPredicate(c, root, cq, cb, fields))
                    .toArray(Predicate[]::new));
        }
        if (node instanceof OrNode or) {
            return cb.or(or.getChildren().stream()
                    .map(c -> toPredicate(c, root, cq, cb, fields))
                    .toArray(Predicate[]::new));
        }
        ComparisonNode comparison = (ComparisonNode) node;
        var op = comparison.getOperator();
        // A map field (attribute.key) has one row per key, so it keeps the plain comparison: the key with another
        // value.
        var mapField = fields.mapField(comparison.getSelector());
        String path = mapField.map(Map.Entry::getValue)
                .orElseGet(() -> fields.path(comparison.getSelector()).orElseThrow());
        boolean joins = mapField.isEmpty() && path.contains(".");
        if (!joins && mapField.isEmpty()) {
            return comparisonPredicate(comparison, root, cb, fields);
        }
        // Through a join, "not red" must mean "no row is red": a target tagged red and blue would otherwise match on
        // its blue row. So the negation is taken over a subquery of the positive comparison.
        boolean negated = joins && (op.equals(RSQLOperators.NOT_EQUAL) || op.equals(RSQLOperators.NOT_IN));
        ComparisonNode positive = negated
                ? new ComparisonNode(
                        op.equals(RSQLOperators.NOT_EQUAL) ? RSQLOperators.EQUAL : RSQLOperators.IN,
                        comparison.getSelector(),
                        comparison.getArguments())
                : comparison;
        // Joined in the outer query, a target with two matching rows (tags tag-1 and tag-2 against tag==tag-*, two
        // attribute joins under an OR) would come twice; as a subquery it comes once, without DISTINCT.
        var link = fields.link(path.split("\\.", 2)[0]);
        Subquery<?> matching = link.isPresent()
                ? linkSubquery(positive, path, link.get(), root, cq, cb, fields)
                : selfSubquery(positive, root, cq, cb, fields);
        return negated ? cb.not(cb.exists(matching)) : cb.exists(matching);
    }

    /** The root's own rows that match, joined through the path; correlated by id. */
    private static Subquery<?> selfSubquery(
            ComparisonNode comparison, Root<?> root, CriteriaQuery<?> cq, CriteriaBuilder cb, QueryFields fields) {
        Subquery<Long> matching = cq.subquery(Long.class);
        Root<?> inner = matching.from(root.getJavaType());
        return matching.select(inner.get("id"))
                .where(cb.equal(inner.get("id"), root.get("id")), comparisonPredicate(comparison, inner, cb, fields));
    }

    /** The link entity's rows that match, correlated by their owner's id: no second copy of the root. */
    private static Subquery<?> linkSubquery(
            ComparisonNode comparison,
            String path,
            QueryFields.Link link,
            Root<?> root,
            CriteriaQuery<?> cq,
            CriteriaBuilder cb,
            QueryFields fields) {
        Subquery<Long> matching = cq.subquery(Long.class);
        Root<?> row = matching.from(link.entity());
        Path<Long> owner = attribute(row, link.ownerId());
        Predicate correlated = cb.equal(owner, root.get("id"));
        if (link.tenant() != null && !link.tenant().contains(".")) {
            // Redundant for the result, but it gives the subquery the outer query's tenant as a constant, so an index
            // that leads with the link's tenant (ix_target_attributes_tenant_value) can drive it.
            correlated = cb.and(correlated, cb.equal(row.get(link.tenant()), root.get("tenant")));
        }
        return matching.select(owner).where(correlated, linkMatch(comparison, path, link, row, cb, fields));
    }

    /** The link rows (of {@code row}) that match the comparison. */
    private static Predicate linkMatch(
            ComparisonNode comparison,
            String path,
            QueryFields.Link link,
            From<?, ?> row,
            CriteriaBuilder cb,
            QueryFields fields) {
        var mapField = fields.mapField(comparison.getSelector());
        return mapField.isPresent()
                ? cb.and(
                        cb.equal(attribute(row, link.key()), mapField.get().getKey()),
                        compare(
                                comparison,
                                attribute(row, link.element()),
                                link.lowerCaseElement() == null ? null : attribute(row, link.lowerCaseElement()),
                                cb))
                : compare(comparison, resolve(row, link.element() + path.substring(path.indexOf('.'))), null, cb);
    }

    /**
     * The filter as a count over link rows alone, when it is one comparison through a link whose rows know their
     * owner's tenant ({@code tag==x}, {@code tag=in=(x,y)}, {@code attribute.region==eu-west}, also {@code
     * attribute.region!=x}: "has the key with another value"); empty for every other filter (several comparisons, a
     * negation through a collection, the root's own fields). Counting the owners through {@code EXISTS} reads each
     * matching owner's row to check its tenant (120,000 primary-key lookups of {@code target} for a value one target
     * in eight has at 1M); counting the link rows is a range of one index.
     */
    public static Optional<LinkFilter> linkFilter(String query, QueryFields fields) {
        if (query == null || query.isBlank()) {
            return Optional.empty();
        }
        return linkFilter(parseValid(query, fields), fields);
    }

    private static Optional<LinkFilter> linkFilter(Node node, QueryFields fields) {
        if (!(node instanceof ComparisonNode comparison)) {
            return Optional.empty();
        }
        var op = comparison.getOperator();
        var mapField = fields.mapField(comparison.getSelector());
        String path = mapField.map(Map.Entry::getValue)
                .orElseGet(() -> fields.path(comparison.getSelector()).orElseThrow());
        boolean collection = mapField.isEmpty();
        if (collection
                && (!path.contains(".") || op.equals(RSQLOperators.NOT_EQUAL) || op.equals(RSQLOperators.NOT_IN))) {
            return Optional.empty();
        }
        return fields.link(path.split("\\.", 2)[0])
                .filter(link -> link.tenant() != null)
                .map(link -> new LinkFilter(comparison, path, link, fields));
    }

    /** A filter that is one comparison through a link, counted over the link's rows: see {@link #linkFilter}. */
    public static final class LinkFilter {

        private final ComparisonNode comparison;
        private final String path;
        private final QueryFields.Link link;
        private final QueryFields fields;

        private LinkFilter(ComparisonNode comparison, String path, QueryFields.Link link, QueryFields fields) {
            this.comparison = comparison;
            this.path = path;
            this.link = link;
            this.fields = fields;
        }

        /**
         * {@code select count([distinct] owner) from link where <comparison> and tenant = ?}. {@code distinct} is
         * needed where an owner may match on several rows: a collection whose comparison matches more than one element
         * ({@code tag=in=(a,b)}); a map has one row per owner and key, so its rows are its owners.
         */
        public CriteriaQuery<Long> count(CriteriaBuilder cb, String tenant, boolean distinct) {
            CriteriaQuery<Long> query = cb.createQuery(Long.class);
            Root<?> row = query.from(link.entity());
            Path<Long> owner = attribute(row, link.ownerId());
            Predicate match = linkMatch(comparison, path, link, row, cb, fields);
            // After the match, so that a tenant through the same join (tag.tenant) reuses it.
            Predicate ofTenant = cb.equal(resolve(row, link.tenant()), tenant);
            return query.select(distinct ? cb.countDistinct(owner) : cb.count(owner))
                    .where(match, ofTenant);
        }

        /**
         * For a collection whose elements carry the tenant ({@code tag.tenant}): {@code select e.id from Element e where
         * <comparison> and e.tenant = ?}, the elements the comparison matches. With them known, the filter is {@link
         * #throughElements} and its total {@link #countThrough}, and the number of them decides whether that count
         * needs {@code distinct} (at most one: each owner's link to it is one row). Empty for a map or a collection whose
         * elements do not carry the tenant.
         */
        public Optional<CriteriaQuery<Long>> matchingElements(CriteriaBuilder cb, String tenant) {
            String element = link.element() + ".";
            if (link.key() != null || !link.tenant().startsWith(element)) {
                return Optional.empty();
            }
            Class<?> type =
                    cb.createQuery().from(link.entity()).get(link.element()).getJavaType();
            CriteriaQuery<Long> query = cb.createQuery(Long.class);
            Root<?> e = query.from(type);
            return Optional.of(query.select(e.get("id"))
                    .where(
                            compare(comparison, resolve(e, path.substring(path.indexOf('.') + 1)), null, cb),
                            cb.equal(resolve(e, link.tenant().substring(element.length())), tenant)));
        }

        /**
         * The filter with its elements known ({@link #matchingElements}, of the owners' tenant): an owner with a link
         * row to one of them, {@code exists(select ... from link where owner = root.id and element_id in (ids))}. The
         * ids are constants, so the database knows how many links they have (an index range, where a join to the
         * elements by name gave it the average); and the link's primary key (owner, element) answers the probe of one
         * owner. An empty list matches nothing.
         */
        public <T> Specification<T> throughElements(Collection<Long> elementIds) {
            return (root, cq, cb) -> {
                if (elementIds.isEmpty()) {
                    return cb.disjunction();
                }
                Subquery<Long> matching = cq.subquery(Long.class);
                Root<?> row = matching.from(link.entity());
                Path<Long> owner = attribute(row, link.ownerId());
                return cb.exists(matching.select(owner)
                        .where(cb.equal(owner, root.get("id")), elementId(row).in(elementIds)));
            };
        }

        /** {@code select count([distinct] owner) from link where element_id in (ids)}: the total of {@link #throughElements}. */
        public CriteriaQuery<Long> countThrough(CriteriaBuilder cb, Collection<Long> elementIds, boolean distinct) {
            CriteriaQuery<Long> query = cb.createQuery(Long.class);
            Root<?> row = query.from(link.entity());
            Path<Long> owner = attribute(row, link.ownerId());
            return query.select(distinct ? cb.countDistinct(owner) : cb.count(owner))
                    .where(elementId(row).in(elementIds));
        }

        /** The link row's element id: the foreign key column, no join to the element. */
        private Path<Long> elementId(Root<?> row) {
            return row.get(link.element()).get("id");
        }

        /** A map's rows are its owners: {@link #count} never needs {@code distinct}. */
        public boolean isMap() {
            return link.key() != null;
        }
    }

    /** An attribute by a dotted path of plain (embedded, not joined) attributes. */
    @SuppressWarnings("unchecked")
    private static <T> Path<T> attribute(Path<?> from, String dotted) {
        Path<?> path = from;
        for (String part : dotted.split("\\.")) {
            path = path.get(part);
        }
        return (Path<T>) path;
    }

    private static Predicate comparisonPredicate(
            ComparisonNode comparison, Root<?> root, CriteriaBuilder cb, QueryFields fields) {
        String selector = comparison.getSelector();
        var mapField = fields.mapField(selector);
        if (mapField.isPresent()) {
            // "metadata.value": the map's values are embeddables, compared by their attribute "value".
            String[] attribute = mapField.get().getValue().split("\\.", 2);
            MapJoin<?, String, ?> join = root.joinMap(attribute[0], JoinType.LEFT);
            Predicate keyMatches = cb.equal(join.key(), mapField.get().getKey());
            Path<?> value = attribute.length == 1 ? (Path<?>) join.value() : join.get(attribute[1]);
            return cb.and(keyMatches, compare(comparison, value, null, cb));
        }
        String path = fields.path(selector).orElseThrow();
        var present = fields.presence(path);
        if (present.isPresent()) {
            return presence(comparison, root.<Long>get(present.get()), cb);
        }
        Expression<String> lowerCase =
                fields.lowerCase(path).<Expression<String>>map(root::get).orElse(null);
        return compare(comparison, resolve(root, path), lowerCase, cb);
    }

    /**
     * A boolean field that is true when the attribute holds a positive number (a time; 0 and null: none), == and =in=
     * (and negations) as a range of the attribute, which an index on it serves.
     */
    private static Predicate presence(ComparisonNode node, Path<Long> attribute, CriteriaBuilder cb) {
        Set<Boolean> wanted = wanted(node);
        if (wanted.size() == 2) {
            return cb.conjunction();
        }
        if (wanted.isEmpty()) {
            return cb.disjunction();
        }
        return wanted.contains(true) ? cb.gt(attribute, 0L) : cb.or(cb.isNull(attribute), cb.le(attribute, 0L));
    }

    /** The values a comparison of a boolean presence field matches. */
    private static Set<Boolean> wanted(ComparisonNode node) {
        var op = node.getOperator();
        boolean negated = op.equals(RSQLOperators.NOT_EQUAL) || op.equals(RSQLOperators.NOT_IN);
        if (!negated && !op.equals(RSQLOperators.EQUAL) && !op.equals(RSQLOperators.IN)) {
            throw new InvalidQueryException(
                    ServerError.RSQL_SYNTAX,
                    "Operator " + op + " is not supported for field '" + node.getSelector() + "'");
        }
        Set<Boolean> listed = new HashSet<>();
        node.getArguments().forEach(a -> listed.add((Boolean) convert(a, Boolean.class, node.getSelector())));
        return negated
                ? Set.of(true, false).stream().filter(b -> !listed.contains(b)).collect(Collectors.toSet())
                : Set.copyOf(listed);
    }

    /** The attribute at a dotted path, through left joins (a join the path already made is reused). */
    private static Path<?> resolve(From<?, ?> root, String attributePath) {
        String[] parts = attributePath.split("\\.");
        From<?, ?> from = root;
        for (int i = 0; i < parts.length - 1; i++) {
            String part = parts[i];
            From<?, ?> current = from;
            from = current.getJoins().stream()
                    .filter(j -> j.getAttribute().getName().equals(part))
                    .<From<?, ?>>map(j -> j)
                    .findFirst()
                    .orElseGet(() -> current.join(part, JoinType.LEFT));
        }
        return from.get(parts[parts.length - 1]);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    /**
     * {@code lowerCase}: an expression already holding the lower-case of {@code path}'s text (an indexed column),
     * compared instead of {@code lower(path)}; null to apply {@code lower()}.
     */
    private static Predicate compare(
            ComparisonNode node, Path<?> path, Expression<String> lowerCase, CriteriaBuilder cb) {
        Class<?> type = path.getJavaType();
        List<String> args = node.getArguments();
        var op = node.getOperator();
        if (op.equals(RSQLOperators.IN) || op.equals(RSQLOperators.NOT_IN)) {
            List<Object> values = new ArrayList<>();
            Predicate in;
            if (type == String.class) {
                // Case-insensitive like == on text, so that H2 and MariaDB's collation agree.
                args.forEach(a -> values.add(a.toLowerCase()));
                in = lowerCased(path, lowerCase, cb).in(values);
            } else {
                args.forEach(a -> values.add(convert(a, type, node.getSelector())));
                in = path.in(values);
            }
            // As with !=, a missing value is "not in" (SQL's NOT IN would drop it).
            return op.equals(RSQLOperators.IN) ? in : cb.or(cb.isNull(path), cb.not(in));
        }
        String arg = args.get(0);
        if (op.equals(RSQLOperators.EQUAL) || op.equals(RSQLOperators.NOT_EQUAL)) {
            Predicate predicate;
            if (type == String.class && arg.contains("*")) {
                String pattern = arg.replace("\\", "\\\\")
                        .replace("%", "\\%")
                        .replace("_", "\\_")
                        .replace('*', '%');
                predicate = cb.like(lowerCased(path, lowerCase, cb), pattern.toLowerCase(), '\\');
            } else if (type == String.class) {
                predicate = cb.equal(lowerCased(path, lowerCase, cb), arg.toLowerCase());
            } else {
                predicate = cb.equal(path, convert(arg, type, node.getSelector()));
            }
            return op.equals(RSQLOperators.EQUAL) ? predicate : cb.or(cb.isNull(path), cb.not(predicate));
        }
        Comparable value = (Comparable) convert(arg, type, node.getSelector());
        Path<Comparable> comparable = (Path<Comparable>) path;
        if (op.equals(RSQLOperators.LESS_THAN)) {
            return cb.lessThan(comparable, value);
        }
        if (op.equals(RSQLOperators.LESS_THAN_OR_EQUAL)) {
            return cb.lessThanOrEqualTo(comparable, value);
        }
        if (op.equals(RSQLOperators.GREATER_THAN)) {
            return cb.greaterThan(comparable, value);
        }
        if (op.equals(RSQLOperators.GREATER_THAN_OR_EQUAL)) {
            return cb.greaterThanOrEqualTo(comparable, value);
        }
        throw new InvalidQueryException(ServerError.RSQL_SYNTAX, "Operator " + op + " is not supported");
    }

    @SuppressWarnings("unchecked")
    private static Expression<String> lowerCased(Path<?> path, Expression<String> lowerCase, CriteriaBuilder cb) {
        return lowerCase != null ? lowerCase : cb.lower((Path<String>) path);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object convert(String value, Class<?> type, String field) {
        try {
            if (type == String.class) {
                return value;
            }
            if (type == Long.class || type == long.class) {
                return Long.valueOf(value);
            }
            if (type == Integer.class || type == int.class) {
                return Integer.valueOf(value);
            }
            if (type == Boolean.class || type == boolean.class) {
                if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
                    throw new IllegalArgumentException(value);
                }
                return Boolean.valueOf(value);
            }
            if (type == Instant.class) {
                return Instant.ofEpochMilli(Long.parseLong(value));
            }
            if (type.isEnum()) {
                return Enum.valueOf((Class<Enum>) type, value.toUpperCase().replace('-', '_'));
            }
        } catch (IllegalArgumentException e) {
            throw new InvalidQueryException(
                    ServerError.RSQL_SYNTAX, "The value '" + value + "' is not valid for field '" + field + "'");
        }
        return value;
    }
}
