package io.hawkbit.server.mgmt;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.BeanWrapperImpl;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

/**
 * Pages a list already in memory (a set's modules), for sub-resources that have no query of their own. The sort is
 * applied as the database would: by the entity properties the checked sort fields map to, nulls last.
 */
public final class Paging {

    private Paging() {}

    public static <T> Page<T> of(List<T> all, Pageable pageable) {
        List<T> sorted = new ArrayList<>(all);
        comparator(pageable.getSort()).ifPresent(sorted::sort);
        int from = (int) Math.min(pageable.getOffset(), sorted.size());
        int to = (int) Math.min((long) from + pageable.getPageSize(), sorted.size());
        return new PageImpl<>(sorted.subList(from, to), pageable, sorted.size());
    }

    private static <T> Optional<Comparator<T>> comparator(Sort sort) {
        Comparator<T> result = null;
        for (Sort.Order order : sort) {
            Comparator<T> next = Comparator.comparing(
                    item -> property(item, order.getProperty()), Comparator.nullsLast(Paging::compare));
            if (order.isDescending()) {
                next = next.reversed();
            }
            result = result == null ? next : result.thenComparing(next);
        }
        return Optional.ofNullable(result);
    }

    private static Object property(Object item, String path) {
        BeanWrapperImpl wrapper = new BeanWrapperImpl(item);
        return wrapper.isReadableProperty(path) ? wrapper.getPropertyValue(path) : null;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Object a, Object b) {
        if (a instanceof String x && b instanceof String y) {
            return x.compareToIgnoreCase(y);
        }
        return a instanceof Comparable c ? c.compareTo(b) : 0;
    }
}
