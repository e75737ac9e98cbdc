package io.hawkbit.server.mgmt.targetfilter;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.Size;

/**
 * A filter to create (name and query required, checked by the controller so a missing one is hawkBit's 400) or the
 * changes to one (absent fields stay). Creation may name an auto-assign set directly, as newer hawkBit versions allow.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record MgmtTargetFilterQueryRequestBody(
        @Size(min = 1, max = 128) String name,
        @Size(min = 1, max = 1024) String query,
        Long autoAssignDistributionSet,
        String autoAssignActionType,
        Integer autoAssignWeight) {}
