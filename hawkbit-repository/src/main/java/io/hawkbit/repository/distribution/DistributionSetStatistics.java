package io.hawkbit.repository.distribution;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How much a distribution set is used: its actions and rollouts counted per status (hawkBit's upper-case status names)
 * and the target filters auto-assigning it, each by one aggregate query.
 */
@Service
public class DistributionSetStatistics {

    private final DistributionSetRepository sets;
    private final DistributionSetService service;

    public DistributionSetStatistics(DistributionSetRepository sets, DistributionSetService service) {
        this.sets = sets;
        this.service = service;
    }

    /** The set's actions per status; none for an unknown set (1.1 answers empty counts, not a 404, here). */
    @Transactional(readOnly = true)
    public Map<String, Long> actionsByStatus(String tenant, Long id) {
        return known(tenant, id) ? byStatus(sets.countActionsByStatus(id)) : Map.of();
    }

    /** The set's rollouts per status (deleted ones included, as in hawkBit); none for an unknown set, as in 1.1. */
    @Transactional(readOnly = true)
    public Map<String, Long> rolloutsByStatus(String tenant, Long id) {
        return known(tenant, id) ? byStatus(sets.countRolloutsByStatus(id)) : Map.of();
    }

    /** Counting by id alone would show another tenant's figures; its sets are as unknown as missing ones. */
    private boolean known(String tenant, Long id) {
        return sets.findByTenantAndId(tenant, id).isPresent();
    }

    /** How many target filters auto-assign the set; 404 for an unknown set. */
    @Transactional(readOnly = true)
    public long autoAssignments(String tenant, Long id) {
        service.get(tenant, id);
        return sets.countAutoAssignments(id);
    }

    private static Map<String, Long> byStatus(List<Object[]> rows) {
        Map<String, Long> counts = new TreeMap<>();
        for (Object[] row : rows) {
            counts.put(String.valueOf(row[0]), ((Number) row[1]).longValue());
        }
        return counts;
    }
}
