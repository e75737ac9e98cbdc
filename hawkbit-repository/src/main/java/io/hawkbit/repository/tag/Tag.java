package io.hawkbit.repository.tag;

import io.hawkbit.repository.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

/** The columns of a label operators put on targets or distribution sets: a name unique per tenant, text, a colour. */
@MappedSuperclass
public abstract class Tag extends BaseEntity {

    @Column(name = "name", nullable = false, length = 128)
    private String name;

    @Column(name = "description", length = 512)
    private String description;

    @Column(name = "colour", length = 16)
    private String colour;

    protected Tag() {}

    protected Tag(String tenant, String name) {
        super(tenant);
        this.name = name;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getColour() {
        return colour;
    }

    public void setColour(String colour) {
        this.colour = colour;
    }
}
