package io.hawkbit.server.mgmt;

import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;

/** Pages a list already in memory (a set's modules), for sub-resources that have no query of their own. */
public final class Paging {

    private Paging() {}

    public static <T> Page<T> of(List<T> all, Pageable pageable) {
        int from = (int) Math.min(pageable.getOffset(), all.size());
        int to = (int) Math.min((long) from + pageable.getPageSize(), all.size());
        return new PageImpl<>(all.subList(from, to), pageable, all.size());
    }
}
