package io.hawkbit.rest.paging;

import java.util.List;
import java.util.function.Function;
import org.springframework.data.domain.Page;

/** hawkBit's list wrapper: the page's items, the total matching and the page's size. */
public record PagedList<T>(List<T> content, long total, int size) {

    public static <E, T> PagedList<T> of(Page<E> page, Function<E, T> mapper) {
        List<T> content = page.getContent().stream().map(mapper).toList();
        return new PagedList<>(content, page.getTotalElements(), content.size());
    }
}
