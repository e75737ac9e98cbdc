package io.hawkbit.repository.target;

import io.hawkbit.repository.query.RsqlSpecification;
import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Root;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.query.QueryUtils;
import org.springframework.data.support.PageableExecutionUtils;
import org.springframework.stereotype.Component;

/**
 * Pages of targets by a specification, as a deferred join: the page's ids first, by the same filter, order, offset and
 * limit but selecting only {@code id}, then those rows by id. Every secondary index holds the id, so the first
 * statement can be answered inside an index such as {@code ix_target_name (tenant, name)}:
 * <ul>
 *   <li>a deep offset skips index entries, not rows: selecting whole rows, MariaDB read every skipped row from the
 *       table (900,000 row reads for {@code offset=900000} at 1M targets: 65 s cold, 0.2 s this way);
 *   <li>a filter through a subquery ({@code attribute.region==eu-west}) can walk the name index and stop after the
 *       page's matches (5 ms at 1M, with {@code optimizer_join_limit_pref_ratio}, see {@code MariaDbSessionSettings});
 *       selecting whole rows, MariaDB judged that walk too dear and sorted all 120,000 matches (0.4 s).
 * </ul>
 * The price is one more statement per page: 50 rows by primary key. An offset is still a walk over offset + limit
 * entries, so a page past the middle of its total is read from the other end ({@link PageWalk}): {@code offset=900000}
 * of 1M reads 100,000 entries, not 900,050. Its total is counted first for that, where a shallow page is counted after
 * (and not at all when the page tells it). Orders end in the id, so equal names page in one order both ways. The
 * total of a filter through one link ({@code tag==x}, {@code attribute.region==eu-west}) is counted over the link rows
 * alone, without reading the targets. A filter through tags looks the tenant's matching tags up first, counts their
 * links by the tags' ids, and reads the page by the ids too where that is cheaper ({@link #byElementIds}): joined to
 * the tags by name, MariaDB cannot tell how many links a tag has and materialises all of them for every page (65,000
 * at 1M targets: 16-40 ms, where probing the link's primary key per name-index entry takes 4 ms). A tag that does
 * not exist ends the request after the lookup. The
 * total of all targets or of {@code overdue==true} is read from the counts the database keeps ({@link TargetCounts}).
 * Figures: docs/performance.md, "Fleet scale (#17)".
 */
@Component
class TargetPages {

    /**
     * Most elements (tags) of a filter through a collection given to the page and count as constants; with more, they
     * are matched by a join to the elements. A tenant has a few dozen tags.
     */
    static final int MAX_ELEMENTS = 100;

    /** Links of a tag filter few enough that MariaDB reads them first and sorts their targets ({@link #byElementIds}). */
    static final long FEW_LINKS = 5_000;

    /** The cost of probing one target's link against materialising one link, as measured on MariaDB at 1M targets. */
    static final long PROBE_PER_LINK = 16;

    private final TargetRepository targets;
    private final EntityManager entityManager;
    private final TargetCounts counts;

    TargetPages(TargetRepository targets, EntityManager entityManager, TargetCounts counts) {
        this.targets = targets;
        this.entityManager = entityManager;
        this.counts = counts;
    }

    Page<Target> find(Specification<Target> spec, Pageable pageable) {
        return find(spec, pageable, Optional.empty(), null);
    }

    /**
     * {@code linkFilter}: the same filter as {@code spec} without its tenant condition, if it is one comparison through
     * a link; the total is then counted over the link rows of {@code tenant} alone (see {@link
     * RsqlSpecification#linkFilter}).
     */
    Page<Target> find(
            Specification<Target> spec,
            Pageable pageable,
            Optional<RsqlSpecification.LinkFilter> linkFilter,
            String tenant) {
        return find(spec, pageable, linkFilter, tenant, Optional.empty());
    }

    /** {@code keptTotal}: the total as the database keeps it ({@link TargetCounts}), where it answers the filter. */
    Page<Target> find(
            Specification<Target> spec,
            Pageable pageable,
            Optional<RsqlSpecification.LinkFilter> linkFilter,
            String tenant,
            Optional<LongSupplier> keptTotal) {
        if (pageable.isUnpaged()) {
            return targets.findAll(spec, pageable);
        }
        Optional<Elements> elements = linkFilter.flatMap(filter -> elements(filter, tenant));
        if (elements.isPresent()) {
            Elements known = elements.get();
            if (known.ids().isEmpty()) {
                // No tag of the tenant matches, so no target does.
                return new PageImpl<>(List.of(), pageable, 0);
            }
            // Counted first: how many targets carry the tags decides the statement of the page.
            long total = count(
                    known.filter().countThrough(cb(), known.ids(), known.ids().size() > 1));
            if (pageable.getOffset() >= total) {
                return new PageImpl<>(List.of(), pageable, total);
            }
            boolean byIds = byElementIds(
                    total,
                    pageable.getOffset() + pageable.getPageSize(),
                    () -> counts.of(tenant).all());
            Specification<Target> filtered = byIds
                    ? Specification.<Target>where((root, q, cb) -> cb.equal(root.get("tenant"), tenant))
                            .and(known.filter().throughElements(known.ids()))
                    : spec;
            return page(filtered, pageable, () -> total);
        }
        return page(
                spec,
                pageable,
                keptTotal
                        .or(() -> linkFilter.map(filter -> () -> countThrough(filter, tenant)))
                        .orElse(() -> targets.count(spec)));
    }

