package io.hawkbit.repository.softwaremodule;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Objects;

/** The value of a module metadata entry and whether devices see it (DDI {@code chunks[].metadata}); immutable. */
@Embeddable
public class SoftwareModuleMetadataValue {

    @Column(name = "meta_value", nullable = false, length = 4000)
    private String value;

    @Column(name = "target_visible", nullable = false)
    private boolean targetVisible;

    protected SoftwareModuleMetadataValue() {}

    public SoftwareModuleMetadataValue(String value, boolean targetVisible) {
        this.value = value;
        this.targetVisible = targetVisible;
    }

    public String getValue() {
        return value;
    }

    public boolean isTargetVisible() {
        return targetVisible;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SoftwareModuleMetadataValue other
                && targetVisible == other.targetVisible
                && Objects.equals(value, other.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value, targetVisible);
    }
}
