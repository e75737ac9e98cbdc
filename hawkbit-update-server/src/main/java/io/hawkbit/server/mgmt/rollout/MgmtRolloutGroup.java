package io.hawkbit.server.mgmt.rollout;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.hawkbit.repository.rollout.RolloutConditions;
import io.hawkbit.repository.rollout.RolloutCounts;
import io.hawkbit.repository.rollout.RolloutGroup;
import io.hawkbit.server.mgmt.Links;
import io.hawkbit.server.mgmt.MgmtAudit;
import java.util.Map;

/**
 * hawkBit's rollout group (a "deploy group") as the Management API shows it. {@code totalTargetsPerStatus} is in the
 * full form only (one group, and list items with {@code representation=full}). A dynamic group's
 * {@code targetPercentage} is its target count, as in hawkBit. {@code confirmationRequired} is sent, as by hawkBit,
 * only while the tenant's confirmation flow is on.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record MgmtRolloutGroup(
        Long id,
        String name,
        String description,
        MgmtCondition successCondition,
        MgmtCondition successAction,
        MgmtCondition errorCondition,
        MgmtCondition errorAction,
        String targetFilterQuery,
        double targetPercentage,
        boolean dynamic,
        String status,
        long totalTargets,
        Map<String, Long> totalTargetsPerStatus,
        Boolean confirmationRequired,
        @JsonUnwrapped MgmtAudit audit,
        @JsonProperty("_links") Links links) {

    static MgmtRolloutGroup of(Long rolloutId, RolloutGroup group, RolloutCounts.Counts counts, boolean full) {
        return of(rolloutId, group, counts, full, false);
    }

    static MgmtRolloutGroup of(
            Long rolloutId, RolloutGroup group, RolloutCounts.Counts counts, boolean full, boolean confirmationFlowOn) {
        RolloutConditions conditions = group.getConditions();
        String self = MgmtRollout.PATH + rolloutId + "/deploygroups/" + group.getId();
        return new MgmtRolloutGroup(
                group.getId(),
                group.getName(),
                group.getDescription(),
                MgmtCondition.condition(conditions.successCondition(), conditions.successConditionExp()),
                MgmtCondition.action(conditions.successAction(), conditions.successActionExp()),
                MgmtCondition.condition(conditions.errorCondition(), conditions.errorConditionExp()),
                MgmtCondition.action(conditions.errorAction(), conditions.errorActionExp()),
                group.getTargetFilterQuery() == null ? "" : group.getTargetFilterQuery(),
                group.getTargetPercentage(),
                group.isDynamic(),
                group.getStatus().json(),
                counts.total(),
                full ? counts.perStatus() : null,
                confirmationFlowOn ? group.isConfirmationRequired() : null,
                MgmtAudit.of(group),
                Links.self(self).with("targets", self + "/targets"));
    }
}
