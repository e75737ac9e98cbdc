package io.hawkbit.server.mgmt;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.hawkbit.repository.BaseEntity;
import java.time.Instant;

/** hawkBit's base entity fields (who created and last changed an entity, when, in epoch millis), unwrapped into each model. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MgmtAudit(String createdBy, Long createdAt, String lastModifiedBy, Long lastModifiedAt) {

    public static MgmtAudit of(BaseEntity entity) {
        return new MgmtAudit(
                entity.getCreatedBy(),
                millis(entity.getCreatedAt()),
                entity.getLastModifiedBy(),
                millis(entity.getLastModifiedAt()));
    }

    /** Epoch millis, or null for null. */
    public static Long millis(Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }
}
