package io.hawkbit.server.mgmt.rollout;

import java.util.List;

import io.hawkbit.repository.error.HawkbitException;
import io.hawkbit.repository.error.ServerError;
import io.hawkbit.repository.rollout.RolloutConditions;
import io.hawkbit.repository.rollout.RolloutCounts;
import io.hawkbit.repository.rollout.RolloutService.GroupDefinition;
import io.hawkbit.repository.rollout.RolloutService;
import io.hawkbit.repository.target.TargetService;
import io.hawkbit.rest.paging.PageParams;
import io.hawkbit.rest.paging.PagedList;
import io.hawkbit.server.mgmt.CurrentUser;
import io.hawkbit.server.mgmt.action.MgmtAction;
import io.hawkbit.server.mgmt.target.MgmtTarget;
import jakarta.validation.Valid;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** hawkBit's {@code /rest/v1/rollouts}: rollouts, their lifecycle operations, their groups and the groups' targets. */
@RestController
@RequestMapping("/rest/v1/rollouts")
public class RolloutController {

    private final RolloutService rollouts;
    private final CurrentUser user;

    public RolloutController(RolloutService rollouts, CurrentUser user) {
        this.rollouts = rollouts;
        this.user = user;
    }

    @GetMapping
    public PagedList<MgmtRollout> list(@RequestParam(required = false) Integer offset,
            @RequestParam(required = false) Integer limit, @RequestParam(required = false) String sort,
            @RequestParam(required = false) String q) {
        var pageable = PageParams.of(offset, limit, sort, RolloutService.FIELDS, Sort.by("id"));
        return PagedList.of(rollouts.find(user.tenant(), q, pageable), r -> MgmtRollout.of(r, rollouts.counts(r.getId())));
    }

    @PostMapping
    public ResponseEntity<MgmtRollout> create(@Valid @RequestBody MgmtRolloutRequestBody body) {
        if (body.name() == null || body.name().isBlank() || body.targetFilterQuery() == null
                || body.targetFilterQuery().isBlank() || body.distributionSetId() == null) {
            throw new HawkbitException(ServerError.PARAM_INVALID,
                    "A rollout needs a name, a targetFilterQuery and a distributionSetId");
        }
        body.refuseUnimplemented();
        if (body.weight() != null && (body.weight() < 0 || body.weight() > 1000)) {
            throw new HawkbitException(ServerError.PARAM_INVALID, "weight must be between 0 and 1000");
        }
        RolloutConditions conditions = RolloutConditions.of(MgmtCondition.asCondition(body.successCondition()),
                MgmtCondition.asAction(body.successAction()), MgmtCondition.asCondition(body.errorCondition()),
                MgmtCondition.asAction(body.errorAction()), RolloutConditions.DEFAULT);
        List<GroupDefinition> groups = body.groups() == null ? null : body.groups().stream()
                .map(group -> new GroupDefinition(group.name(), group.description(), group.targetFilterQuery(),
                        group.targetPercentage() == null ? 100.0 : group.targetPercentage(),
                        RolloutConditions.of(MgmtCondition.asCondition(group.successCondition()),
                                MgmtCondition.asAction(group.successAction()), MgmtCondition.asCondition(group.errorCondition()),
                                MgmtCondition.asAction(group.errorAction()), conditions)))
                .toList();
        var created = rollouts.create(user.tenant(), new RolloutService.Create(body.name(), body.description(),
                body.targetFilterQuery(), body.distributionSetId(), body.amountGroups(), groups,
                MgmtAction.parseForceType(body.type()), body.forcetime(), body.weight(), body.startAt(), conditions));
        return ResponseEntity.status(HttpStatus.CREATED).body(view(created.getId()));
    }

    @GetMapping("/{id}")
    public MgmtRollout get(@PathVariable Long id) {
        return view(id);
    }

    @PutMapping("/{id}")
    public MgmtRollout update(@PathVariable Long id, @Valid @RequestBody MgmtRolloutRequestBody body) {
        rollouts.update(user.tenant(), id, body.name(), body.description());
        return view(id);
    }

