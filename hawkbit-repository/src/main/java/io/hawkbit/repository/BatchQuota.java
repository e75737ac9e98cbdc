package io.hawkbit.repository;

import io.hawkbit.repository.error.HawkbitException;
import io.hawkbit.repository.error.ServerError;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/** The size limit of batch creates, and the chunking of their one look-up of existing keys. */
@Component
public class BatchQuota {

    /** Keys per {@code IN} list: well under MariaDB's 65,535 placeholders, whatever the batch size. */
    private static final int KEYS_PER_QUERY = 1000;

    private final QuotaProperties properties;

    public BatchQuota(QuotaProperties properties) {
        this.properties = properties;
    }

    /** Throws (400, {@code hawkbit.server.error.quota.tooManyEntries}) when {@code size} entries exceed the quota. */
    public void check(int size, String entries) {
        if (size > properties.getMaxBatchSize()) {
            throw new HawkbitException(
                    ServerError.BATCH_QUOTA_EXCEEDED,
                    "A request may create at most " + properties.getMaxBatchSize() + " " + entries
                            + " at once, this one holds " + size);
        }
    }

    /** Runs {@code query} over the keys in chunks and returns all its results. */
    public static <K, R> List<R> inChunks(Collection<K> keys, Function<List<K>, List<R>> query) {
        List<K> all = List.copyOf(keys);
        List<R> results = new ArrayList<>();
        for (int from = 0; from < all.size(); from += KEYS_PER_QUERY) {
            results.addAll(query.apply(all.subList(from, Math.min(all.size(), from + KEYS_PER_QUERY))));
        }
        return results;
    }
}
