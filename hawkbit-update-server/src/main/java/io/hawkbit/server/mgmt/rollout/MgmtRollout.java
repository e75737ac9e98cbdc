package io.hawkbit.server.mgmt.rollout;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.hawkbit.repository.rollout.Rollout;
import io.hawkbit.repository.rollout.RolloutCounts;
import io.hawkbit.server.mgmt.Links;
import io.hawkbit.server.mgmt.MgmtAudit;
import java.util.Map;

/**
 * hawkBit's rollout as the Management API shows it. The full form (one rollout, and list items with
 * {@code representation=full}) adds the targets counted per status, the group count, {@code startAt}, the approval and
 * the action links; the compact form (hawkBit's default for lists) has the plain fields and {@code self}. {@code forcetime}
 * is always sent, 0 when unset, as hawkBit does. {@code pace} is this server's extension, sent only for a paced rollout.
 */
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
        Integer totalGroups,
        Long startAt,
        long forcetime,
        boolean deleted,
        String type,
        Integer weight,
        boolean dynamic,
        MgmtPace pace,
        String approveDecidedBy,
        String approvalRemark,
        @JsonUnwrapped MgmtAudit audit,
        @JsonProperty("_links") Links links) {

    static final String PATH = "/rest/v1/rollouts/";

    static MgmtRollout of(Rollout rollout, RolloutCounts counts) {
        return of(rollout, counts, true);
    }

    static MgmtRollout of(Rollout rollout, RolloutCounts counts, boolean full) {
        String self = PATH + rollout.getId();
        var set = rollout.getDistributionSet();
        Links links = Links.self(self);
        if (full) {
            links.with("start", self + "/start")
                    .with("pause", self + "/pause")
                    .with("resume", self + "/resume")
                    .with("triggerNextGroup", self + "/triggerNextGroup")
                    .with("approve", self + "/approve")
                    .with("deny", self + "/deny")
                    .with("stop", self + "/stop")
                    .with("retry", self + "/retry")
                    .with("groups", self + "/deploygroups?offset=0&limit=50")
                    .withNamed(
                            "distributionset",
                            "/rest/v1/distributionsets/" + set.getId(),
                            set.getName() + ":" + set.getVersion());
        }
        return new MgmtRollout(
                rollout.getId(),
                rollout.getName(),
                rollout.getDescription(),
                rollout.getTargetFilterQuery(),
                rollout.getDistributionSet().getId(),
                rollout.getStatus().json(),
                counts.rollout().total(),
                full ? counts.rollout().perStatus() : null,
                full ? counts.groups().size() : null,
                full ? rollout.getStartAt() : null,
                rollout.getForcedTime(),
                rollout.isDeleted(),
                rollout.getActionType().json(),
                rollout.getWeight(),
                rollout.isDynamic(),
                MgmtPace.of(rollout.getPace()),
                full ? rollout.getApprovalDecidedBy() : null,
                full ? rollout.getApprovalRemark() : null,
                MgmtAudit.of(rollout),
                links);
    }
}
