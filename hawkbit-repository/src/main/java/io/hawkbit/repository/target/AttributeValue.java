package io.hawkbit.repository.target;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * The value of a target's attribute as stored in {@code target_attributes}, with the owning target's tenant (V1_20):
 * the count of {@code q=attribute.region==eu-west} is then a range of {@code ix_target_attributes_tenant_value} alone,
 * with no lookup of each matching target to check its tenant (docs/performance.md, "Fleet scale (#17)").
 */
@Embeddable
record AttributeValue(
        @Column(name = "attribute_value", length = 512) String value,

        @Column(name = "tenant", nullable = false, length = 40)
        String tenant) {}
