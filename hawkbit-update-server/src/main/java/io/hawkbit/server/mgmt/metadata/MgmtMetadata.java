package io.hawkbit.server.mgmt.metadata;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.hawkbit.repository.metadata.MetadataEntry;

/** hawkBit's metadata entry of a target or distribution set: the create body's items and what reads answer. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MgmtMetadata(String key, String value) {

    public MetadataEntry toEntry() {
        return new MetadataEntry(key, value);
    }
}
