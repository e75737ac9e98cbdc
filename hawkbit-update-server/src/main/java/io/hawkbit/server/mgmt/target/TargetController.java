package io.hawkbit.server.mgmt.target;

import io.hawkbit.repository.action.ActionCancellation;
import io.hawkbit.repository.action.ActionDeletion;
import io.hawkbit.repository.action.ActionForcing;
import io.hawkbit.repository.action.ActionQueries;
import io.hawkbit.repository.action.DeploymentService;
import io.hawkbit.repository.action.OfflineAssignment;
import io.hawkbit.repository.error.HawkbitException;
import io.hawkbit.repository.error.ServerError;
import io.hawkbit.repository.query.QueryFields;
import io.hawkbit.repository.target.Target;
import io.hawkbit.repository.target.TargetService;
import io.hawkbit.repository.tenant.TenantConfigKey;
import io.hawkbit.repository.tenant.TenantConfigurationService;
import io.hawkbit.rest.paging.PageParams;
import io.hawkbit.rest.paging.PagedList;
import io.hawkbit.server.mgmt.CurrentUser;
import io.hawkbit.server.mgmt.JsonBodies;
import io.hawkbit.server.mgmt.NotImplementedYet;
import io.hawkbit.server.mgmt.action.ActionIdList;
import io.hawkbit.server.mgmt.action.ActionViews;
import io.hawkbit.server.mgmt.action.MgmtAction;
import io.hawkbit.server.mgmt.action.MgmtActionRequestBodyPut;
import io.hawkbit.server.mgmt.action.MgmtActionStatus;
import io.hawkbit.server.mgmt.action.MgmtMaintenanceWindowRequestBody;
import io.hawkbit.server.mgmt.action.MgmtTargetAssignmentResponseBody;
import io.hawkbit.server.mgmt.distributionset.MgmtDistributionSet;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import tools.jackson.databind.JsonNode;

/** hawkBit's {@code /rest/v1/targets}: targets, their assignments, actions, attributes and tags. */
@RestController
@RequestMapping("/rest/v1/targets")
class TargetController {

    private static final QueryFields STATUS_FIELDS = QueryFields.of(Map.of("id", "id", "reportedAt", "createdAt"));
    private static final Sort BY_ID_DESC = Sort.by(Sort.Direction.DESC, "id");

    private final TargetService targets;
    private final DeploymentService deployments;
    private final OfflineAssignment offlineAssignment;
    private final TenantConfigurationService config;
    private final ActionQueries actionQueries;
    private final ActionCancellation cancellation;
    private final ActionForcing forcing;
    private final ActionDeletion deletion;
    private final CurrentUser user;
    private final JsonBodies bodies;
    private final ActionViews actionViews;
    private final TargetViews views;

    public TargetController(
            TargetService targets,
            DeploymentService deployments,
            OfflineAssignment offlineAssignment,
            TenantConfigurationService config,
            ActionQueries actionQueries,
            ActionCancellation cancellation,
            ActionForcing forcing,
            ActionDeletion deletion,
            CurrentUser user,
            JsonBodies bodies,
            ActionViews actionViews,
            TargetViews views) {
        this.actionViews = actionViews;
        this.views = views;
        this.targets = targets;
        this.deployments = deployments;
        this.offlineAssignment = offlineAssignment;
        this.config = config;
        this.actionQueries = actionQueries;
        this.cancellation = cancellation;
        this.forcing = forcing;
        this.deletion = deletion;
        this.user = user;
        this.bodies = bodies;
    }

