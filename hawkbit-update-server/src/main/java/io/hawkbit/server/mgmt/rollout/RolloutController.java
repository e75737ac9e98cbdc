package io.hawkbit.server.mgmt.rollout;

import io.hawkbit.repository.error.HawkbitException;
import io.hawkbit.repository.error.ServerError;
import io.hawkbit.repository.rollout.RolloutCommands;
import io.hawkbit.repository.rollout.RolloutConditions;
import io.hawkbit.repository.rollout.RolloutCounts;
import io.hawkbit.repository.rollout.RolloutPlanner;
import io.hawkbit.repository.rollout.RolloutPlanner.GroupDefinition;
import io.hawkbit.repository.rollout.RolloutQueries;
import io.hawkbit.repository.target.TargetService;
import io.hawkbit.repository.tenant.TenantConfigKey;
import io.hawkbit.repository.tenant.TenantSettings;
import io.hawkbit.rest.paging.PageParams;
import io.hawkbit.rest.paging.PagedList;
import io.hawkbit.server.mgmt.CurrentUser;
import io.hawkbit.server.mgmt.action.MgmtAction;
import io.hawkbit.server.mgmt.target.MgmtTarget;
import io.hawkbit.server.mgmt.target.TargetViews;
import jakarta.validation.Valid;
import java.util.List;
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
class RolloutController {

    private final RolloutPlanner planner;
    private final RolloutCommands commands;
    private final RolloutQueries rollouts;
    private final CurrentUser user;
    private final TargetViews targetViews;
    private final TenantSettings settings;

    public RolloutController(
            RolloutPlanner planner,
            RolloutCommands commands,
            RolloutQueries rollouts,
            CurrentUser user,
            TargetViews targetViews,
            TenantSettings settings) {
        this.settings = settings;
        this.targetViews = targetViews;
        this.planner = planner;
        this.commands = commands;
        this.rollouts = rollouts;
        this.user = user;
    }

    @GetMapping
    public PagedList<MgmtRollout> list(
            @RequestParam(required = false) Integer offset,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String representation) {
        var pageable = PageParams.of(offset, limit, sort, RolloutQueries.FIELDS, Sort.by("id"));
        boolean full = full(representation);
        return PagedList.of(
                rollouts.find(user.tenant(), q, pageable), r -> MgmtRollout.of(r, rollouts.counts(r.getId()), full));
    }

    @PostMapping
    public ResponseEntity<MgmtRollout> create(@Valid @RequestBody MgmtRolloutRequestBody body) {
        if (body.name() == null
                || body.name().isBlank()
                || body.targetFilterQuery() == null
                || body.targetFilterQuery().isBlank()
                || body.distributionSetId() == null) {
            throw new HawkbitException(
                    ServerError.PARAM_INVALID, "A rollout needs a name, a targetFilterQuery and a distributionSetId");
        }
        if (body.weight() != null && (body.weight() < 0 || body.weight() > 1000)) {
            // hawkBit refuses it as a constraint violation of the action's weight.
            throw new HawkbitException(ServerError.CONSTRAINT_VIOLATION, "weight must be between 0 and 1000");
        }
        RolloutConditions conditions = RolloutConditions.of(
                MgmtCondition.asCondition(body.successCondition()),
                MgmtCondition.asAction(body.successAction()),
                MgmtCondition.asCondition(body.errorCondition()),
                MgmtCondition.asAction(body.errorAction()),
                RolloutConditions.DEFAULT);
        List<GroupDefinition> groups = body.groups() == null
                ? null
                : body.groups().stream()
                        .map(group -> new GroupDefinition(
                                group.name(),
                                group.description(),
                                group.targetFilterQuery(),
                                group.targetPercentage() == null ? 100.0 : group.targetPercentage(),
                                RolloutConditions.of(
                                        MgmtCondition.asCondition(group.successCondition()),
                                        MgmtCondition.asAction(group.successAction()),
                                        MgmtCondition.asCondition(group.errorCondition()),
                                        MgmtCondition.asAction(group.errorAction()),
                                        conditions),
                                group.confirmationRequired()))
                        .toList();
        var created = planner.create(
                user.tenant(),
                new RolloutPlanner.Create(
                        body.name(),
                        body.description(),
                        body.targetFilterQuery(),
                        body.distributionSetId(),
                        body.amountGroups(),
                        groups,
                        MgmtAction.parseForceType(body.type()),
                        body.forcetime(),
                        body.weight(),
                        body.startAt(),
                        conditions,
                        body.confirmationRequired(),
                        dynamicGroups(body),
                        body.pace() == null ? null : body.pace().toPace()));
        return ResponseEntity.status(HttpStatus.CREATED).body(view(created.getId()));
    }

