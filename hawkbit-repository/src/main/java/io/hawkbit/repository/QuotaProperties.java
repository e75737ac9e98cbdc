package io.hawkbit.repository;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** Limits on what one Management API request may ask for. */
@Validated
@ConfigurationProperties("hawkbit.quota")
public class QuotaProperties {

    /**
     * Most entries one batch create may hold (targets, software modules, distribution sets, types, tags); a larger
     * batch is refused with 400 and nothing is written.
     */
    @Min(1)
    private int maxBatchSize = 5000;

    public int getMaxBatchSize() {
        return maxBatchSize;
    }

    public void setMaxBatchSize(int maxBatchSize) {
        this.maxBatchSize = maxBatchSize;
    }
}