    @GetMapping
    public PagedList<MgmtTarget> list(
            @RequestParam(required = false) Integer offset,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) String q) {
        var pageable = PageParams.of(offset, limit, sort, TargetService.FIELDS, Sort.by("controllerId"));
        return views.page(targets.find(user.tenant(), q, pageable));
    }

    @PostMapping
    public ResponseEntity<List<MgmtTarget>> create(@RequestBody List<@Valid @NotNull MgmtTargetRequestBody> body) {
        body.forEach(t -> checkAddress(t.address()));
        List<Target> created = targets.create(
                user.tenant(),
                body.stream().map(MgmtTargetRequestBody::toCreate).toList());
        return ResponseEntity.status(HttpStatus.CREATED).body(views.list(created));
    }

    @GetMapping("/{controllerId}")
    public MgmtTarget get(@PathVariable String controllerId) {
        String tenant = user.tenant();
        return views.detailed(targets.get(tenant, controllerId));
    }

    @PutMapping("/{controllerId}")
    public ResponseEntity<MgmtTarget> update(
            @PathVariable String controllerId, @Valid @RequestBody MgmtTargetRequestBodyPut body) {
        // hawkBit lets operators request attributes, never withdraw the request: false is refused with an empty 400.
        if (Boolean.FALSE.equals(body.requestAttributes())) {
            return ResponseEntity.badRequest().build();
        }
        checkAddress(body.address());
        String tenant = user.tenant();
        return ResponseEntity.ok(views.detailed(targets.update(tenant, controllerId, body.toUpdate())));
    }

    @DeleteMapping("/{controllerId}")
    public ResponseEntity<Void> delete(@PathVariable String controllerId) {
        targets.delete(user.tenant(), controllerId);
        return ResponseEntity.noContent().build();
    }

    /** hawkBit's {@code {"id": <target type id>}}; 204 as in hawkBit 1.x. */
    @PostMapping("/{controllerId}/targettype")
    public ResponseEntity<Void> assignType(
            @PathVariable String controllerId, @Valid @RequestBody MgmtTargetTypeId body) {
        targets.assignType(user.tenant(), controllerId, body.id());
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/{controllerId}/targettype")
    public ResponseEntity<Void> unassignType(@PathVariable String controllerId) {
        targets.unassignType(user.tenant(), controllerId);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{controllerId}/attributes")
    public ResponseEntity<Map<String, String>> attributes(@PathVariable String controllerId) {
        Map<String, String> attributes = targets.attributes(user.tenant(), controllerId);
        return attributes.isEmpty() ? ResponseEntity.noContent().build() : ResponseEntity.ok(attributes);
    }

    @GetMapping("/{controllerId}/assignedDS")
    public ResponseEntity<MgmtDistributionSet> assignedDistributionSet(@PathVariable String controllerId) {
        return targets.assignedDistributionSet(user.tenant(), controllerId)
                .map(MgmtDistributionSet::of)
                .map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.noContent().build());
    }

    /**
     * Accepts one assignment object or an array of them, as hawkBit does. With {@code offline=true} the sets are
     * recorded as installed already (finished actions, nothing sent to the device).
     */
    @PostMapping("/{controllerId}/assignedDS")
    public MgmtTargetAssignmentResponseBody assign(
            @PathVariable String controllerId,
            @RequestBody JsonNode body,
            @RequestParam(required = false) Boolean offline) {
        String tenant = user.tenant();
        // As stored, as DeploymentService reads it, not as this node's cache may still have it.
        boolean multiAssignment = config.enabledNow(tenant, TenantConfigKey.MULTI_ASSIGNMENTS_ENABLED);
        Map<Long, List<DeploymentService.Assignment>> bySet = new LinkedHashMap<>();
        for (MgmtDistributionSetAssignment a : bodies.list(body, MgmtDistributionSetAssignment.class)) {
            // An entry named twice is made once; one set named twice otherwise needs multi-assignment
            // (DeploymentService).
            bySet.computeIfAbsent(a.id(), id -> new ArrayList<>())
                    .add(new DeploymentService.Assignment(
                            controllerId,
                            MgmtAction.parseForceType(a.type()),
                            a.forcetime(),
                            a.weight(),
                            MgmtMaintenanceWindowRequestBody.toWindow(a.maintenanceWindow()),
                            a.confirmationRequired()));
        }
        if (bySet.size() > 1 && !multiAssignment) {
            // Without multi-assignment each new assignment cancels the previous one, so several sets at once make no
            // sense.
            throw new HawkbitException(
                    ServerError.MULTIASSIGNMENT_NOT_ENABLED,
                    "Only one distribution set can be assigned to a target at a time unless multi.assignments.enabled"
                            + " is on");
        }
        if (NotImplementedYet.isTrue(offline)) {
            return MgmtTargetAssignmentResponseBody.ofOffline(
                    offlineAssignment.recordEach(tenant, bySet.keySet(), controllerId, user.name()));
        }
        return MgmtTargetAssignmentResponseBody.of(deployments.assignAll(tenant, bySet, user.name()));
    }

    @GetMapping("/{controllerId}/installedDS")
    public ResponseEntity<MgmtDistributionSet> installedDistributionSet(@PathVariable String controllerId) {
        return targets.installedDistributionSet(user.tenant(), controllerId)
                .map(MgmtDistributionSet::of)
                .map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.noContent().build());
    }

    @GetMapping("/{controllerId}/actions")
    public PagedList<MgmtAction> actions(
            @PathVariable String controllerId,
            @RequestParam(required = false) Integer offset,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) String q) {
        var pageable = PageParams.of(offset, limit, sort, ActionQueries.FIELDS, BY_ID_DESC);
        return actionViews.page(user.tenant(), actionQueries.actionsOf(user.tenant(), controllerId, q, pageable));
    }

    /**
     * Deletes closed actions of the target: all but the newest {@code keepLast}, or those a body {@code [id, ...]}
     * names; exactly one of the two. 204, as hawkBit 1.1.
     */
    @DeleteMapping("/{controllerId}/actions")
    public ResponseEntity<Void> deleteActions(
            @PathVariable String controllerId,
            @RequestParam(required = false) Integer keepLast,
            @RequestBody(required = false) JsonNode body) {
        List<Long> ids = ActionIdList.parse(body);
        if ((keepLast == null) == ids.isEmpty()) {
            throw new HawkbitException(
                    ServerError.PARAM_INVALID,
                    "Give either keepLast or a body listing action ids, e.g. [253, 255], not "
                            + (keepLast == null ? "neither" : "both"));
        }
        if (keepLast != null) {
            if (keepLast < 0) {
                throw new HawkbitException(ServerError.PARAM_INVALID, "keepLast must not be negative: " + keepLast);
            }
            deletion.keepLast(user.tenant(), controllerId, keepLast);
        } else {
            deletion.deleteOfTarget(user.tenant(), controllerId, ids);
        }
        return ResponseEntity.noContent().build();
    }

    /** Switches the action to forced, the one change hawkBit allows here; 200 with the action. */
    @PutMapping("/{controllerId}/actions/{actionId}")
    public MgmtAction updateAction(
            @PathVariable String controllerId,
            @PathVariable Long actionId,
            @RequestBody MgmtActionRequestBodyPut body) {
        body.requireForced();
        return actionViews.detailed(user.tenant(), forcing.force(user.tenant(), controllerId, actionId));
    }

    @GetMapping("/{controllerId}/actions/{actionId}")
    public MgmtAction action(@PathVariable String controllerId, @PathVariable Long actionId) {
        return actionViews.detailed(user.tenant(), actionQueries.actionOf(user.tenant(), controllerId, actionId));
    }

    /** Requests cancelation, or with {@code force=true} ends an action that is already canceling. */
    @DeleteMapping("/{controllerId}/actions/{actionId}")
    public ResponseEntity<Void> cancel(
            @PathVariable String controllerId,
            @PathVariable Long actionId,
            @RequestParam(defaultValue = "false") boolean force) {
        cancellation.cancel(user.tenant(), controllerId, actionId, force, user.name());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{controllerId}/actions/{actionId}/status")
    public PagedList<MgmtActionStatus> statuses(
            @PathVariable String controllerId,
            @PathVariable Long actionId,
            @RequestParam(required = false) Integer offset,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String sort) {
        var pageable = PageParams.of(offset, limit, sort, STATUS_FIELDS, BY_ID_DESC);
        return PagedList.of(
                actionQueries.statusesOf(user.tenant(), controllerId, actionId, pageable), MgmtActionStatus::of);
    }

    private static void checkAddress(String address) {
        if (address == null) {
            return;
        }
        try {
            URI.create(address);
        } catch (IllegalArgumentException e) {
            throw new HawkbitException(
                    ServerError.PARAM_INVALID, "The target address '" + address + "' is not a valid URI");
        }
    }
}
