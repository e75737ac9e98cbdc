package io.hawkbit.server.mgmt.rollout;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.hawkbit.repository.rollout.Rollout;
import io.hawkbit.repository.rollout.RolloutCounts;
import io.hawkbit.server.mgmt.Links;
import io.hawkbit.server.mgmt.MgmtAudit;
import java.util.Map;

/** hawkBit's rollout as the Management API shows it, with its targets counted per status. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record MgmtRollout(
        Long id,
        String name,
        String description,
        String targetFilterQuery,
        Long distributionSetId,
        String status,
        long totalTargets,
        Map<String, Long> totalTargetsPerStatus,
        int totalGroups,
        Long startAt,
        Long forcetime,
        boolean deleted,
        String type,
        Integer weight,
        String approveDecidedBy,
        String approvalRemark,
        @JsonUnwrapped MgmtAudit audit,
        @JsonProperty("_links") Links links) {

    static final String PATH = "/rest/v1/rollouts/";

    static MgmtRollout of(Rollout rollout, RolloutCounts counts) {
        String self = PATH + rollout.getId();
        return new MgmtRollout(
                rollout.getId(),
                rollout.getName(),
                rollout.getDescription(),
                rollout.getTargetFilterQuery(),
                rollout.getDistributionSet().getId(),
                rollout.getStatus().json(),
                counts.rollout().total(),
                counts.rollout().perStatus(),
                counts.groups().size(),
                rollout.getStartAt(),
                rollout.getForcedTime() == 0 ? null : rollout.getForcedTime(),
                rollout.isDeleted(),
                rollout.getActionType().json(),
                rollout.getWeight(),
                rollout.getApprovalDecidedBy(),
                rollout.getApprovalRemark(),
                MgmtAudit.of(rollout),
                Links.self(self)
                        .with("start", self + "/start")
                        .with("pause", self + "/pause")
                        .with("resume", self + "/resume")
                        .with("triggerNextGroup", self + "/triggerNextGroup")
                        .with("approve", self + "/approve")
                        .with("deny", self + "/deny")
                        .with("stop", self + "/stop")
                        .with("retry", self + "/retry")
                        .with("groups", self + "/deploygroups?offset=0&limit=50")
                        .with(
                                "distributionset",
                                "/rest/v1/distributionsets/"
                                        + rollout.getDistributionSet().getId()));
    }
}
