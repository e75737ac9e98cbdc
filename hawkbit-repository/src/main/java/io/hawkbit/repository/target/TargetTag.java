package io.hawkbit.repository.target;

import io.hawkbit.repository.tag.Tag;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A label operators put on targets to group them. */
@Entity
@Table(name = "target_tag")
public class TargetTag extends Tag {

    protected TargetTag() {}

    public TargetTag(String tenant, String name) {
        super(tenant, name);
    }
}
