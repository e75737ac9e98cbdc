package io.hawkbit.repository.query;

import io.hawkbit.repository.error.ServerError;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.domain.Sort;

/** Reads hawkBit's sort parameter, {@code field:ASC,other:DESC}, against a resource's allowed fields. */
public final class SortParser {

    private SortParser() {}

    public static Sort parse(String sort, QueryFields fields, Sort defaultSort) {
        if (sort == null || sort.isBlank()) {
            return defaultSort;
        }
        List<Sort.Order> orders = new ArrayList<>();
        for (String part : sort.split(",")) {
            String[] pieces = part.trim().split(":");
            if (pieces.length != 2) {
                throw new InvalidQueryException(
                        ServerError.SORT_INVALID,
                        "The sort parameter '" + sort + "' is not valid; expected field:ASC or field:DESC");
            }
            String path = fields.path(pieces[0].trim())
                    .orElseThrow(() -> new InvalidQueryException(
                            ServerError.SORT_FIELD,
                            "The field '" + pieces[0].trim() + "' cannot be sorted by; valid fields: "
                                    + fields.names()));
            Sort.Direction direction = Sort.Direction.fromOptionalString(pieces[1].trim())
                    .orElseThrow(() -> new InvalidQueryException(
                            ServerError.SORT_DIRECTION,
                            "The sort direction '" + pieces[1].trim() + "' is not valid; expected ASC or DESC"));
            orders.add(new Sort.Order(direction, path));
        }
        return Sort.by(orders);
    }
}
