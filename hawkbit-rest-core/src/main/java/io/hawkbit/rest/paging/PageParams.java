package io.hawkbit.rest.paging;

import io.hawkbit.repository.query.OffsetPageRequest;
import io.hawkbit.repository.query.QueryFields;
import io.hawkbit.repository.query.SortParser;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

/** hawkBit's paging parameters: {@code offset} (default 0), {@code limit} (default 50, at most 500), {@code sort}. */
public final class PageParams {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    private PageParams() {}

    public static Pageable of(Integer offset, Integer limit, String sort, QueryFields fields, Sort defaultSort) {
        int effectiveOffset = offset == null || offset < 0 ? 0 : offset;
        int effectiveLimit = limit == null || limit < 1 ? DEFAULT_LIMIT : Math.min(limit, MAX_LIMIT);
        return new OffsetPageRequest(effectiveOffset, effectiveLimit, SortParser.parse(sort, fields, defaultSort));
    }
}