    @DeleteMapping("/{id}")
    public ResponseEntity<Void> delete(@PathVariable Long id) {
        rollouts.delete(user.tenant(), id);
        return ResponseEntity.ok().build();
    }

    @PostMapping("/{id}/start")
    public ResponseEntity<Void> start(@PathVariable Long id) {
        rollouts.start(user.tenant(), id);
        return ResponseEntity.ok().build();
    }

    @PostMapping("/{id}/pause")
    public ResponseEntity<Void> pause(@PathVariable Long id) {
        rollouts.pause(user.tenant(), id);
        return ResponseEntity.ok().build();
    }

    @PostMapping("/{id}/resume")
    public ResponseEntity<Void> resume(@PathVariable Long id) {
        rollouts.resume(user.tenant(), id);
        return ResponseEntity.ok().build();
    }

    @PostMapping("/{id}/stop")
    public ResponseEntity<Void> stop(@PathVariable Long id) {
        rollouts.stop(user.tenant(), id, user.name());
        return ResponseEntity.ok().build();
    }

    @PostMapping("/{id}/triggerNextGroup")
    public ResponseEntity<Void> triggerNextGroup(@PathVariable Long id) {
        rollouts.triggerNextGroup(user.tenant(), id);
        return ResponseEntity.ok().build();
    }

    /** hawkBit's retry: a new rollout over the targets that failed in this finished one (201 with it). */
    @PostMapping("/{id}/retry")
    public ResponseEntity<MgmtRollout> retry(@PathVariable Long id) {
        var created = rollouts.retry(user.tenant(), id);
        return ResponseEntity.status(HttpStatus.CREATED).body(view(created.getId()));
    }

    @PostMapping("/{id}/approve")
    public ResponseEntity<Void> approve(@PathVariable Long id, @RequestParam(required = false) String remark) {
        rollouts.approve(user.tenant(), id, user.name(), remark, true);
        return ResponseEntity.ok().build();
    }

    @PostMapping("/{id}/deny")
    public ResponseEntity<Void> deny(@PathVariable Long id, @RequestParam(required = false) String remark) {
        rollouts.approve(user.tenant(), id, user.name(), remark, false);
        return ResponseEntity.ok().build();
    }

    @GetMapping("/{id}/deploygroups")
    public PagedList<MgmtRolloutGroup> groups(@PathVariable Long id, @RequestParam(required = false) Integer offset,
            @RequestParam(required = false) Integer limit, @RequestParam(required = false) String sort,
            @RequestParam(required = false) String q) {
        var pageable = PageParams.of(offset, limit, sort, RolloutService.GROUP_FIELDS, Sort.by("position"));
        var page = rollouts.groups(user.tenant(), id, q, pageable);
        RolloutCounts counts = rollouts.counts(id);
        return PagedList.of(page, group -> MgmtRolloutGroup.of(id, group, counts.group(group.getId())));
    }

    @GetMapping("/{id}/deploygroups/{groupId}")
    public MgmtRolloutGroup group(@PathVariable Long id, @PathVariable Long groupId) {
        var group = rollouts.group(user.tenant(), id, groupId);
        return MgmtRolloutGroup.of(id, group, rollouts.counts(id).group(groupId));
    }

    @GetMapping("/{id}/deploygroups/{groupId}/targets")
    public PagedList<MgmtTarget> groupTargets(@PathVariable Long id, @PathVariable Long groupId,
            @RequestParam(required = false) Integer offset, @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String sort, @RequestParam(required = false) String q) {
        var pageable = PageParams.of(offset, limit, sort, TargetService.FIELDS, Sort.by("id"));
        boolean tokens = user.seesTargetTokens();
        return PagedList.of(rollouts.groupTargets(user.tenant(), id, groupId, q, pageable), t -> MgmtTarget.of(t, tokens));
    }

    private MgmtRollout view(Long id) {
        return MgmtRollout.of(rollouts.get(user.tenant(), id), rollouts.counts(id));
    }
}
