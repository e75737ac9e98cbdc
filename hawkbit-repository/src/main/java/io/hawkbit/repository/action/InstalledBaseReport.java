package io.hawkbit.repository.action;

import io.hawkbit.repository.distribution.DistributionSet;
import io.hawkbit.repository.distribution.DistributionSetService;
import io.hawkbit.repository.error.EntityNotFoundException;
import io.hawkbit.repository.target.TargetRepository;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A device reports over DDI the distribution set (by name and version) it got outside the server: recorded as an
 * offline assignment in the device's own name.
 */
@Service
public class InstalledBaseReport {

    private final TargetRepository targets;
    private final DistributionSetService distributionSets;
    private final OfflineAssignment offline;

    public InstalledBaseReport(
            TargetRepository targets, DistributionSetService distributionSets, OfflineAssignment offline) {
        this.targets = targets;
        this.distributionSets = distributionSets;
        this.offline = offline;
    }

    /**
     * Records the reported set as installed.
     *
     * @return whether a finished action was recorded; {@code false} when the set was assigned already or the device
     *     waits for another update (hawkBit then records nothing either)
     * @throws EntityNotFoundException when the device or the set is unknown
     */
    @Transactional
    public boolean report(String tenant, String controllerId, String name, String version) {
        targets.findByTenantAndControllerId(tenant, controllerId)
                .filter(t -> t.getControllerId().equals(controllerId))
                .orElseThrow(() -> new EntityNotFoundException("Target", controllerId));
        DistributionSet set = distributionSets.byNameAndVersion(tenant, name, version);
        return !offline.record(tenant, set.getId(), List.of(controllerId), controllerId)
                .recorded()
                .isEmpty();
    }
}
