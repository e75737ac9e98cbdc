package io.hawkbit.repository.distribution;

import io.hawkbit.repository.tag.Tag;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A label operators put on distribution sets to group them. */
@Entity
@Table(name = "distribution_set_tag")
public class DistributionSetTag extends Tag {

    protected DistributionSetTag() {}

    public DistributionSetTag(String tenant, String name) {
        super(tenant, name);
    }
}
