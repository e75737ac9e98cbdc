package io.hawkbit.repository.distribution;

import io.hawkbit.repository.softwaremodule.SoftwareModuleType;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import java.util.Objects;

/** A software module type a distribution set type requires (mandatory) or allows (optional). */
@Embeddable
public class DistributionSetTypeElement {

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "sm_type_id", nullable = false)
    private SoftwareModuleType moduleType;

    @Column(name = "mandatory", nullable = false)
    private boolean mandatory;

    protected DistributionSetTypeElement() {}

    public DistributionSetTypeElement(SoftwareModuleType moduleType, boolean mandatory) {
        this.moduleType = moduleType;
        this.mandatory = mandatory;
    }

    public SoftwareModuleType getModuleType() {
        return moduleType;
    }

    public boolean isMandatory() {
        return mandatory;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DistributionSetTypeElement other
                && Objects.equals(moduleType.getId(), other.moduleType.getId());
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(moduleType.getId());
    }
}
