package io.hawkbit.server.mgmt.metadata;

import io.hawkbit.repository.query.QueryFields;
import io.hawkbit.repository.query.SortParser;
import io.hawkbit.rest.paging.PageParams;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

/**
 * The page a metadata list answers. hawkBit 1.1 takes no paging parameters there and answers every entry (a quota
 * bounds them), so that is the default; {@code offset}/{@code limit}, as hawkBit up to 0.9 took them, page as usual.
 */
public final class MetadataPages {

    private MetadataPages() {}

    public static Pageable of(Integer offset, Integer limit, String sort, QueryFields fields) {
        Sort order = SortParser.parse(sort, fields, Sort.by("key"));
        if (offset == null && limit == null) {
            return Pageable.unpaged(order);
        }
        return PageParams.of(offset, limit, sort, fields, Sort.by("key"));
    }
}
