package io.hawkbit.repository;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** Limits on what one Management API request may ask for, and on what it may leave stored. */
@Validated
@ConfigurationProperties("hawkbit.quota")
public class QuotaProperties {

    /**
     * Most entries one batch create may hold (targets, software modules, distribution sets, types, tags); a larger
     * batch is refused with 400 and nothing is written.
     */
    @Min(1)
    private int maxBatchSize = 5000;

    /**
     * Most actions one target may hold, open and closed (hawkBit's maxActionsPerTarget). A Management API assignment
     * that would pass it is refused with 403, or makes room by deleting the target's oldest closed actions when the
     * tenant's {@code action.cleanup.onQuotaHit.percent} is set.
     */
    @Min(1)
    private int maxActionsPerTarget = 2000;

    public int getMaxBatchSize() {
        return maxBatchSize;
    }

    public void setMaxBatchSize(int maxBatchSize) {
        this.maxBatchSize = maxBatchSize;
    }

    public int getMaxActionsPerTarget() {
        return maxActionsPerTarget;
    }

    public void setMaxActionsPerTarget(int maxActionsPerTarget) {
        this.maxActionsPerTarget = maxActionsPerTarget;
    }
}
