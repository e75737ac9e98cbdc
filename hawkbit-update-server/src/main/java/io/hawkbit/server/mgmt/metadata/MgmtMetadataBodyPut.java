package io.hawkbit.server.mgmt.metadata;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** hawkBit's metadata update body: the new value (the key is in the path). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MgmtMetadataBodyPut(String value) {}
