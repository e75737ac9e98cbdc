package io.hawkbit.repository.metadata;

/** One key/value pair to write. */
public record MetadataEntry(String key, String value) {}
