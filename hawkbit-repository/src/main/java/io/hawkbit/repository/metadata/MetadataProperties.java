package io.hawkbit.repository.metadata;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** hawkBit's metadata quotas: most entries one target, distribution set or software module may hold. */
@Validated
@ConfigurationProperties("hawkbit.quota.metadata")
public class MetadataProperties {

    /** Most metadata entries per target; more are refused with 403 and nothing is written. */
    @Min(1)
    private int maxEntriesPerTarget = 100;

    /** Most metadata entries per distribution set; more are refused with 403 and nothing is written. */
    @Min(1)
    private int maxEntriesPerDistributionSet = 100;

    /** Most metadata entries per software module; more are refused with 403 and nothing is written. */
    @Min(1)
    private int maxEntriesPerSoftwareModule = 100;

    public int getMaxEntriesPerTarget() {
        return maxEntriesPerTarget;
    }

    public void setMaxEntriesPerTarget(int maxEntriesPerTarget) {
        this.maxEntriesPerTarget = maxEntriesPerTarget;
    }

    public int getMaxEntriesPerDistributionSet() {
        return maxEntriesPerDistributionSet;
    }

    public void setMaxEntriesPerDistributionSet(int maxEntriesPerDistributionSet) {
        this.maxEntriesPerDistributionSet = maxEntriesPerDistributionSet;
    }

    public int getMaxEntriesPerSoftwareModule() {
        return maxEntriesPerSoftwareModule;
    }

    public void setMaxEntriesPerSoftwareModule(int maxEntriesPerSoftwareModule) {
        this.maxEntriesPerSoftwareModule = maxEntriesPerSoftwareModule;
    }
}
