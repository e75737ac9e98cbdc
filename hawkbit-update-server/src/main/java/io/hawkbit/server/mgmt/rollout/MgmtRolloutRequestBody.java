package io.hawkbit.server.mgmt.rollout;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A rollout to create (with hawkBit's {@code dynamic} and {@code dynamicGroupTemplate}, and this server's {@code pace}) (hawkBit's POST body; name, targetFilterQuery and distributionSetId required, checked by the
 * controller so a missing one is a 400 with hawkBit's body) or, on PUT, the name, description and pace to change.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record MgmtRolloutRequestBody(
        @Size(min = 1, max = 128) String name,
        @Size(max = 512) String description,
        @Size(min = 1, max = 1024) String targetFilterQuery,
        Long distributionSetId,
        Integer amountGroups,
        String type,
        Long forcetime,
        Integer weight,
        Long startAt,
        Boolean confirmationRequired,
        MgmtCondition successCondition,
        MgmtCondition successAction,
        MgmtCondition errorCondition,
        MgmtCondition errorAction,
        @Valid List<MgmtRolloutGroupRequestBody> groups,
        Boolean dynamic,
        MgmtDynamicGroupTemplate dynamicGroupTemplate,
        MgmtPace pace) {}
