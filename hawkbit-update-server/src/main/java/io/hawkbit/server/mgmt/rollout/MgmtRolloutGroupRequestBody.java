package io.hawkbit.server.mgmt.rollout;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.Size;

/** One explicit group of a rollout to create; conditions left out are the rollout's. */
@JsonIgnoreProperties(ignoreUnknown = true)
record MgmtRolloutGroupRequestBody(
        @Size(max = 128) String name,
        @Size(max = 512) String description,
        @Size(max = 1024) String targetFilterQuery,
        Double targetPercentage,
        MgmtCondition successCondition,
        MgmtCondition successAction,
        MgmtCondition errorCondition,
        MgmtCondition errorAction,
        Boolean confirmationRequired) {}
