package io.hawkbit.repository.target;

import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Root;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.query.QueryUtils;
import org.springframework.data.support.PageableExecutionUtils;
import org.springframework.stereotype.Component;

/**
 * Pages of targets by a specification. A deep offset is a deferred join: the page's ids first, by the same filter,
 * order and offset but selecting only {@code id} (which every secondary index holds, so MariaDB skips the offset's rows
 * inside an index such as {@code ix_target_name (tenant, name)} without reading them), then those rows by id. Selecting
 * whole rows, MariaDB reads every skipped row from the table: 900,000 row reads for {@code offset=900000} at 1M
 * targets (docs/performance.md, "Fleet scale (#17)").
 */
@Component
class TargetPages {

    /** From this offset on, a page is a deferred join; below it, the one extra statement would cost more than it saves. */
    static final long DEEP_OFFSET = 1_000;

    private final TargetRepository targets;
    private final EntityManager entityManager;

    TargetPages(TargetRepository targets, EntityManager entityManager) {
        this.targets = targets;
        this.entityManager = entityManager;
    }

    Page<Target> find(Specification<Target> spec, Pageable pageable) {
        if (pageable.isUnpaged() || pageable.getOffset() < DEEP_OFFSET) {
            return targets.findAll(spec, pageable);
        }
        return deferred(spec, pageable);
    }

    /** The page as a deferred join, whatever its offset. */
    Page<Target> deferred(Specification<Target> spec, Pageable pageable) {
        List<Long> ids = ids(spec, pageable);
        Map<Long, Target> byId =
                targets.findAllById(ids).stream().collect(Collectors.toMap(Target::getId, Function.identity()));
        // A target deleted between the two statements is left out of the page.
        List<Target> page = ids.stream().map(byId::get).filter(Objects::nonNull).toList();
        return PageableExecutionUtils.getPage(page, pageable, () -> targets.count(spec));
    }

    private List<Long> ids(Specification<Target> spec, Pageable pageable) {
        CriteriaBuilder cb = entityManager.getCriteriaBuilder();
        CriteriaQuery<Long> query = cb.createQuery(Long.class);
        Root<Target> root = query.from(Target.class);
        query.select(root.get("id"))
                .where(spec.toPredicate(root, query, cb))
                .orderBy(QueryUtils.toOrders(pageable.getSort(), root, cb));
        return entityManager
                .createQuery(query)
                .setFirstResult(Math.toIntExact(pageable.getOffset()))
                .setMaxResults(pageable.getPageSize())
                .getResultList();
    }
}