    /** hawkBit's rules: the template only with {@code dynamic: true}; dynamic only with {@code amountGroups}. */
    private static RolloutPlanner.DynamicGroups dynamicGroups(MgmtRolloutRequestBody body) {
        boolean dynamic = Boolean.TRUE.equals(body.dynamic());
        MgmtDynamicGroupTemplate template = body.dynamicGroupTemplate();
        if (!dynamic) {
            if (template != null) {
                throw new HawkbitException(
                        ServerError.PARAM_INVALID, "Dynamic group template is only allowed for dynamic rollouts");
            }
            return null;
        }
        if (body.groups() != null) {
            throw new HawkbitException(
                    ServerError.CONSTRAINT_VIOLATION, "Dynamic rollouts are not supported with groups");
        }
        return template == null
                ? new RolloutPlanner.DynamicGroups("", null)
                : new RolloutPlanner.DynamicGroups(
                        template.nameSuffix() == null ? "" : template.nameSuffix(), template.targetCount());
    }

    @GetMapping("/{id}")
    public MgmtRollout get(@PathVariable Long id) {
        return view(id);
    }

    @PutMapping("/{id}")
    public MgmtRollout update(@PathVariable Long id, @Valid @RequestBody MgmtRolloutRequestBody body) {
        commands.update(
                user.tenant(),
                id,
                body.name(),
                body.description(),
                body.pace() != null,
                body.pace() == null ? null : body.pace().toPace());
        return view(id);
    }

    @DeleteMapping("/{id}")
    public ResponseEntity<Void> delete(@PathVariable Long id) {
        commands.delete(user.tenant(), id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/start")
    public ResponseEntity<Void> start(@PathVariable Long id) {
        commands.start(user.tenant(), id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/pause")
    public ResponseEntity<Void> pause(@PathVariable Long id) {
        commands.pause(user.tenant(), id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/resume")
    public ResponseEntity<Void> resume(@PathVariable Long id) {
        commands.resume(user.tenant(), id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/stop")
    public ResponseEntity<Void> stop(@PathVariable Long id) {
        commands.stop(user.tenant(), id, user.name());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/triggerNextGroup")
    public ResponseEntity<Void> triggerNextGroup(@PathVariable Long id) {
        commands.triggerNextGroup(user.tenant(), id);
        return ResponseEntity.noContent().build();
    }

    /** hawkBit's retry: a new rollout over the targets that failed in this finished one (201 with it). */
    @PostMapping("/{id}/retry")
    public ResponseEntity<MgmtRollout> retry(@PathVariable Long id) {
        var created = planner.retry(user.tenant(), id);
        return ResponseEntity.status(HttpStatus.CREATED).body(view(created.getId()));
    }

    @PostMapping("/{id}/approve")
    public ResponseEntity<Void> approve(@PathVariable Long id, @RequestParam(required = false) String remark) {
        commands.approve(user.tenant(), id, user.name(), remark, true);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/deny")
    public ResponseEntity<Void> deny(@PathVariable Long id, @RequestParam(required = false) String remark) {
        commands.approve(user.tenant(), id, user.name(), remark, false);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/deploygroups")
    public PagedList<MgmtRolloutGroup> groups(
            @PathVariable Long id,
            @RequestParam(required = false) Integer offset,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String representation) {
        var pageable = PageParams.of(offset, limit, sort, RolloutQueries.GROUP_FIELDS, Sort.by("position"));
        var page = rollouts.groups(user.tenant(), id, q, pageable);
        RolloutCounts counts = rollouts.counts(id);
        boolean full = full(representation);
        boolean flowOn = flowOn();
        return PagedList.of(page, group -> MgmtRolloutGroup.of(id, group, counts.group(group.getId()), full, flowOn));
    }

    @GetMapping("/{id}/deploygroups/{groupId}")
    public MgmtRolloutGroup group(@PathVariable Long id, @PathVariable Long groupId) {
        var group = rollouts.group(user.tenant(), id, groupId);
        return MgmtRolloutGroup.of(id, group, rollouts.counts(id).group(groupId), true, flowOn());
    }

    private boolean flowOn() {
        return settings.enabled(user.tenant(), TenantConfigKey.USER_CONFIRMATION_ENABLED);
    }

    @GetMapping("/{id}/deploygroups/{groupId}/targets")
    public PagedList<MgmtTarget> groupTargets(
            @PathVariable Long id,
            @PathVariable Long groupId,
            @RequestParam(required = false) Integer offset,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) String q) {
        var pageable = PageParams.of(offset, limit, sort, TargetService.FIELDS, Sort.by("id"));
        return targetViews.page(rollouts.groupTargets(user.tenant(), id, groupId, q, pageable));
    }

    /** hawkBit's {@code representation}: {@code full}, or compact for anything else (hawkBit does not refuse it). */
    private static boolean full(String representation) {
        return "full".equalsIgnoreCase(representation);
    }

    private MgmtRollout view(Long id) {
        return MgmtRollout.of(rollouts.get(user.tenant(), id), rollouts.counts(id));
    }
}
