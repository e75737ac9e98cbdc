package io.hawkbit.repository.target;

import java.util.List;
import org.springframework.data.domain.Sort;

/**
 * Which way a page of targets is read: an offset page costs an index walk over offset + limit entries, so a page past
 * the middle of the total is read from the other end instead, as the page at {@code total - offset - limit} of the
 * mirrored order (every direction and null placement swapped), reversed. The two walks give the same rows only if the
 * order is total, hence {@link #totalOrder}.
 *
 * @param backward whether the page is read in the {@link #mirrored} order
 * @param offset the offset in the order walked
 * @param limit the entries to read; shorter than the page's limit for a backward read of the last, partial page
 */
record PageWalk(boolean backward, long offset, int limit) {

    /** Properties whose value is unique among a tenant's targets: an order ending in one is total already. */
    private static final List<String> UNIQUE = List.of("id", "controllerId");

    /**
     * The cheaper walk for a page that starts before {@code total}: forward reads {@code offset + limit} entries,
     * backward {@code total - offset}.
     */
    static PageWalk of(long offset, int limit, long total) {
        if (offset < 0 || limit < 1 || offset >= total) {
            throw new IllegalArgumentException(
                    "a page at offset " + offset + " of " + limit + " does not start within " + total);
        }
        long remaining = total - offset;
        if (remaining >= offset + limit) {
            return new PageWalk(false, offset, limit);
        }
        return new PageWalk(true, Math.max(0, remaining - limit), (int) Math.min(limit, remaining));
    }

    /** The order to walk: the page's total order, or its mirror. */
    Sort order(Sort total) {
        return backward ? mirrored(total) : total;
    }

    /**
     * The order with the target's id appended when it does not end in a unique property, in the direction of its last
     * key: {@code name DESC, id DESC} is one backward walk of {@code ix_target_name (tenant, name)} (InnoDB's secondary
     * indexes end in the primary key), where {@code name DESC, id ASC} would sort. Unique means within a tenant: every
     * page of targets is of one tenant.
     */
    static Sort totalOrder(Sort sort) {
        List<Sort.Order> orders = sort.toList();
        if (orders.isEmpty()) {
            return Sort.by("id");
        }
        Sort.Order last = orders.get(orders.size() - 1);
        if (UNIQUE.contains(last.getProperty())) {
            return sort;
        }
        return sort.and(Sort.by(last.getDirection(), "id"));
    }

    /**
     * Every key reversed: a null placed first is placed last. A database's own null placement (nulls lowest on MariaDB
     * and H2, highest on PostgreSQL, in both directions) mirrors by itself.
     */
    static Sort mirrored(Sort sort) {
        return Sort.by(sort.stream()
                .map(order -> order.reverse().with(mirrored(order.getNullHandling())))
                .toList());
    }

    private static Sort.NullHandling mirrored(Sort.NullHandling nulls) {
        return switch (nulls) {
            case NULLS_FIRST -> Sort.NullHandling.NULLS_LAST;
            case NULLS_LAST -> Sort.NullHandling.NULLS_FIRST;
            case NATIVE -> Sort.NullHandling.NATIVE;
        };
    }
}