    private Page<Target> page(Specification<Target> spec, Pageable pageable, LongSupplier total) {
        Sort order = PageWalk.totalOrder(pageable.getSort());
        long offset = pageable.getOffset();
        int limit = pageable.getPageSize();
        if (offset <= limit) {
            // Shallow: read forward, and count afterwards only where the page does not tell the total.
            return PageableExecutionUtils.getPage(rows(ids(spec, order, offset, limit)), pageable, total);
        }
        // Deep enough that the page could lie past the middle: the total decides the walk. A page in the middle
        // needs the total anyway, so this costs a count only for a last page that would have told it.
        long count = total.getAsLong();
        if (offset >= count) {
            return new PageImpl<>(List.of(), pageable, count);
        }
        PageWalk walk = PageWalk.of(offset, limit, count);
        List<Long> ids = new ArrayList<>(ids(spec, walk.order(order), walk.offset(), walk.limit()));
        if (walk.backward()) {
            Collections.reverse(ids);
        }
        return new PageImpl<>(rows(ids), pageable, count);
    }

    private List<Target> rows(List<Long> ids) {
        Map<Long, Target> byId =
                targets.findAllById(ids).stream().collect(Collectors.toMap(Target::getId, Function.identity()));
        // A target deleted between the two statements is left out of the page.
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    /**
     * The tenant's elements a filter through a collection matches ({@code tag==x}: the tags named x), if its elements
     * carry the tenant and they are few enough for a list of constants.
     */
    private Optional<Elements> elements(RsqlSpecification.LinkFilter filter, String tenant) {
        return filter.matchingElements(cb(), tenant)
                .map(query -> entityManager
                        .createQuery(query)
                        .setMaxResults(MAX_ELEMENTS + 1)
                        .getResultList())
                .filter(ids -> ids.size() <= MAX_ELEMENTS)
                .map(ids -> new Elements(filter, ids));
    }

    /**
     * Whether a page of a tag filter is read by the tags' ids ({@link RsqlSpecification.LinkFilter#throughElements})
     * rather than by the join to the tags by name, which is {@code spec}: {@code tagged} targets carry the tags, the
     * page needs the first {@code needed} of them in its order. By the ids, MariaDB knows how many links the tags have
     * and either walks the order's index probing each target's link (by primary key; a few microseconds per target)
     * or, for few links, reads the links first and sorts their targets. By the join it cannot tell, and materialises
     * all the tags' links once (a fraction of a microsecond per link, more for hundreds of thousands) and then walks
     * the index probing that. So the ids win where the walk is short against the links, {@code needed * fleet /
     * tagged} probes against {@code tagged} links, and where the links are few (at 1M targets: a tag on 6.5 % of them
     * 4 ms against 17-40 ms for the first page, but 43 against 28 ms at offset 450; on 50 %: 2 against 800 ms; on 1 %
     * at offset 0 the join's 10 ms against 35-50 ms; on 0.1 % at offset 450: 10 against 240 ms).
     */
    static boolean byElementIds(long tagged, long needed, LongSupplier fleet) {
        return tagged <= FEW_LINKS || needed * fleet.getAsLong() * PROBE_PER_LINK < tagged * tagged;
    }

    /** A filter through a collection with the ids of the elements it matches. */
    private record Elements(RsqlSpecification.LinkFilter filter, List<Long> ids) {}

    private long countThrough(RsqlSpecification.LinkFilter filter, String tenant) {
        // A map's rows are its owners; a collection's (with more matching elements than MAX_ELEMENTS, or elements
        // that do not carry the tenant) may link one owner more than once.
        return count(filter.count(cb(), tenant, !filter.isMap()));
    }

    private long count(CriteriaQuery<Long> query) {
        return entityManager.createQuery(query).getSingleResult();
    }

    private CriteriaBuilder cb() {
        return entityManager.getCriteriaBuilder();
    }

    private List<Long> ids(Specification<Target> spec, Sort order, long offset, int limit) {
        CriteriaBuilder cb = entityManager.getCriteriaBuilder();
        CriteriaQuery<Long> query = cb.createQuery(Long.class);
        Root<Target> root = query.from(Target.class);
        query.select(root.get("id"))
                .where(spec.toPredicate(root, query, cb))
                .orderBy(QueryUtils.toOrders(order, root, cb));
        return entityManager
                .createQuery(query)
                .setFirstResult(Math.toIntExact(offset))
                .setMaxResults(limit)
                .getResultList();
    }
}
